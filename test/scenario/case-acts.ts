/**
 * What the litigation steps do to a case, one act each, also offered on the scenario itself for
 * a spec that needs it again (another hearing, one side served now): schedule a hearing, hold it,
 * serve the judgment; and how a step finds the case where the spec itself brought it.
 */
import { DocumentKind } from '../../src/documents/document.enums';
import type { Hearing } from '../../src/litigation/hearings/hearing.entity';
import { HearingMode } from '../../src/litigation/hearings/hearing.enums';
import { HearingsService } from '../../src/litigation/hearings/hearings.service';
import { JudgmentsService } from '../../src/litigation/judgments/judgments.service';
import { PartySide } from '../../src/litigation/lawsuits/lawsuit.enums';
import { NotificationKind } from '../../src/notifications/notification.enums';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { workingSlot } from '../factories/courts';
import { clerkOf, judgeOf } from './courts';
import { Person, personById } from './people';
import type { Scenario } from './scenario';

const hearings = (s: Scenario) => s.host.get(HearingsService);

export interface HearingOptions {
  /** When it starts (default: a working day a week from the clock's now, 09:00 Riyadh; a clash takes the next free slot). */
  at?: Date;
  durationMinutes?: number;
  remote?: boolean;
  meetingLink?: string;
  room?: string;
  judgeId?: string;
}

export interface HoldOptions {
  /** false: the minutes record the claimant absent (a case to strike off). Default true. */
  claimantPresent?: boolean;
  minutes?: string;
}

export interface ServedOptions {
  /** Serve one side only (default both). */
  only?: PartySide | `${PartySide}`;
}

/** The judge who acts now: the one presiding over the latest hearing, or the circuit's first seated judge. */
export async function actingJudge(s: Scenario): Promise<Person> {
  if (s.hearingJudgeId) return personById(s.host, s.hearingJudgeId);
  return judgeOf(s.host, s.circuitId);
}

/** The party the judgment favours (who may ask for its execution). */
export async function winner(s: Scenario): Promise<Person> {
  const [row] = await s.host.db.query<{ in_favour_of: PartySide }[]>('SELECT in_favour_of FROM judgments WHERE id = $1', [s.judgmentId]);
  return row.in_favour_of === PartySide.CLAIMANT ? s.actors.claimant : s.actors.defendant;
}

/** A check of where a filed case stands (none before it is filed). */
export const filed =
  (check: (s: Scenario) => Promise<boolean>) =>
  (s: Scenario): Promise<boolean> =>
    s.lawsuitId ? check(s) : Promise.resolve(false);

/** Where the case stands now, whoever moved it. */
export async function stateOf(s: Scenario): Promise<string> {
  const [row] = await s.host.db.query<{ state: string }[]>('SELECT state FROM lawsuits WHERE id = $1', [s.lawsuitId]);
  return row.state;
}

/** The case has been registered (by the builder or not): its number, circuit and parties. */
export async function adoptRegistration(s: Scenario): Promise<boolean> {
  const [lawsuit] = await s.host.db.query<{ case_number: string | null; circuit_id: string | null }[]>(
    'SELECT case_number, circuit_id FROM lawsuits WHERE id = $1',
    [s.lawsuitId],
  );
  if (!lawsuit.case_number) return false;
  s.caseNumber = lawsuit.case_number;
  s.circuitId = lawsuit.circuit_id!;
  const parties = await s.host.db.query<{ id: string; side: PartySide }[]>(
    'SELECT id, side FROM lawsuit_parties WHERE lawsuit_id = $1 ORDER BY side, id',
    [s.lawsuitId],
  );
  s.claimantPartyId = parties.find((p) => p.side === PartySide.CLAIMANT)!.id;
  s.defendantPartyId = parties.find((p) => p.side === PartySide.DEFENDANT)!.id;
  return true;
}

/** The latest hearing of the case in one of `states`, taken as the scenario's; false when none. */
export async function adoptHearing(s: Scenario, states: string[]): Promise<boolean> {
  const [hearing] = await s.host.db.query<{ id: string; starts_at: Date; judge_id: string }[]>(
    'SELECT id, starts_at, judge_id FROM hearings WHERE lawsuit_id = $1 AND state = ANY($2) ORDER BY starts_at DESC LIMIT 1',
    [s.lawsuitId, states],
  );
  if (!hearing) return false;
  if (s.hearingId !== hearing.id) s.useHearing({ id: hearing.id, startsAt: hearing.starts_at, judgeId: hearing.judge_id } as Hearing);
  return true;
}

/** Schedules a hearing of the scenario's case (the clerk of its court); a clash takes the next free slot. */
export async function scheduleHearing(s: Scenario, options: HearingOptions = {}) {
  const clerk = await clerkOf(s.host, s.venue.id);
  await judgeOf(s.host, s.circuitId);
  const remote = options.remote ?? false;
  return s.freeSlot(options.at ?? workingSlot(7, 9, 0, s.host.now()), async (startsAt) =>
    hearings(s).schedule(await clerk.ctx(), {
      lawsuitId: s.lawsuitId,
      startsAt,
      durationMinutes: options.durationMinutes ?? 30,
      mode: remote ? HearingMode.REMOTE : HearingMode.IN_PERSON,
      ...(remote
        ? { meetingLink: options.meetingLink ?? 'https://meet.adl.example/scenario' }
        : { room: options.room ?? 'قاعة ١ — Room 1' }),
      judgeId: options.judgeId,
    }),
  );
}

/**
 * Serves the judgment on every party of a side (or both) not served yet, at the clock's now: a party
 * with an account (or an organization's representative) opens the judgment's notice there; a party
 * no notice can reach is served by hand, and the clerk records it.
 */
export async function serve(s: Scenario, only?: PartySide | `${PartySide}`): Promise<void> {
  const parties = await s.host.db.query<{ id: string; side: PartySide; user_id: string | null; national_id: string | null }[]>(
    `SELECT p.id, p.side, u.id AS user_id, u.national_id FROM lawsuit_parties p
       LEFT JOIN users u ON u.national_id = p.national_id OR (p.national_id IS NULL AND u.id = p.representative_id)
      WHERE p.lawsuit_id = $1
        AND NOT EXISTS (SELECT 1 FROM judgment_party_services j WHERE j.judgment_id = $2 AND j.party_id = p.id)
      ORDER BY p.side, p.id`,
    [s.lawsuitId, s.judgmentId],
  );
  for (const party of parties.filter((p) => !only || p.side === only)) {
    if (party.user_id) {
      const person = await personById(s.host, party.user_id);
      const [notice] = await s.host.db.query<{ id: string }[]>(
        'SELECT id FROM notifications WHERE national_id = $1 AND lawsuit_id = $2 AND kind = $3',
        [party.national_id, s.lawsuitId, NotificationKind.JUDGMENT_ISSUED],
      );
      if (!notice) throw new Error(`the judgment's notice did not reach the ${party.side.toLowerCase()}`);
      await s.host.get(NotificationsService).markRead(await person.ctx(), notice.id);
    } else {
      const clerk = await clerkOf(s.host, s.venue.id);
      await s.host.get(JudgmentsService).recordService(await clerk.ctx(), {
        lawsuitId: s.lawsuitId,
        partyId: party.id,
        servedAt: s.host.now(),
        reference: 'محضر تبليغ — process server report',
      });
    }
  }
}

/** The presiding judge records the minutes ten minutes into the hearing (every clock moves there). */
export async function holdHearing(s: Scenario, options: HoldOptions = {}): Promise<void> {
  const present = options.claimantPresent ?? true;
  const parties = await s.host.db.query<{ id: string; side: PartySide }[]>('SELECT id, side FROM lawsuit_parties WHERE lawsuit_id = $1', [
    s.lawsuitId,
  ]);
  s.host.at(new Date(s.hearingAt.getTime() + 10 * 60_000));
  await hearings(s).recordMinutes(await (await actingJudge(s)).ctx(), {
    hearingId: s.hearingId,
    minutes: options.minutes ?? 'محضر الجلسة — minutes of the hearing',
    attendance: parties.map((p) => ({ partyId: p.id, present: p.side === PartySide.DEFENDANT || present })),
  });
}

/** The kind and subject of the lawsuit's latest document, for documentRequested. */
export function lawsuitDocument(s: Scenario): { kind: DocumentKind; subjectId: string } | null {
  if (s.executionRequestId) return { kind: DocumentKind.EXECUTION_ORDER, subjectId: s.executionRequestId };
  if (s.judgmentId) return { kind: DocumentKind.JUDGMENT, subjectId: s.judgmentId };
  if (s.caseNumber) return { kind: DocumentKind.LAWSUIT_RECEIPT, subjectId: s.lawsuitId };
  return null;
}

/**
 * Closes every party's objection window that is still open, as the appeal court waits for: a party
 * with an account (or an organization's representative) accepts the judgment; a party no one can
 * act for on the platform is served by the clerk if need be, and its window runs out (every clock
 * moves past its deadline).
 */
export async function closeEveryWindow(s: Scenario): Promise<void> {
  const open = await s.host.db.query<{ user_id: string | null; party_id: string; served: boolean }[]>(
    `SELECT p.id AS party_id, u.id AS user_id, sv.id IS NOT NULL AS served
       FROM lawsuit_parties p JOIN judgments j ON j.lawsuit_id = p.lawsuit_id
       LEFT JOIN users u ON u.national_id = p.national_id OR (p.national_id IS NULL AND u.id = p.representative_id)
       LEFT JOIN judgment_party_services sv ON sv.judgment_id = j.id AND sv.party_id = p.id
      WHERE p.lawsuit_id = $1
        AND NOT EXISTS (SELECT 1 FROM objections o WHERE o.judgment_id = j.id AND o.party_id = p.id)
        AND NOT EXISTS (SELECT 1 FROM judgment_acceptances a WHERE a.judgment_id = j.id AND a.party_id = p.id)
      ORDER BY p.side, p.id`,
    [s.lawsuitId],
  );
  for (const party of open) {
    if (party.user_id) {
      const person = await personById(s.host, party.user_id);
      await s.host.get(JudgmentsService).acceptJudgment(await person.ctx(), s.lawsuitId);
    } else if (!party.served) {
      const clerk = await clerkOf(s.host, s.venue.id);
      await s.host.get(JudgmentsService).recordService(await clerk.ctx(), {
        lawsuitId: s.lawsuitId,
        partyId: party.party_id,
        servedAt: s.host.now(),
        reference: 'محضر تبليغ — process server report',
      });
    }
  }
  const [{ last }] = await s.host.db.query<{ last: Date | null }[]>(
    `SELECT max(sv.objection_deadline) AS last FROM judgment_party_services sv JOIN judgments j ON j.id = sv.judgment_id
      WHERE j.lawsuit_id = $1
        AND NOT EXISTS (SELECT 1 FROM objections o WHERE o.judgment_id = j.id AND o.party_id = sv.party_id)
        AND NOT EXISTS (SELECT 1 FROM judgment_acceptances a WHERE a.judgment_id = j.id AND a.party_id = sv.party_id)`,
    [s.lawsuitId],
  );
  if (last && last >= s.host.now()) s.host.at(new Date(last.getTime() + 60_000));
}
