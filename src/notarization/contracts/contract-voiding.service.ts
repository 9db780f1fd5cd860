/**
 * Voiding: a judge of the circuit that decided a lawsuit voids a notarized contract by that
 * lawsuit's final judgment, learned of through the court-judgments port.
 */
import { Injectable } from '@nestjs/common';
import { authorize } from '../../access/authorize';
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

  /** The judgment is checked first, so that a judge without standing learns nothing about the contract. */
  async void(ctx: RequestContext, input: VoidContractInput): Promise<Contract> {
    return this.tx.run(ctx, async (tx) => {
      const judgment = await this.courtJudgments.judgmentFacts(tx, input.judgmentId);
      if (!judgment) throw BadUserInputError.field('input.judgmentId', NOTARIZATION.notAJudgment());
      const judgmentCircuitIds = judgment.circuitId ? [judgment.circuitId] : [];
      const row = await tx.repo(Contract).findOneBy({ number: input.number.trim() });
      const shape: ContractShape = row
        ? { ...(await contractShape(tx, row)), judgmentCircuitIds }
        : {
            notaryOfficeId: '',
            draftedBy: '',
            state: '',
            signerNationalIds: [],
            judgmentCircuitIds,
          };
      authorize(tx, 'void', 'Contract', shape);
      if (!judgment.finalAt) throw BadUserInputError.field('input.judgmentId', NOTARIZATION.judgmentNotFinal());
      if (!row) throw new NotFoundError(NOTARIZATION.contractNotFound());
      const contract = await this.transitions.lock(tx, row.id);
      return this.transitions.apply(tx, contract, 'void', {
        patch: { voidedAt: tx.now(), voidedBy: tx.actor!.id, voidJudgmentId: judgment.id, voidReason: input.reason },
        audit: { judgmentId: judgment.id },
        details: { reason: input.reason },
      });
    });
  }
}
