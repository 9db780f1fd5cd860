/**
 * Drafting a contract (by a notary of the office, or by a party who names the office), amending
 * its parties and terms (which sends one out for signature back to draft and voids the signatures
 * given to the old terms), and putting it to the parties' signatures. One transaction per act.
 */
import { AttachmentsService } from '../../evidence';
import { Injectable } from '@nestjs/common';
import { authorize } from '../../access/authorize';
import type { RequestContext } from '../../access/context/request-context';
import { hijriYear } from '../../core/clock/hijri';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError, StaleVersionError } from '../../core/errors/domain-error';
import { OrganizationLookups } from '../../organizations';
import { ContractFees } from './contract-fees';
import { ContractParty } from './contract-party.entity';
import { contractMachine, ContractState } from './contract-state-machine';
import { checkContent } from './contract-terms';
import { contractShape, ContractTransitions, snapshot } from './contract-transitions';
import { Contract } from './contract.entity';
import { ContractPartyKind } from './contract.enums';
import type { ContractContentInput, DraftContractInput, UpdateContractDraftInput } from './contract.inputs';
import { NOTARIZATION } from '../notarization-messages';

@Injectable()
export class ContractDrafting {
  constructor(
    private readonly tx: Transactions,
    private readonly transitions: ContractTransitions,
    private readonly organizations: OrganizationLookups,
    private readonly attachments: AttachmentsService,
    private readonly fees: ContractFees,
  ) {}

  async draft(ctx: RequestContext, input: DraftContractInput): Promise<Contract> {
    const content = checkContent(input.type, input);
    // A party drafts for themselves; a notary for their office (whose contracts they may create).
    authorize(ctx, 'create', 'Contract', {
      notaryOfficeId: input.notaryOfficeId,
      draftedBy: ctx.actor!.id,
      state: ContractState.DRAFT,
      signerNationalIds: signersOf(input),
    });
    return this.tx.run(ctx, async (tx) => {
      if (!(await this.organizations.findNotaryOffice(tx, input.notaryOfficeId))) {
        throw BadUserInputError.field('input.notaryOfficeId', NOTARIZATION.notANotaryOffice());
      }
      const [{ seq }] = await tx.manager.query<{ seq: string }[]>(`SELECT nextval('contract_number_seq') AS seq`);
      const contract = await tx.repo(Contract).save(
        tx.repo(Contract).create({
          number: `NC-${hijriYear(tx.now())}-${seq.padStart(6, '0')}`,
          type: input.type,
          state: ContractState.DRAFT,
          notaryOfficeId: input.notaryOfficeId,
          draftedBy: tx.actor!.id,
          terms: content.terms,
          freeText: input.freeText,
          amount: content.amount,
          currency: content.currency,
          deedNumber: content.deedNumber,
          submittedAt: null,
          notarizedAt: null,
          notarizedBy: null,
          cancelledAt: null,
          voidedAt: null,
          voidedBy: null,
          voidJudgmentId: null,
          voidReason: null,
          verificationHash: null,
        }),
      );
      await writeParties(tx, contract.id, input);
      await this.attach(tx, contract.id, input);
      tx.audit({
        action: 'contract.drafted',
        subjectType: 'Contract',
        subjectId: contract.id,
        after: { ...snapshot(contract), type: contract.type, notaryOfficeId: contract.notaryOfficeId, parties: input.parties.length },
      });
      return contract;
    });
  }

  /**
   * Replaces the parties, terms and free text. Allowed in draft and while awaiting signatures; in
   * the latter case the contract goes back to draft and every signature given so far is
   * invalidated (it was given to other terms), which its parties are told.
   */
  async updateDraft(ctx: RequestContext, input: UpdateContractDraftInput): Promise<Contract> {
    return this.tx.run(ctx, async (tx) => {
      const contract = await this.transitions.lockReadable(tx, input.id);
      const shape = await contractShape(tx, contract);
      authorize(tx, 'update', 'Contract', shape);
      contractMachine.next(contract.state, 'amend');
      if (contract.version !== input.version) throw new StaleVersionError();
      const content = checkContent(contract.type, input);
      // The new content must be one the caller could have drafted: a party stays among the parties.
      authorize(tx, 'create', 'Contract', { ...shape, signerNationalIds: signersOf(input) });
      const invalidated = await this.transitions.invalidateSignatures(tx, contract.id);
      await tx.repo(ContractParty).delete({ contractId: contract.id });
      await writeParties(tx, contract.id, input);
      await this.attach(tx, contract.id, input);
      await this.fees.amended(tx, contract);
      return this.transitions.apply(tx, contract, 'amend', {
        patch: {
          terms: content.terms,
          freeText: input.freeText,
          amount: content.amount,
          currency: content.currency,
          deedNumber: content.deedNumber,
          submittedAt: null,
        },
        details: { invalidated },
        // Only a contract that was out for signature concerns the parties.
        notify: contract.state === ContractState.AWAITING_SIGNATURES,
      });
    });
  }

  /** The input's uploads, attached to the contract (its read rule decides who reads them). */
  private attach(tx: RequestContext, contractId: string, input: ContractContentInput) {
    return this.attachments.attach(
      tx,
      input.attachmentIds ?? [],
      { type: 'Contract', id: contractId, purpose: 'draft' },
      'input.attachmentIds',
    );
  }

  /** The drafter (or a notary of the office) puts the contract to the parties' signatures; its notary fee is billed. */
  submit(ctx: RequestContext, id: string): Promise<Contract> {
    return this.tx.run(ctx, async (tx) => {
      const contract = await this.transitions.lockReadable(tx, id);
      authorize(tx, 'submit', 'Contract', await contractShape(tx, contract));
      const submitted = await this.transitions.apply(tx, contract, 'submit', { patch: { submittedAt: tx.now() } });
      await this.fees.submitted(tx, submitted);
      return submitted;
    });
  }
}

/** The people who sign for the parties of an input. */
function signersOf(input: ContractContentInput): string[] {
  return input.parties.map((p) => p.nationalId ?? p.signatoryNationalId).filter((n): n is string => !!n);
}

async function writeParties(tx: RequestContext, contractId: string, input: ContractContentInput): Promise<void> {
  await tx.repo(ContractParty).insert(
    input.parties.map((p, position) => ({
      contractId,
      position,
      role: p.role,
      kind: p.kind,
      nationalId: p.kind === ContractPartyKind.PERSON ? p.nationalId! : null,
      organizationNumber: p.kind === ContractPartyKind.ORGANIZATION ? p.organizationNumber! : null,
      signatoryNationalId: p.kind === ContractPartyKind.ORGANIZATION ? p.signatoryNationalId! : null,
      nameAr: p.nameAr,
      nameEn: p.nameEn,
    })),
  );
}
