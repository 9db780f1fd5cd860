/**
 * Confirmations of a self-issued power of attorney with several principals: each of the others
 * confirms with a fresh TOTP code within the window, and the last confirmation puts it in force
 * (its notices and its document then, as for one issued in force).
 */
import { Injectable } from '@nestjs/common';
import { authorize } from '../../access/authorize';
import type { RequestContext } from '../../access/context/request-context';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError } from '../../core/errors/domain-error';
import { DocumentKind, DocumentsService } from '../../documents';
import { AuthService } from '../../identity';
import { NotificationKind } from '../../notifications';
import { PoaNotices } from './poa-notices';
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
    private readonly notices: PoaNotices,
    private readonly documents: DocumentsService,
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
      const unconfirmed = await tx.manager.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM poa_principals WHERE poa_id = $1 AND confirmed_at IS NULL',
        [poa.id],
      );
      if (unconfirmed[0].n === 0) {
        const active = await this.transitions.apply(tx, poa, 'confirm', { activatedAt: tx.now(), confirmBy: null });
        await this.notices.send(tx, NotificationKind.POA_ISSUED, active, await this.transitions.everyone(tx, poa.id), 'issued');
        await this.documents.issue(tx, DocumentKind.POWER_OF_ATTORNEY, active.id);
        return active;
      }
      return tx.repo(PowerOfAttorney).findOneByOrFail({ id: poa.id });
    });
  }
}
