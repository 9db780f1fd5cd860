import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Deadline } from '../../organizations';
import { HearingMode } from '../hearings/hearing.enums';
import { PartySide } from '../lawsuits/lawsuit.enums';

export enum AgendaDeadlineKind {
  /** A party's window to object to a judgment (or accept it). */
  OBJECTION = 'OBJECTION',
  /** The claimant's window to resume a struck-off case. */
  RESUMPTION = 'RESUMPTION',
  /** The defendant's answer to the claimant's waiver, before the next hearing. */
  WAIVER_ANSWER = 'WAIVER_ANSWER',
  /** A bill to pay (a filing fee, judgment costs, a notary fee). */
  PAYMENT = 'PAYMENT',
}
registerEnumType(AgendaDeadlineKind, { name: 'AgendaDeadlineKind' });

export enum AgendaActionKind {
  OBJECT_OR_ACCEPT = 'OBJECT_OR_ACCEPT',
  RESUME_CASE = 'RESUME_CASE',
  ANSWER_WAIVER = 'ANSWER_WAIVER',
  PAY_BILL = 'PAY_BILL',
  /** A remote hearing is open for check-in: register attendance to get its link. */
  REGISTER_ATTENDANCE = 'REGISTER_ATTENDANCE',
  /** A draft, or a filing the court returned, waits to be submitted. */
  SUBMIT_LAWSUIT = 'SUBMIT_LAWSUIT',
  /** A defendant's statement of defence, due before the first hearing. */
  FILE_DEFENCE = 'FILE_DEFENCE',
}
registerEnumType(AgendaActionKind, { name: 'AgendaActionKind' });

@ObjectType({ description: 'How the person takes part in a case: as a party, or for one (a representative or an agent).' })
export class AgendaRole {
  @Field(() => PartySide)
  side!: PartySide;

  @Field()
  partyNameAr!: string;

  @Field()
  partyNameEn!: string;

  @Field({ description: 'True when the person acts for the party (its representative of record, or an agent) rather than being it.' })
  representing!: boolean;
}

@ObjectType({ description: 'A scheduled hearing of one of the person’s cases.' })
export class AgendaHearing {
  @Field(() => ID)
  hearingId!: string;

  @Field(() => ID)
  lawsuitId!: string;

  @Field(() => String, { nullable: true })
  caseNumber!: string | null;

  @Field(() => GraphQLISODateTime)
  startsAt!: Date;

  @Field(() => GraphQLISODateTime)
  endsAt!: Date;

  @Field(() => HearingMode)
  mode!: HearingMode;

  @Field(() => String, { nullable: true, description: 'The courtroom of an in-person hearing.' })
  room!: string | null;

  @Field()
  courtNameAr!: string;

  @Field()
  courtNameEn!: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'A remote hearing: when check-in opens (15 minutes before it starts).' })
  joinOpensAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'A remote hearing’s link: from check-in until it ends, once the person registered attendance; null otherwise.',
  })
  joinLink!: string | null;

  @Field(() => AgendaRole)
  role!: AgendaRole;

  @Field({ description: 'The UID of its calendar event: the one its invitations and the calendar feed carry.' })
  calendarUid!: string;
}

@ObjectType({ description: 'A deadline of the person’s, with its countdown.' })
export class AgendaDeadline {
  @Field(() => AgendaDeadlineKind)
  kind!: AgendaDeadlineKind;

  @Field(() => ID, { nullable: true })
  lawsuitId!: string | null;

  @Field(() => String, { nullable: true })
  caseNumber!: string | null;

  @Field(() => ID, { nullable: true, description: 'The bill, for a PAYMENT.' })
  billId!: string | null;

  @Field(() => GraphQLISODateTime)
  dueAt!: Date;

  @Field(() => Int, { description: 'Whole days left, rounded up (0 on the last day).' })
  daysLeft!: number;

  @Field(() => Int, { description: 'Seconds left until dueAt.' })
  secondsLeft!: number;

  @Field()
  titleAr!: string;

  @Field()
  titleEn!: string;

  @Field(() => Deadline, {
    nullable: true,
    description: 'A period on the court’s calendar explained: its rule and the closed days it moved over.',
  })
  deadline!: Deadline | null;
}

@ObjectType({ description: 'Something the person should do in one of their cases.' })
export class AgendaAction {
  @Field(() => AgendaActionKind)
  kind!: AgendaActionKind;

  @Field(() => ID, { nullable: true })
  lawsuitId!: string | null;

  @Field(() => String, { nullable: true })
  caseNumber!: string | null;

  @Field(() => ID, { description: 'What to act on: the lawsuit, hearing, waiver or bill.' })
  subjectId!: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  dueAt!: Date | null;

  @Field()
  titleAr!: string;

  @Field()
  titleEn!: string;
}

@ObjectType({
  description:
    'The person’s agenda across their own cases and those they act for: hearings ahead, deadlines with their countdown, and pending actions (docs/domain.md, "A party\'s agenda").',
})
export class Agenda {
  @Field(() => GraphQLISODateTime, { description: 'The moment the countdowns are taken at.' })
  at!: Date;

  @Field(() => [AgendaHearing], { description: 'Scheduled hearings not yet over, soonest first.' })
  hearings!: AgendaHearing[];

  @Field(() => [AgendaDeadline], { description: 'Deadlines not yet passed, soonest first.' })
  deadlines!: AgendaDeadline[];

  @Field(() => [AgendaAction], { description: 'Pending actions, those with a due time first, soonest first.' })
  actions!: AgendaAction[];
}

@ObjectType({ description: 'A personal calendar feed: an ICS address a calendar app subscribes to, until revoked.' })
export class CalendarFeed {
  @Field({ description: 'GET it for text/calendar; it is the credential, so keep it private.' })
  url!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}
