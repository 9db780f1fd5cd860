/**
 * The life of one channel's delivery, in one table: NEW (no attempt yet) → SENT → DELIVERED →
 * OPENED, or FAILED (and FAILED is tried again, unless it failed for good). A report may come
 * before the send is recorded, a person may open an in-app notice before the worker has marked it
 * sent, and a bounce turns a SENT email into FAILED. Late or repeated receipts simply do not apply.
 */
import { Lifecycle } from '../core/lifecycle/lifecycle';
import { DeliveryState, NotificationChannel } from './notification.enums';

export type AttemptState = DeliveryState | 'NEW';
export type DeliveryEvent = 'sent' | 'delivered' | 'opened' | 'failed';

export const deliveryMachine = new Lifecycle<AttemptState, DeliveryEvent>({
  name: 'NotificationDelivery',
  nameAr: 'تسليم التبليغ',
  auditPrefix: 'notification',
  description: 'The delivery of a notice on one channel: sent, delivered and opened, or failed and tried again.',
  states: ['NEW', ...Object.values(DeliveryState)],
  initial: ['NEW'],
  final: [DeliveryState.OPENED],
  transitions: {
    sent: { from: ['NEW', DeliveryState.FAILED], to: DeliveryState.SENT },
    delivered: { from: ['NEW', DeliveryState.FAILED, DeliveryState.SENT], to: DeliveryState.DELIVERED },
    opened: { from: ['NEW', DeliveryState.SENT, DeliveryState.DELIVERED], to: DeliveryState.OPENED },
    failed: { from: ['NEW', DeliveryState.FAILED, DeliveryState.SENT], to: DeliveryState.FAILED },
  },
});

/**
 * Whether reaching `state` on `channel` is legal service: the platform account once the notice is
 * in it; email and SMS once delivered (accepted by a relay is not yet received).
 */
export function serves(channel: NotificationChannel, state: DeliveryState): boolean {
  switch (channel) {
    case NotificationChannel.IN_APP:
      return state === DeliveryState.SENT || state === DeliveryState.DELIVERED || state === DeliveryState.OPENED;
    case NotificationChannel.EMAIL:
    case NotificationChannel.SMS:
      return state === DeliveryState.DELIVERED || state === DeliveryState.OPENED;
    default: {
      const unknown: never = channel;
      throw new Error(`unknown channel ${String(unknown)}`);
    }
  }
}
