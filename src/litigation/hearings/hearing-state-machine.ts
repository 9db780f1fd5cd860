/** SCHEDULED → HELD (minutes, attendance) | POSTPONED (reason, new hearing linked) | CANCELLED. */
import { Lifecycle } from '../../core/lifecycle/lifecycle';
import { LITIGATION } from '../litigation-messages';
import { LawsuitState } from '../lawsuits/lawsuit-state-machine';
import { HearingState } from './hearing.enums';

export type HearingEvent = 'hold' | 'postpone' | 'cancel';

/** What the guards of a hearing's transitions look at beyond its state. */
export interface HearingFacts {
  /** hold: the state of the hearing's case (minutes only while it is in hearings). */
  caseState?: LawsuitState;
}

export const hearingMachine = new Lifecycle<HearingState, HearingEvent, HearingFacts>({
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
      guards: [
        {
          name: 'the case is in hearings',
          holds: (f) => f.caseState === LawsuitState.IN_HEARINGS,
          refusal: (f) => LITIGATION.minutesCaseOver({ state: f.caseState ?? '?' }),
        },
      ],
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
      effects: ['notice with a calendar cancellation to the parties and the bench'],
    },
  },
});
