/**
 * The reminder before an objection window closes (objection-window-rules.ts, OBJECTION_REMINDER):
 * each served party who has neither objected nor accepted is told once, a few days before their
 * deadline, with their representative. The worker's schedule runs it.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import { Transactions } from '../../core/database/transactions';
import { NotificationKind, Notifier } from '../../notifications';
import { OrganizationLookups } from '../../organizations';
import { PartyAddresses } from '../lawsuits/party-addresses';
import { LawsuitState } from '../lawsuits/lawsuit-state-machine';
import { whenAr, whenEn } from '../notice-formats';
import { OBJECTIONS_OPEN } from './objection-clock.service';
import { reminderDue, reminderHorizon } from './objection-window';
import { PartyService } from './party-service.entity';

@Injectable()
export class ObjectionReminders {
  constructor(
    private readonly transactions: Transactions,
    private readonly notifier: Notifier,
    private readonly organizations: OrganizationLookups,
    private readonly addresses: PartyAddresses,
  ) {}

  /**
   * Reminds every served party whose window closes within REMINDER_DAYS_BEFORE days and who was
   * not reminded yet. Exactly once per party: the row is locked and marked in the transaction of
   * the notice, and the notice's dedupe key is per (judgment, party), so a second run — or two at
   * once — sends nothing more. Run by the worker's schedule.
   */
  async remindDue(ctx: RequestContext, limit = 500): Promise<number> {
    const now = ctx.now();
    const due = await ctx.manager.query<{ id: string }[]>(
      `SELECT s.id FROM judgment_party_services s
         JOIN judgments j ON j.id = s.judgment_id JOIN lawsuits l ON l.id = j.lawsuit_id
         JOIN lawsuit_parties p ON p.id = s.party_id
        WHERE s.reminded_at IS NULL AND s.objection_deadline >= $1 AND s.objection_deadline <= $2 AND l.state = ANY($3)
          AND (p.national_id IS NOT NULL OR p.representative_id IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM objections o WHERE o.judgment_id = s.judgment_id AND o.party_id = s.party_id)
          AND NOT EXISTS (SELECT 1 FROM judgment_acceptances a WHERE a.judgment_id = s.judgment_id AND a.party_id = s.party_id)
        ORDER BY s.objection_deadline LIMIT $4`,
      [now, reminderHorizon(now), OBJECTIONS_OPEN, limit],
    );
    let sent = 0;
    for (const { id } of due) {
      await this.transactions.run(ctx, async (tx) => {
        const [row] = await tx.manager.query<
          {
            judgment_id: string;
            party_id: string;
            national_id: string | null;
            representative_id: string | null;
            objection_deadline: Date;
            reminded_at: Date | null;
            lawsuit_id: string;
            case_number: string | null;
            state: string;
            court_id: string;
          }[]
        >(
          `SELECT s.judgment_id, s.party_id, p.national_id, p.representative_id, s.objection_deadline, s.reminded_at,
                  l.id AS lawsuit_id, l.case_number, l.state, l.court_id
             FROM judgment_party_services s
             JOIN judgments j ON j.id = s.judgment_id JOIN lawsuits l ON l.id = j.lawsuit_id
             JOIN lawsuit_parties p ON p.id = s.party_id
            WHERE s.id = $1 FOR UPDATE OF s`,
          [id],
        );
        if (!row || !OBJECTIONS_OPEN.includes(row.state as LawsuitState) || !reminderDue(row.objection_deadline, row.reminded_at, tx.now()))
          return;
        const timeZone = (await this.organizations.courtOf(tx, row.court_id)).timeZone;
        const recipients = await this.addresses.ofParty(tx, { nationalId: row.national_id, representativeId: row.representative_id });
        const no = row.case_number ?? '';
        const deadline = row.objection_deadline;
        await this.notifier.notify(tx, {
          kind: NotificationKind.OBJECTION_DEADLINE,
          recipients: recipients.map((nationalId) => ({ nationalId })),
          lawsuitId: row.lawsuit_id,
          data: { caseNumber: row.case_number, partyId: row.party_id, objectionDeadline: deadline.toISOString() },
          titleAr: `قرب انتهاء مهلة الاعتراض في الدعوى رقم ${no}`,
          titleEn: `Objection deadline approaching in lawsuit ${no}`,
          bodyAr:
            `تنتهي مهلة الاعتراض على الحكم الصادر في الدعوى رقم ${no} ${whenAr(deadline, timeZone)}. ` +
            'إن لم يُقدَّم اعتراض قبلها اكتسب الحكم القطعية في حقك.',
          bodyEn:
            `The time to object to the judgment in lawsuit ${no} ends on ${whenEn(deadline, timeZone)}. ` +
            'Without an objection by then, the judgment becomes final as far as you are concerned.',
          dedupeKey: `objection-deadline:${row.judgment_id}:${row.party_id}`,
        });
        await tx.repo(PartyService).update({ id }, { remindedAt: tx.now() });
        tx.audit({
          action: 'judgment.objection-reminded',
          subjectType: 'Judgment',
          subjectId: row.judgment_id,
          after: { partyId: row.party_id, objectionDeadline: deadline.toISOString() },
        });
        sent += 1;
      });
    }
    return sent;
  }
}
