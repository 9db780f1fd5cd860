/**
 * A party's agenda (docs/domain.md, "A party's agenda"): across the cases where the person is a
 * party, is the representative of record of one, or acts for one under a power of attorney —
 * the scheduled hearings not yet over (a remote one's link once check-in opens and they
 * registered), the deadlines not yet passed with their countdown (objection and resumption
 * windows explained on the court's calendar, a waiver's answer before the next hearing, bills),
 * and what is theirs to do. A fixed number of statements, whatever the number of cases.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import { UnauthenticatedError } from '../../core/errors/domain-error';
import { CourtDeadlines, OrganizationLookups } from '../../organizations';
import { BillsService, BillState } from '../../payments';
import { REMOTE_CHECK_IN_MS } from '../hearings/hearing-reads.service';
import { HearingMode } from '../hearings/hearing.enums';
import { ObjectionTrack } from '../judgments/objection-rules.models';
import { objectionDays } from '../judgments/objection-window';
import { objectionWindowOf } from '../judgments/objection-window-rules';
import { PartySide } from '../lawsuits/lawsuit.enums';
import { STRUCK_OFF_RESUMPTION } from '../lawsuits/struck-off-rules';
import { AgendaAction, AgendaActionKind, AgendaDeadline, AgendaDeadlineKind, AgendaHearing } from './agenda.models';
import { actionOf, type AgendaRead, countdown, type DeadlineEntry, deadlineTitles, MINE, PersonKeys } from './agenda-parts';

const LIMIT = 200;

@Injectable()
export class AgendaService {
  constructor(
    private readonly organizations: OrganizationLookups,
    private readonly deadlines: CourtDeadlines,
    private readonly bills: BillsService,
  ) {}

  async agendaOf(ctx: RequestContext): Promise<AgendaRead> {
    const actor = ctx.actor;
    if (!actor) throw new UnauthenticatedError();
    const at = ctx.now();
    const keys: PersonKeys = {
      nationalId: actor.nationalId,
      nationalIds: [actor.nationalId, ...(actor.agencies ?? []).map((a) => a.principalNationalId)],
      userId: actor.id,
    };
    const [hearings, deadlines, drafts, defences] = await Promise.all([
      this.hearings(ctx, keys, at),
      this.caseDeadlines(ctx, keys, at),
      this.drafts(ctx, keys),
      this.defences(ctx, keys, at),
    ]);
    const payments = await this.payments(ctx, at);
    const all: DeadlineEntry[] = [...deadlines, ...payments].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    const actions: AgendaAction[] = [
      ...all.map(actionOf),
      ...hearings
        .filter((h) => h.joinOpensAt && h.joinOpensAt <= at && !h.joinLink)
        .map((h) => ({
          kind: AgendaActionKind.REGISTER_ATTENDANCE,
          lawsuitId: h.lawsuitId,
          caseNumber: h.caseNumber,
          subjectId: h.hearingId,
          dueAt: h.endsAt,
          titleAr: `سجّل حضورك للجلسة عن بُعد في الدعوى رقم ${h.caseNumber ?? ''} لتظهر لك الرابط`,
          titleEn: `Check in to the remote hearing of lawsuit ${h.caseNumber ?? ''} to get its link`,
        })),
      ...defences,
    ].sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity));
    return { at, hearings, deadlines: all, actions: [...actions, ...drafts] };
  }

  private async hearings(ctx: RequestContext, keys: PersonKeys, at: Date): Promise<AgendaHearing[]> {
    const rows = await ctx.manager.query<
      {
        id: string;
        lawsuit_id: string;
        case_number: string | null;
        court_id: string;
        starts_at: Date;
        ends_at: Date;
        mode: HearingMode;
        room: string | null;
        meeting_link: string | null;
        side: PartySide;
        name_ar: string;
        name_en: string;
        representing: boolean;
        registered: boolean;
      }[]
    >(
      `WITH ${MINE}
       SELECT DISTINCT ON (h.starts_at, h.id) h.id, h.lawsuit_id, l.case_number, l.court_id, h.starts_at, h.ends_at, h.mode, h.room,
              h.meeting_link, m.side, m.name_ar, m.name_en, m.representing,
              EXISTS (SELECT 1 FROM hearing_attendance a JOIN lawsuit_parties ap ON ap.id = a.party_id
                       WHERE a.hearing_id = h.id AND a.registered_at IS NOT NULL
                         AND (ap.national_id = ANY($2::text[]) OR ap.representative_id = $3)) AS registered
         FROM hearings h JOIN lawsuits l ON l.id = h.lawsuit_id JOIN mine m ON m.lawsuit_id = h.lawsuit_id
        WHERE h.state = 'SCHEDULED' AND h.ends_at > $4
        ORDER BY h.starts_at, h.id, m.representing
        LIMIT ${LIMIT}`,
      [keys.nationalId, keys.nationalIds, keys.userId, at],
    );
    const [courtRows, roots] = await Promise.all([
      this.organizations.courtsByIds(ctx, [...new Set(rows.map((r) => r.court_id))]),
      this.chainRoots(
        ctx,
        rows.map((r) => r.id),
      ),
    ]);
    const courts = new Map(courtRows.map((c) => [c.id, c]));
    return rows.map((r) => {
      const remote = r.mode === HearingMode.REMOTE;
      const joinOpensAt = remote ? new Date(r.starts_at.getTime() - REMOTE_CHECK_IN_MS) : null;
      const open = !!joinOpensAt && joinOpensAt <= at && at < r.ends_at;
      const court = courts.get(r.court_id)!;
      return {
        hearingId: r.id,
        lawsuitId: r.lawsuit_id,
        caseNumber: r.case_number,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        mode: r.mode,
        room: r.room,
        courtNameAr: court.nameAr,
        courtNameEn: court.nameEn,
        joinOpensAt,
        joinLink: open && r.registered ? r.meeting_link : null,
        role: { side: r.side, partyNameAr: r.name_ar, partyNameEn: r.name_en, representing: r.representing },
        calendarUid: `hearing-${roots.get(r.id) ?? r.id}@adl`,
      };
    });
  }

  /** The first hearing of each hearing's chain of postponements: its calendar event's UID names it (hearing-notices.ts). */
  private async chainRoots(ctx: RequestContext, hearingIds: string[]): Promise<Map<string, string>> {
    if (!hearingIds.length) return new Map();
    const rows = await ctx.manager.query<{ start_id: string; root_id: string }[]>(
      `WITH RECURSIVE chain (start_id, id, previous_hearing_id) AS (
         SELECT id, id, previous_hearing_id FROM hearings WHERE id = ANY($1::uuid[])
         UNION ALL
         SELECT c.start_id, h.id, h.previous_hearing_id FROM hearings h JOIN chain c ON h.id = c.previous_hearing_id
       )
       SELECT start_id, id AS root_id FROM chain WHERE previous_hearing_id IS NULL`,
      [hearingIds],
    );
    return new Map(rows.map((r) => [r.start_id, r.root_id]));
  }

  /** Objection and resumption windows (explained on the court's calendar) and waivers to answer. */
  private async caseDeadlines(ctx: RequestContext, keys: PersonKeys, at: Date): Promise<DeadlineEntry[]> {
    const params = [keys.nationalId, keys.nationalIds, keys.userId, at];
    const [objections, resumptions, waivers] = await Promise.all([
      ctx.manager.query<
        {
          judgment_id: string;
          lawsuit_id: string;
          case_number: string | null;
          court_id: string;
          served_at: Date;
          due: Date;
          urgent: boolean;
        }[]
      >(
        `WITH ${MINE}
         SELECT DISTINCT s.judgment_id, l.id AS lawsuit_id, l.case_number, l.court_id, s.served_at, s.objection_deadline AS due, j.urgent
           FROM judgment_party_services s JOIN judgments j ON j.id = s.judgment_id JOIN lawsuits l ON l.id = j.lawsuit_id
           JOIN mine m ON m.party_id = s.party_id
          WHERE l.state IN ('JUDGMENT_ISSUED','OBJECTED') AND s.objection_deadline >= $4
            AND NOT EXISTS (SELECT 1 FROM objections o WHERE o.judgment_id = s.judgment_id AND o.party_id = s.party_id)
            AND NOT EXISTS (SELECT 1 FROM judgment_acceptances a WHERE a.judgment_id = s.judgment_id AND a.party_id = s.party_id)
          LIMIT ${LIMIT}`,
        params,
      ),
      ctx.manager.query<{ lawsuit_id: string; case_number: string | null; court_id: string; struck_off_at: Date; due: Date }[]>(
        `WITH ${MINE}
         SELECT l.id AS lawsuit_id, l.case_number, l.court_id, l.struck_off_at, l.resume_due_at AS due FROM lawsuits l
          WHERE l.state = 'STRUCK_OFF' AND l.resumed_at IS NULL AND l.resume_due_at >= $4
            AND EXISTS (SELECT 1 FROM mine m WHERE m.lawsuit_id = l.id AND m.side = 'CLAIMANT')
          LIMIT ${LIMIT}`,
        params,
      ),
      ctx.manager.query<{ waiver_id: string; lawsuit_id: string; case_number: string | null; due: Date | null }[]>(
        `WITH ${MINE}
         SELECT w.id AS waiver_id, l.id AS lawsuit_id, l.case_number,
                (SELECT min(h.starts_at) FROM hearings h
                  WHERE h.lawsuit_id = w.lawsuit_id AND h.state IN ('SCHEDULED','HELD') AND h.starts_at > w.created_at) AS due
           FROM claim_waivers w JOIN lawsuits l ON l.id = w.lawsuit_id
          WHERE w.state = 'PENDING' AND l.state IN ('REGISTERED','IN_HEARINGS')
            AND EXISTS (SELECT 1 FROM mine m WHERE m.lawsuit_id = l.id AND m.side = 'DEFENDANT')
          LIMIT ${LIMIT}`,
        params.slice(0, 3),
      ),
    ]);
    const explained = await this.deadlines.explain(ctx, [
      ...objections.map((o) => ({
        courtId: o.court_id,
        startsAt: o.served_at,
        days: objectionDays(o.urgent),
        dueAt: o.due,
        rule: objectionWindowOf(o.urgent ? ObjectionTrack.URGENT : ObjectionTrack.ORDINARY).basis,
      })),
      ...resumptions.map((r) => ({
        courtId: r.court_id,
        startsAt: r.struck_off_at,
        days: STRUCK_OFF_RESUMPTION.days,
        dueAt: r.due,
        rule: STRUCK_OFF_RESUMPTION.basis,
      })),
    ]);
    const entry = (
      kind: Exclude<AgendaDeadlineKind, AgendaDeadlineKind.PAYMENT>,
      lawsuitId: string,
      caseNumber: string | null,
      dueAt: Date,
      deadline: AgendaDeadline['deadline'],
      subjectId = lawsuitId,
    ): DeadlineEntry => ({
      kind,
      subjectId,
      lawsuitId,
      caseNumber,
      billId: null,
      dueAt,
      ...countdown(dueAt, at),
      ...deadlineTitles(kind, caseNumber ?? ''),
      deadline,
    });
    return [
      ...objections.map((o, i) => entry(AgendaDeadlineKind.OBJECTION, o.lawsuit_id, o.case_number, o.due, explained[i])),
      ...resumptions.map((r, i) =>
        entry(AgendaDeadlineKind.RESUMPTION, r.lawsuit_id, r.case_number, r.due, explained[objections.length + i]),
      ),
      ...waivers
        .filter((w) => w.due && w.due > at)
        .map((w) => entry(AgendaDeadlineKind.WAIVER_ANSWER, w.lawsuit_id, w.case_number, w.due!, null, w.waiver_id)),
    ];
  }

  /** The caller's bills still to pay, as deadlines. */
  private async payments(ctx: RequestContext, at: Date): Promise<DeadlineEntry[]> {
    const actor = ctx.actor!;
    const open = await this.bills.list(ctx, { states: [BillState.UNPAID] }, 100);
    return open.edges
      .map((e) => e.node)
      .filter((b) => (b.payerId === actor.id || b.payerNationalId === actor.nationalId) && b.dueAt > at)
      .map((b) => ({
        kind: AgendaDeadlineKind.PAYMENT,
        subjectId: b.id,
        lawsuitId: b.subjectType === 'Lawsuit' ? b.subjectId : null,
        caseNumber: null,
        billId: b.id,
        dueAt: b.dueAt,
        ...countdown(b.dueAt, at),
        titleAr: `سداد الفاتورة رقم ${b.number}: ${b.descriptionAr}`,
        titleEn: `Pay bill ${b.number}: ${b.descriptionEn}`,
        deadline: null,
      }));
  }

  /** Defences still to file: the defendant's side has none, and the first hearing has not begun (pleadings.service.ts). */
  private async defences(ctx: RequestContext, keys: PersonKeys, at: Date): Promise<AgendaAction[]> {
    const rows = await ctx.manager.query<{ lawsuit_id: string; case_number: string | null; first: Date | null }[]>(
      `WITH ${MINE}
       SELECT DISTINCT l.id AS lawsuit_id, l.case_number, (SELECT min(h.starts_at) FROM hearings h WHERE h.lawsuit_id = l.id) AS first
         FROM lawsuits l JOIN mine m ON m.lawsuit_id = l.id AND m.side = 'DEFENDANT'
        WHERE l.state IN ('REGISTERED','IN_HEARINGS')
          AND NOT EXISTS (SELECT 1 FROM memos d WHERE d.party_id = m.party_id AND d.kind = 'DEFENCE')
        LIMIT ${LIMIT}`,
      [keys.nationalId, keys.nationalIds, keys.userId],
    );
    return rows
      .filter((r) => !r.first || r.first > at)
      .map((r) => ({
        kind: AgendaActionKind.FILE_DEFENCE,
        lawsuitId: r.lawsuit_id,
        caseNumber: r.case_number,
        subjectId: r.lawsuit_id,
        dueAt: r.first,
        titleAr: `قدّم مذكرتك الجوابية في الدعوى رقم ${r.case_number ?? ''} قبل الجلسة الأولى`,
        titleEn: `File your statement of defence in lawsuit ${r.case_number ?? ''} before the first hearing`,
      }));
  }

  /** Lawsuits the person filed that wait to be submitted: drafts, and filings the court returned. */
  private async drafts(ctx: RequestContext, keys: PersonKeys): Promise<AgendaAction[]> {
    const rows = await ctx.manager.query<{ id: string; state: string; subject: string }[]>(
      `SELECT id, state, subject FROM lawsuits WHERE filed_by = $1 AND state IN ('DRAFT','RETURNED') ORDER BY updated_at DESC LIMIT ${LIMIT}`,
      [keys.userId],
    );
    return rows.map((r) => ({
      kind: AgendaActionKind.SUBMIT_LAWSUIT,
      lawsuitId: r.id,
      caseNumber: null,
      subjectId: r.id,
      dueAt: null,
      titleAr: r.state === 'RETURNED' ? `صحّح الدعوى المعادة «${r.subject}» وقدّمها` : `أكمل مسودة الدعوى «${r.subject}» وقدّمها`,
      titleEn:
        r.state === 'RETURNED'
          ? `Correct the returned lawsuit “${r.subject}” and submit it`
          : `Complete the draft lawsuit “${r.subject}” and submit it`,
    }));
  }
}
