import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { AttachmentIds } from '../../evidence';
import { countedEn } from '../../core/rules/counted';
import { IsNationalId } from '../../core/validation/validators';
import { POWER_OF_ATTORNEY_LIMITS } from './poa-limits';
import { PoaRelation } from './poa.enums';
import { PowerCode } from './powers';
import { NamedInput } from '../../core/validation/named.input';
import { said } from '../../core/validation/constraint-messages';
import { NOTARIZATION } from '../notarization-messages';

const { principals: PRINCIPALS, agents: AGENTS, selfIssuedValidity, notarizedValidity } = POWER_OF_ATTORNEY_LIMITS;

@InputType('PowerOfAttorneyPersonInput')
export class PoaPersonInput extends NamedInput {
  @Field()
  @IsNationalId()
  nationalId!: string;
}

@InputType('PowerOfAttorneyAgentInput')
export class PoaAgentInput extends PoaPersonInput {
  @Field({ nullable: true, description: "A lawyer's licence; checked against the lawyer's account when litigation powers are granted." })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{3,30}$/, said(NOTARIZATION.lawyerLicenseFormat()))
  lawyerLicense?: string;
}

@InputType()
export class IssuePowerOfAttorneyInput {
  @Field(() => [PoaPersonInput], { description: 'Principals (الموكلون); a self-issued one must include the caller.' })
  @ValidateNested({ each: true })
  @Type(() => PoaPersonInput)
  @ArrayMinSize(PRINCIPALS.min)
  @ArrayMaxSize(PRINCIPALS.max)
  principals!: PoaPersonInput[];

  @Field(() => [PoaAgentInput])
  @ValidateNested({ each: true })
  @Type(() => PoaAgentInput)
  @ArrayMinSize(AGENTS.min)
  @ArrayMaxSize(AGENTS.max)
  agents!: PoaAgentInput[];

  @Field(() => [PowerCode])
  @IsEnum(PowerCode, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  powers!: PowerCode[];

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Default: now.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  validFrom?: Date;

  @Field(() => GraphQLISODateTime, {
    description: `Self-issued: at most ${countedEn(selfIssuedValidity.maxYears, 'year')} after validFrom; by a notary: at most ${countedEn(notarizedValidity.maxYears, 'year')}.`,
  })
  @Type(() => Date)
  @IsDate()
  validTo!: Date;

  @Field(() => Boolean, { defaultValue: false, description: 'Whether agents may delegate (توكيل الغير).' })
  @IsBoolean()
  canDelegate = false;

  @Field(() => ID, { nullable: true, description: 'Issue as a notary of this office (principals present in person).' })
  @IsOptional()
  @IsUUID()
  notaryOfficeId?: string;

  @Field({ nullable: true, description: 'Self-issued: a fresh TOTP code (step-up).' })
  @IsOptional()
  @IsString()
  otp?: string;

  @AttachmentIds('Supporting files (an ID copy, a deed) the power of attorney attaches')
  attachmentIds?: string[];
}

@InputType()
export class ConfirmPowerOfAttorneyInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field({ description: 'A fresh TOTP code (step-up).' })
  @IsString()
  otp!: string;
}

@InputType()
export class RevokePowerOfAttorneyInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field()
  @IsString()
  @Length(3, 1000)
  reason!: string;

  @Field(() => [String], { nullable: true, description: 'Partial revocation: only these agents (by national ID).' })
  @IsOptional()
  @IsNationalId({ each: true })
  @ArrayMinSize(1)
  agentNationalIds?: string[];

  @Field(() => [PowerCode], { nullable: true, description: 'Partial revocation: only these powers.' })
  @IsOptional()
  @IsEnum(PowerCode, { each: true })
  @ArrayMinSize(1)
  powers?: PowerCode[];
}

@InputType()
export class WithdrawFromPowerOfAttorneyInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(3, 1000)
  reason?: string;
}

@InputType()
export class DelegatePowerOfAttorneyInput {
  @Field(() => ID, { description: 'The parent power of attorney.' })
  @IsUUID()
  id!: string;

  @Field(() => [PoaAgentInput])
  @ValidateNested({ each: true })
  @Type(() => PoaAgentInput)
  @ArrayMinSize(AGENTS.min)
  @ArrayMaxSize(AGENTS.max)
  agents!: PoaAgentInput[];

  @Field(() => [PowerCode], { description: "A subset of the parent's powers in force." })
  @IsEnum(PowerCode, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  powers!: PowerCode[];

  @Field(() => GraphQLISODateTime, { nullable: true, description: "Default and maximum: the parent's end of validity." })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  validTo?: Date;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  canDelegate = false;

  @Field({
    nullable: true,
    description: 'A fresh TOTP code (step-up), required: a delegation is a power of attorney issued electronically by the agent.',
  })
  @IsOptional()
  @IsString()
  otp?: string;
}

@InputType()
export class ReplicatePowerOfAttorneyInput {
  @Field(() => ID, { description: 'The power of attorney whose terms still in force are copied.' })
  @IsUUID()
  id!: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  validFrom?: Date;

  @Field(() => GraphQLISODateTime)
  @Type(() => Date)
  @IsDate()
  validTo!: Date;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  notaryOfficeId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  otp?: string;
}

@InputType()
export class MyPowersOfAttorneyFilter {
  @Field(() => PoaRelation, { nullable: true, description: 'As principal or as agent; both by default.' })
  @IsOptional()
  @IsEnum(PoaRelation)
  as?: PoaRelation;
}

@InputType()
export class OfficePowersOfAttorneyFilter {
  @Field({ nullable: true, description: 'Only those naming this person as a principal or an agent.' })
  @IsOptional()
  @IsNationalId()
  nationalId?: string;
}
