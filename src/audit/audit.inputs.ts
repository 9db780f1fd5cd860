import { Field, ID, InputType, ObjectType, Int } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

@InputType()
export class AuditFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  subjectType?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  subjectId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  action?: string;
}

@ObjectType()
export class AuditChainVerification {
  @Field()
  valid!: boolean;

  @Field(() => Int, { description: 'Events checked before the first break (or all of them).' })
  checked!: number;

  @Field(() => String, { nullable: true, description: 'Position of the first broken link.' })
  firstBrokenSeq!: string | null;

  @Field(() => ID, { nullable: true })
  firstBrokenEventId!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}
