/**
 * Confirmations of a self-issued power of attorney with several principals: each of the others
 * confirms with a fresh TOTP code within the window, and the last confirmation puts it in force
 * (its notices and its document then, as for one issued in force), once its fee is paid.
 */
import { Injectable } from '@nestjs/common';
import { authorize } from '../../access/authorize';
import type { RequestContext } from '../../access/context/request-context';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError } from '../../core/errors/domain-error';
import { AuthService } from '../../identity';
import { PoaFees } from './poa-fees';
import { effectiveState, poaMachine } from './poa-state-machine';
import { PoaTransitions } from './poa-transitions';
import { ConfirmPowerOfAttorneyInput } from './poa.inputs';
import { PoaPrincipal, PowerOfAttorney } from './power-of-attorney.entity';
import { PowerOfAttorneyReads } from './powers-of-attorney-reads.service';
import { NOTARIZATION } from '../notarization-messages';

@Injectable()
export class PowerOfAttorneyConfirmations {
  constructor(
    private readonly tx: Transactions,
    private readonly auth: AuthService,
    private readonly transitions: PoaTransitions,
    private readonly reads: PowerOfAttorneyReads,
    private readonly fees: PoaFees,
  ) {}

  /** A principal of a multi-principal draft confirms with a fresh TOTP code; the last one activates it. */
  async confirm(ctx: RequestContext, input: ConfirmPowerOfAttorneyInput): Promise<PowerOfAttorney> {
    return this.tx.run(ctx, async (tx) => {
      const poa = await this.transitions.lockVisible(tx, input.id);
      const shape = await this.reads.shape(tx, poa);
      authorize(tx, 'confirm', 'PowerOfAttorney', shape);
      poaMachine.next(effectiveState(poa, tx.now()), 'confirm');
      const principal = await tx.repo(PoaPrincipal).findOneByOrFail({ poaId: poa.id, nationalId: tx.actor!.nationalId });
      if (principal.confirmedAt) throw BadUserInputError.field('input.id', NOTARIZATION.alreadyConfirmed());
      await this.auth.verifyStepUp(tx, input.otp, 'input.otp');
      await tx.repo(PoaPrincipal).update(principal.id, { confirmedAt: tx.now(), userId: tx.actor!.id });
      tx.audit({
        action: 'poa.principal_confirmed',
        subjectType: 'PowerOfAttorney',
        subjectId: poa.id,
        after: { principalId: principal.id },
      });
      // The last confirmation puts it in force, unless its fee is still unpaid (then the payment will).
      return (await this.fees.activateWhenDue(tx, poa)) ?? tx.repo(PowerOfAttorney).findOneByOrFail({ id: poa.id });
    });
  }
}
