/**
 * What callers send: the parties, the free text, and the structured terms of the contract's type
 * (contract-terms.inputs.ts); then the acts on a contract (amending, signing, voiding).
 */
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { AttachmentIds } from '../../evidence';
import { IsNationalId } from '../../core/validation/validators';
import { ContractTermsInput } from './contract-terms.inputs';
import { ContractPartyKind, ContractPartyRole, ContractType } from './contract.enums';
import { NamedInput } from '../../core/validation/named.input';

@InputType()
export class ContractPartyInput extends NamedInput {
  @Field(() => ContractPartyRole)
  @IsEnum(ContractPartyRole)
  role!: ContractPartyRole;

  @Field(() => ContractPartyKind, { defaultValue: ContractPartyKind.PERSON })
  @IsEnum(ContractPartyKind)
  kind!: ContractPartyKind;

  @Field({ nullable: true, description: 'A person: their national ID or iqama number.' })
  @IsOptional()
  @IsNationalId()
  nationalId?: string;

  @Field({ nullable: true, description: 'An organization: its commercial registration or other number.' })
  @IsOptional()
  @Matches(/^[0-9A-Z-]{5,20}$/, { message: 'organizationNumber must be 5 to 20 digits, capitals or dashes' })
  organizationNumber?: string;

  @Field({ nullable: true, description: 'An organization: the national ID of the person who signs for it.' })
  @IsOptional()
  @IsNationalId()
  signatoryNationalId?: string;
}

@InputType()
export class ContractContentInput {
  @Field(() => [ContractPartyInput])
  @ValidateNested({ each: true })
  @Type(() => ContractPartyInput)
  @ArrayMinSize(2)
  @ArrayMaxSize(50)
  parties!: ContractPartyInput[];

  @Field(() => ContractTermsInput)
  @ValidateNested()
  @Type(() => ContractTermsInput)
  terms!: ContractTermsInput;

  @Field({ description: 'Further clauses in free text.', defaultValue: '' })
  @IsString()
  @Length(0, 20000)
  freeText!: string;

  @AttachmentIds('Files the draft attaches; on an update, also those attached before that stay')
  attachmentIds?: string[];
}

@InputType()
export class DraftContractInput extends ContractContentInput {
  @Field(() => ContractType)
  @IsEnum(ContractType)
  type!: ContractType;

  @Field(() => ID, { description: 'The notary office that will notarize it (a notary drafts for their own office).' })
  @IsUUID()
  notaryOfficeId!: string;
}

/** Replaces parties, terms and free text; the type and the office stay. */
@InputType()
export class UpdateContractDraftInput extends ContractContentInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version!: number;
}

@InputType()
export class SignContractInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field({ description: 'A fresh one-time code (TOTP) of the signer.' })
  @IsString()
  otp!: string;

  @Field({ nullable: true, description: 'Sign as agent for this principal, under an active power of attorney.' })
  @IsOptional()
  @IsNationalId()
  onBehalfOfNationalId?: string;
}

@InputType()
export class VoidContractInput {
  @Field({ description: 'Public number of the contract.' })
  @IsString()
  @Length(5, 40)
  number!: string;

  @Field(() => ID, { description: 'The final judgment that voids it.' })
  @IsUUID()
  judgmentId!: string;

  @Field()
  @IsString()
  @Length(5, 2000)
  reason!: string;
}

@InputType()
export class RefuseContractInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field({ description: 'Why the notary refuses to notarize it; the parties are told.' })
  @IsString()
  @Length(5, 2000)
  reason!: string;
}

/** Agreeing to cancel a notarized contract: the same proof as signing it. */
@InputType()
export class RequestContractCancellationInput extends SignContractInput {}
