/**
 * A contract that will never be notarized ends instead of waiting forever (docs/lifecycles.md):
 * its drafter discards a draft; a notary of the office refuses one, with the reason the parties
 * are told. Either way no signature counts any more, an open notary fee bill is cancelled and a
 * paid fee goes back (contract-fees.ts).
 */
import { Injectable } from '@nestjs/common';
import { authorize } from '../../access/authorize';
import type { RequestContext } from '../../access/context/request-context';
import { Transactions } from '../../core/database/transactions';
import { ContractFees } from './contract-fees';
import { contractMachine } from './contract-state-machine';
import { contractShape, ContractTransitions } from './contract-transitions';
import type { Contract } from './contract.entity';

@Injectable()
export class ContractEndings {
  constructor(
    private readonly tx: Transactions,
    private readonly transitions: ContractTransitions,
    private readonly fees: ContractFees,
  ) {}

  /** The drafter gives up a draft. */
  discard(ctx: RequestContext, id: string): Promise<Contract> {
    return this.tx.run(ctx, async (tx) => {
      const contract = await this.transitions.lockReadable(tx, id);
      authorize(tx, 'discard', 'Contract', await contractShape(tx, contract));
      contractMachine.next(contract.state, 'discard');
      const discarded = await this.transitions.apply(tx, contract, 'discard', { patch: { endedAt: tx.now() } });
      await this.fees.ended(tx, discarded, 'discard');
      return discarded;
    });
  }

  /** A notary of the office refuses to notarize a contract, saying why. */
  refuse(ctx: RequestContext, id: string, reason: string): Promise<Contract> {
    return this.tx.run(ctx, async (tx) => {
      const contract = await this.transitions.lockReadable(tx, id);
      authorize(tx, 'refuse', 'Contract', await contractShape(tx, contract));
      contractMachine.next(contract.state, 'refuse');
      await this.transitions.invalidateSignatures(tx, contract.id);
      const refused = await this.transitions.apply(tx, contract, 'refuse', {
        patch: { endedAt: tx.now(), refusalReason: reason },
        audit: { reason },
        details: { reason },
      });
      await this.fees.ended(tx, refused, 'refuse');
      return refused;
    });
  }
}
