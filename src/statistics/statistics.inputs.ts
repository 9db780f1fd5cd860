import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID, Matches } from 'class-validator';
import { LawsuitCategory } from '../litigation';
import { MONTH_FORMAT } from './month-range';
import { said } from '../core/validation/constraint-messages';
import { STATISTICS } from './statistics-messages';

@InputType({ description: 'Which statistics: one court or all, one category or all, a range of Riyadh months (at most 36).' })
export class CourtStatisticsFilter {
  @Field(() => ID, { nullable: true, description: 'One court; all courts when omitted.' })
  @IsOptional()
  @IsUUID()
  courtId?: string;

  @Field(() => LawsuitCategory, { nullable: true, description: 'One category; all when omitted.' })
  @IsOptional()
  @IsEnum(LawsuitCategory)
  category?: LawsuitCategory;

  @Field({ nullable: true, description: 'First month, YYYY-MM (Asia/Riyadh); defaults to eleven months before `to`.' })
  @IsOptional()
  @Matches(MONTH_FORMAT, said(STATISTICS.fromMonth()))
  from?: string;

  @Field({ nullable: true, description: 'Last month, YYYY-MM (Asia/Riyadh), included; defaults to the current month.' })
  @IsOptional()
  @Matches(MONTH_FORMAT, said(STATISTICS.toMonth()))
  to?: string;
}
