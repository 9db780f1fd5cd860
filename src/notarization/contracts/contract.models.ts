import { Field, GraphQLISODateTime, InputType, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { ContractState } from './contract-state-machine';
import { ContractPartyRole, ContractType } from './contract.enums';

@ObjectType({ description: 'A party as the public sees it: role and masked names.' })
export class VerifiedContractParty {
  @Field(() => ContractPartyRole)
  role!: ContractPartyRole;

  @Field()
  nameAr!: string;

  @Field()
  nameEn!: string;
}

@ObjectType({ description: 'The public answer to a contract number and verification code.' })
export class ContractVerification {
  @Field({ description: 'True when the number and code match a contract that is notarized and in force.' })
  valid!: boolean;

  @Field(() => String, { nullable: true })
  number!: string | null;

  @Field(() => ContractType, { nullable: true })
  type!: ContractType | null;

  @Field(() => ContractState, { nullable: true })
  state!: ContractState | null;

  @Field(() => String, { nullable: true })
  notaryOfficeNameAr!: string | null;

  @Field(() => String, { nullable: true })
  notaryOfficeNameEn!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  notarizedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  cancelledAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  voidedAt!: Date | null;

  @Field(() => [VerifiedContractParty])
  parties!: VerifiedContractParty[];
}

@InputType()
export class ContractsFilter {
  @Field(() => [ContractState], { nullable: true })
  @IsOptional()
  @IsEnum(ContractState, { each: true })
  states?: ContractState[];

  @Field(() => ContractType, { nullable: true })
  @IsOptional()
  @IsEnum(ContractType)
  type?: ContractType;
}
