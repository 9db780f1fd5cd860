import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length, Matches } from 'class-validator';
import { PASSWORD_MESSAGE, PASSWORD_RULE } from '../../core/validation/validators';

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @Length(1, 128)
  currentPassword!: string;

  @Field({ description: '10 to 128 characters with at least one letter and one digit.' })
  @Matches(PASSWORD_RULE, { message: PASSWORD_MESSAGE })
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
