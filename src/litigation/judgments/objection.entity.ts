import { Field, Float, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/database/base.entity';
import { moneyTransformer } from '../../core/database/money';
import { AppealDecision } from './judgment.enums';

@ObjectType({ description: 'An objection (اعتراض) to a judgment, and the appeal court’s decision on it.' })
@Entity('objections')
export class Objection extends BaseEntity {
  @Field(() => ID)
  @Column('uuid')
  judgmentId!: string;

  @Field(() => ID)
  @Column('uuid')
  lawsuitId!: string;

  @Field(() => ID)
  @Column('uuid')
  partyId!: string;

  @Column('uuid')
  filedBy!: string;

  @Field()
  @Column()
  reasons!: string;

  @Field(() => ID)
  @Column('uuid')
  appealCourtId!: string;

  @Field(() => AppealDecision, { nullable: true })
  @Column({ type: 'text', nullable: true })
  decision!: AppealDecision | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  decisionReasoning!: string | null;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: moneyTransformer })
  amendedAmount!: number | null;

  @Column('uuid', { nullable: true })
  decidedBy!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The power of attorney an agent relied on, when an agent acted.' })
  @Column('uuid', { nullable: true })
  powerOfAttorneyId!: string | null;
}
