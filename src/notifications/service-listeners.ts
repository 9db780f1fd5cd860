/**
 * What else happens when a notice serves its recipient. Service starts legal clocks that other
 * modules own (the objection period of a judgment): they register here for a kind of notice, and
 * DeliveryAttempts calls them in the transaction that records the delivery, under the notice's lock,
 * so a clock starts exactly when, and only if, the service is committed.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../access/context/request-context';
import type { Notification } from './notification.entity';
import type { NotificationKind } from './notification.enums';

export type ServedListener = (tx: RequestContext, notification: Notification) => Promise<void>;

@Injectable()
export class ServiceListeners {
  private readonly byKind = new Map<NotificationKind, ServedListener[]>();

  on(kind: NotificationKind, listener: ServedListener): void {
    this.byKind.set(kind, [...(this.byKind.get(kind) ?? []), listener]);
  }

  async served(tx: RequestContext, notification: Notification): Promise<void> {
    for (const listener of this.byKind.get(notification.kind) ?? []) await listener(tx, notification);
  }
}
