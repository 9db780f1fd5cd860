import { IsSar } from '../../core/validation/money';
import { Field, Float, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PartySide } from '../lawsuits/lawsuit.enums';
import { AppealDecision } from './judgment.enums';

@InputType()
export class IssueJudgmentInput {
  @Field(() => ID)
  @IsUUID()
  lawsuitId!: string;

  @Field({ description: 'The operative part (منطوق الحكم).' })
  @IsString()
  @Length(5, 5000)
  ruling!: string;

  @Field()
  @IsString()
  @Length(5, 5000)
  summary!: string;

  @Field({ description: 'The grounds (الأسباب).' })
  @IsString()
  @Length(10, 100000)
  reasoning!: string;

  @Field(() => Float, { nullable: true, description: 'SAR, two decimals at most.' })
  @IsOptional()
  @IsSar(false)
  amountAwarded?: number;

  @Field(() => PartySide)
  @IsEnum(PartySide)
  inFavourOf!: PartySide;
}

@InputType()
export class FileObjectionInput {
  @Field(() => ID)
  @IsUUID()
  lawsuitId!: string;

  @Field()
  @IsString()
  @Length(10, 20000)
  reasons!: string;
}

@InputType()
export class DecideAppealInput {
  @Field(() => ID)
  @IsUUID()
  lawsuitId!: string;

  @Field(() => AppealDecision)
  @IsEnum(AppealDecision)
  decision!: AppealDecision;

  @Field()
  @IsString()
  @Length(10, 100000)
  reasoning!: string;

  @Field(() => Float, { nullable: true, description: 'The amended amount, SAR, two decimals at most (with AMEND).' })
  @IsOptional()
  @IsSar(false)
  amendedAmount?: number;
}

@InputType({ description: 'A service of the judgment outside the platform (process server, official letter), as the court recorded it.' })
export class RecordJudgmentServiceInput {
  @Field(() => ID)
  @IsUUID()
  lawsuitId!: string;

  @Field(() => ID, { description: 'The party served: one that no notice reached on the platform.' })
  @IsUUID()
  partyId!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the party was served: after the judgment, not in the future.' })
  @IsDate()
  servedAt!: Date;

  @Field({ description: 'The process server’s report or the letter the service rests on (محضر التبليغ).' })
  @IsString()
  @Length(3, 500)
  reference!: string;
}
