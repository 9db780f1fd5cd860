import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum SessionMethod {
  PASSWORD = 'password',
  NATIONAL = 'national',
}
registerEnumType(SessionMethod, { name: 'SessionMethod', description: 'How a session began: password, or the national single sign-on.' });

/** One of the caller's live sign-in sessions, as mySessions lists them. */
@ObjectType('Session')
export class SessionView {
  @Field(() => ID)
  id!: string;

  @Field(() => SessionMethod)
  method!: SessionMethod;

  @Field({ description: 'password, or mfa once a second factor was proved.' })
  authLevel!: string;

  @Field(() => String, { nullable: true, description: 'The address the session began from.' })
  ip!: string | null;

  @Field(() => String, { nullable: true, description: 'The browser or app the session began in (its User-Agent).' })
  userAgent!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'The last sign-in or refresh.' })
  lastUsedAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When the session ends at the latest.' })
  expiresAt!: Date;

  @Field({ description: 'The session of this request.' })
  current!: boolean;
}
