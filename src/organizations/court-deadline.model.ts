import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { LegalBasis } from '../core/rules/legal-basis';

@ObjectType({ description: 'A day a deadline moved over because the court was closed.' })
export class MovedOverDay {
  @Field({ description: 'The day (YYYY-MM-DD) in the court’s time zone.' })
  day!: string;

  @Field({ description: 'A day of the court’s weekend.' })
  weekend!: boolean;

  @Field(() => String, { nullable: true, description: 'The holiday of the court (or of every court) on that day.' })
  holidayNameAr!: string | null;

  @Field(() => String, { nullable: true })
  holidayNameEn!: string | null;
}

@ObjectType({
  description:
    'A deadline on the court’s calendar: the period and the rule that set it, its nominal end, and the working day it moved to when that end fell on a weekend or a holiday (docs/domain.md, "Dates and deadlines").',
})
export class Deadline {
  @Field(() => GraphQLISODateTime, { description: 'The event the period runs from (a service, a striking off).' })
  startsAt!: Date;

  @Field(() => Int, { description: 'The length of the period in days.' })
  days!: number;

  @Field(() => GraphQLISODateTime, { description: 'startsAt + days, before moving over closed days.' })
  nominalDueAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When the period ends: the act is in time until then.' })
  dueAt!: Date;

  @Field({ description: 'The day it ends (YYYY-MM-DD) in the court’s time zone.' })
  dueOn!: string;

  @Field({ description: 'The day it ends in the Umm al-Qura calendar, in Arabic: «13 جمادى الآخرة 1448 هـ».' })
  dueOnHijriAr!: string;

  @Field({ description: 'The day it ends in the Umm al-Qura calendar, in English: «13 Jumada II 1448 AH».' })
  dueOnHijriEn!: string;

  @Field(() => [MovedOverDay], { description: 'The closed days it moved over, in order; empty when the nominal end was a working day.' })
  movedOver!: MovedOverDay[];

  @Field(() => LegalBasis, { description: 'The rule that sets the period.' })
  rule!: LegalBasis;

  @Field(() => LegalBasis, { nullable: true, description: 'The rule that moved its end to a working day; null when it did not move.' })
  extension!: LegalBasis | null;
}
