import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from '../core/graphql/json.scalar';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One link of the append-only audit chain. The database refuses UPDATE and DELETE on it. Its
 * snapshots (before, after) show only to a reader of the subject (docs/domain.md, "Audit trail").
 */
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

  @Field(() => GraphQLJSON, { nullable: true, description: 'The subject before the change; null when redacted.' })
  @Column({ type: 'jsonb', nullable: true })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The subject after the change; null when redacted.' })
  @Column({ type: 'jsonb', nullable: true })
  after!: unknown;

  /** Set when read: whether the snapshots were withheld from this reader. Not stored, not hashed. */
  @Field({
    description:
      'True when the reader may not read the subject itself (separation of duties): before and after are withheld, ' +
      'the rest of the event and its hashes are shown.',
  })
  redacted!: boolean;

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
