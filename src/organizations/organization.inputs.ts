import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { CourtType, Specialization } from './organization.enums';
import { NamedInput } from '../core/validation/named.input';

const CODE = /^[A-Z0-9]{2,12}(-[A-Z0-9]{2,12})*$/;
const CODE_MESSAGE = 'code must be capitals and digits in dash-separated groups, e.g. RYD-GEN';
const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

@InputType()
export class CreateCourtInput extends NamedInput {
  @Field()
  @Matches(CODE, { message: CODE_MESSAGE })
  code!: string;

  @Field(() => CourtType)
  @IsEnum(CourtType)
  type!: CourtType;

  @Field()
  @IsString()
  @Length(2, 100)
  city!: string;
}

@InputType()
export class UpdateCourtInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: 'The version read; a concurrent change is refused.' })
  @IsInt()
  version!: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  nameAr?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  nameEn?: string;

  @Field(() => [Int], { nullable: true, description: 'Working days, 0 = Sunday … 6 = Saturday.' })
  @IsOptional()
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(6, { each: true })
  @ArrayMaxSize(7)
  workDays?: number[];

  @Field({ nullable: true, description: 'HH:MM' })
  @IsOptional()
  @Matches(HHMM, { message: 'workStart must be HH:MM' })
  workStart?: string;

  @Field({ nullable: true, description: 'HH:MM' })
  @IsOptional()
  @Matches(HHMM, { message: 'workEnd must be HH:MM' })
  workEnd?: string;
}

@InputType()
export class CreateCircuitInput extends NamedInput {
  @Field(() => ID)
  @IsUUID()
  courtId!: string;

  @Field()
  @Matches(/^[A-Z0-9-]{1,20}$/, { message: 'code must be 1 to 20 capitals, digits or dashes' })
  code!: string;

  @Field(() => Specialization)
  @IsEnum(Specialization)
  specialization!: Specialization;
}

@InputType()
export class UpdateCircuitInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Int)
  @IsInt()
  version!: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  nameAr?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  nameEn?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class AddHolidayInput extends NamedInput {
  @Field(() => ID, { nullable: true, description: 'Omit for a nationwide holiday.' })
  @IsOptional()
  @IsUUID()
  courtId?: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Matches(DATE, { message: 'startsOn must be YYYY-MM-DD' })
  startsOn!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Matches(DATE, { message: 'endsOn must be YYYY-MM-DD' })
  endsOn!: string;
}

@InputType()
export class CreateOfficeInput extends NamedInput {
  @Field()
  @Matches(CODE, { message: CODE_MESSAGE })
  code!: string;

  @Field()
  @IsString()
  @Length(2, 100)
  city!: string;
}

@InputType()
export class CourtsFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  city?: string;

  @Field(() => CourtType, { nullable: true })
  @IsOptional()
  @IsEnum(CourtType)
  type?: CourtType;
}

@InputType()
export class AddCourtroomInput {
  @Field(() => ID)
  @IsUUID()
  courtId!: string;

  @Field({ description: 'Its name, unique in the court (e.g. «قاعة ٣ — Room 3»).' })
  @IsString()
  @Length(1, 120)
  name!: string;
}
