/**
 * Public court statistics over HTTP, on a court of the spec's own (so the numbers are exact
 * whatever other specs file). The lawsuits are taken by the scenario builder through the states
 * they are counted in (submitted, withdrawn, returned, rejected, registered, heard with their
 * hearings postponed, held or cancelled, judged, objected to, final, settled); the dates the
 * counting is about (submission, registration, decision, closing) are then written with SQL, as
 * are the two states no service gives exactly: a closed file, and a case whose two hearings were
 * both postponed with none scheduled after them.
 */
import { DataSource } from 'typeorm';
import { addMonths, riyadhMonth } from '../src/statistics/month-range';
import { registerCitizen, uniqueCode } from './factories/people';
import { startApp, TestApp } from './harness';
import type { Person } from './scenario/people';
import { Chain, scenario, Scenario } from './scenario/scenario';

const STATS = `query($f: CourtStatisticsFilter) { courtStatistics(filter: $f) {
  courtId courtCode courtNameAr courtNameEn category month filed registered disposed pending
  medianDaysToJudgment hearings postponedHearings postponedHearingShare } }`;

const DAY = 86_400_000;

/** The two months of filing the spec uses: two and one months before the current Riyadh month. */
const MONTH_A = addMonths(riyadhMonth(new Date()), -2);
const MONTH_B = addMonths(riyadhMonth(new Date()), -1);

/** An instant in Riyadh time (UTC+3): `day` of `month` at `hour`:00. */
function riyadh(month: string, day: number, hour = 9): Date {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, day, hour - 3));
}

type Hearing = 'SCHEDULED' | 'HELD' | 'POSTPONED' | 'CANCELLED';

describe('courtStatistics (public)', () => {
  let t: TestApp;
  let db: DataSource;
  let court: { id: string; code: string };
  /** What must never appear in statistics: parties' national IDs and names, case numbers, lawsuit and user IDs. */
  const secrets: string[] = [];
  let hearingSlot = 0;
  /** The claimants of the lawsuits, one each, registered together up front (registering hashes a password). */
  let claimants: Person[] = [];
  const CLAIMANT = { nameAr: 'عبدالرحمن المدعي', nameEn: 'Abdulrahman Claimant' };

  /**
   * A lawsuit filed by a fresh citizen (the next of `claimants`) against a person with no account,
   * in the spec's court, taken by a scenario as far as `to` says (a draft by default). Its hearings
   * and judgment move the clock on; it is set back to now after, as the statistics are read now.
   */
  async function lawsuit(to: (c: Chain) => PromiseLike<Scenario> = (c) => c, category: 'CIVIL' | 'LABOR' = 'CIVIL'): Promise<string> {
    const filed = scenario(t.app)
      .court({ court })
      .claimant(claimants.pop() ?? CLAIMANT)
      .defendant({ account: false })
      .lawsuit({ category });
    let s: Scenario;
    try {
      s = await to(filed);
    } finally {
      t.clock.reset();
    }
    const { claimant, defendant } = s.actors;
    secrets.push(
      claimant.nationalId,
      defendant.nationalId,
      claimant.id!,
      s.lawsuitId,
      'Abdulrahman',
      'عبدالرحمن',
      'المدعى عليه',
      'Defendant',
    );
    if (s.caseNumber) secrets.push(s.caseNumber);
    return s.lawsuitId;
  }

  const stateOf = async (id: string) => (await db.query<{ state: string }[]>('SELECT state FROM lawsuits WHERE id = $1', [id]))[0].state;

  /** Dates (and a state no service gives) as the counting needs them: the scenario made them now. */
  async function set(
    id: string,
    at: { submitted: Date; registered?: Date; decidedAfterDays?: number; closed?: Date; state?: string },
  ): Promise<void> {
    const decided =
      at.registered && at.decidedAfterDays !== undefined ? new Date(at.registered.getTime() + at.decidedAfterDays * DAY) : null;
    await db.query(
      `UPDATE lawsuits SET submitted_at = $2, registered_at = coalesce($3, registered_at), decided_at = $4,
         closed_at = coalesce($5, closed_at), state = coalesce($6, state) WHERE id = $1`,
      [id, at.submitted, at.registered ?? null, decided, at.closed ?? null, at.state ?? null],
    );
  }

  /** Hearings of a registered lawsuit written as rows, an hour each, never overlapping in the circuit. */
  async function hearings(id: string, states: Hearing[]): Promise<void> {
    for (const state of states) {
      hearingSlot += 1;
      const start = new Date(riyadh(MONTH_A, 1, 8).getTime() + hearingSlot * 2 * 3600_000);
      await db.query(
        `INSERT INTO hearings (lawsuit_id, circuit_id, court_id, starts_at, ends_at, mode, room, state)
         SELECT l.id, l.circuit_id, l.court_id, $2, $3, 'IN_PERSON', 'Room 1', $4 FROM lawsuits l WHERE l.id = $1`,
        [id, start, new Date(start.getTime() + 3600_000), state],
      );
    }
  }

  const ofCourt = async (f: Record<string, unknown>, token?: string) =>
    (await t.ok(STATS, { f: { courtId: court.id, ...f } }, token)).courtStatistics as Record<string, unknown>[];

  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
    const admin = await t.token('admin');
    const code = uniqueCode('ST');
    court = (
      await t.ok(
        'mutation($i: CreateCourtInput!) { createCourt(input: $i) { id code } }',
        { i: { code, nameAr: 'محكمة الإحصاء', nameEn: 'Statistics Court', type: 'GENERAL', city: `Statcity ${code}` } },
        admin,
      )
    ).createCourt;
    for (const spec of ['CIVIL', 'LABOR'] as const) {
      await t.ok(
        'mutation($i: CreateCircuitInput!) { createCircuit(input: $i) { id } }',
        { i: { courtId: court.id, code: `${spec.slice(0, 3)}-1`, nameAr: 'دائرة', nameEn: `${spec} Circuit`, specialization: spec } },
        admin,
      );
    }

    claimants = await Promise.all(Array.from({ length: 14 }, async () => (await scenario(t.app).claimant(CLAIMANT)).actors.claimant));

    // Month A, CIVIL: nine filings (and a draft that does not count). The cases never heard move no
    // clock, so they are filed together; the heard ones after, in turn.
    const regA = (day: number) => riyadh(MONTH_A, day, 10);
    const subA = riyadh(MONTH_A, 3);
    const [inHearings, settled, registered, withdrawn, rejected, lastSecond] = await Promise.all([
      lawsuit((c) => c.registered()),
      lawsuit((c) => c.settled()),
      lawsuit((c) => c.registered()),
      lawsuit((c) => c.submitted().withdrawn()),
      lawsuit((c) => c.rejected('خارج الاختصاص — out of jurisdiction')),
      lawsuit((c) => c.submitted()),
      lawsuit(),
    ]);
    const judged10 = await lawsuit((c) => c.hearingPostponed().hearingHeld().judgmentIssued());
    await set(judged10, { submitted: subA, registered: regA(5), decidedAfterDays: 10 });
    // Postponed, held, then another hearing cancelled before the judgment became final.
    const judged20 = await lawsuit(async (c) => {
      const s = await c.hearingPostponed().hearingHeld();
      await s.scheduleHearing();
      return s.hearingCancelled().final();
    });
    await set(judged20, { submitted: subA, registered: regA(6), decidedAfterDays: 20 });
    // Executed, then its file closed (no service closes a file: the state is written).
    const judged40 = await lawsuit((c) => c.hearingPostponed().hearingHeld().executionRequested());
    await set(judged40, { submitted: subA, registered: regA(7), decidedAfterDays: 40, closed: riyadh(MONTH_B, 28), state: 'CLOSED' });
    // Two hearings both postponed and none scheduled after them (every real postponement schedules
    // the next hearing): the case's state and its hearings are written.
    await set(inHearings, { submitted: subA, registered: regA(8), state: 'IN_HEARINGS' });
    await hearings(inHearings, ['POSTPONED', 'POSTPONED']);
    await set(settled, { submitted: subA, registered: regA(9), closed: riyadh(MONTH_B, 2) });
    expect(await stateOf(registered)).toBe('REGISTERED');
    await set(registered, { submitted: subA, registered: regA(10) });
    await set(withdrawn, { submitted: subA });
    await set(rejected, { submitted: subA });
    // The last second of month A in Riyadh.
    await set(lastSecond, { submitted: new Date(riyadh(MONTH_B, 1, 0).getTime() - 1000) });

    // Month A, LABOR: one filing awaiting review, no hearing, no judgment.
    await set(await lawsuit((c) => c.submitted(), 'LABOR'), { submitted: riyadh(MONTH_A, 15) });

    // Month B, CIVIL: two judgments (7 and 12.5 days) and a filing returned for correction, submitted
    // half an hour into the month in Riyadh, which is still the previous month in UTC.
    const judged7 = await lawsuit((c) => c.hearingHeld().judgmentIssued());
    await set(judged7, { submitted: riyadh(MONTH_B, 4), registered: riyadh(MONTH_B, 6), decidedAfterDays: 7 });
    const judged12 = await lawsuit((c) => c.hearingHeld().judgmentIssued({ inFavourOf: 'DEFENDANT' }).objected({ by: 'claimant' }));
    await set(judged12, { submitted: riyadh(MONTH_B, 4), registered: riyadh(MONTH_B, 6), decidedAfterDays: 12.5 });
    const returned = await lawsuit((c) => c.returned('أرفق العقد — attach the contract'));
    const halfPastMidnight = new Date(riyadh(MONTH_B, 1, 0).getTime() + 30 * 60_000);
    expect(halfPastMidnight.toISOString().slice(0, 7)).toBe(MONTH_A);
    await set(returned, { submitted: halfPastMidnight });
  });

  afterAll(async () => {
    await t?.close();
  });

  const court3 = () => ({ courtId: court.id, courtCode: court.code, courtNameAr: 'محكمة الإحصاء', courtNameEn: 'Statistics Court' });
  const expectedRows = () => [
    {
      ...court3(),
      category: 'CIVIL',
      month: MONTH_A,
      filed: 9,
      registered: 6,
      // Three judged, one settled, one withdrawn and one rejected before registration.
      disposed: 6,
      pending: 2,
      medianDaysToJudgment: 20,
      hearings: 9,
      postponedHearings: 5,
      postponedHearingShare: 0.5556,
    },
    {
      ...court3(),
      category: 'LABOR',
      month: MONTH_A,
      filed: 1,
      registered: 0,
      disposed: 0,
      pending: 0,
      medianDaysToJudgment: null,
      hearings: 0,
      postponedHearings: 0,
      postponedHearingShare: null,
    },
    {
      ...court3(),
      category: 'CIVIL',
      month: MONTH_B,
      filed: 3,
      registered: 2,
      disposed: 2,
      pending: 0,
      // The median of an even count interpolates: (7 + 12.5) / 2.
      medianDaysToJudgment: 9.75,
      hearings: 2,
      postponedHearings: 0,
      postponedHearingShare: 0,
    },
  ];

  it('counts filings, registrations, disposals and pending cases per court, category and Riyadh month, for anyone', async () => {
    const rows = await ofCourt({ from: MONTH_A, to: MONTH_B });
    expect(rows).toEqual(expectedRows());
  });

  it('answers the same to a signed-in caller, and over all courts', async () => {
    const citizen = await registerCitizen(t);
    expect(await ofCourt({ from: MONTH_A, to: MONTH_B }, citizen.token)).toEqual(expectedRows());
    const all = (await t.ok(STATS, { f: { from: MONTH_A, to: MONTH_B } })).courtStatistics as { courtId: string }[];
    expect(all.filter((r) => r.courtId === court.id)).toEqual(expectedRows());
  });

  it('covers the last twelve months by default', async () => {
    expect(await ofCourt({})).toEqual(expectedRows());
    expect(await ofCourt({ to: addMonths(MONTH_A, 11) })).toEqual(expectedRows());
    expect(await ofCourt({ to: addMonths(MONTH_A, 12) })).toEqual(expectedRows().slice(2));
  });

  it('filters by category and by month, taking months in Riyadh time', async () => {
    expect(await ofCourt({ category: 'LABOR', from: MONTH_A, to: MONTH_B })).toEqual([expectedRows()[1]]);
    expect(await ofCourt({ from: MONTH_A, to: MONTH_A })).toEqual(expectedRows().slice(0, 2));
    expect(await ofCourt({ from: MONTH_B, to: MONTH_B })).toEqual(expectedRows().slice(2));
    expect(await ofCourt({ from: addMonths(MONTH_A, -3), to: addMonths(MONTH_A, -1) })).toEqual([]);
  });

  it('exposes no party, person, case number or lawsuit', async () => {
    const res = await t.gql(STATS, { f: { courtId: court.id, from: MONTH_A, to: MONTH_B } });
    const body = JSON.stringify(res.data);
    expect(secrets.length).toBeGreaterThan(40);
    for (const secret of secrets) expect(body).not.toContain(secret);
    // Nothing shaped like a national ID either, once the court's own UUID is set aside.
    expect(body.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '')).not.toMatch(/[12][0-9]{9}/);
    // The row type itself has nothing else to offer.
    const type = await t.ok('{ __type(name: "CourtStatisticsRow") { fields { name } } }');
    expect(type.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual(
      [
        'category',
        'courtCode',
        'courtId',
        'courtNameAr',
        'courtNameEn',
        'disposed',
        'filed',
        'hearings',
        'medianDaysToJudgment',
        'month',
        'pending',
        'postponedHearingShare',
        'postponedHearings',
        'registered',
      ].sort(),
    );
  });

  it('refuses a bad filter with BAD_USER_INPUT naming the fields', async () => {
    const fields = async (f: Record<string, unknown>) => {
      const res = await t.gql(STATS, { f });
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      return res.errors![0].extensions.fields!.map((e) => e.field).sort();
    };
    expect(await fields({ from: '2025-13', to: '2025/01', courtId: 'not-a-court' })).toEqual([
      'filter.courtId',
      'filter.from',
      'filter.to',
    ]);
    expect(await fields({ from: '2025-1' })).toEqual(['filter.from']);
    expect(await fields({ from: MONTH_B, to: MONTH_A })).toEqual(['filter.from']);
    expect(await fields({ from: addMonths(riyadhMonth(new Date()), 1) })).toEqual(['filter.from']);
    expect(await fields({ from: '2020-01', to: '2023-01' })).toEqual(['filter.from']);
    expect(await fields({ to: '2025-00' })).toEqual(['filter.to']);
    const category = await t.gql(STATS, { f: { category: 'PARKING' } });
    expect(category.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(category.errors)).not.toMatch(/SELECT|lawsuits/);
  });

  it('answers NOT_FOUND for an unknown court and an empty list for a court without filings', async () => {
    expect(await t.code(STATS, { f: { courtId: '00000000-0000-4000-8000-000000000000' } })).toBe('NOT_FOUND');
    const empty = (
      await t.ok(
        'mutation($i: CreateCourtInput!) { createCourt(input: $i) { id } }',
        { i: { code: uniqueCode('SE'), nameAr: 'محكمة فارغة', nameEn: 'Empty Court', type: 'GENERAL', city: 'Emptycity' } },
        await t.token('admin'),
      )
    ).createCourt;
    expect((await t.ok(STATS, { f: { courtId: empty.id } })).courtStatistics).toEqual([]);
  });
});
