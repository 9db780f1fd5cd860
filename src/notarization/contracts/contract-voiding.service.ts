/**
 * Voiding: a judge of the circuit that decided a lawsuit voids a notarized contract by that
 * lawsuit's final judgment, learned of through the court-judgments port.
 */
import { Injectable } from '@nestjs/common';
import { authorize, can } from '../../access/authorize';
import type { RequestContext } from '../../access/context/request-context';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError, NotFoundError } from '../../core/errors/domain-error';
import { contractShape, ContractShape, ContractTransitions } from './contract-transitions';
import { Contract } from './contract.entity';
import type { VoidContractInput } from './contract.inputs';
import { CourtJudgments } from './court-judgments.port';
import { NOTARIZATION } from '../notarization-messages';

@Injectable()
export class ContractVoiding {
  constructor(
    private readonly tx: Transactions,
    private readonly transitions: ContractTransitions,
    private readonly courtJudgments: CourtJudgments,
  ) {}

  /**
   * Nothing is looked up for a caller who may void no contract (FORBIDDEN). Then the judgment: one
   * the caller has no standing on (not of their circuit) answers as one that does not exist, so
   * that no one learns which judgments or contracts exist (docs/domain.md, "Not found").
   */
  async void(ctx: RequestContext, input: VoidContractInput): Promise<Contract> {
    authorize(ctx, 'void', 'Contract');
    return this.tx.run(ctx, async (tx) => {
      const judgment = await this.courtJudgments.judgmentFacts(tx, input.judgmentId);
      const judgmentCircuitIds = judgment?.circuitId ? [judgment.circuitId] : [];
      if (!judgment || !can(tx, 'void', 'Contract', { judgmentCircuitIds })) throw new NotFoundError(NOTARIZATION.judgmentNotFound());
      if (!judgment.finalAt) throw BadUserInputError.field('input.judgmentId', NOTARIZATION.judgmentNotFinal());
      const row = await tx.repo(Contract).findOneBy({ number: input.number.trim() });
      if (!row) throw new NotFoundError(NOTARIZATION.contractNotFound());
      const shape: ContractShape = { ...(await contractShape(tx, row)), judgmentCircuitIds };
      authorize(tx, 'void', 'Contract', shape);
      const contract = await this.transitions.lock(tx, row.id);
      return this.transitions.apply(tx, contract, 'void', {
        patch: { voidedAt: tx.now(), voidedBy: tx.actor!.id, voidJudgmentId: judgment.id, voidReason: input.reason },
        audit: { judgmentId: judgment.id },
        details: { reason: input.reason },
      });
    });
  }
}
