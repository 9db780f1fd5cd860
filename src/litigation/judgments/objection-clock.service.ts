/**
 * The objection clock of each party. A party is served with a judgment when its JUDGMENT_ISSUED
 * notice first reaches them (any channel that counts as service, see delivery-state-machine.ts;
 * an organization through its representative): that moment, recorded per (judgment, party) in the
 * transaction of the delivery, starts their own window. A party no notice can reach (an
 * organization without a representative, a person without an account) is served outside the
 * platform, and a clerk of the court records when. An unserved party's clock has not started.
 * Once every party is served, the judgment carries the last of their deadlines, which is when the
 * finalizer may make it final if no one objected. A few days before each party's deadline the
 * reminder job tells them (and their representative), once.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import { Transactions } from '../../core/database/transactions';
import { UserLookups } from '../../identity';
import { PartyAddresses } from '../lawsuits/party-addresses';
import { CourtDeadlines, type Deadline, OrganizationLookups } from '../../organizations';
import { whenAr, whenEn } from '../notice-formats';
import type { LawsuitParty } from '../lawsuits/lawsuit-party.entity';
import { LawsuitState } from '../lawsuits/lawsuit-state-machine';
import { PartySide } from '../lawsuits/lawsuit.enums';
import type { Notification } from '../../notifications';
import { NotificationChannel, NotificationKind } from '../../notifications';
import { Notifier } from '../../notifications';
import { ServiceListeners } from '../../notifications';
import { ServiceMethod } from './judgment.enums';
import { ObjectionTrack } from './objection-rules.models';
import { objectionWindowOf } from './objection-window-rules';
import { objectionDays, windowState, WindowState } from './objection-window';
import { PartyService } from './party-service.entity';

/** One party's window as read: unserved parties have no service and no deadline. */
export interface PartyWindow {
  judgmentId: string;
  partyId: string;
  side: PartySide;
  nameAr: string;
  nameEn: string;
  /** The party's national ID (null for an organization) and representative: who may see the row. */
  nationalId: string | null;
  representativeId: string | null;
  courtId: string;
  circuitId: string | null;
  servedAt: Date | null;
  servedChannel: NotificationChannel | null;
  serviceMethod: ServiceMethod | null;
  serviceReference: string | null;
  objectionDeadline: Date | null;
  remindedAt: Date | null;
  /** When the party declared it accepts the judgment (its window closed then). */
  acceptedAt: Date | null;
  state: WindowState | 'ACCEPTED';
  /** The deadline explained: its rule, nominal end and the closed days it moved over; null until served. */
  deadline: Deadline | null;
}

/** The states in which a party may still object: before any objection, and while others' await the appeal court. */
export const OBJECTIONS_OPEN: LawsuitState[] = [LawsuitState.JUDGMENT_ISSUED, LawsuitState.OBJECTED];

@Injectable()
export class ObjectionClock {
  constructor(
    listeners: ServiceListeners,
    private readonly transactions: Transactions,
    private readonly notifier: Notifier,
    private readonly organizations: OrganizationLookups,
    private readonly people: UserLookups,
    private readonly addresses: PartyAddresses,
    private readonly deadlines: CourtDeadlines,
  ) {
    listeners.on(NotificationKind.JUDGMENT_ISSUED, (tx, notification) => this.served(tx, notification));
  }

  /** The judgment's notice reached `notification.nationalId`: their party's window starts now. */
  async served(tx: RequestContext, notification: Notification): Promise<void> {
    if (!notification.lawsuitId || !notification.servedAt) return;
    // The judgment row is locked so that two parties served at once both see each other's service
    // when deciding whether everyone is served.
    const [judgment] = await tx.manager.query<{ id: string; urgent: boolean; court_id: string }[]>(
      'SELECT j.id, j.urgent, l.court_id FROM judgments j JOIN lawsuits l ON l.id = j.lawsuit_id WHERE j.lawsuit_id = $1 FOR UPDATE OF j',
      [notification.lawsuitId],
    );
    if (!judgment) return;
    const deadline = await this.deadlineFrom(tx, judgment.court_id, notification.servedAt, judgment.urgent);
    // Served: the party with this national ID, or an organization whose representative has it.
    const account = (await this.people.userIdsOf(tx, [notification.nationalId])).get(notification.nationalId) ?? null;
    const started = await tx.manager.query<{ party_id: string }[]>(
      `INSERT INTO judgment_party_services (judgment_id, party_id, national_id, notification_id, channel, served_at, objection_deadline)
       SELECT $1, p.id, $3, $4, $5, $6, $7
         FROM lawsuit_parties p
        WHERE p.lawsuit_id = $2 AND (p.national_id = $3 OR (p.national_id IS NULL AND p.representative_id = $8::uuid))
       ON CONFLICT (judgment_id, party_id) DO NOTHING
       RETURNING party_id`,
      [
        judgment.id,
        notification.lawsuitId,
        notification.nationalId,
        notification.id,
        notification.servedChannel,
        notification.servedAt,
        deadline,
        account,
      ],
    );
    if (!started.length) return; // a representative or filer who is no party: informed, not served
    for (const { party_id } of started) {
      tx.audit({
        action: 'judgment.served',
        subjectType: 'Judgment',
        subjectId: judgment.id,
        after: {
          partyId: party_id,
          method: ServiceMethod.ELECTRONIC,
          notificationId: notification.id,
          channel: notification.servedChannel,
          servedAt: notification.servedAt.toISOString(),
          objectionDeadline: deadline.toISOString(),
        },
      });
    }
    await this.closeIfAllServed(tx, judgment.id, notification.lawsuitId);
  }

  /**
   * A clerk records that `party`, whom no notice reached, was served outside the platform at
   * `servedAt` (checked by the caller: after the judgment, not in the future). False when the
   * party had already been served: the first service starts the clock, and stands.
   */
  async record(
    tx: RequestContext,
    judgment: { id: string; lawsuitId: string; urgent: boolean },
    party: LawsuitParty,
    servedAt: Date,
    reference: string,
  ): Promise<boolean> {
    // Locked as by an electronic service, so that the two never both count as the first.
    const [{ court_id }] = await tx.manager.query<{ court_id: string }[]>(
      'SELECT l.court_id FROM judgments j JOIN lawsuits l ON l.id = j.lawsuit_id WHERE j.id = $1 FOR UPDATE OF j',
      [judgment.id],
    );
    const deadline = await this.deadlineFrom(tx, court_id, servedAt, judgment.urgent);
    const started = await tx.manager.query<{ id: string }[]>(
      `INSERT INTO judgment_party_services (judgment_id, party_id, method, recorded_by, reference, served_at, objection_deadline)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (judgment_id, party_id) DO NOTHING
       RETURNING id`,
      [judgment.id, party.id, ServiceMethod.RECORDED, tx.actor!.id, reference, servedAt, deadline],
    );
    if (!started.length) return false;
    tx.audit({
      action: 'judgment.served',
      subjectType: 'Judgment',
      subjectId: judgment.id,
      after: {
        partyId: party.id,
        method: ServiceMethod.RECORDED,
        reference,
        servedAt: servedAt.toISOString(),
        objectionDeadline: deadline.toISOString(),
      },
    });
    await this.closeIfAllServed(tx, judgment.id, judgment.lawsuitId);
    await this.noticeOfRecordedService(tx, judgment, party, servedAt, deadline, reference);
    return true;
  }

  /**
   * Tells the party recorded as served (in the account they have or will open) and their
   * representative when the court holds them served and when their time to object ends. Not itself
   * service: the recorded service already is, and a JUDGMENT_SERVED notice starts no clock.
   */
  private async noticeOfRecordedService(
    tx: RequestContext,
    judgment: { id: string; lawsuitId: string },
    party: LawsuitParty,
    servedAt: Date,
    deadline: Date,
    reference: string,
  ): Promise<void> {
    const [lawsuit] = await tx.manager.query<{ case_number: string | null; court_id: string }[]>(
      'SELECT case_number, court_id FROM lawsuits WHERE id = $1',
      [judgment.lawsuitId],
    );
    const row = { case_number: lawsuit.case_number, time_zone: (await this.organizations.courtOf(tx, lawsuit.court_id)).timeZone };
    const recipients = await this.addresses.ofParty(tx, party);
    if (!recipients.length) return;
    const no = row.case_number ?? '';
    await this.notifier.notify(tx, {
      kind: NotificationKind.JUDGMENT_SERVED,
      recipients: recipients.map((nationalId) => ({ nationalId })),
      lawsuitId: judgment.lawsuitId,
      data: {
        caseNumber: row.case_number,
        partyId: party.id,
        servedAt: servedAt.toISOString(),
        objectionDeadline: deadline.toISOString(),
        reference,
      },
      titleAr: `تسجيل التبليغ بالحكم في الدعوى رقم ${no}`,
      titleEn: `Service of the judgment recorded in lawsuit ${no}`,
      bodyAr:
        `سجّلت المحكمة تبليغ ${party.nameAr} بالحكم الصادر في الدعوى رقم ${no} يوم ${whenAr(servedAt, row.time_zone)} ` +
        `(المرجع: ${reference}). تنتهي مهلة الاعتراض يوم ${whenAr(deadline, row.time_zone)}.`,
      bodyEn:
        `The court recorded that ${party.nameEn} was served with the judgment in lawsuit ${no} on ${whenEn(servedAt, row.time_zone)} ` +
        `(reference: ${reference}). The time to object ends on ${whenEn(deadline, row.time_zone)}.`,
      dedupeKey: `judgment-served:${judgment.id}:${party.id}`,
    });
  }

  /**
   * Every party served (on the platform or recorded): the judgment's window is known, and ends
   * with the last party's deadline. Its version moves, so a judgment document asked for after
   * this is a new one, showing the deadline. Runs under the judgment's row lock.
   */
  private async closeIfAllServed(tx: RequestContext, judgmentId: string, lawsuitId: string): Promise<void> {
    await tx.manager.query(
      `UPDATE judgments j SET notified_at = s.last_served, objection_deadline = s.last_deadline, version = j.version + 1
         FROM (SELECT max(served_at) AS last_served, max(objection_deadline) AS last_deadline, count(*) AS served
                 FROM judgment_party_services WHERE judgment_id = $2) s
        WHERE j.id = $2 AND j.notified_at IS NULL AND s.served >= (SELECT count(*) FROM lawsuit_parties WHERE lawsuit_id = $1)`,
      [lawsuitId, judgmentId],
    );
  }

  /** The objecting party's deadline (null: not yet served). */
  async deadlineOf(tx: RequestContext, judgmentId: string, partyId: string): Promise<Date | null> {
    const service = await tx.repo(PartyService).findOneBy({ judgmentId, partyId });
    return service?.objectionDeadline ?? null;
  }

  /**
   * Whether every party of the case has objected to its judgment, or was served and let its window
   * pass (windowState PASSED): then, and only then, the appeal court decides the objections together.
   */
  async everyWindowClosed(tx: RequestContext, lawsuitId: string, now: Date): Promise<boolean> {
    const [{ open }] = await tx.manager.query<{ open: number }[]>(
      `SELECT count(*)::int AS open
         FROM lawsuit_parties p JOIN judgments j ON j.lawsuit_id = p.lawsuit_id
         LEFT JOIN judgment_party_services s ON s.judgment_id = j.id AND s.party_id = p.id
        WHERE p.lawsuit_id = $1
          AND NOT EXISTS (SELECT 1 FROM objections o WHERE o.judgment_id = j.id AND o.party_id = p.id)
          AND NOT EXISTS (SELECT 1 FROM judgment_acceptances a WHERE a.judgment_id = j.id AND a.party_id = p.id)
          AND (s.objection_deadline IS NULL OR s.objection_deadline >= $2)`,
      [lawsuitId, now],
    );
    return open === 0;
  }

  /** A window from service on the court's calendar: moved to the next working day when it ends on a closed one. */
  private async deadlineFrom(tx: RequestContext, courtId: string, servedAt: Date, urgent: boolean): Promise<Date> {
    return (await this.deadlines.periodEnd(tx, courtId, servedAt, objectionDays(urgent))).dueAt;
  }

  /** What the party did about the judgment already: objected, accepted it, or nothing yet. */
  async answerOf(tx: RequestContext, judgmentId: string, partyId: string): Promise<'objected' | 'accepted' | undefined> {
    const [row] = await tx.manager.query<{ objected: boolean; accepted: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM objections WHERE judgment_id = $1 AND party_id = $2) AS objected,
              EXISTS (SELECT 1 FROM judgment_acceptances WHERE judgment_id = $1 AND party_id = $2) AS accepted`,
      [judgmentId, partyId],
    );
    return row.objected ? 'objected' : row.accepted ? 'accepted' : undefined;
  }

  /** Every party's window of these judgments, parties in their order in the case. */
  async windowsOf(ctx: RequestContext, judgmentIds: readonly string[]): Promise<PartyWindow[]> {
    const rows = await ctx.manager.query<
      {
        judgment_id: string;
        party_id: string;
        side: PartySide;
        name_ar: string;
        name_en: string;
        national_id: string | null;
        representative_id: string | null;
        court_id: string;
        circuit_id: string | null;
        served_at: Date | null;
        channel: NotificationChannel | null;
        method: ServiceMethod | null;
        reference: string | null;
        objection_deadline: Date | null;
        reminded_at: Date | null;
        accepted_at: Date | null;
        urgent: boolean;
      }[]
    >(
      `SELECT j.id AS judgment_id, j.urgent, p.id AS party_id, p.side, p.name_ar, p.name_en, p.national_id, p.representative_id,
              l.court_id, l.circuit_id, s.served_at, s.channel, s.method, s.reference, s.objection_deadline, s.reminded_at,
              a.accepted_at
         FROM judgments j
         JOIN lawsuits l ON l.id = j.lawsuit_id
         JOIN lawsuit_parties p ON p.lawsuit_id = j.lawsuit_id
         LEFT JOIN judgment_party_services s ON s.judgment_id = j.id AND s.party_id = p.id
         LEFT JOIN judgment_acceptances a ON a.judgment_id = j.id AND a.party_id = p.id
        WHERE j.id = ANY($1::uuid[])
        ORDER BY p.side, p.created_at, p.id`,
      [[...judgmentIds]],
    );
    const now = ctx.now();
    const served = rows.filter((r) => r.served_at && r.objection_deadline);
    const explained = await this.deadlines.explain(
      ctx,
      served.map((r) => ({
        courtId: r.court_id,
        startsAt: r.served_at!,
        days: objectionDays(r.urgent),
        dueAt: r.objection_deadline!,
        rule: objectionWindowOf(r.urgent ? ObjectionTrack.URGENT : ObjectionTrack.ORDINARY).basis,
      })),
    );
    const deadlineOf = new Map(served.map((r, i) => [r, explained[i]]));
    return rows.map((r) => ({
      judgmentId: r.judgment_id,
      partyId: r.party_id,
      side: r.side,
      nameAr: r.name_ar,
      nameEn: r.name_en,
      nationalId: r.national_id?.trim() ?? null,
      representativeId: r.representative_id,
      courtId: r.court_id,
      circuitId: r.circuit_id,
      servedAt: r.served_at,
      servedChannel: r.channel,
      serviceMethod: r.method,
      serviceReference: r.reference,
      objectionDeadline: r.objection_deadline,
      remindedAt: r.reminded_at,
      acceptedAt: r.accepted_at,
      state: r.accepted_at ? 'ACCEPTED' : windowState(r.objection_deadline, now),
      deadline: deadlineOf.get(r) ?? null,
    }));
  }
}
