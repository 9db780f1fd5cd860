import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/database/base.entity';

export enum SettlementState {
  /** Proposed: the parties consent, one by one. */
  PROPOSED = 'PROPOSED',
  /** Approved by the judge: the case is settled and the settlement document enforceable. */
  APPROVED = 'APPROVED',
  /** Replaced by a later proposal in the same case, before approval. */
  SUPERSEDED = 'SUPERSEDED',
  /** The case ended otherwise before approval. */
  LAPSED = 'LAPSED',
}
registerEnumType(SettlementState, { name: 'SettlementState' });

@ObjectType({ description: 'One instalment of a settlement: how much is paid by when.' })
export class SettlementInstalment {
  @Field({ description: 'YYYY-MM-DD' })
  dueOn!: string;

  @Field(() => Float, { description: 'SAR, at most two decimals.' })
  amount!: number;
}

@ObjectType({ description: 'A party’s consent to a settlement, given with a fresh one-time code as a contract signature is.' })
@Entity('settlement_consents')
export class SettlementConsent extends BaseEntity {
  @Field(() => ID)
  @Column('uuid')
  settlementId!: string;

  @Field(() => ID)
  @Column('uuid')
  partyId!: string;

  @Column('uuid')
  consentedBy!: string;

  @Field(() => ID, { nullable: true, description: 'The power of attorney an agent consented under.' })
  @Column('uuid', { nullable: true })
  powerOfAttorneyId!: string | null;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  consentedAt!: Date;
}

@ObjectType({
  description: 'A settlement (صلح) of a case: its terms, the parties’ consents and the judge’s approval (docs/domain.md, "Settlement").',
})
@Entity('lawsuit_settlements')
export class Settlement extends BaseEntity {
  @Field(() => ID)
  @Column('uuid')
  lawsuitId!: string;

  @Field(() => SettlementState)
  @Column({ type: 'text' })
  state!: SettlementState;

  @Field({ description: 'The terms as the parties agreed them.' })
  @Column({ type: 'text' })
  terms!: string;

  @Field(() => Float, { nullable: true, description: 'The total to be paid under the settlement, in SAR; null when it settles no sum.' })
  @Column({
    type: 'numeric',
    precision: 14,
    scale: 2,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  amount!: number | null;

  @Field(() => [SettlementInstalment], { description: 'How the amount is paid; empty: at once, or no sum.' })
  @Column({ type: 'jsonb', default: () => `'[]'` })
  instalments!: SettlementInstalment[];

  @Column('uuid')
  proposedBy!: string;

  @Column('uuid', { nullable: true })
  approvedBy!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Field(() => Int)
  @Column({ type: 'int', default: 1 })
  version!: number;
}
