/** SCHEDULED → HELD (minutes, attendance) | POSTPONED (reason, new hearing linked) | CANCELLED. */
import { Lifecycle } from '../../core/lifecycle/lifecycle';
import { HearingState } from './hearing.enums';

export type HearingEvent = 'hold' | 'postpone' | 'cancel';

export const hearingMachine = new Lifecycle<HearingState, HearingEvent>({
  name: 'Hearing',
  nameAr: 'الجلسة',
  auditPrefix: 'hearing',
  description: 'A hearing of a case: held with minutes, postponed to a new hearing, or cancelled.',
  states: Object.values(HearingState),
  initial: [HearingState.SCHEDULED],
  final: [HearingState.HELD, HearingState.POSTPONED, HearingState.CANCELLED],
  transitions: {
    hold: {
      from: [HearingState.SCHEDULED],
      to: HearingState.HELD,
      ability: 'record',
      audit: 'hearing.held',
      effects: ['attendance recorded', 'the minutes document'],
    },
    postpone: {
      from: [HearingState.SCHEDULED],
      to: HearingState.POSTPONED,
      ability: 'schedule',
      audit: 'hearing.postponed',
      effects: ['a new hearing linked both ways', 'notice with a calendar invitation to the parties', 'a new summons'],
    },
    cancel: {
      from: [HearingState.SCHEDULED],
      to: HearingState.CANCELLED,
      ability: 'schedule',
      audit: 'hearing.cancelled',
      effects: ['notice with a calendar cancellation to the parties'],
    },
  },
});
