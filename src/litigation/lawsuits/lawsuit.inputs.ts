import { IsSar } from '../../core/validation/money';
import { Field, Float, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  ValidateNested,
} from 'class-validator';
import { IsNationalId, NATIONAL_ID_FORMAT } from '../../core/validation/validators';
import { AttachmentIds } from '../../evidence';
import { FilingField, LawsuitCategory, PartyKind, RepresentationBasis, ReviewDecision } from './lawsuit.enums';
import { LawsuitState } from './lawsuit-state-machine';
import { NamedInput } from '../../core/validation/named.input';
import { said } from '../../core/validation/constraint-messages';
import { LITIGATION } from '../litigation-messages';

@InputType()
export class PartyInput extends NamedInput {
  @Field(() => PartyKind)
  @IsEnum(PartyKind)
  kind!: PartyKind;

  @Field({ nullable: true, description: 'Required for a person.' })
  @IsOptional()
  @IsNationalId()
  nationalId?: string;

  @Field({ nullable: true, description: 'Required for an organization (commercial registration or other number).' })
  @IsOptional()
  @Matches(/^[0-9A-Z-]{5,20}$/, said(LITIGATION.organizationNumberFormat()))
  organizationNumber?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'On correction: a party of this filing kept as filed, whose kind and number (shown masked to the filer) are taken from the filing; its names from this input.',
  })
  @IsOptional()
  @IsUUID()
  partyId?: string;
}

@InputType()
export class ClaimInput {
  @Field()
  @IsString()
  @Length(3, 2000)
  description!: string;

  @Field(() => Float, { nullable: true, description: 'SAR, positive, two decimals at most.' })
  @IsOptional()
  @IsSar(true)
  amount?: number;
}

@InputType()
export class AttachmentInput {
  @Field()
  @IsString()
  @Length(1, 255)
  fileName!: string;

  @Field()
  @Matches(/^[a-z]+\/[a-z0-9.+-]+$/, said(LITIGATION.contentTypeFormat()))
  contentType!: string;

  @Field(() => Int)
  @IsInt()
  @IsPositive()
  @Max(50 * 1024 * 1024)
  sizeBytes!: number;

  @Field()
  @Matches(/^[0-9a-f]{64}$/, said(LITIGATION.sha256Format()))
  sha256!: string;
}

@InputType()
export class LawsuitContentInput {
  @Field(() => LawsuitCategory)
  @IsEnum(LawsuitCategory)
  category!: LawsuitCategory;

  @Field()
  @IsString()
  @Length(5, 300)
  subject!: string;

  @Field()
  @IsString()
  @Length(10, 20000)
  facts!: string;

  @Field(() => [ClaimInput])
  @ValidateNested({ each: true })
  @Type(() => ClaimInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  claims!: ClaimInput[];

  @Field(() => [PartyInput])
  @ValidateNested({ each: true })
  @Type(() => PartyInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  claimants!: PartyInput[];

  @Field(() => [PartyInput])
  @ValidateNested({ each: true })
  @Type(() => PartyInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  defendants!: PartyInput[];

  @Field(() => ID, { nullable: true, description: 'Target court; or give city for automatic routing.' })
  @IsOptional()
  @IsUUID()
  courtId?: string;

  @Field({ nullable: true, description: 'City for automatic routing by category.' })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  city?: string;

  @Field({ defaultValue: false })
  @IsBoolean()
  sealed!: boolean;

  @Field(() => ID, { nullable: true, description: 'For CRIMINAL cases: the filing prosecution office.' })
  @IsOptional()
  @IsUUID()
  prosecutionOfficeId?: string;

  @Field(() => [AttachmentInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => AttachmentInput)
  @ArrayMaxSize(50)
  attachments!: AttachmentInput[];

  @AttachmentIds('Files the filing attaches; on correction, also those attached before that stay')
  attachmentIds?: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'Filing for clients: the power of attorney from the claimants that grants the caller LIT_FILE.',
  })
  @IsOptional()
  @IsUUID()
  powerOfAttorneyId?: string;
}

@InputType()
export class FileLawsuitInput extends LawsuitContentInput {}

@InputType()
export class CorrectLawsuitInput extends LawsuitContentInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Int)
  @IsInt()
  version!: number;
}

@InputType()
export class ReviewLawsuitInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => ReviewDecision)
  @IsEnum(ReviewDecision)
  decision!: ReviewDecision;

  @Field({ nullable: true, description: 'Required to return or reject.' })
  @IsOptional()
  @IsString()
  @Length(5, 2000)
  reason?: string;

  @Field(() => [FilingField], { nullable: true, description: 'To return: the parts of the filing to correct.' })
  @IsOptional()
  @IsEnum(FilingField, { each: true })
  @ArrayMaxSize(8)
  fields?: FilingField[];
}

@InputType({ description: 'Legal aid: the court waives a filing\'s fee (docs/payments.md, "Legal aid").' })
export class WaiveFilingFeeInput {
  @Field(() => ID)
  @IsUUID()
  lawsuitId!: string;

  @Field({ description: "The court's decision: why the filer is spared the fee." })
  @IsString()
  @Length(5, 2000)
  reason!: string;
}

@InputType()
export class LawsuitsFilter {
  @Field(() => [LawsuitState], { nullable: true })
  @IsOptional()
  @IsEnum(LawsuitState, { each: true })
  states?: LawsuitState[];

  @Field(() => LawsuitCategory, { nullable: true })
  @IsOptional()
  @IsEnum(LawsuitCategory)
  category?: LawsuitCategory;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  courtId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  circuitId?: string;

  @Field({ nullable: true, description: 'National ID of a party.' })
  @IsOptional()
  @Matches(NATIONAL_ID_FORMAT)
  partyNationalId?: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Filed on or after.' })
  @IsOptional()
  @IsDate()
  filedFrom?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Filed before.' })
  @IsOptional()
  @IsDate()
  filedTo?: Date;

  @Field({ nullable: true, description: 'Words of the subject.' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  text?: string;
}

@InputType()
export class SealLawsuitInput {
  @Field(() => ID)
  @IsUUID()
  lawsuitId!: string;

  @Field({ description: 'Why the court seals the case, or lifts its seal (audited).' })
  @IsString()
  @Length(5, 2000)
  reason!: string;
}

@InputType()
export class TransferLawsuitInput {
  @Field(() => ID)
  @IsUUID()
  lawsuitId!: string;

  @Field(() => ID, { description: 'The court that is competent (its own court, to move it to another circuit).' })
  @IsUUID()
  courtId!: string;

  @Field(() => ID, { nullable: true, description: 'A circuit of that court; by default its least loaded one for the case.' })
  @IsOptional()
  @IsUUID()
  circuitId?: string;

  @Field({ description: 'Why (e.g. lack of jurisdiction); the parties are told.' })
  @IsString()
  @Length(5, 2000)
  reason!: string;
}

@InputType()
export class RepresentationInput {
  @Field(() => ID)
  @IsUUID()
  lawsuitId!: string;

  @Field(() => ID, { description: 'The party represented.' })
  @IsUUID()
  partyId!: string;
}

@InputType()
export class AppointRepresentativeInput {
  @Field(() => ID)
  @IsUUID()
  lawsuitId!: string;

  @Field(() => ID, { description: 'The organization party.' })
  @IsUUID()
  partyId!: string;

  @Field({ description: 'The representative: a person with an account.' })
  @IsNationalId()
  representativeNationalId!: string;

  @Field(() => RepresentationBasis)
  @IsEnum(RepresentationBasis)
  basis!: RepresentationBasis;

  @Field({ description: 'The document it rests on (commercial register extract, power of attorney number…), as the clerk saw it.' })
  @IsString()
  @Length(3, 200)
  reference!: string;
}
