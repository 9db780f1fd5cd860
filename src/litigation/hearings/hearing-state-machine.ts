/** SCHEDULED → HELD (minutes, attendance) | POSTPONED (reason, new hearing linked) | CANCELLED. */
import { StateMachine } from '../../core/state-machine/state-machine';
import { HearingState } from './hearing.enums';

export type HearingEvent = 'hold' | 'postpone' | 'cancel';

export const hearingMachine = new StateMachine<HearingState, HearingEvent>('Hearing', {
  hold: { from: [HearingState.SCHEDULED], to: HearingState.HELD },
  postpone: { from: [HearingState.SCHEDULED], to: HearingState.POSTPONED },
  cancel: { from: [HearingState.SCHEDULED], to: HearingState.CANCELLED },
});
