/**
 * The objection clock of each party served on the platform, over HTTP with real PostgreSQL and
 * Redis, the worker in this process and a real SMTP server: each party's window runs from their
 * own service (the one served first may be out of time while the other may still object), a party
 * never served is never out of time, each served party is reminded exactly once three days before
 * their own deadline and the judgment is final only when every window passed; and the presiding
 * judge hears of a hearing scheduled, postponed and cancelled, in the account and by email.
 */
import { expectPeriod } from './support/deadlines';
import { randomUUID } from 'node:crypto';
import { workingSlot } from './factories/courts';
import { header, invitation, noticeId, until } from './factories/mailbox';
import { nationalId } from './factories/people';
import {
  at,
  CANCEL,
  DAY,
  db,
  finalize,
  fx,
  inbox,
  JUDGMENT,
  judged,
  judgmentAs,
  mailbox,
  object,
  opens,
  Party,
  person,
  plus,
  POSTPONE,
  registered,
  remind,
  SCHEDULE,
  servedByWorker,
  setUpObjectionClock,
  t,
  windowOf,
} from './support/objection-clock';

describe('the objection clock of each party, its reminders, and the judges’ hearing notices', () => {
  setUpObjectionClock('clock-windows');
  let slot = 0;

  it('runs each party’s window from their own service: the one served first is out of time while the one served later may still object', async () => {
    const claimant = await person();
    const defendantId = nationalId();
    const { id } = await judged(claimant, defendantId);
    const issuedAt = new Date(t.clock.now());

    // The claimant has an account: the worker's in-app delivery serves them.
    const first = await servedByWorker(id, 'CLAIMANT');
    expect(first).toMatchObject({ servedChannel: 'IN_APP', state: 'OPEN' });
    expect(Math.abs(new Date(first.servedAt!).getTime() - issuedAt.getTime())).toBeLessThan(60_000);
    expectPeriod(first.servedAt!, first.objectionDeadline!, first.deadline!, 30);
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
    expectPeriod(second.servedAt!, second.objectionDeadline!, second.deadline!, 30);
    expect(new Date(second.deadline!.nominalDueAt).getTime() - new Date(first.deadline!.nominalDueAt).getTime()).toBeGreaterThan(
      6 * DAY - 60_000,
    );
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
      await until(async () => (await mailbox.to(who.email)).some((m) => header(m.raw, 'Subject') === subject));
    }
    await new Promise((r) => setTimeout(r, 500));
    for (const who of [claimant, defendant]) {
      expect((await mailbox.to(who.email)).filter((m) => header(m.raw, 'Subject') === subject)).toHaveLength(1);
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
    await until(async () => {
      const mails = await mailbox.to(judgeEmail);
      return [...ids].every((nid) => mails.some((m) => noticeId(m.raw) === nid));
    });
    await new Promise((r) => setTimeout(r, 500));
    const mails = (await mailbox.to(judgeEmail)).filter((m) => ids.has(noticeId(m.raw)!));
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
