import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/database/base.entity';
import { NotificationChannel } from '../../notifications';
import { ServiceMethod } from './judgment.enums';

/**
 * Service of a judgment on one party: when its notice first reached them (or, for an
 * organization, its representative) — or when, served outside the platform, a clerk recorded it —
 * and the objection deadline that runs from then.
 */
@Entity('judgment_party_services')
export class PartyService extends BaseEntity {
  @Column('uuid')
  judgmentId!: string;

  @Column('uuid')
  partyId!: string;

  /** Who received the notice: the party, or an organization's representative; null when recorded. */
  @Column({ type: 'char', length: 10, nullable: true })
  nationalId!: string | null;

  @Column({ type: 'text' })
  method!: ServiceMethod;

  /** The clerk who recorded a service outside the platform. */
  @Column('uuid', { nullable: true })
  recordedBy!: string | null;

  /** The process server's report or letter the recorded service rests on. */
  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  /** The notice that served them; null for judgments served before service was recorded per party. */
  @Column('uuid', { nullable: true })
  notificationId!: string | null;

  @Column({ type: 'text', nullable: true })
  channel!: NotificationChannel | null;

  @Column({ type: 'timestamptz' })
  servedAt!: Date;

  @Column({ type: 'timestamptz' })
  objectionDeadline!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;
}
