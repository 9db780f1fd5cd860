import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../core/database/base.entity';
import { GraphQLJSON } from '../core/graphql/json.scalar';
import { NotificationChannel, NotificationKind } from './notification.enums';

/** A hearing's calendar entry, sent as an ICS invitation with the email. */
export interface CalendarEntry {
  startsAt: string;
  endsAt: string;
  location: string;
  /** Stable per hearing: calendar clients update the same event when it moves. */
  uid: string;
  /** Raised on every change of the event (RFC 5545 SEQUENCE). */
  sequence: number;
  /** REQUEST (schedule or move) or CANCEL. */
  method: 'REQUEST' | 'CANCEL';
}

@ObjectType({ description: 'A notice (تبليغ) to the signed-in person, in Arabic and English.' })
@Entity('notifications')
export class Notification extends BaseEntity {
  /** The recipient's account when the notice was created; null for someone without one. */
  @Column('uuid', { nullable: true })
  userId!: string | null;

  @Column({ type: 'char', length: 10 })
  nationalId!: string;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  lawsuitId!: string | null;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  hearingId!: string | null;

  @Field(() => NotificationKind)
  @Column({ type: 'text' })
  kind!: NotificationKind;

  @Field()
  @Column()
  titleAr!: string;

  @Field()
  @Column()
  titleEn!: string;

  @Field()
  @Column()
  bodyAr!: string;

  @Field()
  @Column()
  bodyEn!: string;

  @Field(() => GraphQLJSON, { description: 'Details for the client (case number, dates…), as given by the notifying module.' })
  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ type: 'jsonb', nullable: true })
  calendar!: CalendarEntry | null;

  @Column()
  dedupeKey!: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the notice legally reached the person (first in-app delivery, or a delivered email or SMS).',
  })
  @Column({ type: 'timestamptz', nullable: true })
  servedAt!: Date | null;

  @Field(() => NotificationChannel, { nullable: true })
  @Column({ type: 'text', nullable: true })
  servedChannel!: NotificationChannel | null;
}
