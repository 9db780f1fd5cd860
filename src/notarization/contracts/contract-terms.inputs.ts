/**
 * The structured terms of each contract type, as callers send them: a tagged union by type, of
 * which exactly the member named after the contract's type is given (checked in contract-terms.ts).
 * Each member is validated here, field by field: amounts in halalas at most, deeds, dates, currencies.
 */
import { Field, Float, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsISO8601, IsOptional, IsString, Length, Matches, Max, ValidateNested } from 'class-validator';
import { IsSar } from '../../core/validation/money';
import { IsNationalId } from '../../core/validation/validators';
import { CompanyLegalForm, LeasePaymentPeriod } from './contract.enums';
import { said } from '../../core/validation/constraint-messages';
import { NOTARIZATION } from '../notarization-messages';

/** A positive amount in SAR with at most two decimals (halalas), below 100 billion: exact (core/validation/money.ts). */
const IsAmount = (): PropertyDecorator => IsSar(true);

const DEED = /^[0-9]{6,14}$/;
const DEED_MESSAGE = said(NOTARIZATION.deedFormat());
const DATE = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;
const CURRENCY = /^[A-Z]{3}$/;
const CURRENCY_MESSAGE = said(NOTARIZATION.currencyFormat());

@InputType()
export class SaleTermsInput {
  @Field({ description: 'What is sold.' })
  @IsString()
  @Length(3, 2000)
  subject!: string;

  @Field(() => Float, { description: 'Price, two decimals at most.' })
  @IsAmount()
  price!: number;

  @Field({ defaultValue: 'SAR' })
  @Matches(CURRENCY, CURRENCY_MESSAGE)
  currency!: string;

  @Field({ nullable: true, description: 'Title deed of the property sold, when it is real estate.' })
  @IsOptional()
  @Matches(DEED, DEED_MESSAGE)
  deedNumber?: string;
}

@InputType()
export class LeaseTermsInput {
  @Field({ description: 'The leased property.' })
  @IsString()
  @Length(3, 2000)
  property!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(DEED, DEED_MESSAGE)
  deedNumber?: string;

  @Field({ description: 'First day of the lease (YYYY-MM-DD).' })
  @Matches(DATE, said(NOTARIZATION.dateFormat()))
  @IsISO8601({ strict: true }, said(NOTARIZATION.calendarDay()))
  startDate!: string;

  @Field({ description: 'Last day of the lease (YYYY-MM-DD), after the first.' })
  @Matches(DATE, said(NOTARIZATION.dateFormat()))
  @IsISO8601({ strict: true }, said(NOTARIZATION.calendarDay()))
  endDate!: string;

  @Field(() => Float, { description: 'Rent per payment period.' })
  @IsAmount()
  rent!: number;

  @Field({ defaultValue: 'SAR' })
  @Matches(CURRENCY, CURRENCY_MESSAGE)
  currency!: string;

  @Field(() => LeasePaymentPeriod)
  @IsEnum(LeasePaymentPeriod)
  paymentPeriod!: LeasePaymentPeriod;

  @Field(() => Float, { nullable: true, description: 'Security deposit.' })
  @IsOptional()
  @IsAmount()
  deposit?: number;
}

@InputType()
export class ShareInput {
  @Field({ description: 'National ID of a partner of the contract.' })
  @IsNationalId()
  nationalId!: string;

  @Field(() => Float, { description: 'Percent of the capital, two decimals at most; the shares sum to 100.' })
  @IsAmount()
  @Max(100)
  percent!: number;
}

@InputType()
export class CompanyFormationTermsInput {
  @Field()
  @IsString()
  @Length(2, 200)
  companyNameAr!: string;

  @Field()
  @IsString()
  @Length(2, 200)
  companyNameEn!: string;

  @Field(() => CompanyLegalForm)
  @IsEnum(CompanyLegalForm)
  legalForm!: CompanyLegalForm;

  @Field(() => Float)
  @IsAmount()
  capital!: number;

  @Field({ defaultValue: 'SAR' })
  @Matches(CURRENCY, CURRENCY_MESSAGE)
  currency!: string;

  @Field({ description: 'Purpose of the company.' })
  @IsString()
  @Length(3, 2000)
  purpose!: string;

  @Field(() => [ShareInput])
  @ValidateNested({ each: true })
  @Type(() => ShareInput)
  @ArrayMinSize(2)
  @ArrayMaxSize(50)
  shares!: ShareInput[];
}

@InputType()
export class RealEstateTransferTermsInput {
  @Field({ description: 'Title deed transferred (صك).' })
  @Matches(DEED, DEED_MESSAGE)
  deedNumber!: string;

  @Field()
  @IsString()
  @Length(3, 2000)
  property!: string;

  @Field()
  @IsString()
  @Length(2, 100)
  city!: string;

  @Field(() => Float, { description: 'Area in square metres.' })
  @IsAmount()
  areaSqm!: number;

  @Field(() => Float, { description: 'Consideration paid for the transfer.' })
  @IsAmount()
  price!: number;

  @Field({ defaultValue: 'SAR' })
  @Matches(CURRENCY, CURRENCY_MESSAGE)
  currency!: string;
}

@InputType()
export class GiftTermsInput {
  @Field({ description: 'What is given.' })
  @IsString()
  @Length(3, 2000)
  subject!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(DEED, DEED_MESSAGE)
  deedNumber?: string;

  @Field(() => Float, { nullable: true, description: 'Estimated value.' })
  @IsOptional()
  @IsAmount()
  estimatedValue?: number;

  @Field({ defaultValue: 'SAR' })
  @Matches(CURRENCY, CURRENCY_MESSAGE)
  currency!: string;
}

@InputType()
export class MortgageTermsInput {
  @Field({ description: 'Title deed of the mortgaged property.' })
  @Matches(DEED, DEED_MESSAGE)
  deedNumber!: string;

  @Field()
  @IsString()
  @Length(3, 2000)
  property!: string;

  @Field(() => Float, { description: 'Debt secured by the mortgage.' })
  @IsAmount()
  debtAmount!: number;

  @Field({ defaultValue: 'SAR' })
  @Matches(CURRENCY, CURRENCY_MESSAGE)
  currency!: string;

  @Field({ description: 'When the debt falls due (YYYY-MM-DD).' })
  @Matches(DATE, said(NOTARIZATION.dateFormat()))
  @IsISO8601({ strict: true }, said(NOTARIZATION.calendarDay()))
  maturityDate!: string;
}

/** Exactly one member, the one of the contract's type. */
@InputType()
export class ContractTermsInput {
  @Field(() => SaleTermsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SaleTermsInput)
  sale?: SaleTermsInput;

  @Field(() => LeaseTermsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LeaseTermsInput)
  lease?: LeaseTermsInput;

  @Field(() => CompanyFormationTermsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CompanyFormationTermsInput)
  companyFormation?: CompanyFormationTermsInput;

  @Field(() => RealEstateTransferTermsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RealEstateTransferTermsInput)
  realEstateTransfer?: RealEstateTransferTermsInput;

  @Field(() => GiftTermsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => GiftTermsInput)
  gift?: GiftTermsInput;

  @Field(() => MortgageTermsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MortgageTermsInput)
  mortgage?: MortgageTermsInput;
}
