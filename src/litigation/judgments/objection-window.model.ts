import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PartySide } from '../lawsuits/lawsuit.enums';
import { NotificationChannel } from '../../notifications';
import { Deadline } from '../../organizations';
import { ServiceMethod } from './judgment.enums';
import { OBJECTION_DAYS, URGENT_OBJECTION_DAYS } from './objection-window';

export enum ObjectionWindowState {
  /** The party was not served yet: their clock has not started. */
  NOT_SERVED = 'NOT_SERVED',
  OPEN = 'OPEN',
  PASSED = 'PASSED',
  /** The party accepted the judgment (القناعة بالحكم): its window is closed, unused. */
  ACCEPTED = 'ACCEPTED',
}
registerEnumType(ObjectionWindowState, { name: 'ObjectionWindowState' });

@ObjectType({ description: 'One party’s service of the judgment and the objection window that runs from it.' })
export class PartyObjectionWindow {
  @Field(() => ID)
  partyId!: string;

  @Field(() => PartySide)
  side!: PartySide;

  @Field()
  nameAr!: string;

  @Field()
  nameEn!: string;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the judgment’s notice first reached the party, or the recorded service; null: not yet served.',
  })
  servedAt!: Date | null;

  @Field(() => NotificationChannel, { nullable: true, description: 'The channel of the notice that served the party (ELECTRONIC only).' })
  servedChannel!: NotificationChannel | null;

  @Field(() => ServiceMethod, { nullable: true })
  serviceMethod!: ServiceMethod | null;

  @Field(() => String, { nullable: true, description: 'The report or letter a RECORDED service rests on.' })
  serviceReference!: string | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: `Service + ${OBJECTION_DAYS} days (${URGENT_OBJECTION_DAYS} when urgent), moved to the next working day of the court when it ends on a weekend or holiday; null until served.`,
  })
  objectionDeadline!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the party was reminded of the deadline.' })
  remindedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the party accepted the judgment, closing its window.' })
  acceptedAt!: Date | null;

  @Field(() => ObjectionWindowState)
  state!: ObjectionWindowState;

  @Field(() => Deadline, {
    nullable: true,
    description: 'The objection deadline explained: the rule, the nominal end and the closed days it moved over; null until served.',
  })
  deadline!: Deadline | null;
}
