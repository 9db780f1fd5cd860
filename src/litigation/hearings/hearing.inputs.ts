import { Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { HearingMode } from './hearing.enums';
import { said } from '../../core/validation/constraint-messages';
import { FIELD } from '../../core/i18n/core-messages';
import { LITIGATION } from '../litigation-messages';

@InputType({ isAbstract: true })
abstract class SlotInput {
  @Field(() => GraphQLISODateTime)
  @IsDate()
  startsAt!: Date;

  @Field(() => Int, { defaultValue: 30, description: 'Minutes, 15 to 240.' })
  @Min(15)
  @Max(240)
  durationMinutes!: number;
}

@InputType()
export class ScheduleHearingInput extends SlotInput {
  @Field(() => ID)
  @IsUUID()
  lawsuitId!: string;

  @Field(() => HearingMode)
  @IsEnum(HearingMode)
  mode!: HearingMode;

  @Field({
    nullable: true,
    description: 'The courtroom by name, for IN_PERSON (a name new to the court registers the room); or courtroomId.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  room?: string;

  @Field(() => ID, { nullable: true, description: 'The courtroom it books, for IN_PERSON (one of Court.courtrooms); or room by name.' })
  @IsOptional()
  @IsUUID()
  courtroomId?: string;

  @Field({ nullable: true, description: 'Meeting link, for REMOTE (https).' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, said(FIELD.mustBeHttpsUrl()))
  meetingLink?: string;

  @Field(() => ID, { nullable: true, description: 'Presiding judge; by default a judge of the circuit.' })
  @IsOptional()
  @IsUUID()
  judgeId?: string;
}

@InputType()
export class PostponeHearingInput extends SlotInput {
  @Field(() => ID)
  @IsUUID()
  hearingId!: string;

  @Field()
  @IsString()
  @Length(5, 2000)
  reason!: string;
}

@InputType()
export class CancelHearingInput {
  @Field(() => ID)
  @IsUUID()
  hearingId!: string;

  @Field()
  @IsString()
  @Length(5, 2000)
  reason!: string;
}

@InputType()
export class AttendanceInput {
  @Field(() => ID)
  @IsUUID()
  partyId!: string;

  @Field()
  @IsBoolean()
  present!: boolean;
}

@InputType()
export class RecordMinutesInput {
  @Field(() => ID)
  @IsUUID()
  hearingId!: string;

  @Field({ description: 'The minutes (ضبط الجلسة).' })
  @IsString()
  @Length(10, 100000)
  minutes!: string;

  @Field(() => [AttendanceInput])
  @ValidateNested({ each: true })
  @Type(() => AttendanceInput)
  @ArrayMaxSize(100)
  attendance!: AttendanceInput[];
}

@InputType()
export class DocketInput {
  @Field({ description: 'First day, YYYY-MM-DD (Riyadh).' })
  @Matches(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, said(LITIGATION.fromDay()))
  from!: string;

  @Field({ nullable: true, description: 'Last day, YYYY-MM-DD (Riyadh); the same day by default.' })
  @IsOptional()
  @Matches(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, said(LITIGATION.toDay()))
  to?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  circuitId?: string;
}
