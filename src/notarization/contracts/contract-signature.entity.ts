import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/database/base.entity';
import { SignaturePurpose } from './contract.enums';

@ObjectType({ description: 'A party’s signature (or agreement to cancel), given after a fresh one-time code, by the party or an agent.' })
@Entity('contract_signatures')
export class ContractSignature extends BaseEntity {
  @Field(() => ID)
  @Column('uuid')
  contractId!: string;

  @Field(() => ID, { nullable: true, description: 'The party (gone when an amendment replaced the parties).' })
  @Column('uuid', { nullable: true })
  partyId!: string | null;

  /** Whose signature this is (the party's signer), kept when an amendment replaces the parties. */
  @Column({ type: 'char', length: 10 })
  principalNationalId!: string;

  @Field(() => SignaturePurpose)
  @Column({ type: 'text' })
  purpose!: SignaturePurpose;

  @Field(() => ID, { description: 'The user who signed: the party, or the agent.' })
  @Column('uuid')
  signedBy!: string;

  @Field(() => ID, { nullable: true, description: 'For an agent: the power of attorney relied on.' })
  @Column('uuid', { nullable: true })
  powerOfAttorneyId!: string | null;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  signedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Set when the terms changed after this signature.' })
  @Column({ type: 'timestamptz', nullable: true })
  invalidatedAt!: Date | null;

  @Field({ description: 'Signed by an agent under a power of attorney.' })
  get byAgent(): boolean {
    return this.powerOfAttorneyId !== null;
  }
}
