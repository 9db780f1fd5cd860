import { Field, OmitType, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsNationalId, NATIONAL_ID_FORMAT, PASSWORD_RULE, PHONE_RULE } from '../core/validation/validators';
import { said } from '../core/validation/constraint-messages';
import { FIELD } from '../core/i18n/core-messages';
import { IDENTITY } from './identity-messages';
import { Role, UserStatus } from '../access/role.enum';
import { NamedInput } from '../core/validation/named.input';

@InputType()
export class LoginInput {
  @Field()
  @Matches(NATIONAL_ID_FORMAT, said(FIELD.nationalIdFormat()))
  nationalId!: string;

  @Field()
  @IsString()
  @Length(1, 128)
  password!: string;

  @Field({ nullable: true, description: 'Current TOTP code, required when two-factor is enabled.' })
  @IsOptional()
  @Matches(/^[0-9]{6}$/, said(FIELD.otp()))
  otp?: string;

  @Field({ nullable: true, description: 'A one-time recovery code (generateRecoveryCodes), in place of the TOTP code of a lost device.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9 -]{10,16}$/, said(IDENTITY.recoveryCodeFormat()))
  recoveryCode?: string;
}

@InputType({ isAbstract: true })
abstract class PersonInput extends NamedInput {
  @Field()
  @IsNationalId()
  nationalId!: string;

  @Field({ nullable: true, description: '+9665XXXXXXXX' })
  @IsOptional()
  @Matches(PHONE_RULE, said(FIELD.phone()))
  phone?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail({}, said(FIELD.mustBeEmail()))
  @MaxLength(254)
  email?: string;

  @Field()
  @Matches(PASSWORD_RULE, said(FIELD.password()))
  password!: string;
}

@InputType()
export class MembershipInput {
  @Field(() => Role)
  @IsEnum(Role)
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'For CLERK and COURT_ADMIN.' })
  @IsOptional()
  @IsUUID()
  courtId?: string;

  @Field(() => ID, { nullable: true, description: 'For JUDGE (the court follows from the circuit).' })
  @IsOptional()
  @IsUUID()
  circuitId?: string;

  @Field(() => ID, { nullable: true, description: 'For PROSECUTOR.' })
  @IsOptional()
  @IsUUID()
  prosecutionOfficeId?: string;

  @Field(() => ID, { nullable: true, description: 'For NOTARY.' })
  @IsOptional()
  @IsUUID()
  notaryOfficeId?: string;
}

@InputType()
export class CreateUserInput extends PersonInput {
  @Field(() => [Role], { description: 'Roles besides those implied by memberships; CITIZEN is always held.' })
  @IsEnum(Role, { each: true })
  @ArrayMinSize(0)
  roles!: Role[];

  @Field(() => [MembershipInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => MembershipInput)
  memberships!: MembershipInput[];

  @Field({ nullable: true, description: 'Required with the LAWYER role.' })
  @IsOptional()
  @Matches(/^[0-9A-Z-]{4,20}$/, said(IDENTITY.lawyerLicenseFormat()))
  lawyerLicense?: string;
}

@InputType()
export class AddMembershipInput extends MembershipInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;
}

@InputType()
export class SetUserStatusInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field(() => UserStatus)
  @IsEnum(UserStatus)
  status!: UserStatus;
}

@InputType()
export class UpdateProfileInput {
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
  @Matches(PHONE_RULE, said(FIELD.phone()))
  phone?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail({}, said(FIELD.mustBeEmail()))
  email?: string;
}

@InputType()
export class UsersFilter {
  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  courtId?: string;

  @Field({ nullable: true, description: 'Exact national ID.' })
  @IsOptional()
  @Matches(NATIONAL_ID_FORMAT)
  nationalId?: string;
}

@InputType({ description: 'A staff member to invite: as createUser, but the person chooses their own password through the emailed link.' })
export class InviteStaffInput extends OmitType(CreateUserInput, ['password', 'email'] as const) {
  @Field({ description: 'Where the activation link is sent.' })
  @IsEmail({}, said(FIELD.mustBeEmail()))
  @MaxLength(254)
  email!: string;
}
