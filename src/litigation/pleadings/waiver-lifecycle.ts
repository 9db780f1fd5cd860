/**
 * The claimant's waiver of the claim (ترك الدعوى) once a defence was filed: it waits for the
 * defendant's answer (docs/lifecycles.md is generated from this).
 */
import type { WorkContext } from '../../core/context/work-context';
import { StaleVersionError } from '../../core/errors/domain-error';
import { Lifecycle, type LifecycleStore } from '../../core/lifecycle/lifecycle';
import { ClaimWaiver } from './claim-waiver.entity';
import { WaiverState } from './pleading.enums';
import { LITIGATION } from '../litigation-messages';

export type WaiverEvent = 'accept' | 'refuse' | 'lapse';

const NO_WAIVER = LITIGATION.noWaiverAwaiting();

export const waiverMachine = new Lifecycle<WaiverState, WaiverEvent, { exists: boolean }>({
  name: 'ClaimWaiver',
  nameAr: 'ترك الدعوى',
  auditPrefix: 'claim',
  description:
    "The claimant's waiver of the claim after a defence: the defendant accepts it (the case is withdrawn) or refuses it before the next hearing, else it lapses.",
  states: Object.values(WaiverState),
  initial: [WaiverState.PENDING],
  final: [WaiverState.ACCEPTED, WaiverState.REFUSED, WaiverState.LAPSED],
  transitions: {
    accept: {
      from: [WaiverState.PENDING],
      to: WaiverState.ACCEPTED,
      ability: 'answer (a defendant who filed a defence)',
      refusal: () => NO_WAIVER,
      guards: [{ name: 'a waiver exists', holds: (f) => f.exists, refusal: NO_WAIVER }],
      audit: 'claim.waiver_accepted',
      effects: ['the lawsuit is withdrawn'],
    },
    refuse: {
      from: [WaiverState.PENDING],
      to: WaiverState.REFUSED,
      ability: 'answer (a defendant who filed a defence)',
      refusal: () => NO_WAIVER,
      guards: [{ name: 'a waiver exists', holds: (f) => f.exists, refusal: NO_WAIVER }],
      audit: 'claim.waiver_refused',
      effects: ['the case goes on'],
    },
    lapse: {
      from: [WaiverState.PENDING],
      to: WaiverState.LAPSED,
      audit: 'claim.waiver_lapsed',
      effects: ['by the sweep, when the next hearing began (or the case ended) unanswered', 'the case goes on', 'notice to the parties'],
    },
  },
});

/** How the lifecycle engine writes a waiver: at the state it was read in, as part of its case's history. */
export const waiverStore: LifecycleStore<ClaimWaiver, WaiverState> = {
  stateOf: (w) => w.state,
  idOf: (w) => w.id,
  async write(tx, waiver, change) {
    const result = await tx.repo(ClaimWaiver).update({ id: waiver.id, state: waiver.state }, change);
    if (result.affected !== 1) throw new StaleVersionError();
    return Object.assign(tx.repo(ClaimWaiver).create(), waiver, change);
  },
  snapshot: (w) => ({ state: w.state }),
  auditSubject: (w) => ({ type: 'Lawsuit', id: w.lawsuitId }),
};

/** When the defendant's answer is due: the start of the first hearing after the waiver (none scheduled, not yet). */
export async function answerDeadline(tx: WorkContext, waiver: ClaimWaiver): Promise<Date | null> {
  const [row] = await tx.manager.query<{ starts_at: Date }[]>(
    `SELECT starts_at FROM hearings WHERE lawsuit_id = $1 AND state IN ('SCHEDULED','HELD') AND starts_at > $2 ORDER BY starts_at LIMIT 1`,
    [waiver.lawsuitId, waiver.createdAt],
  );
  return row?.starts_at ?? null;
}
