/**
 * The case's timeline, built from the dated facts the lawsuit exposes (filed, submitted,
 * registered, transferred, hearings, pleadings, judgment, service, objections, finality,
 * execution), oldest first. Pure: the page names the parties and words each event.
 */
import type { CaseData } from './case-query';

export type TimelineKey =
  | 'filed'
  | 'submitted'
  | 'registered'
  | 'transferred'
  | 'hearingHeld'
  | 'hearingScheduled'
  | 'hearingPostponed'
  | 'hearingCancelled'
  | 'defence'
  | 'memo'
  | 'struckOff'
  | 'resumed'
  | 'settlementApproved'
  | 'settled'
  | 'judgmentIssued'
  | 'served'
  | 'accepted'
  | 'objected'
  | 'appealDecided'
  | 'final'
  | 'executionRequested';

export interface TimelineEvent {
  id: string;
  at: string;
  key: TimelineKey;
  /** The party who acted or was served. */
  partyId?: string;
  /** The case number it was given. */
  number?: string;
}

const HEARING: Record<string, TimelineKey> = {
  HELD: 'hearingHeld',
  SCHEDULED: 'hearingScheduled',
  POSTPONED: 'hearingPostponed',
  CANCELLED: 'hearingCancelled',
};

export function timelineOf(c: CaseData): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const add = (id: string, at: string | null | undefined, key: TimelineKey, extra: Partial<TimelineEvent> = {}) => {
    if (at) events.push({ id: `${key}-${id}`, at, key, ...extra });
  };
  add(c.id, c.createdAt, 'filed');
  add(c.id, c.submittedAt, 'submitted');
  add(c.id, c.registeredAt, 'registered', { number: c.caseNumber ?? undefined });
  c.transfers.forEach((tr) => add(tr.id, tr.transferredAt, 'transferred', { number: tr.caseNumber }));
  c.hearings.forEach((h) => add(h.id, h.heldAt ?? h.startsAt, HEARING[h.state] ?? 'hearingScheduled'));
  c.memos.forEach((m) => add(m.id, m.createdAt, m.kind === 'DEFENCE' ? 'defence' : 'memo', { partyId: m.partyId }));
  add(c.id, c.struckOffAt, 'struckOff');
  add(c.id, c.resumedAt, 'resumed');
  c.settlements.forEach((s) => add(s.id, s.approvedAt, 'settlementApproved'));
  add(c.id, c.settledAt, 'settled');
  const j = c.judgment;
  if (j) {
    add(j.id, j.issuedAt, 'judgmentIssued');
    j.objectionWindows.forEach((w) => {
      add(w.partyId, w.servedAt, 'served', { partyId: w.partyId });
      add(w.partyId, w.acceptedAt, 'accepted', { partyId: w.partyId });
    });
    add(j.id, j.finalAt, 'final');
  }
  c.objections.forEach((o) => {
    add(o.id, o.createdAt, 'objected', { partyId: o.partyId });
    add(o.id, o.decidedAt, 'appealDecided');
  });
  c.executionRequests.forEach((r) => add(r.id, r.createdAt, 'executionRequested', { partyId: r.partyId }));
  return events.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
}
