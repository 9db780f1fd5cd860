/**
 * The objection clock of each party, deadline reminders and the judges' hearing notices, over HTTP
 * with real PostgreSQL and Redis, the worker in this process and a real SMTP server. A party is
 * served when the judgment's notice reaches them — here the worker's in-app delivery to a party
 * with an account, or, for a party who registers later, opening the notice in their new account —
 * and their own window runs from that moment.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../src/core/clock/clock';
import { JudgmentsFinalizer } from '../src/litigation/judgments/judgments.worker';
import { courtWithStaff, CourtFixture, workingSlot } from './factories/courts';
import { header, invitation, Mailbox, noticeId, until } from './factories/mailbox';
import { Citizen, nationalId, registerCitizen } from './factories/people';
import { PartyKind } from '../src/litigation/lawsuits/lawsuit.enums';
import { AppWithWorker, startAppWithWorker, TestApp } from './harness';
import { scenario } from './scenario/scenario';

const DAY = 86_400_000;

const WINDOW = 'partyId side servedAt servedChannel serviceMethod serviceReference objectionDeadline remindedAt state';
const JUDGMENT = `query($id: ID!) { lawsuit(id: $id) { state caseNumber judgment { notifiedAt objectionDeadline finalAt
  objectionWindows { ${WINDOW} } myObjectionWindow { ${WINDOW} } } } }`;
const OBJECT = `mutation($i: FileObjectionInput!) { fileObjection(input: $i) { id } }`;
const INBOX = `{ notifications(first: 100) { edges { node { id kind lawsuitId hearingId titleEn data } } } }`;
const READ = `mutation($id: ID!) { markNotificationRead(id: $id) { servedAt } }`;
const SCHEDULE = `mutation($i: ScheduleHearingInput!) { scheduleHearing(input: $i) { id startsAt } }`;
const POSTPONE = `mutation($i: PostponeHearingInput!) { postponeHearing(input: $i) { id startsAt } }`;
const CANCEL = `mutation($i: CancelHearingInput!) { cancelHearing(input: $i) { id state } }`;
const RECORD = `mutation($i: RecordJudgmentServiceInput!) { recordJudgmentService(input: $i) { ${WINDOW} } }`;

interface Window {
  partyId: string;
  side: 'CLAIMANT' | 'DEFENDANT';
  servedAt: string | null;
  servedChannel: string | null;
  serviceMethod: 'ELECTRONIC' | 'RECORDED' | null;
  serviceReference: string | null;
  objectionDeadline: string | null;
  remindedAt: string | null;
  state: 'NOT_SERVED' | 'OPEN' | 'PASSED';
}

interface Notice {
  id: string;
  kind: string;
  lawsuitId: string | null;
  hearingId: string | null;
  titleEn: string;
  data: Record<string, unknown>;
}

type Party = Citizen & { email: string };

describe('the objection clock of each party, its reminders, and the judges’ hearing notices', () => {
  let env: AppWithWorker;
  let mailbox: Mailbox;
  let t: TestApp;
  let worker: INestApplicationContext;
  let db: DataSource;
  let fx: CourtFixture;
  let slot = 0;

  beforeAll(async () => {
    env = await startAppWithWorker('clock');
    ({ t, worker, db, mailbox } = env);
    fx = await courtWithStaff(t);
  });
  afterAll(() => env?.close());
  afterEach(() => {
    t.clock.reset();
    worker.get(Clock).reset();
  });

  /** Moves the API's and the worker's clocks together. */
  function at(when: Date | string): void {
    t.clock.set(new Date(when));
    worker.get(Clock).set(new Date(when));
  }

  async function person(nationalIdOverride?: string): Promise<Party> {
    const email = `party-${randomUUID().slice(0, 8)}@example.com`;
    const overrides: Record<string, unknown> = { email };
    if (nationalIdOverride) overrides.nationalId = nationalIdOverride;
    return { ...(await registerCitizen(t, overrides)), email };
  }

  /** The claimant's case against a person named by national ID (or an organization), filed and registered by the clerk. */
  function registered(claimant: Party, defendant: string | { organizationNumber: string }) {
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
  async function judged(claimant: Party, defendant: string | { organizationNumber: string }): Promise<{ id: string; caseNumber: string }> {
    const s = await registered(claimant, defendant).judgmentIssued({ amountAwarded: 50000 });
    // Issuing serves no one: no clock runs yet.
    expect(await judgmentAs(s.lawsuitId, fx.judge.token)).toMatchObject({ notifiedAt: null, objectionDeadline: null });
    return { id: s.lawsuitId, caseNumber: s.caseNumber };
  }

  async function judgmentAs(id: string, token: string) {
    return (await t.ok(JUDGMENT, { id }, token)).lawsuit.judgment as {
      notifiedAt: string | null;
      objectionDeadline: string | null;
      finalAt: string | null;
      objectionWindows: Window[];
      myObjectionWindow: Window | null;
    };
  }

  async function windowOf(id: string, side: Window['side']): Promise<Window> {
    return (await judgmentAs(id, fx.judge.token)).objectionWindows.find((w) => w.side === side)!;
  }

  /** The worker delivers the judgment's notice in-app to a party with an account: that serves them. */
  function servedByWorker(id: string, side: Window['side']): Promise<Window> {
    return until(async () => {
      const w = await windowOf(id, side);
      return w.servedAt ? w : null;
    });
  }

  async function inbox(token: string): Promise<Notice[]> {
    return (await t.ok(INBOX, {}, token)).notifications.edges.map((e: { node: Notice }) => e.node);
  }

  /** A party who registered after the judgment opens its notice in their new account: served now. */
  async function opens(id: string, who: Party): Promise<void> {
    const notice = (await inbox(who.token)).find((n) => n.kind === 'JUDGMENT_ISSUED' && n.lawsuitId === id);
    expect(notice).toBeDefined();
    await t.ok(READ, { id: notice!.id }, who.token);
  }

  /** Recipients of the lawsuit's notices of a recorded service. */
  async function servedNotices(id: string): Promise<string[]> {
    const rows = await db.query<{ national_id: string }[]>(
      `SELECT national_id FROM notifications WHERE lawsuit_id = $1 AND kind = 'JUDGMENT_SERVED' ORDER BY national_id`,
      [id],
    );
    return rows.map((r) => r.national_id);
  }

  const finalize = () => worker.get(JudgmentsFinalizer).run();
  const remind = () => worker.get(JudgmentsFinalizer).remind();
  const object = (id: string, who: Citizen) =>
    t.gql(OBJECT, { i: { lawsuitId: id, reasons: 'سددت الدين — the debt was repaid' } }, who.token);
  const plus = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms);

  it('runs each party’s window from their own service: the one served first is out of time while the one served later may still object', async () => {
    const claimant = await person();
    const defendantId = nationalId();
    const { id } = await judged(claimant, defendantId);
    const issuedAt = new Date(t.clock.now());

    // The claimant has an account: the worker's in-app delivery serves them.
    const first = await servedByWorker(id, 'CLAIMANT');
    expect(first).toMatchObject({ servedChannel: 'IN_APP', state: 'OPEN' });
    expect(Math.abs(new Date(first.servedAt!).getTime() - issuedAt.getTime())).toBeLessThan(60_000);
    expect(new Date(first.objectionDeadline!).getTime() - new Date(first.servedAt!).getTime()).toBe(30 * DAY);
    expect(first).toMatchObject({ serviceMethod: 'ELECTRONIC', serviceReference: null });
    // The defendant has none yet: not served, no deadline, and the judgment's own window is not known.
    expect(await windowOf(id, 'DEFENDANT')).toMatchObject({ servedAt: null, objectionDeadline: null, state: 'NOT_SERVED' });
    expect(await judgmentAs(id, fx.judge.token)).toMatchObject({ notifiedAt: null, objectionDeadline: null });

    // Six days on, the defendant registers and opens the notice: their window starts then.
    at(plus(first.servedAt!, 6 * DAY));
    const defendant = await person(defendantId);
    await opens(id, defendant);
    const second = await windowOf(id, 'DEFENDANT');
    expect(second).toMatchObject({ servedChannel: 'IN_APP', state: 'OPEN' });
    expect(new Date(second.objectionDeadline!).getTime() - new Date(second.servedAt!).getTime()).toBe(30 * DAY);
    expect(new Date(second.objectionDeadline!).getTime() - new Date(first.objectionDeadline!).getTime()).toBeGreaterThan(6 * DAY - 60_000);
    // Everyone served: the judgment's window ends with the last party's.
    expect(await judgmentAs(id, fx.judge.token)).toMatchObject({
      notifiedAt: second.servedAt,
      objectionDeadline: second.objectionDeadline,
    });

    // Court staff see every party's window; a party sees their own.
    expect((await judgmentAs(id, fx.clerk.token)).objectionWindows.map((w) => w.side)).toEqual(['CLAIMANT', 'DEFENDANT']);
    const mine = await judgmentAs(id, claimant.token);
    expect(mine.objectionWindows).toEqual([first]);
    expect(mine.myObjectionWindow).toEqual(first);
    expect((await judgmentAs(id, defendant.token)).myObjectionWindow).toEqual(second);
    expect((await judgmentAs(id, fx.judge.token)).myObjectionWindow).toBeNull();

    // A minute after the claimant's deadline: the claimant is out of time, the judgment is not final,
    // and the defendant, served later, may still object.
    at(plus(first.objectionDeadline!, 60_000));
    const late = await object(id, claimant);
    expect(late.errors![0].extensions).toMatchObject({ code: 'DEADLINE_PASSED', deadline: first.objectionDeadline });
    expect((await windowOf(id, 'CLAIMANT')).state).toBe('PASSED');
    await finalize();
    expect((await t.ok(JUDGMENT, { id }, claimant.token)).lawsuit.state).toBe('JUDGMENT_ISSUED');
    expect((await object(id, defendant)).errors).toBeUndefined();
    expect((await t.ok(JUDGMENT, { id }, claimant.token)).lawsuit.state).toBe('OBJECTED');
  });

  it('never puts an unserved party out of time, and keeps the judgment open while their window has not even started', async () => {
    const claimant = await person();
    const defendantId = nationalId();
    const { id } = await judged(claimant, defendantId);
    const served = await servedByWorker(id, 'CLAIMANT');

    // Long after the claimant's window closed, the finalizer leaves the judgment alone.
    at(plus(served.objectionDeadline!, 90 * DAY));
    await finalize();
    const open = await t.ok(JUDGMENT, { id }, claimant.token);
    expect(open.lawsuit.state).toBe('JUDGMENT_ISSUED');
    expect(open.lawsuit.judgment).toMatchObject({ finalAt: null, objectionDeadline: null });
    expect(await windowOf(id, 'DEFENDANT')).toMatchObject({ state: 'NOT_SERVED', objectionDeadline: null });

    // The defendant, never served, registers and objects: their clock never started, so they are in time.
    const defendant = await person(defendantId);
    expect((await judgmentAs(id, defendant.token)).myObjectionWindow).toMatchObject({ side: 'DEFENDANT', state: 'NOT_SERVED' });
    expect((await object(id, defendant)).errors).toBeUndefined();
    expect((await t.ok(JUDGMENT, { id }, claimant.token)).lawsuit.state).toBe('OBJECTED');
  });

  it('reminds each served party exactly once, three days before their own deadline, however often the job runs, and finalizes only when every window passed', async () => {
    const claimant = await person();
    const defendantId = nationalId();
    const { id, caseNumber } = await judged(claimant, defendantId);
    const first = await servedByWorker(id, 'CLAIMANT');
    at(plus(first.servedAt!, 10 * DAY));
    const defendant = await person(defendantId);
    await opens(id, defendant);
    const second = await windowOf(id, 'DEFENDANT');

    const reminders = async (who: Party) =>
      (
        await db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM notifications WHERE lawsuit_id = $1 AND national_id = $2 AND kind = 'OBJECTION_DEADLINE'`,
          [id, who.nationalId],
        )
      )[0].n;

    // Four days before the claimant's deadline: too early for anyone.
    at(plus(first.objectionDeadline!, -4 * DAY));
    await remind();
    expect([await reminders(claimant), await reminders(defendant)]).toEqual([0, 0]);

    // Two days before it: the claimant, once, though the job runs twice at once and again after;
    // the defendant's deadline is twelve days off.
    at(plus(first.objectionDeadline!, -2 * DAY));
    await Promise.all([remind(), remind()]);
    await remind();
    expect([await reminders(claimant), await reminders(defendant)]).toEqual([1, 0]);
    const notice = (await inbox(claimant.token)).find((n) => n.kind === 'OBJECTION_DEADLINE')!;
    expect(notice).toMatchObject({ lawsuitId: id, titleEn: `Objection deadline approaching in lawsuit ${caseNumber}` });
    expect(notice.data).toMatchObject({ caseNumber, objectionDeadline: first.objectionDeadline });
    expect((await windowOf(id, 'CLAIMANT')).remindedAt).not.toBeNull();
    await finalize();
    expect((await t.ok(JUDGMENT, { id }, claimant.token)).lawsuit.state).toBe('JUDGMENT_ISSUED');

    // A day before the defendant's deadline (the claimant's has passed): the defendant, once; still not final.
    at(plus(second.objectionDeadline!, -DAY));
    await remind();
    await remind();
    expect([await reminders(claimant), await reminders(defendant)]).toEqual([1, 1]);
    await finalize();
    expect((await t.ok(JUDGMENT, { id }, claimant.token)).lawsuit.state).toBe('JUDGMENT_ISSUED');

    // By email too, exactly once each.
    const subject = `قرب انتهاء مهلة الاعتراض في الدعوى رقم ${caseNumber} — Objection deadline approaching in lawsuit ${caseNumber}`;
    for (const who of [claimant, defendant]) {
      await until(() => mailbox.to(who.email).some((m) => header(m.raw, 'Subject') === subject));
    }
    await new Promise((r) => setTimeout(r, 500));
    for (const who of [claimant, defendant]) {
      expect(mailbox.to(who.email).filter((m) => header(m.raw, 'Subject') === subject)).toHaveLength(1);
    }

    // Every window passed unused: final.
    at(plus(second.objectionDeadline!, 60_000));
    await remind();
    expect([await reminders(claimant), await reminders(defendant)]).toEqual([1, 1]);
    await finalize();
    const final = await t.ok(JUDGMENT, { id }, claimant.token);
    expect(final.lawsuit.state).toBe('FINAL');
    expect(final.lawsuit.judgment.finalAt).not.toBeNull();
  });

  it('keeps a judgment against an organization without a representative open until a clerk records its service outside the platform', async () => {
    const claimant = await person();
    const { id } = await judged(claimant, { organizationNumber: `CR-${randomUUID().slice(0, 8).toUpperCase()}` });
    const issuedAt = new Date(t.clock.now());
    const served = await servedByWorker(id, 'CLAIMANT');
    const company = await windowOf(id, 'DEFENDANT');
    expect(company).toMatchObject({ servedAt: null, serviceMethod: null, state: 'NOT_SERVED' });

    // No notice can reach the company: long after the claimant's window closed, the judgment is still open.
    at(plus(served.objectionDeadline!, 60 * DAY));
    await finalize();
    expect((await t.ok(JUDGMENT, { id }, claimant.token)).lawsuit).toMatchObject({
      state: 'JUDGMENT_ISSUED',
      judgment: { notifiedAt: null, objectionDeadline: null, finalAt: null },
    });

    // Refused, and nothing written: a party, the judge; a service in the future, before the judgment,
    // of someone who is no party, or of the claimant, already served.
    const record = (vars: Record<string, unknown>, token = fx.clerk.token) =>
      t.gql(
        RECORD,
        { i: { lawsuitId: id, partyId: company.partyId, reference: 'محضر تبليغ ٥٥ — process server report 55', ...vars } },
        token,
      );
    const servedAt = plus(t.clock.now().toISOString(), -2 * DAY).toISOString();
    const services = async () =>
      (
        await db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM judgment_party_services s JOIN judgments j ON j.id = s.judgment_id WHERE j.lawsuit_id = $1`,
          [id],
        )
      )[0].n;
    expect(await services()).toBe(1);
    for (const token of [claimant.token, fx.judge.token]) {
      expect((await record({ servedAt }, token)).errors![0].extensions.code).toBe('FORBIDDEN');
    }
    const refusals: [Record<string, unknown>, string][] = [
      [{ servedAt: plus(t.clock.now().toISOString(), DAY).toISOString() }, 'input.servedAt'],
      [{ servedAt: plus(issuedAt.toISOString(), -DAY).toISOString() }, 'input.servedAt'],
      [{ servedAt, partyId: randomUUID() }, 'input.partyId'],
      [{ servedAt, partyId: served.partyId }, 'input.partyId'],
      [{ servedAt, reference: 'x' }, 'input.reference'],
    ];
    for (const [vars, field] of refusals) {
      const res = await record(vars);
      expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res.errors![0].extensions)).toContain(field);
    }
    expect(await services()).toBe(1);

    // The clerk records the process server's service two days ago: the company's window runs from then,
    // and, every party served, the judgment's window is known.
    const recorded = (
      await t.ok(
        RECORD,
        { i: { lawsuitId: id, partyId: company.partyId, servedAt, reference: 'محضر تبليغ ٥٥ — process server report 55' } },
        fx.clerk.token,
      )
    ).recordJudgmentService as Window;
    expect(recorded).toMatchObject({
      partyId: company.partyId,
      side: 'DEFENDANT',
      servedAt,
      servedChannel: null,
      serviceMethod: 'RECORDED',
      serviceReference: 'محضر تبليغ ٥٥ — process server report 55',
      objectionDeadline: plus(servedAt, 30 * DAY).toISOString(),
      state: 'OPEN',
    });
    expect(await judgmentAs(id, fx.judge.token)).toMatchObject({ notifiedAt: servedAt, objectionDeadline: recorded.objectionDeadline });
    const [audit] = await db.query<{ actor_id: string; after: Record<string, unknown> }[]>(
      `SELECT e.actor_id, e.after FROM audit_events e JOIN judgments j ON j.id::text = e.subject_id
        WHERE j.lawsuit_id = $1 AND e.action = 'judgment.served' AND e.after->>'method' = 'RECORDED'`,
      [id],
    );
    expect(audit).toMatchObject({ actor_id: fx.clerk.id, after: { partyId: company.partyId, servedAt } });
    // No one to tell on the company's side.
    expect(await servedNotices(id)).toEqual([]);

    // Recorded once: a second record is refused, the first stands.
    expect((await record({ servedAt: t.clock.now().toISOString() })).errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await windowOf(id, 'DEFENDANT')).toEqual(recorded);

    // The company's window passes unused: final. No one to remind on the company's side.
    at(plus(recorded.objectionDeadline!, -DAY));
    await remind();
    expect((await windowOf(id, 'DEFENDANT')).remindedAt).toBeNull();
    await finalize();
    expect((await t.ok(JUDGMENT, { id }, claimant.token)).lawsuit.state).toBe('JUDGMENT_ISSUED');
    at(plus(recorded.objectionDeadline!, 60_000));
    await finalize();
    expect((await t.ok(JUDGMENT, { id }, claimant.token)).lawsuit.state).toBe('FINAL');
    // Nothing more to serve in a final case.
    expect((await record({ servedAt: t.clock.now().toISOString(), partyId: served.partyId })).errors![0].extensions.code).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('tells a person served outside the platform, in the account they open later, when the court holds them served and until when they may object', async () => {
    const claimant = await person();
    const defendantId = nationalId();
    const { id, caseNumber } = await judged(claimant, defendantId);
    await servedByWorker(id, 'CLAIMANT');
    const unserved = await windowOf(id, 'DEFENDANT');
    expect(unserved.state).toBe('NOT_SERVED');

    // The defendant has no account: served by hand, recorded by the clerk. The claimant, served already, is told nothing.
    at(plus(t.clock.now().toISOString(), 3 * DAY));
    const servedAt = plus(t.clock.now().toISOString(), -DAY).toISOString();
    const reference = 'محضر تبليغ ٧٧ — process server report 77';
    const recorded = (await t.ok(RECORD, { i: { lawsuitId: id, partyId: unserved.partyId, servedAt, reference } }, fx.clerk.token))
      .recordJudgmentService as Window;
    expect(recorded).toMatchObject({ serviceMethod: 'RECORDED', servedAt, objectionDeadline: plus(servedAt, 30 * DAY).toISOString() });
    expect(await servedNotices(id)).toEqual([defendantId]);
    expect((await inbox(claimant.token)).filter((n) => n.kind === 'JUDGMENT_SERVED')).toEqual([]);

    // Registering later, the defendant finds it, with the date of service and the deadline.
    at(plus(t.clock.now().toISOString(), DAY));
    const defendant = await person(defendantId);
    const notice = (await inbox(defendant.token)).find((n) => n.kind === 'JUDGMENT_SERVED');
    expect(notice).toMatchObject({ lawsuitId: id, titleEn: `Service of the judgment recorded in lawsuit ${caseNumber}` });
    expect(notice!.data).toMatchObject({ caseNumber, servedAt, objectionDeadline: recorded.objectionDeadline, reference });
    const [texts] = await db.query<{ body_ar: string; body_en: string }[]>(`SELECT body_ar, body_en FROM notifications WHERE id = $1`, [
      notice!.id,
    ]);
    expect(texts.body_en).toContain('The time to object ends on');
    expect(texts.body_en).toContain(reference);
    expect(texts.body_ar).toContain('تنتهي مهلة الاعتراض');

    // Opening the judgment's own notice now serves no one again: the recorded service stands.
    await opens(id, defendant);
    await t.ok(READ, { id: notice!.id }, defendant.token);
    expect(await windowOf(id, 'DEFENDANT')).toEqual(recorded);
    expect(await servedNotices(id)).toEqual([defendantId]);
  });

  it('tells the presiding judge of a hearing scheduled, postponed and cancelled, in the account and by email with the calendar invitation', async () => {
    const judgeEmail = `judge-${randomUUID().slice(0, 8)}@example.com`;
    await t.ok('mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { id } }', { i: { email: judgeEmail } }, fx.judge.token);
    const claimant = await person();
    const defendant = await person();
    const { lawsuitId: id, caseNumber } = await registered(claimant, defendant.nationalId);
    slot += 1;
    const start = workingSlot(7 * slot + 2, 10);
    const first = (
      await t.ok(
        SCHEDULE,
        { i: { lawsuitId: id, startsAt: start.toISOString(), durationMinutes: 30, mode: 'IN_PERSON', room: 'Room 4' } },
        fx.clerk.token,
      )
    ).scheduleHearing;
    const later = workingSlot(7 * slot + 4, 11);
    const second = (
      await t.ok(
        POSTPONE,
        { i: { hearingId: first.id, reason: 'طلب مهلة — time to answer', startsAt: later.toISOString(), durationMinutes: 30 } },
        fx.clerk.token,
      )
    ).postponeHearing;
    await t.ok(CANCEL, { i: { hearingId: second.id, reason: 'صلح — settled' } }, fx.clerk.token);

    // In the judge's account.
    const notices = (await inbox(fx.judge.token)).filter((n) => n.lawsuitId === id);
    expect(notices.map((n) => n.kind).sort()).toEqual(['HEARING_CANCELLED', 'HEARING_POSTPONED', 'HEARING_SCHEDULED']);
    expect(notices.find((n) => n.kind === 'HEARING_SCHEDULED')!.titleEn).toBe(`Hearing scheduled in lawsuit ${caseNumber}`);

    // By email, each with its calendar entry: one event, moved, then cancelled.
    const ids = new Set(notices.map((n) => n.id));
    await until(() => [...ids].every((nid) => mailbox.to(judgeEmail).some((m) => noticeId(m.raw) === nid)));
    await new Promise((r) => setTimeout(r, 500));
    const mails = mailbox.to(judgeEmail).filter((m) => ids.has(noticeId(m.raw)!));
    expect(mails).toHaveLength(3);
    const invites = mails.map((m) => invitation(m.raw)!).sort((a, b) => a.sequence - b.sequence);
    expect(invites.map((i) => i.method)).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
    expect(new Set(invites.map((i) => i.uid)).size).toBe(1);
    expect(invites[0].location).toBe('Room 4');

    // The parties still get theirs; the judge is one more recipient, not a replacement.
    for (const who of [claimant, defendant]) {
      expect((await inbox(who.token)).filter((n) => n.lawsuitId === id && n.kind.startsWith('HEARING_'))).toHaveLength(3);
    }
  });
});
