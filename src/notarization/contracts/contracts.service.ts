/**
 * Notarized contracts: drafting (by a notary of the office, or by a party who names the office),
 * amending, putting to signature, each party's signature after a fresh one-time code (by the party,
 * or by an agent under a power of attorney), notarization by a notary of the office, cancellation
 * when every party agrees, voiding by the judge of a final judgment, reads and public verification.
 *
 * Every act is one transaction: the row locked, the caller's ability and the state machine asked,
 * the change, its audit event and its notices (contract-notices.ts), or none of them.
 */
import { Inject, Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import type { AccessShapes } from '../../access/ability.types';
import { authorize, can } from '../../access/authorize';
import { applyAbility } from '../../access/sql-filter';
import { ContractSubject } from '../notarization.subjects';
import { ADL_CONFIG, type AdlConfig } from '../../core/config/config';
import { hijriYear } from '../../core/clock/hijri';
import type { RequestContext } from '../../access/context/request-context';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError, DomainError, NotFoundError, StaleVersionError } from '../../core/errors/domain-error';
import { ConnectionShape, newestFirst } from '../../core/graphql/pagination';
import { DocumentKind } from '../../documents';
import { DocumentsService } from '../../documents';
import { AuthService, UserLookups } from '../../identity';
import { CourtJudgments } from './court-judgments.port';
import { type NotaryOffice, OrganizationLookups } from '../../organizations';
import { AgencyService } from '../powers-of-attorney/agency.service';
import { ContractNotices, ContractNoticeDetails } from './contract-notices';
import { ContractParty } from './contract-party.entity';
import { agencyPowerFor, ROLE_NAMES, TYPE_NAMES } from './contract-rules';
import { ContractSignature } from './contract-signature.entity';
import { ContractEvent, contractMachine, ContractState } from './contract-state-machine';
import { checkContent } from './contract-terms';
import { maskName, verificationCode, verificationHash } from './contract-verification';
import { Contract } from './contract.entity';
import { ContractPartyKind, ContractPartyRole, ContractType, SignaturePurpose } from './contract.enums';
import type {
  ContractContentInput,
  DraftContractInput,
  SignContractInput,
  UpdateContractDraftInput,
  VoidContractInput,
} from './contract.inputs';

type ContractShape = AccessShapes['Contract'];

function snapshot(c: Contract) {
  return { number: c.number, state: c.state, version: c.version, amount: c.amount, deedNumber: c.deedNumber };
}

/** What the public learns from a number and its verification code. */
export interface ContractVerificationView {
  valid: boolean;
  number: string | null;
  type: ContractType | null;
  state: ContractState | null;
  notaryOfficeNameAr: string | null;
  notaryOfficeNameEn: string | null;
  notarizedAt: Date | null;
  cancelledAt: Date | null;
  voidedAt: Date | null;
  parties: { role: ContractPartyRole; nameAr: string; nameEn: string }[];
}

/** Everything a contract document template needs, in one object. */
export interface ContractDocumentData {
  contract: Contract;
  typeName: { ar: string; en: string };
  office: NotaryOffice;
  parties: (ContractParty & { roleName: { ar: string; en: string }; signedAt: Date | null; signedByAgent: boolean })[];
  signatures: ContractSignature[];
  notarizedByName: { ar: string; en: string } | null;
  verificationCode: string | null;
  verificationUrl: string | null;
}

@Injectable()
export class ContractsService {
  constructor(
    private readonly tx: Transactions,
    private readonly notices: ContractNotices,
    private readonly auth: AuthService,
    private readonly agency: AgencyService,
    private readonly documents: DocumentsService,
    private readonly courtJudgments: CourtJudgments,
    private readonly organizations: OrganizationLookups,
    private readonly people: UserLookups,
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
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
        throw BadUserInputError.field('input.notaryOfficeId', 'is not a notary office');
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
      await this.writeParties(tx, contract.id, input);
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
      const contract = await this.lockReadable(tx, input.id);
      const shape = await this.shape(tx, contract);
      authorize(tx, 'update', 'Contract', shape);
      contractMachine.next(contract.state, 'amend');
      if (contract.version !== input.version) throw new StaleVersionError('Contract');
      const content = checkContent(contract.type, input);
      // The new content must be one the caller could have drafted: a party stays among the parties.
      authorize(tx, 'create', 'Contract', { ...shape, signerNationalIds: signersOf(input) });
      const invalidated = await tx
        .repo(ContractSignature)
        .update({ contractId: contract.id, invalidatedAt: IsNull() }, { invalidatedAt: tx.now() });
      await tx.repo(ContractParty).delete({ contractId: contract.id });
      await this.writeParties(tx, contract.id, input);
      const moved = await this.applyEvent(
        tx,
        contract,
        'amend',
        {
          terms: content.terms,
          freeText: input.freeText,
          amount: content.amount,
          currency: content.currency,
          deedNumber: content.deedNumber,
          submittedAt: null,
        },
        { invalidated: invalidated.affected ?? 0 },
        // Only a contract that was out for signature concerns the parties.
        contract.state === ContractState.AWAITING_SIGNATURES,
      );
      return moved;
    });
  }

  /** The drafter (or a notary of the office) puts the contract to the parties' signatures. */
  submit(ctx: RequestContext, id: string): Promise<Contract> {
    return this.tx.run(ctx, async (tx) => {
      const contract = await this.lockReadable(tx, id);
      authorize(tx, 'submit', 'Contract', await this.shape(tx, contract));
      return this.applyEvent(tx, contract, 'submit', { submittedAt: tx.now() });
    });
  }

  /** A party signs (or an agent signs for a principal), once, after a fresh one-time code. */
  sign(ctx: RequestContext, input: SignContractInput): Promise<Contract> {
    return this.partyAct(ctx, input, SignaturePurpose.SIGN);
  }

  /** A party agrees to cancel a notarized contract; when every party has, it is cancelled. */
  requestCancellation(ctx: RequestContext, input: SignContractInput): Promise<Contract> {
    return this.partyAct(ctx, input, SignaturePurpose.CANCEL);
  }

  /** A notary of the office notarizes a contract every party has signed. */
  notarize(ctx: RequestContext, id: string): Promise<Contract> {
    return this.tx.run(ctx, async (tx) => {
      const contract = await this.lockReadable(tx, id);
      authorize(tx, 'notarize', 'Contract', await this.shape(tx, contract));
      contractMachine.next(contract.state, 'notarize');
      const unsigned = await this.pending(tx, contract.id, SignaturePurpose.SIGN);
      if (unsigned.length) {
        throw new DomainError('INVALID_TRANSITION', `${unsigned.length} party(ies) have not signed yet.`, {
          machine: 'Contract',
          from: contract.state,
          event: 'notarize',
          unsignedPartyIds: unsigned.map((p) => p.id),
        });
      }
      const code = verificationCode(this.config.secretsKey, contract.id);
      return this.applyEvent(
        tx,
        contract,
        'notarize',
        { notarizedAt: tx.now(), notarizedBy: tx.actor!.id, verificationHash: verificationHash(code) },
        { verificationCode: code },
      );
    });
  }

  /**
   * A judge of the circuit that decided a lawsuit voids a notarized contract by that lawsuit's
   * final judgment. The judgment is checked first, so that a judge without standing learns
   * nothing about the contract.
   */
  async void(ctx: RequestContext, input: VoidContractInput): Promise<Contract> {
    return this.tx.run(ctx, async (tx) => {
      const judgment = await this.courtJudgments.judgmentFacts(tx, input.judgmentId);
      if (!judgment) throw BadUserInputError.field('input.judgmentId', 'is not a judgment');
      const judgmentCircuitIds = judgment.circuitId ? [judgment.circuitId] : [];
      const row = await tx.repo(Contract).findOneBy({ number: input.number.trim() });
      const shape: ContractShape = row
        ? { ...(await this.shape(tx, row)), judgmentCircuitIds }
        : {
            notaryOfficeId: '',
            draftedBy: '',
            state: '',
            signerNationalIds: [],
            judgmentCircuitIds,
          };
      authorize(tx, 'void', 'Contract', shape);
      if (!judgment.finalAt) throw BadUserInputError.field('input.judgmentId', 'the judgment is not final');
      if (!row) throw new NotFoundError('Contract');
      const contract = await this.loadForUpdate(tx, row.id);
      return this.applyEvent(
        tx,
        contract,
        'void',
        { voidedAt: tx.now(), voidedBy: tx.actor!.id, voidJudgmentId: judgment.id, voidReason: input.reason },
        { reason: input.reason },
      );
    });
  }

  /** One contract, if the caller may read it; otherwise NOT_FOUND (existence is not revealed). */
  async get(ctx: RequestContext, id: string): Promise<Contract> {
    const contract = await ctx.repo(Contract).findOneBy({ id });
    if (!contract || !can(ctx, 'read', 'Contract', await this.shape(ctx, contract))) throw new NotFoundError('Contract');
    return contract;
  }

  /** The contracts the caller may read (as a party, a drafter, a notary of the office), newest first. */
  async list(
    ctx: RequestContext,
    filter: { states?: ContractState[]; type?: ContractType },
    first: number,
    after?: string,
  ): Promise<ConnectionShape<Contract>> {
    const qb = ctx.repo(Contract).createQueryBuilder('c');
    applyAbility(qb, ctx.ability, 'read', 'Contract', 'c');
    if (filter.states?.length) qb.andWhere('c.state IN (:...states)', { states: filter.states });
    if (filter.type) qb.andWhere('c.type = :type', { type: filter.type });
    return newestFirst(qb, 'c', first, after);
  }

  /** Public: a number and its verification code show the status, the office and masked names; anything else shows nothing. */
  async verify(ctx: RequestContext, number: string, code: string): Promise<ContractVerificationView> {
    const contract = await ctx.repo(Contract).findOneBy({ number: number.trim(), verificationHash: verificationHash(code) });
    if (!contract) {
      return {
        valid: false,
        number: null,
        type: null,
        state: null,
        notaryOfficeNameAr: null,
        notaryOfficeNameEn: null,
        notarizedAt: null,
        cancelledAt: null,
        voidedAt: null,
        parties: [],
      };
    }
    const office = await this.organizations.notaryOfficeOf(ctx, contract.notaryOfficeId);
    const parties = await ctx.repo(ContractParty).find({ where: { contractId: contract.id }, order: { position: 'ASC' } });
    return {
      valid: contract.state === ContractState.NOTARIZED,
      number: contract.number,
      type: contract.type,
      state: contract.state,
      notaryOfficeNameAr: office.nameAr,
      notaryOfficeNameEn: office.nameEn,
      notarizedAt: contract.notarizedAt,
      cancelledAt: contract.cancelledAt,
      voidedAt: contract.voidedAt,
      parties: parties.map((p) => ({ role: p.role, nameAr: maskName(p.nameAr), nameEn: maskName(p.nameEn) })),
    };
  }

  /** The verification code of a notarized (or later cancelled or voided) contract the caller reads. */
  codeOf(contract: Contract): string | null {
    return contract.verificationHash ? verificationCode(this.config.secretsKey, contract.id) : null;
  }

  /** Everything a contract document needs (for the document module's templates); the caller must be able to read it. */
  async documentData(ctx: RequestContext, id: string): Promise<ContractDocumentData> {
    return this.documentDataOf(ctx, await this.get(ctx, id));
  }

  /** The same for a row in hand, without the read check (the document subject checks reads apart). */
  async documentDataOf(ctx: RequestContext, contract: Contract): Promise<ContractDocumentData> {
    const id = contract.id;
    const office = await this.organizations.notaryOfficeOf(ctx, contract.notaryOfficeId);
    const parties = await ctx.repo(ContractParty).find({ where: { contractId: id }, order: { position: 'ASC' } });
    const signatures = await ctx.repo(ContractSignature).find({ where: { contractId: id }, order: { signedAt: 'ASC' } });
    const notarizedBy = contract.notarizedBy ? await this.people.findUser(ctx, contract.notarizedBy) : null;
    const notary = notarizedBy ? { name_ar: notarizedBy.nameAr, name_en: notarizedBy.nameEn } : undefined;
    const code = this.codeOf(contract);
    return {
      contract,
      typeName: TYPE_NAMES[contract.type],
      office,
      parties: parties.map((p) => {
        const signature = signatures.find((s) => s.partyId === p.id && s.purpose === SignaturePurpose.SIGN && !s.invalidatedAt);
        return Object.assign(p, {
          roleName: ROLE_NAMES[p.role],
          signedAt: signature?.signedAt ?? null,
          signedByAgent: signature ? signature.powerOfAttorneyId !== null : false,
        });
      }),
      signatures,
      notarizedByName: notary ? { ar: notary.name_ar, en: notary.name_en } : null,
      verificationCode: code,
      verificationUrl: code ? `${this.config.publicBaseUrl}/verify/${code}` : null,
    };
  }

  /** Offices are public (organization data). */
  officesByIds(ctx: RequestContext, ids: readonly string[]): Promise<NotaryOffice[]> {
    return this.organizations.notaryOfficesByIds(ctx, ids);
  }

  partiesOf(ctx: RequestContext, contractIds: readonly string[]): Promise<ContractParty[]> {
    return ctx.repo(ContractParty).find({ where: { contractId: In([...contractIds]) }, order: { position: 'ASC' } });
  }

  signaturesOf(ctx: RequestContext, contractIds: readonly string[]): Promise<ContractSignature[]> {
    return ctx.repo(ContractSignature).find({ where: { contractId: In([...contractIds]) }, order: { signedAt: 'ASC' } });
  }

  /** What the contract rules look at: the row plus the people who sign for its parties. */
  shape(ctx: RequestContext, c: Contract): Promise<ContractShape> {
    return ContractSubject.shape(ctx, c);
  }

  /**
   * Signing and agreeing to cancel: the same proof (a fresh one-time code of the person acting),
   * for the parties the actor signs for, or, as an agent, for the principal's party under a power
   * of attorney granting the power that the type and role need.
   */
  private partyAct(ctx: RequestContext, input: SignContractInput, purpose: SignaturePurpose): Promise<Contract> {
    const event: ContractEvent = purpose === SignaturePurpose.SIGN ? 'sign' : 'agreeCancellation';
    const action = purpose === SignaturePurpose.SIGN ? 'sign' : 'cancel';
    return this.tx.run(ctx, async (tx) => {
      const contract = await this.loadForUpdate(tx, input.id);
      const parties = await tx.repo(ContractParty).find({ where: { contractId: contract.id }, order: { position: 'ASC' } });
      const actor = tx.actor!;
      let mine: ContractParty[];
      let powerOfAttorneyId: string | null = null;
      if (input.onBehalfOfNationalId && input.onBehalfOfNationalId !== actor.nationalId) {
        // An agent: the principal must be a party (else, as for a hidden contract, NOT_FOUND), and
        // the agent must hold an active power of attorney with the power this role needs.
        mine = parties.filter((p) => p.signerNationalId === input.onBehalfOfNationalId && p.kind === ContractPartyKind.PERSON);
        if (!mine.length) throw new NotFoundError('Contract');
        const { powerOfAttorneyId: poa } = await this.agency.requireAgency(tx, {
          agentNationalId: actor.nationalId,
          principalNationalId: input.onBehalfOfNationalId,
          power: agencyPowerFor(contract.type, mine[0].role),
        });
        powerOfAttorneyId = poa;
      } else {
        const shape = await this.shape(tx, contract);
        if (!can(tx, 'read', 'Contract', shape)) throw new NotFoundError('Contract');
        authorize(tx, action, 'Contract', shape);
        mine = parties.filter((p) => p.signerNationalId === actor.nationalId);
      }
      contractMachine.next(contract.state, event);
      const done = new Set(
        (await tx.repo(ContractSignature).find({ where: { contractId: contract.id, purpose, invalidatedAt: IsNull() } })).map(
          (s) => s.partyId,
        ),
      );
      const todo = mine.filter((p) => !done.has(p.id));
      if (!todo.length) {
        throw new DomainError(
          'INVALID_TRANSITION',
          purpose === SignaturePurpose.SIGN ? 'This party has already signed.' : 'This party has already agreed to cancel.',
          { machine: 'Contract', from: contract.state, event },
        );
      }
      // Last, so that a refused act does not spend the code; inside the transaction, so that the code
      // counts as used exactly when the signature is recorded.
      await this.auth.verifyStepUp(tx, input.otp, 'input.otp');
      const now = tx.now();
      await tx.repo(ContractSignature).insert(
        todo.map((p) => ({
          contractId: contract.id,
          partyId: p.id,
          principalNationalId: p.signerNationalId,
          purpose,
          signedBy: actor.id,
          powerOfAttorneyId,
          signedAt: now,
          invalidatedAt: null,
        })),
      );
      const remaining = parties.length - done.size - todo.length;
      const acted = { parties: todo, byAgent: powerOfAttorneyId !== null, remaining };
      tx.audit({
        action: purpose === SignaturePurpose.SIGN ? 'contract.signed' : 'contract.cancellation_agreed',
        subjectType: 'Contract',
        subjectId: contract.id,
        after: { partyIds: todo.map((p) => p.id), signedBy: actor.id, powerOfAttorneyId, remaining },
      });
      const moved = await this.applyEvent(tx, contract, event, {}, { acted });
      if (purpose === SignaturePurpose.CANCEL && remaining === 0) {
        return this.applyEvent(tx, moved, 'cancel', { cancelledAt: now });
      }
      return moved;
    });
  }

  /** Parties without a valid signature for `purpose`. */
  private async pending(tx: RequestContext, contractId: string, purpose: SignaturePurpose): Promise<ContractParty[]> {
    const parties = await tx.repo(ContractParty).find({ where: { contractId } });
    const signed = new Set(
      (await tx.repo(ContractSignature).find({ where: { contractId, purpose, invalidatedAt: IsNull() } })).map((s) => s.partyId),
    );
    return parties.filter((p) => !signed.has(p.id));
  }

  /**
   * Moves a contract, locked and authorized by the caller, through one event of the state machine
   * with `patch`, audits it and notifies its people. The state is only ever set here.
   */
  private async applyEvent(
    tx: RequestContext,
    contract: Contract,
    event: ContractEvent,
    patch: Partial<Contract> = {},
    details: ContractNoticeDetails = {},
    notify = true,
  ): Promise<Contract> {
    const change = { ...patch, state: contractMachine.next(contract.state, event) };
    const result = await tx
      .repo(Contract)
      .createQueryBuilder()
      .update()
      // terms is a JSON document: TypeORM's deep-partial type would read it as a nested entity.
      .set(change as never)
      .where('id = :id AND version = :version', { id: contract.id, version: contract.version })
      .execute();
    if (result.affected !== 1) throw new StaleVersionError('Contract');
    // Signatures and agreements are audited with who acted; the other events here.
    if (event !== 'sign' && event !== 'agreeCancellation') {
      tx.audit({
        action: `contract.${event}`,
        subjectType: 'Contract',
        subjectId: contract.id,
        before: snapshot(contract),
        after: { ...snapshot({ ...contract, ...change }), ...(event === 'void' ? { judgmentId: patch.voidJudgmentId } : {}) },
      });
    }
    const moved = await tx.repo(Contract).findOneByOrFail({ id: contract.id });
    if (notify) await this.notices.contractMoved(tx, contract, moved, event, details);
    // The notarized contract's document, in both languages, with the event that makes it one.
    if (event === 'notarize') await this.documents.issue(tx, DocumentKind.NOTARIZED_CONTRACT, moved.id);
    return moved;
  }

  private async loadForUpdate(tx: RequestContext, id: string): Promise<Contract> {
    const contract = await tx.repo(Contract).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
    if (!contract) throw new NotFoundError('Contract');
    return contract;
  }

  /** The row locked; NOT_FOUND unless the caller may read it. */
  private async lockReadable(tx: RequestContext, id: string): Promise<Contract> {
    const contract = await this.loadForUpdate(tx, id);
    if (!can(tx, 'read', 'Contract', await this.shape(tx, contract))) throw new NotFoundError('Contract');
    return contract;
  }

  private async writeParties(tx: RequestContext, contractId: string, input: ContractContentInput): Promise<void> {
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
}

/** The people who sign for the parties of an input. */
function signersOf(input: ContractContentInput): string[] {
  return input.parties.map((p) => p.nationalId ?? p.signatoryNationalId).filter((n): n is string => !!n);
}
