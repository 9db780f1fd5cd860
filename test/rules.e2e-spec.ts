/**
 * Rules as data: anyone reads the fee schedule, the objection windows and reminder, the
 * struck-off resumption window, the limits of a power of attorney and a court's working calendar
 * through the API, and what the code does is exactly what those answers say — fees computed tier
 * by tier from the published schedule, deadlines from the published windows, powers of attorney
 * refused a day past the published caps. The copies of these numbers kept outside the tables (the
 * `fee_schedules` rows, the courts' column defaults) are held equal to them.
 */
import { DataSource } from 'typeorm';
import { RequestContextFactory } from '../src/access/context/request-context.factory';
import { countedAr, countedEn } from '../src/core/rules/counted';
import { ObjectionReminders } from '../src/litigation/judgments/objection-reminders';
import { OBJECTION_REMINDER, OBJECTION_WINDOWS } from '../src/litigation/judgments/objection-window-rules';
import { FEE_SCHEDULES, feeScheduleOn } from '../src/litigation/lawsuits/fee-rules';
import type { LawsuitCategory } from '../src/litigation/lawsuits/lawsuit.enums';
import { STRUCK_OFF_RESUMPTION } from '../src/litigation/lawsuits/struck-off-rules';
import { POWER_OF_ATTORNEY_LIMITS } from '../src/notarization/powers-of-attorney/poa-limits';
import { STANDARD_WORKING_CALENDAR } from '../src/organizations/working-calendar-rules';
import { SEED_HOLIDAYS } from '../src/seed/seed-data';
import { courtWithStaff, CourtFixture } from './factories/courts';
import { lawsuitInput } from './factories/lawsuits';
import { nationalId, registerCitizen, uniqueCode } from './factories/people';
import { freshCode, ISSUE, poaInput, twoFactorCitizen } from './factories/powers-of-attorney';
import { startApp, TestApp } from './harness';
import { NOTARY_FEE_SCHEDULES } from '../src/notarization/fees/notary-fee-rules';
import { scenario } from './scenario/scenario';
import { DEADLINE, DEADLINE_FIELDS, expectPeriod } from './support/deadlines';

const DAY = 86_400_000;
const BASIS = 'basis { ar en reference }';
const FEE_SCHEDULE = `query($on: String) { feeSchedule(on: $on) { effectiveFrom tiers { from upTo rate } tiersBasis { ar en reference }
  cap { amount ${BASIS} } settlementReduction { share ${BASIS} } exemptions { category ${BASIS} }
  payment { dueAt payWithinDays onExpiry ${BASIS} } costs { bornBy billedAt payWithinDays onExpiry ${BASIS} } } }`;
const NOTARY_FEES = `query($on: String) { notaryFeeSchedule(on: $on) { effectiveFrom contracts { type amount } contractsBasis { ar en reference }
  payment { dueAt payWithinDays onExpiry ${BASIS} } powersOfAttorney { issuance amount } powersOfAttorneyBasis { ar en reference }
  powerOfAttorneyPayment { dueAt payWithinHours onExpiry ${BASIS} } } }`;
const WINDOWS = `{ objectionWindows { track days categories ${BASIS} } objectionReminder { daysBefore ${BASIS} } }`;
const RESUMPTION = `{ struckOffResumption { days ${BASIS} } }`;
const LIMITS = `{ powerOfAttorneyLimits { selfIssuedValidity { maxYears ${BASIS} } notarizedValidity { maxYears ${BASIS} }
  start { maxDaysAhead ${BASIS} } confirmation { hours ${BASIS} } principals { min max ${BASIS} } agents { min max ${BASIS} } } }`;
const CALENDAR = `query($id: ID!, $from: String, $to: String) { workingCalendar(courtId: $id, from: $from, to: $to) {
  courtId timeZone workDays workStart workEnd from to holidays { startsOn endsOn nameEn courtId }
  standard { timeZone { zone ${BASIS} } week { days ${BASIS} } hours { start end ${BASIS} } holidays { ${BASIS} } } } }`;

interface FeeAnswer {
  effectiveFrom: string;
  tiers: { from: number; upTo: number | null; rate: number }[];
  cap: { amount: number };
  settlementReduction: { share: number };
  exemptions: { category: string }[];
}
interface WindowAnswer {
  track: string;
  days: number;
  categories: string[];
}

/** The fee a published schedule implies, worked out here from its own answer (halalas, marginal tiers, capped). */
function impliedFee(s: FeeAnswer, claimed: number, settledAfterFirstHearing = false): number {
  const c = Math.round(claimed * 100);
  let fee = 0;
  for (const tier of s.tiers) {
    const lower = Math.round(tier.from * 100);
    const upper = tier.upTo === null ? Infinity : Math.round(tier.upTo * 100);
    if (c > lower) fee += (Math.min(c, upper) - lower) * tier.rate;
  }
  fee = Math.min(Math.round(fee), Math.round(s.cap.amount * 100));
  if (settledAfterFirstHearing) fee = Math.round(fee * (1 - s.settlementReduction.share));
  return fee / 100;
}

/** The instant of wall-clock `hhmm` on `day` in `zone`. */
function zonedInstant(day: string, hhmm: string, zone: string): Date {
  const [h, m] = hhmm.split(':').map(Number);
  const guess = Date.parse(`${day}T00:00:00Z`) + (h * 60 + m) * 60_000;
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const p = Object.fromEntries(fmt.formatToParts(new Date(guess)).map((x) => [x.type, x.value]));
  const shown = Date.parse(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:00Z`);
  return new Date(guess - (shown - guess));
}

const addYears = (d: Date, years: number) => {
  const r = new Date(d);
  r.setUTCFullYear(r.getUTCFullYear() + years);
  return r;
};
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('rules as data: what the API publishes is what the code applies', () => {
  let t: TestApp;
  let fx: CourtFixture;
  let db: DataSource;

  beforeAll(async () => {
    t = await startApp({ JWT_TTL_SECONDS: String(365 * 86_400) });
    fx = await courtWithStaff(t);
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => t.clock.reset());

  it('publishes every rule table to anyone, each rule with its basis in Arabic and English', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect((await t.ok(FEE_SCHEDULE)).feeSchedule).toEqual(plain(feeScheduleOn(today)));
    for (const s of FEE_SCHEDULES) expect((await t.ok(FEE_SCHEDULE, { on: s.effectiveFrom })).feeSchedule).toEqual(plain(s));
    expect((await t.ok(FEE_SCHEDULE, { on: '1999-12-31' })).feeSchedule).toBeNull();
    expect(await t.code(FEE_SCHEDULE, { on: '2026-02-30' })).toBe('BAD_USER_INPUT');
    for (const s of NOTARY_FEE_SCHEDULES) expect((await t.ok(NOTARY_FEES, { on: s.effectiveFrom })).notaryFeeSchedule).toEqual(plain(s));
    expect((await t.ok(NOTARY_FEES, { on: '1999-12-31' })).notaryFeeSchedule).toBeNull();
    expect(await t.code(NOTARY_FEES, { on: '2026-13-01' })).toBe('BAD_USER_INPUT');

    expect(await t.ok(WINDOWS)).toEqual(plain({ objectionWindows: OBJECTION_WINDOWS, objectionReminder: OBJECTION_REMINDER }));
    expect((await t.ok(RESUMPTION)).struckOffResumption).toEqual(plain(STRUCK_OFF_RESUMPTION));
    expect((await t.ok(LIMITS)).powerOfAttorneyLimits).toEqual(plain(POWER_OF_ATTORNEY_LIMITS));
    const calendar = (await t.ok(CALENDAR, { id: fx.court.id })).workingCalendar;
    expect(calendar.standard).toEqual(plain(STANDARD_WORKING_CALENDAR));
    expect(calendar.standard.week.basis.ar).toMatch(/[\u0600-\u06FF]/);
  });

  describe('court fees', () => {
    it('charges a filed lawsuit the fee the published schedule implies, tier by tier and capped, and nothing in an exempt category', async () => {
      const schedule = (await t.ok(FEE_SCHEDULE)).feeSchedule as FeeAnswer;
      const bounds = schedule.tiers.flatMap((tier) => (tier.upTo === null ? [] : [tier.upTo, tier.upTo + 1234.25]));
      // The last amount's fee passes the cap: no slice is charged at less than the last tier's rate.
      const amounts = [999.75, ...bounds, schedule.cap.amount / schedule.tiers[schedule.tiers.length - 1].rate + 1e6];
      const citizen = await registerCitizen(t);
      expect(schedule.exemptions.map((e) => e.category)).not.toContain('CIVIL');
      for (const amount of amounts) {
        const input = lawsuitInput(citizen.nationalId, {
          courtId: fx.court.id,
          city: undefined,
          claims: [{ description: 'مطالبة — claim', amount }],
        });
        const filed = (
          await t.ok('mutation($i: FileLawsuitInput!) { fileLawsuit(input: $i) { feeAmount feeExempt } }', { i: input }, citizen.token)
        ).fileLawsuit;
        expect({ amount, ...filed }).toEqual({ amount, feeAmount: impliedFee(schedule, amount), feeExempt: false });
      }
      expect(impliedFee(schedule, amounts[amounts.length - 1])).toBe(schedule.cap.amount);

      expect(schedule.exemptions.map((e) => e.category)).toContain('PERSONAL_STATUS');
      const family = lawsuitInput(citizen.nationalId, {
        category: 'PERSONAL_STATUS',
        city: 'Riyadh',
        claims: [{ description: 'نفقة — maintenance', amount: 90_000 }],
      });
      expect(
        (await t.ok('mutation($i: FileLawsuitInput!) { fileLawsuit(input: $i) { feeAmount feeExempt } }', { i: family }, citizen.token))
          .fileLawsuit,
      ).toEqual({
        feeAmount: 0,
        feeExempt: true,
      });
    });

    it('reduces the fee of a case settled after its first hearing by the published share', async () => {
      const schedule = (await t.ok(FEE_SCHEDULE)).feeSchedule as FeeAnswer;
      const heard = await scenario(t.app).court(fx).lawsuit({ amount: 123_456.78 }).hearingHeld();
      const filed = (await t.ok('query($id: ID!) { lawsuit(id: $id) { feeAmount } }', { id: heard.lawsuitId }, heard.actors.claimant.token))
        .lawsuit;
      expect(filed.feeAmount).toBe(impliedFee(schedule, 123_456.78));
      const settled = (
        await t.ok('mutation($id: ID!) { settleLawsuit(lawsuitId: $id) { state feeAmount } }', { id: heard.lawsuitId }, fx.judge.token)
      ).settleLawsuit;
      expect(settled).toEqual({ state: 'SETTLED', feeAmount: impliedFee(schedule, 123_456.78, true) });
    });

    it('keeps in `fee_schedules` exactly the versions of the table, so a published version cannot change in one place only', async () => {
      const rows = await db.query<
        { effective_from: string; tiers: unknown; cap: string; settlement_reduction: string; exempt_categories: string[] }[]
      >(`SELECT effective_from::text, tiers, cap, settlement_reduction, exempt_categories FROM fee_schedules ORDER BY effective_from`);
      expect(
        rows.map((r) => ({
          effectiveFrom: r.effective_from,
          tiers: r.tiers,
          cap: Number(r.cap),
          settlementReduction: Number(r.settlement_reduction),
          exempt: [...r.exempt_categories].sort(),
        })),
      ).toEqual(
        FEE_SCHEDULES.map((s) => ({
          effectiveFrom: s.effectiveFrom,
          tiers: s.tiers.map((tier) => ({ upTo: tier.upTo, rate: tier.rate })),
          cap: s.cap.amount,
          settlementReduction: s.settlementReduction.share,
          exempt: s.exemptions.map((e) => e.category).sort(),
        })),
      );
    });
  });

  describe('objection windows', () => {
    const JUDGMENT = `query($id: ID!) { lawsuit(id: $id) { category judgment { urgent myObjectionWindow { servedAt objectionDeadline remindedAt ${DEADLINE} } } } }`;

    /** A judgment of a case of `category` in the fixture court, served on the claimant (their window runs). */
    async function judgedAndServed(category: string) {
      const s = await scenario(t.app)
        .court(fx)
        .lawsuit({ category: category as LawsuitCategory })
        .judgmentIssued({ amountAwarded: 50_000 })
        .served({ only: 'CLAIMANT' });
      return { read: async () => (await t.ok(JUDGMENT, { id: s.lawsuitId }, s.actors.claimant.token)).lawsuit };
    }

    it('runs a served party’s window for as many days as the API publishes for the category’s track', async () => {
      const { objectionWindows } = await t.ok<{ objectionWindows: WindowAnswer[] }>(WINDOWS);
      for (const category of ['CIVIL', 'LABOR']) {
        const rule = objectionWindows.find((w) => w.categories.includes(category))!;
        const lawsuit = await (await judgedAndServed(category)).read();
        const window = lawsuit.judgment.myObjectionWindow;
        expectPeriod(window.servedAt, window.objectionDeadline, window.deadline, rule.days);
        expect(lawsuit.judgment.urgent).toBe(rule.track === 'URGENT');
      }
    });

    it('reminds a served party as many days before the deadline as the API publishes, and not earlier', async () => {
      const { daysBefore } = (await t.ok(WINDOWS)).objectionReminder as { daysBefore: number };
      const judged = await judgedAndServed('CIVIL');
      const deadline = Date.parse((await judged.read()).judgment.myObjectionWindow.objectionDeadline);
      const ctx = () => t.app.get(RequestContextFactory).forActor('rules-reminder', null);
      t.clock.set(new Date(deadline - daysBefore * DAY - 60_000));
      await t.app.get(ObjectionReminders).remindDue(ctx());
      expect((await judged.read()).judgment.myObjectionWindow.remindedAt).toBeNull();
      t.clock.set(new Date(deadline - daysBefore * DAY + 60_000));
      await t.app.get(ObjectionReminders).remindDue(ctx());
      expect((await judged.read()).judgment.myObjectionWindow.remindedAt).not.toBeNull();
    });
  });

  it('lets a struck-off case be resumed until the published window closes, and tells the parties that window', async () => {
    const { days } = (await t.ok(RESUMPTION)).struckOffResumption as { days: number };
    const heard = await scenario(t.app).court(fx).lawsuit().hearingHeld({ claimantPresent: false });
    const claimant = heard.actors.claimant;
    const struck = (
      await t.ok(
        `mutation($id: ID!, $h: ID!) { strikeOffLawsuit(lawsuitId: $id, hearingId: $h) { struckOffAt resumeDeadline { ${DEADLINE_FIELDS} } } }`,
        { id: heard.lawsuitId, h: heard.hearingId },
        fx.judge.token,
      )
    ).strikeOffLawsuit;
    // The published days, on the court's calendar: moved to the next working day when they end on a closed one.
    expectPeriod(struck.struckOffAt, struck.resumeDeadline.dueAt, struck.resumeDeadline, days);
    const closes = Date.parse(struck.resumeDeadline.dueAt);
    const RESUME = 'mutation($id: ID!) { resumeLawsuit(lawsuitId: $id) { state } }';
    t.clock.set(new Date(closes + 60_000));
    const late = await t.gql(RESUME, { id: heard.lawsuitId }, claimant.token);
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'DEADLINE_PASSED', deadline: new Date(closes).toISOString() });
    t.clock.set(new Date(closes - 60_000));
    expect((await t.ok(RESUME, { id: heard.lawsuitId }, claimant.token)).resumeLawsuit.state).toBe('IN_HEARINGS');

    const inbox = (await t.ok('{ notifications(first: 50) { edges { node { kind lawsuitId bodyAr bodyEn } } } }', {}, claimant.token))
      .notifications.edges;
    const notice = inbox
      .map((e: { node: Record<string, string> }) => e.node)
      .find((n: Record<string, string>) => n.kind === 'LAWSUIT_STRUCK_OFF' && n.lawsuitId === heard.lawsuitId);
    expect(notice.bodyEn).toContain(`within ${countedEn(days, 'day')}`);
    expect(notice.bodyAr).toContain(`خلال ${countedAr(days, 'day')}`);
  });

  describe('powers of attorney', () => {
    let officeId: string;
    const notaryIssue = async (overrides: Record<string, unknown>, agents = [nationalId()], principals = [nationalId()]) =>
      t.gql(ISSUE, { i: poaInput(principals, agents, { notaryOfficeId: officeId, ...overrides }) }, await t.token('notary'));
    const fieldsOf = (res: { errors?: { extensions: { fields?: { field: string }[] } }[] }) =>
      res.errors?.[0].extensions.fields?.map((f) => f.field) ?? [];

    beforeAll(async () => {
      officeId = (await t.ok('{ notaryOffices { id code } }')).notaryOffices.find((o: { code: string }) => o.code === 'RYD-NO1').id;
    });

    it('issues up to the published validity caps and start limit, and refuses a day beyond', async () => {
      const limits = (await t.ok(LIMITS)).powerOfAttorneyLimits;
      const from = new Date(t.clock.now().getTime() + 60_000);
      const at = (d: Date) => d.toISOString();
      const cap = addYears(from, limits.notarizedValidity.maxYears);
      expect((await notaryIssue({ validFrom: at(from), validTo: at(cap) })).errors).toBeUndefined();
      expect(fieldsOf(await notaryIssue({ validFrom: at(from), validTo: at(new Date(cap.getTime() + DAY)) }))).toEqual(['input.validTo']);

      const ahead = new Date(from.getTime() + limits.start.maxDaysAhead * DAY - DAY);
      expect((await notaryIssue({ validFrom: at(ahead), validTo: at(new Date(ahead.getTime() + 30 * DAY)) })).errors).toBeUndefined();
      const tooFar = new Date(from.getTime() + limits.start.maxDaysAhead * DAY + DAY);
      expect(fieldsOf(await notaryIssue({ validFrom: at(tooFar), validTo: at(new Date(tooFar.getTime() + 30 * DAY)) }))).toEqual([
        'input.validFrom',
      ]);

      const c = await twoFactorCitizen(t);
      const selfCap = addYears(from, limits.selfIssuedValidity.maxYears);
      const selfIssue = async (validTo: Date) =>
        t.gql(
          ISSUE,
          { i: poaInput([c.nationalId], [nationalId()], { validFrom: at(from), validTo: at(validTo), otp: await freshCode(t, c.secret) }) },
          c.token,
        );
      expect(fieldsOf(await selfIssue(new Date(selfCap.getTime() + DAY)))).toEqual(['input.validTo']);
      expect((await selfIssue(selfCap)).errors).toBeUndefined();
    });

    it('gives co-principals the published hours to confirm, and names as many principals and agents as published', async () => {
      const limits = (await t.ok(LIMITS)).powerOfAttorneyLimits;
      const [a, b] = [await twoFactorCitizen(t), await twoFactorCitizen(t)];
      const otp = await freshCode(t, a.secret);
      const before = t.clock.now().getTime();
      const draft = (
        await t.ok(
          `mutation($i: IssuePowerOfAttorneyInput!) { issuePowerOfAttorney(input: $i) { powerOfAttorney { state confirmBy } } }`,
          { i: poaInput([a.nationalId, b.nationalId], [nationalId()], { otp }) },
          a.token,
        )
      ).issuePowerOfAttorney.powerOfAttorney;
      const after = t.clock.now().getTime();
      expect(draft.state).toBe('DRAFT');
      const window = Date.parse(draft.confirmBy) - limits.confirmation.hours * 3600_000;
      expect(window).toBeGreaterThanOrEqual(before);
      expect(window).toBeLessThanOrEqual(after);

      const many = (n: number) => Array.from({ length: n }, () => nationalId());
      expect((await notaryIssue({}, many(limits.agents.max), many(limits.principals.max))).errors).toBeUndefined();
      expect(fieldsOf(await notaryIssue({}, many(limits.agents.max + 1)))).toEqual(['input.agents']);
      expect(fieldsOf(await notaryIssue({}, many(1), many(limits.principals.max + 1)))).toEqual(['input.principals']);
    });
  });

  describe('working calendar', () => {
    it('answers a court’s calendar as hearings are scheduled against it, and a new court starts from the standard', async () => {
      const admin = await t.token('admin');
      const code = uniqueCode('R');
      const created = (
        await t.ok(
          'mutation($i: CreateCourtInput!) { createCourt(input: $i) { id } }',
          { i: { code, nameAr: 'محكمة', nameEn: 'Court', type: 'GENERAL', city: `City ${code}` } },
          admin,
        )
      ).createCourt;
      const calendar = (await t.ok(CALENDAR, { id: created.id })).workingCalendar;
      const { standard } = calendar;
      expect(calendar).toMatchObject({
        courtId: created.id,
        timeZone: standard.timeZone.zone,
        workDays: standard.week.days,
        workStart: standard.hours.start,
        workEnd: standard.hours.end,
      });

      // The court is open exactly within the hours and on the days the answer gives.
      const isOpen = async (at: Date) =>
        (await t.ok('query($id: ID!, $at: DateTime!) { court(id: $id) { isOpen(at: $at) } }', { id: created.id, at: at.toISOString() }))
          .court.isOpen as boolean;
      const days = Array.from({ length: 21 }, (_, i) => new Date(Date.now() + (i + 1) * DAY).toISOString().slice(0, 10));
      const holiday = (d: string) => calendar.holidays.some((h: { startsOn: string; endsOn: string }) => h.startsOn <= d && d <= h.endsOn);
      const weekday = (d: string) => new Date(`${d}T12:00:00Z`).getUTCDay();
      const working = days.find((d) => calendar.workDays.includes(weekday(d)) && !holiday(d))!;
      const resting = days.find((d) => !calendar.workDays.includes(weekday(d)))!;
      const zone = calendar.timeZone;
      expect(await isOpen(zonedInstant(working, calendar.workStart, zone))).toBe(true);
      expect(await isOpen(new Date(zonedInstant(working, calendar.workStart, zone).getTime() - 60_000))).toBe(false);
      expect(await isOpen(new Date(zonedInstant(working, calendar.workEnd, zone).getTime() - 60_000))).toBe(true);
      expect(await isOpen(zonedInstant(working, calendar.workEnd, zone))).toBe(false);
      expect(await isOpen(zonedInstant(resting, calendar.workStart, zone))).toBe(false);

      // Its closed days are the nationwide holidays in the range asked.
      const [first, last] = [SEED_HOLIDAYS[0].startsOn, SEED_HOLIDAYS[SEED_HOLIDAYS.length - 1].endsOn];
      const range = (await t.ok(CALENDAR, { id: created.id, from: first, to: last })).workingCalendar;
      expect(range.holidays.map((h: { startsOn: string }) => h.startsOn)).toEqual(
        expect.arrayContaining(SEED_HOLIDAYS.map((h) => h.startsOn)),
      );
      expect(await t.code(CALENDAR, { id: created.id, from: last, to: first })).toBe('BAD_USER_INPUT');
      expect(await t.code(CALENDAR, { id: 'RYD-GEN' })).toBe('BAD_USER_INPUT');
    });

    it('keeps the courts’ column defaults equal to the standard, so the standard cannot change in one place only', async () => {
      const rows = await db.query<{ column_name: string; column_default: string }[]>(
        `SELECT column_name, column_default FROM information_schema.columns
          WHERE table_name = 'courts' AND column_name IN ('time_zone', 'work_days', 'work_start', 'work_end')`,
      );
      const quoted = Object.fromEntries(rows.map((r) => [r.column_name, /^'([^']*)'/.exec(r.column_default)?.[1]]));
      const s = STANDARD_WORKING_CALENDAR;
      expect({ ...quoted, work_start: quoted.work_start?.slice(0, 5), work_end: quoted.work_end?.slice(0, 5) }).toEqual({
        time_zone: s.timeZone.zone,
        work_days: `{${s.week.days.join(',')}}`,
        work_start: s.hours.start,
        work_end: s.hours.end,
      });
    });
  });
});
