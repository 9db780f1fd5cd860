/**
 * Public court statistics over HTTP, on a court of the spec's own (so the numbers are exact
 * whatever other specs file): lawsuits filed, submitted, withdrawn, returned, rejected and
 * registered through the API; the dates and later states that the judgment and hearing APIs would
 * produce, and the hearings themselves, written with SQL.
 */
import { DataSource } from 'typeorm';
import { addMonths, riyadhMonth } from '../src/statistics/month-range';
import { lawsuitInput } from './factories/lawsuits';
import { nationalId, registerCitizen, uniqueCode } from './factories/people';
import { startApp, TestApp } from './harness';

const STATS = `query($f: CourtStatisticsFilter) { courtStatistics(filter: $f) {
  courtId courtCode courtNameAr courtNameEn category month filed registered disposed pending
  medianDaysToJudgment hearings postponedHearings postponedHearingShare } }`;
const FILE = 'mutation($i: FileLawsuitInput!) { fileLawsuit(input: $i) { id } }';
const SUBMIT = 'mutation($id: ID!) { submitLawsuit(id: $id) { state } }';
const REVIEW = 'mutation($i: ReviewLawsuitInput!) { reviewLawsuit(input: $i) { state caseNumber } }';
const WITHDRAW = 'mutation($id: ID!) { withdrawLawsuit(id: $id) { state } }';

const DAY = 86_400_000;
const STAFF_PASSWORD = 'Staff-Pass-2026';

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
  const circuits = { CIVIL: '', LABOR: '' };
  let clerk: string;
  /** What must never appear in statistics: parties' national IDs and names, case numbers, lawsuit and user IDs. */
  const secrets: string[] = [];
  let hearingSlot = 0;

  async function createUser(membership: Record<string, unknown>): Promise<string> {
    const id = nationalId();
    await t.ok(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: {
          nationalId: id,
          nameAr: 'أمين سر',
          nameEn: 'Statistics Clerk',
          password: STAFF_PASSWORD,
          roles: [],
          memberships: [membership],
        },
      },
      await t.token('admin'),
    );
    return t.login(id, STAFF_PASSWORD);
  }

  /** A lawsuit filed by a fresh citizen, taken through the API as far as `until`. */
  async function lawsuit(
    until: 'draft' | 'submitted' | 'withdrawn' | 'returned' | 'rejected' | 'registered',
    category: 'CIVIL' | 'LABOR' = 'CIVIL',
  ): Promise<string> {
    const c = await registerCitizen(t, { nameAr: 'عبدالرحمن المدعي', nameEn: 'Abdulrahman Claimant' });
    const input = lawsuitInput(c.nationalId, { courtId: court.id, city: undefined, category });
    const { id } = (await t.ok(FILE, { i: input }, c.token)).fileLawsuit;
    const defendant = (input.defendants as { nationalId: string }[])[0].nationalId;
    secrets.push(c.nationalId, defendant, c.id, id, 'Abdulrahman', 'عبدالرحمن', 'المدعى عليه', 'Defendant');
    if (until === 'draft') return id;
    await t.ok(SUBMIT, { id }, c.token);
    if (until === 'withdrawn') await t.ok(WITHDRAW, { id }, c.token);
    if (until === 'returned') await t.ok(REVIEW, { i: { id, decision: 'RETURN', reason: 'أرفق العقد — attach the contract' } }, clerk);
    if (until === 'rejected') await t.ok(REVIEW, { i: { id, decision: 'REJECT', reason: 'خارج الاختصاص — out of jurisdiction' } }, clerk);
    if (until === 'registered') {
      const registered = (await t.ok(REVIEW, { i: { id, decision: 'ACCEPT' } }, clerk)).reviewLawsuit;
      expect(registered.state).toBe('REGISTERED');
      secrets.push(registered.caseNumber);
    }
    return id;
  }

  /** Dates and state as the later stages would leave them (their APIs are not the subject here). */
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

  /** Hearings of a registered lawsuit, an hour each, never overlapping in the circuit. */
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
      circuits[spec] = (
        await t.ok(
          'mutation($i: CreateCircuitInput!) { createCircuit(input: $i) { id } }',
          { i: { courtId: court.id, code: `${spec.slice(0, 3)}-1`, nameAr: 'دائرة', nameEn: `${spec} Circuit`, specialization: spec } },
          admin,
        )
      ).createCircuit.id;
    }
    clerk = await createUser({ role: 'CLERK', courtId: court.id });

    // Month A, CIVIL: nine filings (and a draft that does not count).
    const regA = (day: number) => riyadh(MONTH_A, day, 10);
    const subA = riyadh(MONTH_A, 3);
    const judged10 = await lawsuit('registered');
    await set(judged10, { submitted: subA, registered: regA(5), decidedAfterDays: 10, state: 'JUDGMENT_ISSUED' });
    await hearings(judged10, ['POSTPONED', 'HELD']);
    const judged20 = await lawsuit('registered');
    await set(judged20, { submitted: subA, registered: regA(6), decidedAfterDays: 20, state: 'FINAL' });
    await hearings(judged20, ['POSTPONED', 'HELD', 'CANCELLED']);
    const judged40 = await lawsuit('registered');
    await set(judged40, { submitted: subA, registered: regA(7), decidedAfterDays: 40, closed: riyadh(MONTH_B, 28), state: 'CLOSED' });
    await hearings(judged40, ['POSTPONED', 'HELD']);
    const inHearings = await lawsuit('registered');
    await set(inHearings, { submitted: subA, registered: regA(8), state: 'IN_HEARINGS' });
    await hearings(inHearings, ['POSTPONED', 'POSTPONED']);
    const settled = await lawsuit('registered');
    await set(settled, { submitted: subA, registered: regA(9), closed: riyadh(MONTH_B, 2), state: 'SETTLED' });
    const registered = await lawsuit('registered');
    await set(registered, { submitted: subA, registered: regA(10) });
    await set(await lawsuit('withdrawn'), { submitted: subA });
    await set(await lawsuit('rejected'), { submitted: subA });
    // The last second of month A in Riyadh.
    await set(await lawsuit('submitted'), { submitted: new Date(riyadh(MONTH_B, 1, 0).getTime() - 1000) });
    await lawsuit('draft');

    // Month A, LABOR: one filing awaiting review, no hearing, no judgment.
    await set(await lawsuit('submitted', 'LABOR'), { submitted: riyadh(MONTH_A, 15) });

    // Month B, CIVIL: two judgments (7 and 12.5 days) and a filing returned for correction, submitted
    // half an hour into the month in Riyadh, which is still the previous month in UTC.
    const judged7 = await lawsuit('registered');
    await set(judged7, { submitted: riyadh(MONTH_B, 4), registered: riyadh(MONTH_B, 6), decidedAfterDays: 7, state: 'JUDGMENT_ISSUED' });
    await hearings(judged7, ['HELD']);
    const judged12 = await lawsuit('registered');
    await set(judged12, { submitted: riyadh(MONTH_B, 4), registered: riyadh(MONTH_B, 6), decidedAfterDays: 12.5, state: 'OBJECTED' });
    await hearings(judged12, ['HELD']);
    const returned = await lawsuit('returned');
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
