/**
 * Worker side of a notice: delivers it on each channel of its recipient's account — in-app
 * always, email when the account has an address and SMTP is configured (with an ICS invitation
 * for hearings), SMS when it has a phone and there is a provider. Someone without an account gets
 * the notice row only, found when they register. An e-mail or SMS that failed for good sends the
 * notice once more on the person's next channel (`fallback`, docs/notifications.md "Fallback").
 *
 * Each channel is one transaction under a lock on the notice: an attempt already SENT, DELIVERED
 * or OPENED is never sent again, so a retried or duplicated job sends nothing twice. A failed
 * channel is recorded FAILED and, unless the refusal was permanent, the job fails so that BullMQ
 * retries it with backoff (the channels that went through are skipped then). One window remains:
 * a crash after the SMTP server accepted a message and before the commit sends it again on retry,
 * with the same Message-ID, which mail clients use to recognise the copy.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RequestContext } from '../access/context/request-context';
import { RequestContextFactory } from '../access/context/request-context.factory';
import { Transactions } from '../core/database/transactions';
import { UserStatus } from '../access/role.enum';
import { type User, UserLookups } from '../identity';
import { DeliveryAttempts } from './delivery-attempts.service';
import { DeliveryEvent } from './delivery-state-machine';
import { buildIcs } from './ics';
import { Mailer } from './mailer';
import { PermanentSendError } from './send-errors';
import { DeliveryReports } from './delivery-reports.service';
import { NotificationAttempt } from './notification-attempt.entity';
import { Notification } from './notification.entity';
import { DeliveryState, NotificationChannel } from './notification.enums';
import { SMS_PROVIDER, SmsProvider } from './sms-provider';

export interface ChannelOutcome {
  channel: NotificationChannel;
  state: DeliveryState;
  /** Already done by an earlier run: nothing was sent this time. */
  skipped: boolean;
}

/** What the job returns (kept by BullMQ): ids and states, no personal data. */
export interface DeliveryReport {
  notificationId: string;
  channels: ChannelOutcome[];
}

interface SendResult {
  event: DeliveryEvent;
  providerRef?: string;
  error?: string;
  /** A failure that may pass on a later try. */
  retry?: boolean;
}

export class DeliveryRetryError extends Error {}

@Injectable()
export class NotificationDelivery {
  private readonly logger = new Logger(NotificationDelivery.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly contexts: RequestContextFactory,
    private readonly attempts: DeliveryAttempts,
    private readonly mailer: Mailer,
    @Inject(SMS_PROVIDER) private readonly sms: SmsProvider | null,
    private readonly people: UserLookups,
    private readonly reports: DeliveryReports,
  ) {}

  async deliver(notificationId: string, meta: { jobId: string }): Promise<DeliveryReport> {
    const ctx = this.contexts.forActor(`job:${meta.jobId}`, null);
    const notification = await ctx.repo(Notification).findOneBy({ id: notificationId });
    if (!notification) {
      this.logger.warn(`notification ${notificationId} does not exist; nothing to deliver`);
      return { notificationId, channels: [] };
    }
    const user = await this.people.findByNationalId(ctx, notification.nationalId);
    if (!user || user.status !== UserStatus.ACTIVE) return { notificationId, channels: [] };

    const channels = [NotificationChannel.IN_APP, NotificationChannel.EMAIL, NotificationChannel.SMS].filter((c) =>
      this.available(c, user),
    );

    const outcomes: (ChannelOutcome & { retry: boolean })[] = [];
    for (const channel of channels) outcomes.push(await this.deliverOn(ctx, notificationId, channel, user));
    const retry = outcomes.filter((o) => o.retry).map((o) => o.channel);
    // Thrown after every channel had its turn and its record committed; the message names no one.
    if (retry.length) throw new DeliveryRetryError(`notification ${notificationId}: ${retry.join(', ')} failed; will retry`);
    return { notificationId, channels: outcomes.map(({ channel, state, skipped }) => ({ channel, state, skipped })) };
  }

  /**
   * The `notifications.fallback` job: an e-mail or SMS of the notice failed for good, so it goes
   * out once on the person's next channel (EMAIL → SMS, SMS → EMAIL), as an attempt of its own,
   * whatever became of that channel's first message, so that what is sent never hangs on which of
   * two reports came first (docs/notifications.md, "Fallback"). Nothing is sent when they have no
   * such channel.
   */
  async fallback(notificationId: string, meta: { jobId: string }): Promise<DeliveryReport> {
    const ctx = this.contexts.forActor(`job:${meta.jobId}`, null);
    const notification = await ctx.repo(Notification).findOneBy({ id: notificationId });
    const user = notification && (await this.people.findByNationalId(ctx, notification.nationalId));
    if (!user || user.status !== UserStatus.ACTIVE) return { notificationId, channels: [] };
    const failed = await ctx.repo(NotificationAttempt).findOne({
      where: { notificationId, fallback: false, permanent: true, state: DeliveryState.FAILED },
      order: { updatedAt: 'ASC' },
    });
    if (!failed || failed.channel === NotificationChannel.IN_APP) return { notificationId, channels: [] };
    const next = failed.channel === NotificationChannel.EMAIL ? NotificationChannel.SMS : NotificationChannel.EMAIL;
    if (!this.available(next, user)) return { notificationId, channels: [] };
    const outcome = await this.deliverOn(ctx, notificationId, next, user, true);
    if (outcome.retry) throw new DeliveryRetryError(`notification ${notificationId}: fallback on ${next} failed; will retry`);
    return { notificationId, channels: [{ channel: outcome.channel, state: outcome.state, skipped: outcome.skipped }] };
  }

  /**
   * A delivery receipt from a gateway or a bounce (email DSN, SMS delivery report) about the
   * channel's first attempt: moves it on, serving the notice if this is the first time it reached
   * the person. Returns the new state, or null when the receipt is late or repeated.
   */
  async receipt(
    ctx: RequestContext,
    notificationId: string,
    channel: NotificationChannel.EMAIL | NotificationChannel.SMS,
    event: 'delivered' | 'failed',
    error?: string,
  ): Promise<DeliveryState | null> {
    const attempt = await ctx.repo(NotificationAttempt).findOneBy({ notificationId, channel, fallback: false });
    return attempt ? this.reports.apply(ctx, { channel, attemptId: attempt.id, outcome: event, error }) : null;
  }

  private available(channel: NotificationChannel, user: User): boolean {
    switch (channel) {
      case NotificationChannel.IN_APP:
        return true;
      case NotificationChannel.EMAIL:
        return Boolean(user.email && this.mailer.enabled);
      case NotificationChannel.SMS:
        return Boolean(user.phone && this.sms);
      default: {
        const unknown: never = channel;
        throw new Error(`unknown channel ${String(unknown)}`);
      }
    }
  }

  private deliverOn(
    ctx: RequestContext,
    notificationId: string,
    channel: NotificationChannel,
    user: User,
    fallback = false,
  ): Promise<ChannelOutcome & { retry: boolean }> {
    return this.transactions.run(ctx, async (tx) => {
      const notification = await this.attempts.lock(tx, notificationId);
      if (!notification) throw new Error(`notification ${notificationId} disappeared`);
      const previous = await this.attempts.find(tx, notificationId, channel, fallback);
      // Sent, delivered or opened already, or refused for good: nothing to send again.
      if (previous && (previous.state !== DeliveryState.FAILED || previous.permanent)) {
        return { channel, state: previous.state, skipped: true, retry: false };
      }

      const address = this.addressOf(channel, user);
      const attemptId = previous?.id ?? this.attempts.newId();
      let result: SendResult;
      try {
        result = await this.send(tx, channel, notification, user, address, { attemptId, fallback });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        result = { event: 'failed', error: message, retry: !(err instanceof PermanentSendError) };
        this.logger.warn(`notification ${notificationId}: ${channel} failed (${result.retry ? 'will retry' : 'permanent'})`);
      }
      const state = await this.attempts.apply(tx, notification, channel, result.event, {
        id: attemptId,
        address,
        providerRef: result.providerRef ?? null,
        error: result.error ?? null,
        newTry: true,
        fallback,
        permanent: result.event === 'failed' && !result.retry,
      });
      return { channel, state: state ?? previous?.state ?? DeliveryState.FAILED, skipped: false, retry: result.retry ?? false };
    });
  }

  private addressOf(channel: NotificationChannel, user: User): string {
    switch (channel) {
      case NotificationChannel.IN_APP:
        return user.id;
      case NotificationChannel.EMAIL:
        return user.email!;
      case NotificationChannel.SMS:
        return user.phone!;
      default: {
        const unknown: never = channel;
        throw new Error(`unknown channel ${String(unknown)}`);
      }
    }
  }

  private async send(
    tx: RequestContext,
    channel: NotificationChannel,
    n: Notification,
    user: User,
    address: string,
    attempt: { attemptId: string; fallback: boolean },
  ): Promise<SendResult> {
    switch (channel) {
      case NotificationChannel.IN_APP:
        // The notice row is the in-app message: committing this attempt puts it in the account.
        return { event: 'sent' };
      case NotificationChannel.EMAIL: {
        const calendar = n.calendar
          ? {
              method: n.calendar.method,
              filename: n.calendar.method === 'CANCEL' ? 'hearing-cancelled.ics' : 'hearing.ics',
              content: buildIcs({
                method: n.calendar.method,
                uid: n.calendar.uid,
                sequence: n.calendar.sequence,
                stamp: tx.now(),
                startsAt: new Date(n.calendar.startsAt),
                endsAt: new Date(n.calendar.endsAt),
                summary: `${n.titleAr} — ${n.titleEn}`,
                description: `${n.bodyAr}\n\n${n.bodyEn}`,
                location: n.calendar.location,
                organizer: { name: this.mailer.fromName, email: this.mailer.fromAddress },
                attendee: { name: user.nameAr, email: address },
              }),
            }
          : undefined;
        const sent = await this.mailer.send({
          to: address,
          subject: `${n.titleAr} — ${n.titleEn}`,
          text: `${n.titleAr}\n\n${n.bodyAr}\n\n—\n\n${n.titleEn}\n\n${n.bodyEn}\n`,
          // The fallback copy is another message: mail clients must not take it for the first.
          messageId: attempt.fallback ? `<${n.id}-fallback@${this.mailer.domain}>` : `<${n.id}@${this.mailer.domain}>`,
          calendar,
          envelopeId: attempt.attemptId,
        });
        // Accepted by the SMTP server; DELIVERED comes with a delivery report (DeliveryAttempts.apply).
        return { event: 'sent', providerRef: sent.messageId };
      }
      case NotificationChannel.SMS: {
        // DELIVERED comes with the provider's report (sms-webhook.controller.ts), which names the attempt.
        const result = await this.sms!.send({ to: address, text: `${n.titleAr}\n${n.bodyAr}`, reference: attempt.attemptId });
        return { event: 'sent', providerRef: result.providerRef };
      }
      default: {
        const unknown: never = channel;
        throw new Error(`unknown channel ${String(unknown)}`);
      }
    }
  }
}
