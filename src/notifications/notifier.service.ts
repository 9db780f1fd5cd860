/**
 * The one way a module notifies people: inside its own transaction, it writes one notice per
 * recipient and one outbox message per notice, so the notice exists and will be delivered exactly
 * when the change commits. A notice is identified by its recipient and a dedupe key: notifying
 * the same cause twice (a retried transaction, a double click) creates nothing the second time.
 */
import { UserLookups } from '../identity';
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../access/context/request-context';
import type { CalendarEntry } from './notification.entity';
import { NotificationKind } from './notification.enums';

export interface Notice {
  kind: NotificationKind;
  /** Parties by national ID; those without an account find the notice when they register. */
  recipients: { nationalId: string }[];
  lawsuitId?: string | null;
  hearingId?: string | null;
  /** Small details for the client (case number, dates…); shown to the recipient, never queued. */
  data?: Record<string, unknown>;
  titleAr: string;
  titleEn: string;
  bodyAr: string;
  bodyEn: string;
  /** For hearings: an ICS invitation goes with the email. */
  calendar?: {
    startsAt: Date;
    endsAt: Date;
    location: string;
    /** Stable per hearing (e.g. `hearing-<id>@adl`), so calendars move or cancel the same event. */
    uid: string;
    /** Raised on every change of the hearing (its version does). */
    sequence: number;
    /** Default: CANCEL for HEARING_CANCELLED, REQUEST otherwise. */
    method?: 'REQUEST' | 'CANCEL';
  };
  /**
   * What makes this notice unique per recipient. Default: kind, lawsuit, hearing and calendar
   * sequence; give one when that is not enough (a reminder sent on several days), and always when
   * the notice names neither a lawsuit nor a hearing.
   */
  dedupeKey?: string;
}

export interface NotifyResult {
  /** Notices created now, one per recipient not notified of this cause before. */
  created: { id: string; nationalId: string }[];
  /** Recipients who already had this notice. */
  duplicates: string[];
}

export const DELIVER_TOPIC = 'notifications.deliver';

export function defaultDedupeKey(notice: Notice): string {
  if (notice.dedupeKey) return notice.dedupeKey;
  if (!notice.lawsuitId && !notice.hearingId) {
    throw new Error(`A ${notice.kind} notice without a lawsuit or a hearing needs an explicit dedupeKey.`);
  }
  return [notice.kind, notice.lawsuitId ?? '-', notice.hearingId ?? '-', notice.calendar?.sequence ?? 0].join(':');
}

@Injectable()
export class Notifier {
  constructor(private readonly people: UserLookups) {}

  async notify(tx: RequestContext, notice: Notice): Promise<NotifyResult> {
    if (!tx.inTransaction) throw new Error('Notifier.notify() needs a transaction: call it inside Transactions.run().');
    const dedupeKey = defaultDedupeKey(notice);
    const nationalIds = [...new Set(notice.recipients.map((r) => r.nationalId))];
    const bad = nationalIds.find((n) => !/^[12][0-9]{9}$/.test(n));
    if (bad !== undefined) throw new Error("Cannot notify: a recipient's national ID is not 10 digits starting with 1 or 2.");
    if (!nationalIds.length) return { created: [], duplicates: [] };
    const calendar: CalendarEntry | null = notice.calendar
      ? {
          startsAt: notice.calendar.startsAt.toISOString(),
          endsAt: notice.calendar.endsAt.toISOString(),
          location: notice.calendar.location,
          uid: notice.calendar.uid,
          sequence: notice.calendar.sequence,
          method: notice.calendar.method ?? (notice.kind === NotificationKind.HEARING_CANCELLED ? 'CANCEL' : 'REQUEST'),
        }
      : null;
    // Those with an account find the notice under it; the others under their national ID when they open one.
    const accounts = await this.people.userIdsOf(tx, nationalIds);
    // One statement for every recipient; an existing (national ID, key) is skipped, not an error.
    const created = await tx.manager.query<{ id: string; national_id: string }[]>(
      `INSERT INTO notifications
         (user_id, national_id, lawsuit_id, hearing_id, kind, title_ar, title_en, body_ar, body_en, data, calendar, dedupe_key)
       SELECT r.user_id, r.national_id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11
         FROM unnest($1::char(10)[], $12::uuid[]) AS r(national_id, user_id)
       ON CONFLICT (national_id, dedupe_key) DO NOTHING
       RETURNING id, national_id`,
      [
        nationalIds,
        notice.lawsuitId ?? null,
        notice.hearingId ?? null,
        notice.kind,
        notice.titleAr,
        notice.titleEn,
        notice.bodyAr,
        notice.bodyEn,
        notice.data ?? {},
        calendar,
        dedupeKey,
        nationalIds.map((n) => accounts.get(n) ?? null),
      ],
    );
    for (const row of created) {
      // Ids only: the worker reads the rest from the database.
      tx.emit({ topic: DELIVER_TOPIC, payload: { notificationId: row.id }, key: `${DELIVER_TOPIC}:${row.id}` });
    }
    const createdIds = new Set(created.map((r) => r.national_id));
    return {
      created: created.map((r) => ({ id: r.id, nationalId: r.national_id })),
      duplicates: nationalIds.filter((n) => !createdIds.has(n)),
    };
  }
}
