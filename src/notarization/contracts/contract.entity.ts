import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, VersionColumn } from 'typeorm';
import { BaseEntity } from '../../core/database/base.entity';
import { moneyTransformer } from '../../core/database/money';
import { GraphQLJSON } from '../../core/graphql/json.scalar';
import { ContractState } from './contract-state-machine';
import { ContractType } from './contract.enums';

@ObjectType({ description: 'A notarized contract (عقد موثق): parties with roles, structured terms of its type, and free text.' })
@Entity('contracts')
export class Contract extends BaseEntity {
  @Field({ description: 'Public number, e.g. NC-1447-000042.' })
  @Column()
  number!: string;

  @Field(() => ContractType)
  @Column({ type: 'text' })
  type!: ContractType;

  @Field(() => ContractState)
  @Column({ type: 'text' })
  state!: ContractState;

  @Field(() => ID)
  @Column('uuid')
  notaryOfficeId!: string;

  @Field(() => ID)
  @Column('uuid')
  draftedBy!: string;

  @Field(() => GraphQLJSON, { description: 'The structured terms of the type (the member of ContractTermsInput that was given).' })
  @Column({ type: 'jsonb' })
  terms!: Record<string, unknown>;

  @Field()
  @Column()
  freeText!: string;

  @Field(() => Float, { nullable: true, description: 'The main amount of the type: price, rent, capital, debt or value.' })
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: moneyTransformer })
  amount!: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  currency!: string | null;

  @Field(() => String, { nullable: true, description: 'Title deed concerned, when there is one.' })
  @Column({ type: 'text', nullable: true })
  deedNumber!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  notarizedAt!: Date | null;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  notarizedBy!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  voidedAt!: Date | null;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  voidedBy!: string | null;

  @Field(() => ID, { nullable: true, description: 'The final judgment that voided it.' })
  @Column('uuid', { nullable: true })
  voidJudgmentId!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  voidReason!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When its drafter discarded the draft, or the notary refused it.' })
  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The notary's reason for refusing it." })
  @Column({ type: 'text', nullable: true })
  refusalReason!: string | null;

  /** SHA-256 of the verification code; the code itself is derived, never stored. */
  @Column({ type: 'text', nullable: true })
  verificationHash!: string | null;

  @Field(() => Int)
  @VersionColumn()
  version!: number;
}
