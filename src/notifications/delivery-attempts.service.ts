/**
 * The record of delivery: each channel's attempt moves through the delivery state machine, and the
 * first move that reaches the person serves the notice (served_at, audited). Every writer — the
 * worker sending, a delivery receipt, the person opening the notice — first locks the notice row,
 * so two of them never decide on the same attempt at once.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../access/context/request-context';
import { deliveryMachine, DeliveryEvent, serves } from './delivery-state-machine';
import { NotificationAttempt } from './notification-attempt.entity';
import { Notification } from './notification.entity';
import { DeliveryState, NotificationChannel } from './notification.enums';
import { ServiceListeners } from './service-listeners';

export interface AttemptDetails {
  /** Where it went; required when the attempt is new. */
  address?: string;
  error?: string | null;
  providerRef?: string | null;
  /** A new try (a send), as opposed to news about an earlier one (a receipt, an opening). */
  newTry?: boolean;
}

@Injectable()
export class DeliveryAttempts {
  constructor(private readonly listeners: ServiceListeners) {}

  /** The notice, locked until the transaction ends; null when there is none. */
  lock(tx: RequestContext, notificationId: string): Promise<Notification | null> {
    return tx.repo(Notification).createQueryBuilder('n').setLock('pessimistic_write').where('n.id = :id', { id: notificationId }).getOne();
  }

  find(tx: RequestContext, notificationId: string, channel: NotificationChannel): Promise<NotificationAttempt | null> {
    return tx.repo(NotificationAttempt).findOneBy({ notificationId, channel });
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
    const attempt = await this.find(tx, notification.id, channel);
    const from = attempt?.state ?? 'NEW';
    if (!deliveryMachine.can(from, event)) return null;
    const state = deliveryMachine.next(from, event) as DeliveryState;
    const at = tx.now();
    const reached = state !== DeliveryState.FAILED;
    const error = state === DeliveryState.FAILED ? (details.error ?? 'failed').slice(0, 1000) : null;
    if (!attempt) {
      if (!details.address) throw new Error(`a first ${channel} attempt needs its address`);
      await tx.repo(NotificationAttempt).insert({
        notificationId: notification.id,
        channel,
        address: details.address,
        state,
        error,
        providerRef: details.providerRef ?? null,
        attemptCount: 1,
        sentAt: reached ? at : null,
        deliveredAt: state === DeliveryState.DELIVERED ? at : null,
        openedAt: state === DeliveryState.OPENED ? at : null,
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
          sentAt: attempt.sentAt ?? (reached ? at : null),
          deliveredAt: attempt.deliveredAt ?? (state === DeliveryState.DELIVERED ? at : null),
          openedAt: attempt.openedAt ?? (state === DeliveryState.OPENED ? at : null),
        },
      );
    }
    if (!notification.servedAt && serves(channel, state)) {
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
    return state;
  }
}
