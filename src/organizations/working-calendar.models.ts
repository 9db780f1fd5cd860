/**
 * The public shape of the working calendar: the kingdom's standard week, hours and time zone
 * (working-calendar-rules.ts) with their legal basis, and one court's calendar as hearings are
 * scheduled against it. The rule table is typed by these classes.
 */
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { LegalBasis } from '../core/rules/legal-basis';
import { Holiday } from './holiday.entity';

@ObjectType('WorkingTimeZone')
export class WorkingTimeZoneRule {
  @Field({ description: 'IANA time zone, e.g. Asia/Riyadh.' })
  zone!: string;

  @Field(() => LegalBasis)
  basis!: LegalBasis;
}

@ObjectType('WorkingWeek')
export class WorkingWeekRule {
  @Field(() => [Int], { description: 'Working days, 0 = Sunday … 6 = Saturday.' })
  days!: readonly number[];

  @Field(() => LegalBasis)
  basis!: LegalBasis;
}

@ObjectType('WorkingHours')
export class WorkingHoursRule {
  @Field({ description: 'Start of the working day, HH:MM local time.' })
  start!: string;

  @Field({ description: 'End of the working day, HH:MM local time.' })
  end!: string;

  @Field(() => LegalBasis)
  basis!: LegalBasis;
}

@ObjectType('WorkingHolidaysRule', { description: 'Where closed days come from; the days themselves are in each court’s calendar.' })
export class WorkingHolidaysRule {
  @Field(() => LegalBasis)
  basis!: LegalBasis;
}

@ObjectType('StandardWorkingCalendar', {
  description: 'The standard calendar of the courts: a new court takes it, and its court administrator may adjust the court’s own.',
})
export class StandardWorkingCalendar {
  @Field(() => WorkingTimeZoneRule)
  timeZone!: WorkingTimeZoneRule;

  @Field(() => WorkingWeekRule)
  week!: WorkingWeekRule;

  @Field(() => WorkingHoursRule)
  hours!: WorkingHoursRule;

  @Field(() => WorkingHolidaysRule)
  holidays!: WorkingHolidaysRule;
}

@ObjectType('CourtWorkingCalendar', {
  description: 'A court’s calendar as hearings are scheduled against it, with the standard it follows.',
})
export class CourtWorkingCalendar {
  @Field(() => ID)
  courtId!: string;

  @Field()
  timeZone!: string;

  @Field(() => [Int], { description: 'Working days, 0 = Sunday … 6 = Saturday.' })
  workDays!: number[];

  @Field({ description: 'Start of the working day, HH:MM local time.' })
  workStart!: string;

  @Field({ description: 'End of the working day, HH:MM local time.' })
  workEnd!: string;

  @Field({ description: 'First day of the holidays listed (YYYY-MM-DD).' })
  from!: string;

  @Field({ description: 'Last day of the holidays listed (YYYY-MM-DD).' })
  to!: string;

  @Field(() => [Holiday], { description: 'Closed days of the court and nationwide ones, overlapping [from, to].' })
  holidays!: Holiday[];

  @Field(() => StandardWorkingCalendar)
  standard!: StandardWorkingCalendar;
}
