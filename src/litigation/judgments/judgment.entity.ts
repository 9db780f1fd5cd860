import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, VersionColumn } from 'typeorm';
import { BaseEntity } from '../../core/database/base.entity';
import { moneyTransformer } from '../../core/database/money';
import { PartySide } from '../lawsuits/lawsuit.enums';
import { OBJECTION_DAYS, URGENT_OBJECTION_DAYS } from './objection-window';

@ObjectType({ description: 'A judgment (حكم) issued by a judge of the circuit after a held hearing.' })
@Entity('judgments')
export class Judgment extends BaseEntity {
  @Field(() => ID)
  @Column('uuid')
  lawsuitId!: string;

  @Field(() => ID)
  @Column('uuid')
  hearingId!: string;

  @Field(() => ID)
  @Column('uuid')
  judgeId!: string;

  @Field()
  @Column()
  ruling!: string;

  @Field()
  @Column()
  summary!: string;

  @Field()
  @Column()
  reasoning!: string;

  @Field(() => Float, { nullable: true, description: 'SAR.' })
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: moneyTransformer })
  amountAwarded!: number | null;

  @Field(() => PartySide)
  @Column({ type: 'text' })
  inFavourOf!: PartySide;

  @Field({ description: 'Urgent category: a 10-day objection window instead of 30.' })
  @Column()
  urgent!: boolean;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  issuedAt!: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the last party was served with the judgment; null while a party is not. Each party’s own service: objectionWindows.',
  })
  @Column({ type: 'timestamptz', nullable: true })
  notifiedAt!: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: `When the last party’s window closes (each runs ${OBJECTION_DAYS} days, ${URGENT_OBJECTION_DAYS} when urgent, from that party’s service); null while a party is not served.`,
  })
  @Column({ type: 'timestamptz', nullable: true })
  objectionDeadline!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it became final (اكتسب القطعية).' })
  @Column({ type: 'timestamptz', nullable: true })
  finalAt!: Date | null;

  @Field(() => Int)
  @VersionColumn()
  version!: number;
}
