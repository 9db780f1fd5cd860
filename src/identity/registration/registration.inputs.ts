import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsISO8601, IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { IsNationalId, PASSWORD_RULE } from '../../core/validation/validators';
import { said } from '../../core/validation/constraint-messages';
import { FIELD } from '../../core/i18n/core-messages';
import { IDENTITY } from '../identity-messages';

@InputType()
export class StartCitizenRegistrationInput {
  @Field({ description: 'National ID or iqama number.' })
  @IsNationalId()
  nationalId!: string;

  @Field({ description: 'Gregorian birth date, YYYY-MM-DD, as the civil registry holds it.' })
  @Matches(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, said(IDENTITY.birthDateFormat()))
  @IsISO8601({ strict: true }, said(IDENTITY.birthDateFormat()))
  birthDate!: string;
}

@InputType()
export class RegisterCitizenInput {
  @Field(() => ID, { description: 'From startCitizenRegistration.' })
  @IsUUID()
  registrationId!: string;

  @Field({ description: 'The six-digit code sent to the phone the civil registry holds.' })
  @Matches(/^[0-9]{6}$/, said(IDENTITY.resetCodeFormat()))
  code!: string;

  @Field({ description: '10 to 128 characters with at least one letter and one digit.' })
  @Matches(PASSWORD_RULE, said(FIELD.password()))
  password!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail({}, said(FIELD.mustBeEmail()))
  @MaxLength(254)
  @Length(3, 254)
  email?: string;
}
