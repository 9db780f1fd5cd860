import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, VersionColumn } from 'typeorm';
import { BaseEntity } from '../../core/database/base.entity';
import { HearingMode, HearingState } from './hearing.enums';

@ObjectType({ description: 'A hearing (جلسة) of a lawsuit before its circuit.' })
@Entity('hearings')
export class Hearing extends BaseEntity {
  @Field(() => ID)
  @Column('uuid')
  lawsuitId!: string;

  @Field(() => ID)
  @Column('uuid')
  circuitId!: string;

  @Field(() => ID)
  @Column('uuid')
  courtId!: string;

  @Field(() => ID, { nullable: true, description: 'The presiding judge.' })
  @Column('uuid', { nullable: true })
  judgeId!: string | null;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @Field(() => HearingMode)
  @Column({ type: 'text' })
  mode!: HearingMode;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  room!: string | null;

  @Field(() => ID, { nullable: true, description: 'The courtroom an in-person hearing books (the room named above).' })
  @Column('uuid', { nullable: true })
  courtroomId!: string | null;

  /** Shown only to those allowed (parties who registered attendance, the court). */
  @Column({ type: 'text', nullable: true })
  meetingLink!: string | null;

  @Field(() => HearingState)
  @Column({ type: 'text' })
  state!: HearingState;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  postponementReason!: string | null;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  nextHearingId!: string | null;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  previousHearingId!: string | null;

  @Column({ type: 'text', nullable: true })
  minutes!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  heldAt!: Date | null;

  @Field(() => Int)
  @VersionColumn()
  version!: number;
}
