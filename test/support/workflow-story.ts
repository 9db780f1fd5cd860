/**
 * The world of the lawsuit's story (workflow-story.e2e-spec.ts): its GraphQL documents, the API and
 * the worker in this process with a real SMTP server, a court with its staff and an appeal court of
 * its city, and readers of a party's notices and of a lawsuit's notice kinds.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { courtWithStaff, CourtFixture } from '../factories/courts';
import { Mailbox } from '../factories/mailbox';
import { nationalId, uniqueCode } from '../factories/people';
import { AppWithWorker, startAppWithWorker, TestApp } from '../harness';
import type { Person } from '../scenario/people';
import { scenario } from '../scenario/scenario';

export const FILE = `mutation($i: FileLawsuitInput!) { fileLawsuit(input: $i) { id version state } }`;
export const CORRECT = `mutation($i: CorrectLawsuitInput!) { correctLawsuit(input: $i) { id version state } }`;
export const SUBMIT = `mutation($id: ID!) { submitLawsuit(id: $id) { id version state } }`;
export const REVIEW = `mutation($i: ReviewLawsuitInput!) { reviewLawsuit(input: $i) { id version state caseNumber circuitId returnReason } }`;
export const HEARING = `id lawsuitId startsAt endsAt state room previousHearingId nextHearingId`;
export const SCHEDULE = `mutation($i: ScheduleHearingInput!) { scheduleHearing(input: $i) { ${HEARING} } }`;
export const POSTPONE = `mutation($i: PostponeHearingInput!) { postponeHearing(input: $i) { ${HEARING} } }`;
export const MINUTES = `mutation($i: RecordMinutesInput!) { recordHearingMinutes(input: $i) { ${HEARING} } }`;
export const ISSUE = `mutation($i: IssueJudgmentInput!) { issueJudgment(input: $i) { id inFavourOf notifiedAt objectionDeadline } }`;
export const OBJECT = `mutation($i: FileObjectionInput!) { fileObjection(input: $i) { id appealCourtId } }`;
export const DECIDE = `mutation($i: DecideAppealInput!) { decideAppeal(input: $i) { id decision } }`;
export const EXECUTE = `mutation($id: ID!) { requestExecution(lawsuitId: $id) { id lawsuitId } }`;
export const LAWSUIT = `query($id: ID!) { lawsuit(id: $id) { id state version caseNumber parties { id side } judgment { finalAt } } }`;
export const WINDOWS = `query($id: ID!) { lawsuit(id: $id) { judgment { notifiedAt objectionDeadline
  objectionWindows { side servedAt servedChannel objectionDeadline state } myObjectionWindow { side objectionDeadline } } } }`;
export const NOTIFICATIONS = `{ notifications(first: 100) { edges { node { id kind lawsuitId hearingId titleAr titleEn bodyAr bodyEn data servedAt } } }
  unreadNotificationCount }`;

export interface NoticeNode {
  id: string;
  kind: string;
  lawsuitId: string | null;
  hearingId: string | null;
  titleAr: string;
  titleEn: string;
  bodyAr: string;
  bodyEn: string;
  data: Record<string, unknown>;
  servedAt: string | null;
}

export let env: AppWithWorker;
export let mailbox: Mailbox;
export let t: TestApp;
export let worker: INestApplicationContext;
export let db: DataSource;
export let fx: CourtFixture;
export let appeal: { courtId: string; judge: string };

/** Starts the API and the worker, with a court of its own and an appeal court of its city. */
export function setUpWorkflowStory(): void {
  beforeAll(async () => {
    env = await startAppWithWorker('story');
    ({ t, worker, db, mailbox } = env);
    fx = await courtWithStaff(t);
    appeal = await appealCourtFor(fx);
  });
  afterAll(() => env?.close());
}

/**
 * An appeal court in the fixture court's city (so objections go to it), with a circuit and its
 * judge. Its code sorts after every other (Z…): courts of other cities keep going to the first
 * appeal court by code, as other specs expect.
 */
async function appealCourtFor(trial: CourtFixture): Promise<{ courtId: string; judge: string }> {
  const admin = await t.token('admin');
  const city = (await t.ok('query($c: String!) { court(code: $c) { city } }', { c: trial.court.code })).court.city;
  const court = (
    await t.ok(
      'mutation($i: CreateCourtInput!) { createCourt(input: $i) { id } }',
      { i: { code: uniqueCode('Z'), nameAr: 'محكمة الاستئناف التجريبية', nameEn: 'Test Court of Appeal', type: 'APPEAL', city } },
      admin,
    )
  ).createCourt;
  const circuitId = (
    await t.ok(
      'mutation($i: CreateCircuitInput!) { createCircuit(input: $i) { id } }',
      { i: { courtId: court.id, code: 'APL-1', nameAr: 'دائرة الاستئناف', nameEn: 'Appeal Circuit', specialization: 'APPEAL' } },
      admin,
    )
  ).createCircuit.id;
  const id = nationalId();
  await t.ok(
    'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
    {
      i: {
        nationalId: id,
        nameAr: 'قاضي الاستئناف',
        nameEn: 'Appeal Judge',
        password: 'Staff-Pass-2026',
        roles: [],
        memberships: [{ role: 'JUDGE', circuitId }],
      },
    },
    admin,
  );
  return { courtId: court.id, judge: await t.login(id, 'Staff-Pass-2026') };
}

export async function inbox(token: string): Promise<{ nodes: NoticeNode[]; unread: number }> {
  const data = await t.ok(NOTIFICATIONS, {}, token);
  return { nodes: data.notifications.edges.map((e: { node: NoticeNode }) => e.node), unread: data.unreadNotificationCount };
}

export async function kindsFor(lawsuitId: string): Promise<string[]> {
  const rows = await db.query<{ kind: string }[]>(`SELECT kind FROM notifications WHERE lawsuit_id = $1 ORDER BY kind`, [lawsuitId]);
  return rows.map((r) => r.kind);
}

/** A second case in the same court, registered, with parties of its own (no email). */
export async function secondCase(): Promise<{ id: string; claimant: Person; defendant: Person }> {
  const s = await scenario(t.app).court(fx).registered();
  return { id: s.lawsuitId, claimant: s.actors.claimant, defendant: s.actors.defendant };
}
