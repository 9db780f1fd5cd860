import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/database/base.entity';
import { ContractPartyKind, ContractPartyRole } from './contract.enums';

@ObjectType({ description: 'A party to a contract: a person by national ID, or an organization signing through a person.' })
@Entity('contract_parties')
export class ContractParty extends BaseEntity {
  @Field(() => ID)
  @Column('uuid')
  contractId!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  position!: number;

  @Field(() => ContractPartyRole)
  @Column({ type: 'text' })
  role!: ContractPartyRole;

  @Field(() => ContractPartyKind)
  @Column({ type: 'text' })
  kind!: ContractPartyKind;

  /** Shown through a rule (masked for most viewers); see contracts.resolver.ts. */
  @Column({ type: 'char', length: 10, nullable: true })
  nationalId!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  organizationNumber!: string | null;

  /** For an organization: who signs for it. Shown through the same rule as nationalId. */
  @Column({ type: 'char', length: 10, nullable: true })
  signatoryNationalId!: string | null;

  @Field()
  @Column()
  nameAr!: string;

  @Field()
  @Column()
  nameEn!: string;

  /** The person whose signature binds this party. */
  get signerNationalId(): string {
    return (this.nationalId ?? this.signatoryNationalId)!;
  }
}
