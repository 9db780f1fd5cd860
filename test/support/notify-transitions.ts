/**
 * The world of the specs of transition notices (notify-transitions-recipients and
 * notify-transitions-refused): the API and the worker in this process with a real SMTP server, a
 * court with its staff, parties with an email address, a working day of its own for each test, and
 * readers of a lawsuit's notices and of the emails a party received.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { courtWithStaff, CourtFixture, workingSlot } from '../factories/courts';
import { Mailbox, noticeId, until } from '../factories/mailbox';
import { Citizen, registerCitizen } from '../factories/people';
import { AppWithWorker, startAppWithWorker, TestApp } from '../harness';
import { scenario } from '../scenario/scenario';

export const REVIEW = `mutation($i: ReviewLawsuitInput!) { reviewLawsuit(input: $i) { id state caseNumber } }`;
export const WITHDRAW = `mutation($id: ID!) { withdrawLawsuit(id: $id) { id state } }`;
export const HEARING = `id state startsAt`;
export const SCHEDULE = `mutation($i: ScheduleHearingInput!) { scheduleHearing(input: $i) { ${HEARING} } }`;
export const POSTPONE = `mutation($i: PostponeHearingInput!) { postponeHearing(input: $i) { ${HEARING} } }`;
export const CANCEL = `mutation($i: CancelHearingInput!) { cancelHearing(input: $i) { ${HEARING} } }`;
export const ISSUE = `mutation($i: IssueJudgmentInput!) { issueJudgment(input: $i) { id objectionDeadline } }`;
export const LAWSUIT = `query($id: ID!) { lawsuit(id: $id) { state hearings { id state } } }`;

export interface NoticeRow {
  id: string;
  kind: string;
  national_id: string;
  title_en: string;
  body_ar: string;
  body_en: string;
  calendar: { uid: string; sequence: number; method: string; location: string } | null;
}

export let env: AppWithWorker;
export let mailbox: Mailbox;
export let t: TestApp;
export let worker: INestApplicationContext;
export let db: DataSource;
export let fx: CourtFixture;
let day = 0;

/**
 * Starts the API and the worker on a Redis prefix named after `name` (so no other spec file's worker
 * takes their jobs), with a court of its own; each test on a day of its own, the clock back to now after it.
 */
export function setUpNotifyTransitions(name: string): void {
  beforeAll(async () => {
    env = await startAppWithWorker(name);
    ({ t, worker, db, mailbox } = env);
    fx = await courtWithStaff(t);
  });
  afterAll(() => env?.close());
  afterEach(() => t.clock.reset());

  beforeEach(() => {
    day += 1;
  });
}

export type Party = Citizen & { email: string };

export async function person(): Promise<Party> {
  const email = `party-${randomUUID().slice(0, 8)}@example.com`;
  return { ...(await registerCitizen(t, { email })), email };
}

/** The claimant's case against the defendant in the fixture court (its clerk reviews it). */
export const between = (claimant: Party, defendant: Party) => scenario(t.app).court(fx).claimant(claimant).defendant(defendant);

export async function filed(claimant: Party, defendant: Party): Promise<string> {
  return (await between(claimant, defendant).submitted()).lawsuitId;
}

export async function registered(claimant: Party, defendant: Party): Promise<{ id: string; caseNumber: string }> {
  const s = await between(claimant, defendant).registered();
  return { id: s.lawsuitId, caseNumber: s.caseNumber };
}

/** A working day of its own for each test (a week apart). */
export function slot(hour: number, minute = 0): Date {
  return workingSlot(7 * day + 3, hour, minute);
}

export function notices(lawsuitId: string): Promise<NoticeRow[]> {
  return db.query(
    // The case's own notices; its bills' notices are the payments wing's (test/payments.e2e-spec.ts).
    `SELECT id, kind, national_id, title_en, body_ar, body_en, calendar FROM notifications
      WHERE lawsuit_id = $1 AND kind NOT LIKE 'BILL\\_%' ORDER BY created_at, kind`,
    [lawsuitId],
  );
}

export async function kindsOf(lawsuitId: string, who: Party): Promise<string[]> {
  return (await notices(lawsuitId)).filter((n) => n.national_id === who.nationalId).map((n) => n.kind);
}

/** Waits until every notice of these lawsuits to this person has its email, then lets stragglers arrive. */
export async function mailsOf(who: Party, lawsuitIds: string[]) {
  const ids = new Set<string>();
  for (const l of lawsuitIds) for (const n of await notices(l)) if (n.national_id === who.nationalId) ids.add(n.id);
  await until(async () => {
    const mails = await mailbox.to(who.email);
    return ids.size > 0 && [...ids].every((id) => mails.some((m) => noticeId(m.raw) === id));
  });
  await new Promise((r) => setTimeout(r, 500));
  // The mails of these notices (a notice mailed twice shows twice); the bills' mails are the payments wing's.
  return (await mailbox.to(who.email)).filter((m) => ids.has(noticeId(m.raw)!));
}
