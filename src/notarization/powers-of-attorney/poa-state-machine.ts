import { Lifecycle } from '../../core/lifecycle/lifecycle';
import { PoaState } from './poa.enums';

export type PoaEvent = 'confirm' | 'lapse' | 'revoke' | 'expire' | 'withdraw';

/** The lifecycle of a power of attorney, as data. */
export const poaMachine = new Lifecycle<PoaState, PoaEvent>({
  name: 'PowerOfAttorney',
  nameAr: 'الوكالة',
  auditPrefix: 'poa',
  description:
    'A power of attorney: a draft confirmed by every principal (or lapsed), then in force until revoked, expired or given up by its agents.',
  states: Object.values(PoaState),
  initial: [PoaState.DRAFT, PoaState.ACTIVE],
  final: [PoaState.LAPSED, PoaState.REVOKED, PoaState.EXPIRED, PoaState.WITHDRAWN],
  transitions: {
    confirm: {
      from: [PoaState.DRAFT],
      to: PoaState.ACTIVE,
      ability: 'confirm (each principal)',
      effects: ["in force with the last principal's confirmation or the fee's payment, whichever comes last"],
    },
    lapse: {
      from: [PoaState.DRAFT],
      to: PoaState.LAPSED,
      effects: ['by the sweep, past the confirmation window', 'or its fee unpaid when its bill expired'],
    },
    revoke: {
      from: [PoaState.ACTIVE],
      to: PoaState.REVOKED,
      ability: 'revoke',
      effects: ['its delegations revoked with it', 'notice to its people'],
    },
    expire: { from: [PoaState.ACTIVE], to: PoaState.EXPIRED, effects: ['by the sweep, past its end', 'its delegations ended with it'] },
    withdraw: {
      from: [PoaState.ACTIVE],
      to: PoaState.WITHDRAWN,
      ability: 'withdraw (an agent steps down; the last agent ends it)',
      effects: ['notice to its people'],
    },
  },
});

/**
 * The state as of `now`: an active one past its end is EXPIRED and a draft past its confirmation
 * window LAPSED, whether or not the sweep has persisted it yet. A delegated one never outlives its
 * parent's validity (checked at delegation) and is ended with it (cascaded in the same transaction).
 */
export function effectiveState(p: { state: PoaState; validTo: Date; confirmBy: Date | null }, now: Date): PoaState {
  if (p.state === PoaState.ACTIVE && p.validTo.getTime() <= now.getTime()) return PoaState.EXPIRED;
  if (p.state === PoaState.DRAFT && p.confirmBy && p.confirmBy.getTime() <= now.getTime()) return PoaState.LAPSED;
  return p.state;
}
