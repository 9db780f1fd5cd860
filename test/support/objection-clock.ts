/**
 * The world of the objection clock specs (objection-clock-windows and objection-clock-recorded):
 * the API and the worker in this process with a real SMTP server, a court with its staff, and the
 * helpers that take a case to a judgment, move both clocks, and read each party's window and
 * notices. A party is served when the judgment's notice reaches them — the worker's in-app
 * delivery to a party with an account, or, for a party who registers later, opening the notice in
 * their new account — and their own window runs from that moment.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/core/clock/clock';
import { JudgmentsFinalizer } from '../../src/litigation/judgments/judgments.worker';
import { PartyKind } from '../../src/litigation/lawsuits/lawsuit.enums';
import { courtWithStaff, CourtFixture } from '../factories/courts';
import { Mailbox, until } from '../factories/mailbox';
import { Citizen, registerCitizen } from '../factories/people';
import { AppWithWorker, startAppWithWorker, TestApp } from '../harness';
import { scenario } from '../scenario/scenario';
import { DEADLINE, type DeadlineAnswer } from './deadlines';

export const DAY = 86_400_000;

export const WINDOW = `partyId side servedAt servedChannel serviceMethod serviceReference objectionDeadline remindedAt state ${DEADLINE}`;
export const JUDGMENT = `query($id: ID!) { lawsuit(id: $id) { state caseNumber judgment { notifiedAt objectionDeadline finalAt
  objectionWindows { ${WINDOW} } myObjectionWindow { ${WINDOW} } } } }`;
export const OBJECT = `mutation($i: FileObjectionInput!) { fileObjection(input: $i) { id } }`;
export const INBOX = `{ notifications(first: 100) { edges { node { id kind lawsuitId hearingId titleEn data } } } }`;
export const READ = `mutation($id: ID!) { markNotificationRead(id: $id) { servedAt } }`;
export const SCHEDULE = `mutation($i: ScheduleHearingInput!) { scheduleHearing(input: $i) { id startsAt } }`;
export const POSTPONE = `mutation($i: PostponeHearingInput!) { postponeHearing(input: $i) { id startsAt } }`;
export const CANCEL = `mutation($i: CancelHearingInput!) { cancelHearing(input: $i) { id state } }`;
export const RECORD = `mutation($i: RecordJudgmentServiceInput!) { recordJudgmentService(input: $i) { ${WINDOW} } }`;

export interface Window {
  partyId: string;
  side: 'CLAIMANT' | 'DEFENDANT';
  servedAt: string | null;
  servedChannel: string | null;
  serviceMethod: 'ELECTRONIC' | 'RECORDED' | null;
  serviceReference: string | null;
  objectionDeadline: string | null;
  remindedAt: string | null;
  state: 'NOT_SERVED' | 'OPEN' | 'PASSED';
  deadline: DeadlineAnswer | null;
}

export interface Notice {
  id: string;
  kind: string;
  lawsuitId: string | null;
  hearingId: string | null;
  titleEn: string;
  data: Record<string, unknown>;
}

export type Party = Citizen & { email: string };

export let env: AppWithWorker;
export let mailbox: Mailbox;
export let t: TestApp;
export let worker: INestApplicationContext;
export let db: DataSource;
export let fx: CourtFixture;

/**
 * Starts the API and the worker on a Redis prefix named after `name` (so no other spec file's worker
 * takes their jobs), with a court of its own; both clocks back to now after each test.
 */
export function setUpObjectionClock(name: string): void {
  beforeAll(async () => {
    env = await startAppWithWorker(name);
    ({ t, worker, db, mailbox } = env);
    fx = await courtWithStaff(t);
  });
  afterAll(() => env?.close());
  afterEach(() => {
    t.clock.reset();
    worker.get(Clock).reset();
  });
}

/** Moves the API's and the worker's clocks together. */
export function at(when: Date | string): void {
  t.clock.set(new Date(when));
  worker.get(Clock).set(new Date(when));
}

export async function person(nationalIdOverride?: string): Promise<Party> {
  const email = `party-${randomUUID().slice(0, 8)}@example.com`;
  const overrides: Record<string, unknown> = { email };
  if (nationalIdOverride) overrides.nationalId = nationalIdOverride;
  return { ...(await registerCitizen(t, overrides)), email };
}

/** The claimant's case against a person named by national ID (or an organization), filed and registered by the clerk. */
export function registered(claimant: Party, defendant: string | { organizationNumber: string }) {
  const filing = scenario(t.app, { clocks: [worker.get(Clock)] })
    .court(fx)
    .claimant(claimant);
  return typeof defendant === 'string'
    ? filing.defendant({ nationalId: defendant, account: false, nameAr: 'المدعى عليه', nameEn: 'Defendant' }).registered()
    : filing
        .lawsuit({
          defendants: [
            {
              kind: PartyKind.ORGANIZATION,
              organizationNumber: defendant.organizationNumber,
              nameAr: 'شركة المدعى عليها',
              nameEn: 'Defendant Co.',
            },
          ],
        })
        .registered();
}

/** A registered case with a held hearing, judged for the claimant. */
export async function judged(
  claimant: Party,
  defendant: string | { organizationNumber: string },
): Promise<{ id: string; caseNumber: string }> {
  const s = await registered(claimant, defendant).judgmentIssued({ amountAwarded: 50000 });
  // Issuing serves no one: no clock runs yet.
  expect(await judgmentAs(s.lawsuitId, fx.judge.token)).toMatchObject({ notifiedAt: null, objectionDeadline: null });
  return { id: s.lawsuitId, caseNumber: s.caseNumber };
}

export async function judgmentAs(id: string, token: string) {
  return (await t.ok(JUDGMENT, { id }, token)).lawsuit.judgment as {
    notifiedAt: string | null;
    objectionDeadline: string | null;
    finalAt: string | null;
    objectionWindows: Window[];
    myObjectionWindow: Window | null;
  };
}

export async function windowOf(id: string, side: Window['side']): Promise<Window> {
  return (await judgmentAs(id, fx.judge.token)).objectionWindows.find((w) => w.side === side)!;
}

/** The worker delivers the judgment's notice in-app to a party with an account: that serves them. */
export function servedByWorker(id: string, side: Window['side']): Promise<Window> {
  return until(async () => {
    const w = await windowOf(id, side);
    return w.servedAt ? w : null;
  });
}

export async function inbox(token: string): Promise<Notice[]> {
  return (await t.ok(INBOX, {}, token)).notifications.edges.map((e: { node: Notice }) => e.node);
}

/** A party who registered after the judgment opens its notice in their new account: served now. */
export async function opens(id: string, who: Party): Promise<void> {
  const notice = (await inbox(who.token)).find((n) => n.kind === 'JUDGMENT_ISSUED' && n.lawsuitId === id);
  expect(notice).toBeDefined();
  await t.ok(READ, { id: notice!.id }, who.token);
}

/** Recipients of the lawsuit's notices of a recorded service. */
export async function servedNotices(id: string): Promise<string[]> {
  const rows = await db.query<{ national_id: string }[]>(
    `SELECT national_id FROM notifications WHERE lawsuit_id = $1 AND kind = 'JUDGMENT_SERVED' ORDER BY national_id`,
    [id],
  );
  return rows.map((r) => r.national_id);
}

export const finalize = () => worker.get(JudgmentsFinalizer).run();
export const remind = () => worker.get(JudgmentsFinalizer).remind();
export const object = (id: string, who: Citizen) =>
  t.gql(OBJECT, { i: { lawsuitId: id, reasons: 'سددت الدين — the debt was repaid' } }, who.token);
export const plus = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms);
