/**
 * A power of attorney (وكالة) and its parts: principals (الموكلون), agents (الوكلاء) and the granted
 * powers. The verification code is stored as a SHA-256 hash (compared in constant time) and,
 * sealed, for the principals and the issuing office to show again.
 */
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/database/base.entity';
import { AgentState, PoaIssuance, PoaState } from './poa.enums';
import { PowerCode, PowerDomain } from './powers';

@ObjectType({ description: 'A power of attorney (وكالة).' })
@Entity('powers_of_attorney')
export class PowerOfAttorney extends BaseEntity {
  @Field({ description: 'Public number, e.g. POA-2026-00000042.' })
  @Column()
  number!: string;

  @Column({ type: 'bytea' })
  verificationHash!: Buffer;

  @Column()
  verificationSealed!: string;

  @Field(() => PoaIssuance)
  @Column({ type: 'text' })
  issuance!: PoaIssuance;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  notaryOfficeId!: string | null;

  @Column('uuid')
  issuedBy!: string;

  @Field(() => ID, { nullable: true, description: 'The power of attorney this one was delegated from.' })
  @Column('uuid', { nullable: true })
  parentId!: string | null;

  @Column('uuid', { nullable: true })
  delegatedByAgentId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The power of attorney whose terms in force this one replicated.' })
  @Column('uuid', { nullable: true })
  replicatedFromId!: string | null;

  @Field(() => Int)
  @Column('int')
  catalogueVersion!: number;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  validFrom!: Date;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  validTo!: Date;

  @Field()
  @Column()
  canDelegate!: boolean;

  /** As persisted; the API shows the effective state (see effectiveState). */
  @Column({ type: 'text' })
  state!: PoaState;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'A draft lapses unless every principal confirms by then.' })
  @Column({ type: 'timestamptz', nullable: true })
  confirmBy!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  endReason!: string | null;

  @Field(() => Int)
  @Column('int')
  version!: number;
}

/** A person named in a power of attorney, as principal or as agent, in the order given. */
@ObjectType({ isAbstract: true })
abstract class PoaPerson extends BaseEntity {
  @Column('uuid')
  poaId!: string;

  @Field()
  @Column({ type: 'char', length: 10 })
  nationalId!: string;

  @Column('uuid', { nullable: true })
  userId!: string | null;

  @Field()
  @Column()
  nameAr!: string;

  @Field()
  @Column()
  nameEn!: string;

  @Column('int')
  position!: number;
}

@ObjectType('PowerOfAttorneyPrincipal', { description: 'A principal (موكل).' })
@Entity('poa_principals')
export class PoaPrincipal extends PoaPerson {
  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;
}

@ObjectType('PowerOfAttorneyAgent', { description: 'An agent (وكيل).' })
@Entity('poa_agents')
export class PoaAgent extends PoaPerson {
  @Field(() => String, { nullable: true, description: "The lawyer's licence, checked when litigation powers were granted." })
  @Column({ type: 'text', nullable: true })
  lawyerLicense!: string | null;

  @Field(() => AgentState)
  @Column({ type: 'text' })
  state!: AgentState;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  endReason!: string | null;
}

@ObjectType('PowerOfAttorneyPower', { description: 'A granted power, with its catalogue wording.' })
@Entity('poa_powers')
export class PoaPower extends BaseEntity {
  @Column('uuid')
  poaId!: string;

  @Field(() => Int)
  @Column('int')
  catalogueVersion!: number;

  @Field(() => PowerCode)
  @Column({ type: 'text' })
  code!: PowerCode;

  @Column('int')
  position!: number;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  revokedReason!: string | null;

  /** The wording of its catalogue version (filled by the service, not a column). */
  @Field(() => PowerDomain)
  domain!: PowerDomain;

  @Field()
  nameAr!: string;

  @Field()
  nameEn!: string;
}
