import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../core/database/base.entity';
import { DeliveryState, NotificationChannel } from './notification.enums';

/** One channel's delivery of a notice: where it went, how far it got, and how many tries it took. */
@Entity('notification_attempts')
export class NotificationAttempt extends BaseEntity {
  @Column('uuid')
  notificationId!: string;

  @Column({ type: 'text' })
  channel!: NotificationChannel;

  /** In full (proof of service); masked wherever it is shown. */
  @Column()
  address!: string;

  @Column({ type: 'text' })
  state!: DeliveryState;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'text', nullable: true })
  providerRef!: string | null;

  @Column()
  attemptCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  /** Sent because the person's other channel failed for good (docs/notifications.md, "Fallback"). */
  @Column({ default: false })
  fallback!: boolean;

  /** FAILED for good (a 5xx, a bounce, an undelivered SMS): no retry sends it again. */
  @Column({ default: false })
  permanent!: boolean;
}
