/**
 * Expiry and lapse made permanent: active powers of attorney past their end expire, drafts past
 * their confirmation window lapse. Reads already show both from the clock (effectiveState); this
 * writes them down, audits and notifies, one power of attorney per transaction. Run by the worker.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import { Transactions } from '../../core/database/transactions';
import { NotificationKind } from '../../notifications';
import { DelegationCascade } from './delegation-cascade';
import { PoaFees } from './poa-fees';
import { PoaNotices } from './poa-notices';
import { effectiveState, PoaEvent } from './poa-state-machine';
import { PoaTransitions } from './poa-transitions';
import { PoaState } from './poa.enums';
import type { PowerOfAttorney } from './power-of-attorney.entity';

@Injectable()
export class PowerOfAttorneyExpiry {
  constructor(
    private readonly tx: Transactions,
    private readonly transitions: PoaTransitions,
    private readonly cascade: DelegationCascade,
    private readonly notices: PoaNotices,
    private readonly fees: PoaFees,
  ) {}

  /** Persists the expiry and lapse due now, at most `limit` of each. */
  async sweep(ctx: RequestContext, limit = 500): Promise<{ expired: number; lapsed: number }> {
    const now = ctx.now();
    const due = await ctx.manager.query<{ id: string; state: PoaState }[]>(
      `(SELECT id, state FROM powers_of_attorney WHERE state = 'ACTIVE' AND valid_to <= $1 ORDER BY valid_to LIMIT $2)
       UNION ALL
       (SELECT id, state FROM powers_of_attorney WHERE state = 'DRAFT' AND confirm_by <= $1 ORDER BY confirm_by LIMIT $2)`,
      [now, limit],
    );
    const counts = { expired: 0, lapsed: 0 };
    for (const row of due) {
      await this.tx.run(ctx, async (tx) => {
        const poa = await this.transitions.lock(tx, row.id);
        const event: PoaEvent = poa.state === PoaState.ACTIVE ? 'expire' : 'lapse';
        if (effectiveState(poa, tx.now()) === poa.state) return; // changed meanwhile
        const ended = event === 'lapse' ? await this.fees.lapse(tx, poa) : await this.expire(tx, poa);
        await this.cascade.follow(tx, ended);
        counts[event === 'expire' ? 'expired' : 'lapsed'] += 1;
      });
    }
    return counts;
  }

  private async expire(tx: RequestContext, poa: PowerOfAttorney): Promise<PowerOfAttorney> {
    const ended = await this.transitions.apply(tx, poa, 'expire', { endedAt: poa.validTo });
    await this.notices.send(tx, NotificationKind.POA_EXPIRED, ended, await this.transitions.everyone(tx, poa.id), 'expire');
    return ended;
  }
}
