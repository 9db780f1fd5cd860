/**
 * The record of delivery: each channel's attempt moves through the delivery state machine, and the
 * first move that reaches the person serves the notice (served_at, audited). Every writer — the
 * worker sending, a delivery report, the person opening the notice — first locks the notice row,
 * so two of them never decide on the same attempt at once.
 *
 * A report dates what it reports (docs/notifications.md, "Service dated from the report"): the
 * attempt's delivery and the notice's service take the report's time, kept between the second
 * the message left and the moment the report is recorded. An e-mail or SMS that failed for good
 * asks, once per notice, for the notice to go out on the person's next channel (FALLBACK_TOPIC).
 */
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../access/context/request-context';
import { deliveryMachine, DeliveryEvent, serves } from './delivery-state-machine';
import { NotificationAttempt } from './notification-attempt.entity';
import { Notification } from './notification.entity';
import { DeliveryState, NotificationChannel } from './notification.enums';
import { ServiceListeners } from './service-listeners';

/** The job that sends a notice on the next channel after one failed for good. */
export const FALLBACK_TOPIC = 'notifications.fallback';

export interface AttemptDetails {
  /** The attempt's id when it is new (sent with the message: an SMTP ENVID, an SMS reference). */
  id?: string;
  /** Where it went; required when the attempt is new. */
  address?: string;
  error?: string | null;
  providerRef?: string | null;
  /** A new try (a send), as opposed to news about an earlier one (a receipt, an opening). */
  newTry?: boolean;
  /** The fallback attempt of the notice rather than the channel's first. */
  fallback?: boolean;
  /** A failure no retry will mend (a 5xx, a bounce, an undelivered SMS). */
  permanent?: boolean;
  /** When it happened by the report (a DSN's Last-Attempt-Date, an SMS deliveredAt); now when absent. */
  at?: Date | null;
}

@Injectable()
export class DeliveryAttempts {
  constructor(private readonly listeners: ServiceListeners) {}

  /** The notice, locked until the transaction ends; null when there is none. */
  lock(tx: RequestContext, notificationId: string): Promise<Notification | null> {
    return tx.repo(Notification).createQueryBuilder('n').setLock('pessimistic_write').where('n.id = :id', { id: notificationId }).getOne();
  }

  /** The channel's first attempt, or the notice's fallback attempt on that channel. */
  find(tx: RequestContext, notificationId: string, channel: NotificationChannel, fallback = false): Promise<NotificationAttempt | null> {
    return tx.repo(NotificationAttempt).findOneBy({ notificationId, channel, fallback });
  }

  /** An attempt by its id (a delivery report names it), or null; ids that are not UUIDs name none. */
  async byId(tx: RequestContext, attemptId: string): Promise<NotificationAttempt | null> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(attemptId)) return null;
    return tx.repo(NotificationAttempt).findOneBy({ id: attemptId });
  }

  /** A fresh attempt id, for a message about to leave. */
  newId(): string {
    return randomUUID();
  }

  /**
   * Applies `event` to the channel's attempt of a locked notice (creating the attempt), and serves
   * the notice when this is the first time it reached the person. Returns the new state, or null
   * when the event does not apply (a late or repeated receipt).
   */
  async apply(
    tx: RequestContext,
    notification: Notification,
    channel: NotificationChannel,
    event: DeliveryEvent,
    details: AttemptDetails = {},
  ): Promise<DeliveryState | null> {
    const fallback = details.fallback ?? false;
    const attempt = await this.find(tx, notification.id, channel, fallback);
    const from = attempt?.state ?? 'NEW';
    if (!deliveryMachine.can(from, event)) return null;
    const state = deliveryMachine.next(from, event) as DeliveryState;
    const now = tx.now();
    const at = this.reportedAt(details.at, now, attempt?.sentAt ?? null);
    const reached = state !== DeliveryState.FAILED;
    const error = state === DeliveryState.FAILED ? (details.error ?? 'failed').slice(0, 1000) : null;
    const permanent = state === DeliveryState.FAILED && (details.permanent ?? false);
    if (!attempt) {
      if (!details.address) throw new Error(`a first ${channel} attempt needs its address`);
      await tx.repo(NotificationAttempt).insert({
        ...(details.id ? { id: details.id } : {}),
        notificationId: notification.id,
        channel,
        address: details.address,
        state,
        error,
        providerRef: details.providerRef ?? null,
        attemptCount: 1,
        sentAt: reached ? now : null,
        deliveredAt: state === DeliveryState.DELIVERED ? at : null,
        openedAt: state === DeliveryState.OPENED ? at : null,
        fallback,
        permanent,
      });
    } else {
      await tx.repo(NotificationAttempt).update(
        { id: attempt.id },
        {
          state,
          error,
          address: details.address ?? attempt.address,
          providerRef: details.providerRef ?? attempt.providerRef,
          attemptCount: attempt.attemptCount + (details.newTry ? 1 : 0),
          sentAt: attempt.sentAt ?? (reached ? now : null),
          deliveredAt: attempt.deliveredAt ?? (state === DeliveryState.DELIVERED ? at : null),
          openedAt: attempt.openedAt ?? (state === DeliveryState.OPENED ? at : null),
          permanent,
        },
      );
    }
    if (permanent && !fallback && channel !== NotificationChannel.IN_APP) {
      // Once per notice (the outbox keeps one row per key): the job picks the next channel.
      tx.emit({ topic: FALLBACK_TOPIC, payload: { notificationId: notification.id }, key: `${FALLBACK_TOPIC}:${notification.id}` });
    }
    if (!notification.servedAt && serves(channel, state)) await this.serve(tx, notification, channel, at);
    return state;
  }

  /** The report's time, no later than now and no earlier than the second the message left. */
  private reportedAt(reported: Date | null | undefined, now: Date, sentAt: Date | null): Date {
    if (!reported || Number.isNaN(reported.getTime()) || reported > now) return now;
    const floor = sentAt ? new Date(Math.floor(sentAt.getTime() / 1000) * 1000) : null;
    return floor && reported < floor ? floor : reported;
  }

  private async serve(tx: RequestContext, notification: Notification, channel: NotificationChannel, at: Date): Promise<void> {
    await tx.repo(Notification).update({ id: notification.id }, { servedAt: at, servedChannel: channel });
    notification.servedAt = at;
    notification.servedChannel = channel;
    // Service starts legal clocks (the objection period): it belongs in the audit trail.
    tx.audit({
      action: 'notification.served',
      subjectType: 'Notification',
      subjectId: notification.id,
      after: { channel, servedAt: at.toISOString(), kind: notification.kind, lawsuitId: notification.lawsuitId },
    });
    await this.listeners.served(tx, notification);
  }
}
