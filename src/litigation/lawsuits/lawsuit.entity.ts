import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, OneToMany, VersionColumn } from 'typeorm';
import { BaseEntity } from '../../core/database/base.entity';
import { moneyTransformer } from '../../core/database/money';
import { FilingField, LawsuitCategory } from './lawsuit.enums';
import { LawsuitState } from './lawsuit-state-machine';
import type { LawsuitParty } from './lawsuit-party.entity';
import { STRUCK_OFF_RESUMPTION } from './struck-off-rules';

@ObjectType({ description: 'A lawsuit (دعوى).' })
@Entity('lawsuits')
export class Lawsuit extends BaseEntity {
  @Field(() => ID)
  @Column('uuid')
  courtId!: string;

  @Field(() => ID, { nullable: true, description: 'The circuit it was referred to on registration.' })
  @Column('uuid', { nullable: true })
  circuitId!: string | null;

  @Field(() => LawsuitCategory)
  @Column({ type: 'text' })
  category!: LawsuitCategory;

  @Field()
  @Column()
  subject!: string;

  @Field()
  @Column()
  facts!: string;

  @Field()
  @Column()
  sealed!: boolean;

  @Field(() => LawsuitState)
  @Column({ type: 'text' })
  state!: LawsuitState;

  @Field(() => ID)
  @Column('uuid')
  filedBy!: string;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  prosecutionOfficeId!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. 1448-RYD-GEN-000123, from registration on.' })
  @Column({ type: 'text', nullable: true })
  caseNumber!: string | null;

  @Field(() => Int, { nullable: true, description: 'Hijri year of the case number.' })
  @Column({ type: 'int', nullable: true })
  caseYear!: number | null;

  @Column({ type: 'int', nullable: true })
  caseSeq!: number | null;

  @Field(() => Float, { description: 'Sum of the claims with an amount, SAR.' })
  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: moneyTransformer })
  claimedAmount!: number;

  @Field(() => Float, { description: 'Court fee computed from the fee schedule, SAR.' })
  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: moneyTransformer })
  feeAmount!: number;

  @Field()
  @Column()
  feeExempt!: boolean;

  @Field(() => String, { nullable: true, description: 'Legal aid: the court waived the filing fee, for this reason (its decision).' })
  @Column({ type: 'text', nullable: true })
  feeWaiverReason!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  returnReason!: string | null;

  @Field(() => [FilingField], { description: 'While returned: the parts of the filing the clerk named to correct.' })
  @Column({ type: 'text', array: true })
  returnFields!: FilingField[];

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  rejectReason!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  registeredAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: `When it was struck off (شطب); resumable once within ${STRUCK_OFF_RESUMPTION.days} days, until resumeDeadline.`,
  })
  @Column({ type: 'timestamptz', nullable: true })
  struckOffAt!: Date | null;

  /** Until when a struck-off case may be resumed, on its court's calendar (the API explains it: resumeDeadline). */
  @Column({ type: 'timestamptz', nullable: true })
  resumeDueAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  resumedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  settledAt!: Date | null;

  @Field(() => Int)
  @VersionColumn()
  version!: number;

  @OneToMany('LawsuitParty', 'lawsuit')
  parties?: LawsuitParty[];
}
