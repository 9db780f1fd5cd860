/**
 * The claimant's waiver of the claim (ترك الدعوى) once a defence was filed: it waits for the
 * defendant's answer (docs/lifecycles.md is generated from this).
 */
import { Lifecycle } from '../../core/lifecycle/lifecycle';
import { WaiverState } from './pleading.enums';
import { LITIGATION } from '../litigation-messages';

export type WaiverEvent = 'accept' | 'refuse';

const NO_WAIVER = LITIGATION.noWaiverAwaiting();

export const waiverMachine = new Lifecycle<WaiverState, WaiverEvent, { exists: boolean }>({
  name: 'ClaimWaiver',
  nameAr: 'ترك الدعوى',
  auditPrefix: 'claim',
  description: "The claimant's waiver of the claim after a defence: the defendant accepts it (the case is withdrawn) or refuses it.",
  states: Object.values(WaiverState),
  initial: [WaiverState.PENDING],
  final: [WaiverState.ACCEPTED, WaiverState.REFUSED],
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
  },
});
