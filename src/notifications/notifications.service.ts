/**
 * The signed-in person's notices: their list (newest first, by keyset), unread count, marking one
 * read, and the delivery record of each. Reads are filtered in SQL by the Notification rules.
 */
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { authorize, can } from '../access/authorize';
import { applyAbility } from '../access/sql-filter';
import { NotificationSubject } from './notifications.subjects';
import type { RequestContext } from '../access/context/request-context';
import { Transactions } from '../core/database/transactions';
import { NotFoundError } from '../core/errors/domain-error';
import { ConnectionShape, newestFirst } from '../core/graphql/pagination';
import { maskEmail, maskPhone } from '../core/text/address-mask';
import { DeliveryAttempts } from './delivery-attempts.service';
import { NotificationAttempt } from './notification-attempt.entity';
import { DeliveryView } from './notification.models';
import { Notification } from './notification.entity';
import { NotificationChannel } from './notification.enums';
import { NOTIFICATIONS } from './notifications-messages';

@Injectable()
export class NotificationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly attempts: DeliveryAttempts,
  ) {}

  /** The caller's own notices (by their national ID), as far as the rules allow. */
  async list(ctx: RequestContext, first: number, after?: string, unreadOnly = false): Promise<ConnectionShape<Notification>> {
    const qb = this.mine(ctx);
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    return newestFirst(qb, 'n', first, after);
  }

  unreadCount(ctx: RequestContext): Promise<number> {
    return this.mine(ctx).andWhere('n.read_at IS NULL').getCount();
  }

  /** Marks the notice read (once; again is a no-op), which also records the in-app notice as opened. */
  markRead(ctx: RequestContext, id: string): Promise<Notification> {
    return this.transactions.run(ctx, async (tx) => {
      const notification = await this.attempts.lock(tx, id);
      if (!notification || !can(tx, 'read', 'Notification', NotificationSubject.shapeOf(notification)))
        throw new NotFoundError(NOTIFICATIONS.notificationNotFound());
      authorize(tx, 'update', 'Notification', NotificationSubject.shapeOf(notification));
      if (!notification.readAt) {
        notification.readAt = tx.now();
        await tx.repo(Notification).update({ id }, { readAt: notification.readAt });
        // Only the recipient opens it in their account (another reader, if rules ever allow one, does not).
        if (tx.actor?.nationalId === notification.nationalId) {
          await this.attempts.apply(tx, notification, NotificationChannel.IN_APP, 'opened', { address: tx.actor.id });
        }
      }
      return tx.repo(Notification).findOneByOrFail({ id });
    });
  }

  /** Delivery records of each notice, in the order of `ids`, addresses masked. */
  async deliveriesOf(ctx: RequestContext, ids: readonly string[]): Promise<DeliveryView[][]> {
    const rows = await ctx.repo(NotificationAttempt).find({ where: { notificationId: In([...ids]) }, order: { createdAt: 'ASC' } });
    const views = (id: string) =>
      rows
        .filter((r) => r.notificationId === id)
        .map((r) => ({
          channel: r.channel,
          state: r.state,
          address:
            r.channel === NotificationChannel.EMAIL
              ? maskEmail(r.address)
              : r.channel === NotificationChannel.SMS
                ? maskPhone(r.address)
                : null,
          attemptCount: r.attemptCount,
          sentAt: r.sentAt,
          deliveredAt: r.deliveredAt,
          openedAt: r.openedAt,
          fallback: r.fallback,
        }));
    return ids.map(views);
  }

  /** The caller's notices: theirs by national ID, and within what the rules let them read. */
  private mine(ctx: RequestContext) {
    const qb = ctx.repo(Notification).createQueryBuilder('n');
    qb.where('n.national_id = :own', { own: ctx.actor?.nationalId ?? null });
    return applyAbility(qb, ctx.ability, 'read', 'Notification', 'n');
  }
}
