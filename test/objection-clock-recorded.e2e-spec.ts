/**
 * The objection clock of a party served outside the platform, over HTTP with real PostgreSQL and
 * Redis and the worker in this process: a judgment against an organization without a
 * representative stays open until a clerk records its service (refusals writing nothing, recorded
 * once, audited, final when that window passes), and a person served by hand finds in the account
 * they open later when the court holds them served and until when they may object.
 */
import { randomUUID } from 'node:crypto';
import { expectPeriod } from './support/deadlines';
import { nationalId } from './factories/people';
import {
  at,
  DAY,
  db,
  finalize,
  fx,
  inbox,
  JUDGMENT,
  judged,
  judgmentAs,
  opens,
  person,
  plus,
  READ,
  RECORD,
  remind,
  servedByWorker,
  servedNotices,
  setUpObjectionClock,
  t,
  Window,
  windowOf,
} from './support/objection-clock';

describe('the objection clock of each party, its reminders, and the judges’ hearing notices', () => {
  setUpObjectionClock('clock-recorded');

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
      state: 'OPEN',
    });
    expectPeriod(servedAt, recorded.objectionDeadline!, recorded.deadline!, 30);
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
    expect(recorded).toMatchObject({ serviceMethod: 'RECORDED', servedAt });
    expectPeriod(servedAt, recorded.objectionDeadline!, recorded.deadline!, 30);
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
});
