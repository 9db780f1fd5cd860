/**
 * The parties' signatures: signing a contract out for signature, and agreeing to cancel a
 * notarized one (cancelled when every party has), are the same act with another purpose. Each
 * needs a fresh one-time code of the person acting, who signs for their own parties or, as an
 * agent, for a principal's party under a power of attorney granting the power its type and role need.
 */
import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { authorize, can } from '../../access/authorize';
import type { RequestContext } from '../../access/context/request-context';
import { Transactions } from '../../core/database/transactions';
import { ForbiddenError, NotFoundError } from '../../core/errors/domain-error';
import { AuthService } from '../../identity';
import { AgencyService } from '../powers-of-attorney/agency.service';
import { ContractParty } from './contract-party.entity';
import { agencyPowerFor } from './contract-rules';
import { ContractSignature } from './contract-signature.entity';
import { ContractEvent, contractMachine } from './contract-state-machine';
import { contractShape, ContractTransitions } from './contract-transitions';
import { Contract } from './contract.entity';
import { ContractPartyKind, SignaturePurpose } from './contract.enums';
import type { SignContractInput } from './contract.inputs';
import { NOTARIZATION } from '../notarization-messages';

@Injectable()
export class ContractSignatures {
  constructor(
    private readonly tx: Transactions,
    private readonly transitions: ContractTransitions,
    private readonly auth: AuthService,
    private readonly agency: AgencyService,
  ) {}

  /** A party signs (or an agent signs for a principal), once, after a fresh one-time code. */
  sign(ctx: RequestContext, input: SignContractInput): Promise<Contract> {
    return this.partyAct(ctx, input, SignaturePurpose.SIGN);
  }

  /** A party agrees to cancel a notarized contract; when every party has, it is cancelled. */
  requestCancellation(ctx: RequestContext, input: SignContractInput): Promise<Contract> {
    return this.partyAct(ctx, input, SignaturePurpose.CANCEL);
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
      const contract = await this.transitions.lock(tx, input.id);
      const parties = await tx.repo(ContractParty).find({ where: { contractId: contract.id }, order: { position: 'ASC' } });
      const actor = tx.actor!;
      let mine: ContractParty[];
      let powerOfAttorneyId: string | null = null;
      if (input.onBehalfOfNationalId && input.onBehalfOfNationalId !== actor.nationalId) {
        // An agent: the principal must be a party, and the agent must hold an active power of
        // attorney with the power this role needs; else, unless the agent may read the contract
        // anyway, NOT_FOUND as for a contract that does not exist (docs/domain.md, "Not found").
        mine = parties.filter((p) => p.signerNationalId === input.onBehalfOfNationalId && p.kind === ContractPartyKind.PERSON);
        if (!mine.length) throw new NotFoundError(NOTARIZATION.contractNotFound());
        const agency = await this.agency
          .requireAgency(tx, {
            agentNationalId: actor.nationalId,
            principalNationalId: input.onBehalfOfNationalId,
            power: agencyPowerFor(contract.type, mine[0].role),
          })
          .catch(async (err: unknown) => {
            if (err instanceof ForbiddenError && !can(tx, 'read', 'Contract', await contractShape(tx, contract))) {
              throw new NotFoundError(NOTARIZATION.contractNotFound());
            }
            throw err;
          });
        powerOfAttorneyId = agency.powerOfAttorneyId;
      } else {
        const shape = await contractShape(tx, contract);
        if (!can(tx, 'read', 'Contract', shape)) throw new NotFoundError(NOTARIZATION.contractNotFound());
        authorize(tx, action, 'Contract', shape);
        mine = parties.filter((p) => p.signerNationalId === actor.nationalId);
      }
      const done = new Set(
        (await tx.repo(ContractSignature).find({ where: { contractId: contract.id, purpose, invalidatedAt: IsNull() } })).map(
          (s) => s.partyId,
        ),
      );
      const todo = mine.filter((p) => !done.has(p.id));
      const facts = { partiesToAct: todo.length };
      contractMachine.next(contract.state, event, facts); // refused before the code is spent
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
      const moved = await this.transitions.apply(tx, contract, event, {
        facts,
        audit: { partyIds: todo.map((p) => p.id), signedBy: actor.id, powerOfAttorneyId, remaining },
        details: { acted },
      });
      if (purpose === SignaturePurpose.CANCEL && remaining === 0) {
        return this.transitions.apply(tx, moved, 'cancel', { patch: { cancelledAt: now } });
      }
      return moved;
    });
  }
}
