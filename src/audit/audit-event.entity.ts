import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from '../core/graphql/json.scalar';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One link of the append-only audit chain. The database refuses UPDATE and DELETE on it. */
@ObjectType()
@Entity('audit_events')
export class AuditEvent {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field(() => String, { description: 'Position in the chain, from 1, without gaps.' })
  @Column({ type: 'bigint' })
  seq!: string;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  actorId!: string | null;

  @Field(() => [String])
  @Column({ type: 'text', array: true })
  actorRoles!: string[];

  @Field()
  @Column()
  action!: string;

  @Field()
  @Column()
  subjectType!: string;

  @Field()
  @Column()
  subjectId!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  after!: unknown;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  requestId!: string | null;

  @Field()
  @Column({ type: 'char', length: 64 })
  prevHash!: string;

  @Field()
  @Column({ type: 'char', length: 64 })
  hash!: string;
}
