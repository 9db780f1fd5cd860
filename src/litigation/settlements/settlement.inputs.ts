import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { IsSar } from '../../core/validation/money';
import { IsNationalId } from '../../core/validation/validators';

@InputType()
export class SettlementInstalmentInput {
  @Field({ description: 'YYYY-MM-DD' })
  @Matches(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, { message: 'dueOn must be YYYY-MM-DD' })
  dueOn!: string;

  @Field(() => Float, { description: 'SAR, positive, two decimals at most.' })
  @IsSar(true)
  amount!: number;
}

@InputType()
export class ProposeSettlementInput {
  @Field(() => ID)
  @IsUUID()
  lawsuitId!: string;

  @Field({ description: 'The terms as the parties agreed them (10 to 10,000 characters).' })
  @IsString()
  @Length(10, 10_000)
  terms!: string;

  @Field(() => Float, { nullable: true, description: 'The total to be paid under the settlement, SAR; omit when it settles no sum.' })
  @IsOptional()
  @IsSar(true)
  amount?: number;

  @Field(() => [SettlementInstalmentInput], {
    nullable: true,
    description: 'How the amount is paid, in order of date (at most 120); they add up to it.',
  })
  @IsOptional()
  @ArrayMaxSize(120)
  @ValidateNested({ each: true })
  @Type(() => SettlementInstalmentInput)
  instalments?: SettlementInstalmentInput[];
}

@InputType()
export class ConsentToSettlementInput {
  @Field(() => ID)
  @IsUUID()
  settlementId!: string;

  @Field({ description: 'A fresh one-time code (TOTP) of the person consenting, as for signing a contract.' })
  @IsString()
  otp!: string;

  @Field({ nullable: true, description: 'Consent as agent for this principal, under a power of attorney with LIT_RECONCILE.' })
  @IsOptional()
  @IsNationalId()
  onBehalfOfNationalId?: string;
}
