import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

/** A request to reset someone's second factor: one system administrator asks, another approves. */
@ObjectType()
export class TwoFactorReset {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'Whose second factor.' })
  userId!: string;

  @Field()
  reason!: string;

  @Field(() => ID)
  requestedBy!: string;

  @Field(() => GraphQLISODateTime)
  requestedAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The second administrator; null while the request waits.' })
  approvedBy!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  approvedAt!: Date | null;
}
