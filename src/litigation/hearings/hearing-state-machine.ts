/** SCHEDULED → HELD (minutes, attendance) | POSTPONED (reason, new hearing linked) | CANCELLED. */
import { Lifecycle } from '../../core/lifecycle/lifecycle';
import { HearingState } from './hearing.enums';

export type HearingEvent = 'hold' | 'postpone' | 'cancel';

export const hearingMachine = new Lifecycle<HearingState, HearingEvent>({
  name: 'Hearing',
  auditPrefix: 'hearing',
  description: 'A hearing of a case: held with minutes, postponed to a new hearing, or cancelled.',
  states: Object.values(HearingState),
  initial: [HearingState.SCHEDULED],
  final: [HearingState.HELD, HearingState.POSTPONED, HearingState.CANCELLED],
  transitions: {
    hold: { from: [HearingState.SCHEDULED], to: HearingState.HELD },
    postpone: { from: [HearingState.SCHEDULED], to: HearingState.POSTPONED },
    cancel: { from: [HearingState.SCHEDULED], to: HearingState.CANCELLED },
  },
});
