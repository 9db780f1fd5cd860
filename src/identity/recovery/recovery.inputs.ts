import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsString, IsUUID, Length, Matches } from 'class-validator';
import { NATIONAL_ID_FORMAT, PASSWORD_RULE } from '../../core/validation/validators';
import { said } from '../../core/validation/constraint-messages';
import { FIELD } from '../../core/i18n/core-messages';
import { IDENTITY } from '../identity-messages';

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @Length(1, 128)
  currentPassword!: string;

  @Field({ description: '10 to 128 characters with at least one letter and one digit.' })
  @Matches(PASSWORD_RULE, said(FIELD.password()))
  newPassword!: string;
}

@InputType()
export class RequestTwoFactorResetInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field({ description: 'Why (the person lost their device, say): kept in the audit trail.' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export enum ResetChannel {
  SMS = 'SMS',
  EMAIL = 'EMAIL',
}
registerEnumType(ResetChannel, {
  name: 'ResetChannel',
  description: 'Where a password-reset code is sent: the phone or the e-mail on record.',
});

@InputType()
export class RequestPasswordResetInput {
  @Field()
  @Matches(NATIONAL_ID_FORMAT, said(FIELD.nationalIdFormat()))
  nationalId!: string;

  @Field(() => ResetChannel, { defaultValue: ResetChannel.SMS })
  @IsEnum(ResetChannel)
  channel!: ResetChannel;
}

@InputType()
export class ResetPasswordInput {
  @Field()
  @Matches(NATIONAL_ID_FORMAT, said(FIELD.nationalIdFormat()))
  nationalId!: string;

  @Field({ description: 'The six-digit code sent by requestPasswordReset.' })
  @Matches(/^[0-9]{6}$/, said(IDENTITY.resetCodeFormat()))
  code!: string;

  @Field({ description: '10 to 128 characters with at least one letter and one digit.' })
  @Matches(PASSWORD_RULE, said(FIELD.password()))
  newPassword!: string;
}

@InputType()
export class ActivateAccountInput {
  @Field({ description: 'The token of the activation link.' })
  @Matches(/^[A-Za-z0-9_-]{43}$/, said(IDENTITY.activationTokenFormat()))
  token!: string;

  @Field({ description: '10 to 128 characters with at least one letter and one digit.' })
  @Matches(PASSWORD_RULE, said(FIELD.password()))
  password!: string;
}
