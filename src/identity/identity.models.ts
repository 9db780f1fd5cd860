import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import type { AppAbility } from '../access/ability.types';
import { Membership } from './membership.entity';
import { Role, UserStatus } from '../access/role.enum';

/**
 * A user as shown through the API. `nationalId`, `phone` and `email` are resolved by rule
 * (user.resolver.ts): in full only to those the ability allows, masked or null otherwise.
 */
@ObjectType('User')
export class UserView {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Full to its owner and to those allowed; otherwise masked (1*****7890).' })
  nationalId!: string;

  @Field()
  nameAr!: string;

  @Field()
  nameEn!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => [Role])
  roles!: Role[];

  @Field(() => UserStatus, { nullable: true, description: 'Null unless the viewer may see it.' })
  status!: UserStatus;

  @Field(() => String, { nullable: true, description: 'Null unless the viewer may see it.' })
  lawyerLicense!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Null unless the viewer may see it.' })
  twoFactorEnabled!: boolean;

  @Field(() => [Membership])
  memberships!: Membership[];

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  /**
   * Not a field: when set, masking follows this ability instead of the request's. A sign-in
   * answer is read by the user who just signed in, though the request itself was anonymous.
   */
  viewerAbility?: AppAbility;
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Bearer token for the Authorization header.' })
  accessToken!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the access token stops working; refresh before then.' })
  expiresAt!: Date;

  @Field({ description: 'One-time token for refreshSession; each use returns a new one (docs/identity.md).' })
  refreshToken!: string;

  @Field(() => GraphQLISODateTime, { description: 'The latest the session can be refreshed (it lapses sooner when left unused).' })
  refreshExpiresAt!: Date;

  @Field(() => ID, { description: 'This sign-in session (mySessions, endSession).' })
  sessionId!: string;

  @Field(() => [Role], { description: 'Roles of the account this session may not use under the sign-in policy.' })
  withheldRoles!: Role[];

  @Field(() => UserView)
  user!: UserView;
}

@ObjectType()
export class TwoFactorEnrollment {
  @Field({ description: 'Base32 secret, for typing into an authenticator app.' })
  secret!: string;

  @Field({ description: 'otpauth:// URI for authenticator apps.' })
  otpauthUri!: string;

  @Field({ description: 'The same URI as a QR code (PNG data URL).' })
  qrCodeDataUrl!: string;
}
