/**
 * Delivery reports from the outside — an e-mail's DSN or bounce, an SMS provider's webhook —
 * applied to the attempt they name (docs/notifications.md). A report that names no attempt of
 * ours, or comes late or twice, changes nothing: the delivery lifecycle refuses it.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../access/context/request-context';
import { Transactions } from '../core/database/transactions';
import { DeliveryAttempts } from './delivery-attempts.service';
import { DeliveryState, NotificationChannel } from './notification.enums';

export interface DeliveryReportInput {
  /** The channel the report comes from: it speaks of that channel's attempts only. */
  channel: NotificationChannel.EMAIL | NotificationChannel.SMS;
  /** Our attempt's id, as the report echoes it (ENVID, the SMS reference). */
  attemptId: string;
  outcome: 'delivered' | 'failed';
  /** When, by the report. */
  at?: Date | null;
  error?: string;
  /** The provider's id of the message, when the report gives it: it must be the attempt's. */
  providerRef?: string;
}

@Injectable()
export class DeliveryReports {
  constructor(
    private readonly transactions: Transactions,
    private readonly attempts: DeliveryAttempts,
  ) {}

  /** The attempt's new state, or null when the report applies to nothing. */
  apply(ctx: RequestContext, report: DeliveryReportInput): Promise<DeliveryState | null> {
    return this.transactions.run(ctx, async (tx) => {
      const named = await this.attempts.byId(tx, report.attemptId);
      if (!named || named.channel !== report.channel) return null;
      const notification = await this.attempts.lock(tx, named.notificationId);
      // Read again under the lock: another writer may have moved it meanwhile.
      const attempt = await this.attempts.byId(tx, report.attemptId);
      if (!notification || !attempt) return null;
      if (report.providerRef && attempt.providerRef && attempt.providerRef !== report.providerRef) return null;
      // Failed for good already: a repeated bounce or failure report is news of nothing.
      if (report.outcome === 'failed' && attempt.state === DeliveryState.FAILED && attempt.permanent) return null;
      return this.attempts.apply(tx, notification, attempt.channel, report.outcome, {
        fallback: attempt.fallback,
        at: report.at ?? null,
        error: report.error,
        permanent: report.outcome === 'failed',
      });
    });
  }
}
