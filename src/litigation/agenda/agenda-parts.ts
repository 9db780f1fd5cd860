/**
 * The pieces of a party's agenda (agenda.service.ts): whose cases are "mine", a countdown, and the
 * words and action of each kind of deadline.
 */
import { Agenda, AgendaAction, AgendaActionKind, AgendaDeadline, AgendaDeadlineKind } from './agenda.models';

/** Who the person is in the parties' rows: their national ID, their principals' (as an agent), their user id (as representative). */
export interface PersonKeys {
  nationalId: string;
  nationalIds: string[];
  userId: string;
}

/** A deadline with what to act on (the lawsuit, the waiver or the bill). */
export type DeadlineEntry = AgendaDeadline & { subjectId: string };

/** The agenda as read, its deadlines with what they are about. */
export type AgendaRead = Omit<Agenda, 'deadlines'> & { deadlines: DeadlineEntry[] };

/**
 * The parties the person is, or acts for — `mine` — as a CTE over $1 (their national ID), $2 (it
 * and their principals') and $3 (their user id).
 */
export const MINE = `mine AS (
  SELECT p.id AS party_id, p.lawsuit_id, p.side, p.name_ar, p.name_en, (p.national_id IS DISTINCT FROM $1::char(10)) AS representing
    FROM lawsuit_parties p
   WHERE p.national_id = ANY($2::text[]) OR p.representative_id = $3
)`;

const DAY_MS = 86_400_000;

export function countdown(dueAt: Date, at: Date): { daysLeft: number; secondsLeft: number } {
  const ms = Math.max(0, dueAt.getTime() - at.getTime());
  return { daysLeft: Math.floor(ms / DAY_MS), secondsLeft: Math.floor(ms / 1000) };
}

const TITLES: Record<Exclude<AgendaDeadlineKind, AgendaDeadlineKind.PAYMENT>, (no: string) => { titleAr: string; titleEn: string }> = {
  [AgendaDeadlineKind.OBJECTION]: (no) => ({
    titleAr: `آخر موعد للاعتراض على الحكم في الدعوى رقم ${no} أو القناعة به`,
    titleEn: `Last day to object to, or accept, the judgment in lawsuit ${no}`,
  }),
  [AgendaDeadlineKind.RESUMPTION]: (no) => ({
    titleAr: `آخر موعد لطلب السير في الدعوى المشطوبة رقم ${no}`,
    titleEn: `Last day to ask to resume struck-off lawsuit ${no}`,
  }),
  [AgendaDeadlineKind.WAIVER_ANSWER]: (no) => ({
    titleAr: `الرد على طلب المدعي ترك الدعوى رقم ${no} قبل الجلسة القادمة`,
    titleEn: `Answer the claimant’s waiver in lawsuit ${no} before the next hearing`,
  }),
};

export function deadlineTitles(
  kind: Exclude<AgendaDeadlineKind, AgendaDeadlineKind.PAYMENT>,
  caseNumber: string,
): { titleAr: string; titleEn: string } {
  return TITLES[kind](caseNumber);
}

const ACTION_OF: Record<AgendaDeadlineKind, AgendaActionKind> = {
  [AgendaDeadlineKind.OBJECTION]: AgendaActionKind.OBJECT_OR_ACCEPT,
  [AgendaDeadlineKind.RESUMPTION]: AgendaActionKind.RESUME_CASE,
  [AgendaDeadlineKind.WAIVER_ANSWER]: AgendaActionKind.ANSWER_WAIVER,
  [AgendaDeadlineKind.PAYMENT]: AgendaActionKind.PAY_BILL,
};

/** What a deadline asks of the person. */
export function actionOf(d: DeadlineEntry): AgendaAction {
  return {
    kind: ACTION_OF[d.kind],
    lawsuitId: d.lawsuitId,
    caseNumber: d.caseNumber,
    subjectId: d.subjectId,
    dueAt: d.dueAt,
    titleAr: d.titleAr,
    titleEn: d.titleEn,
  };
}
