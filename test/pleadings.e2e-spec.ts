import { courtWithStaff, CourtFixture } from './factories/courts';
import { registerCitizen } from './factories/people';
import { startApp, TestApp } from './harness';
import { scenario } from './scenario/scenario';

const DEFENCE = `mutation($i: SubmitMemoInput!) { submitStatementOfDefence(input: $i) { id kind } }`;
const MEMO = `mutation($i: SubmitMemoInput!) { submitMemo(input: $i) { id kind } }`;
const WAIVE = `mutation($id: ID!) { waiveClaim(lawsuitId: $id) { state } }`;
const RESPOND = `mutation($i: RespondToWaiverInput!) { respondToWaiver(input: $i) { state } }`;
const SETTLE = `mutation($id: ID!) { settleLawsuit(lawsuitId: $id) { state feeAmount settledAt } }`;
const STRIKE = `mutation($id: ID!, $h: ID!) { strikeOffLawsuit(lawsuitId: $id, hearingId: $h) { state struckOffAt } }`;
const RESUME = `mutation($id: ID!) { resumeLawsuit(lawsuitId: $id) { state resumedAt } }`;
const LAWSUIT = `query($id: ID!) { lawsuit(id: $id) { state feeAmount parties { id side } memos { kind } lastMemo { kind body } waiver { state } } }`;

describe('pleadings, waiver, settlement and striking off', () => {
  let t: TestApp;
  let fx: CourtFixture;

  beforeAll(async () => {
    t = await startApp({ JWT_TTL_SECONDS: String(365 * 86_400) });
    fx = await courtWithStaff(t);
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => t.clock.reset());

  /** A registered case claiming SAR 100,000, of a claimant against a defendant, both with accounts. */
  async function registered() {
    const s = await scenario(t.app).court(fx).lawsuit({ amount: 100000 }).registered();
    return { s, id: s.lawsuitId, claimant: s.actors.claimant, defendant: s.actors.defendant };
  }

  it('takes a statement of defence from a defendant only before the first hearing, and once', async () => {
    const { s, id, claimant, defendant } = await registered();
    expect(await t.code(DEFENCE, { i: { lawsuitId: id, body: 'أنكر الدعوى — I deny the claim' } }, claimant.token)).toBe('FORBIDDEN');
    const h = await s.scheduleHearing();
    expect(
      (await t.ok(DEFENCE, { i: { lawsuitId: id, body: 'أنكر الدعوى — I deny the claim' } }, defendant.token)).submitStatementOfDefence
        .kind,
    ).toBe('DEFENCE');
    expect(await t.code(DEFENCE, { i: { lawsuitId: id, body: 'مذكرة ثانية — a second one' } }, defendant.token)).toBe('BAD_USER_INPUT');
    t.clock.set(new Date(h.startsAt.getTime() + 60_000));
    const late = await registered();
    const lateHearing = await late.s.scheduleHearing();
    t.clock.set(new Date(lateHearing.startsAt.getTime() + 60_000));
    expect(await t.code(DEFENCE, { i: { lawsuitId: late.id, body: 'متأخرة — too late' } }, late.defendant.token)).toBe('DEADLINE_PASSED');
  });

  it('takes memos from the parties while in hearings, and shows the latest on the case', async () => {
    const { s, id, claimant, defendant } = await registered();
    expect(await t.code(MEMO, { i: { lawsuitId: id, body: 'مذكرة مبكرة — too early' } }, claimant.token)).toBe('INVALID_TRANSITION');
    await s.scheduleHearing();
    await t.ok(MEMO, { i: { lawsuitId: id, body: 'مذكرة المدعي — claimant memo' } }, claimant.token);
    await t.ok(MEMO, { i: { lawsuitId: id, body: 'مذكرة المدعى عليه — defendant memo' } }, defendant.token);
    const stranger = await registerCitizen(t);
    expect(await t.code(MEMO, { i: { lawsuitId: id, body: 'لست طرفاً — not a party' } }, stranger.token)).toBe('NOT_FOUND');
    const lawsuit = (await t.ok(LAWSUIT, { id }, claimant.token)).lawsuit;
    expect(lawsuit.memos).toHaveLength(2);
    expect(lawsuit.lastMemo.body).toContain('defendant memo');
  });

  it('accepts a waiver at once when no defence was filed', async () => {
    const { id, claimant } = await registered();
    expect((await t.ok(WAIVE, { id }, claimant.token)).waiveClaim.state).toBe('ACCEPTED');
    expect((await t.ok(LAWSUIT, { id }, claimant.token)).lawsuit.state).toBe('WITHDRAWN');
  });

  it('needs the defendant to accept a waiver once a defence was filed, and allows it only once', async () => {
    const { id, claimant, defendant } = await registered();
    await t.ok(DEFENCE, { i: { lawsuitId: id, body: 'أنكر الدعوى — I deny the claim' } }, defendant.token);
    expect((await t.ok(WAIVE, { id }, claimant.token)).waiveClaim.state).toBe('PENDING');
    expect(await t.code(WAIVE, { id }, claimant.token)).toBe('BAD_USER_INPUT');
    expect((await t.ok(RESPOND, { i: { lawsuitId: id, accept: false } }, defendant.token)).respondToWaiver.state).toBe('REFUSED');
    expect((await t.ok(LAWSUIT, { id }, claimant.token)).lawsuit.state).toBe('REGISTERED');
    expect(await t.code(WAIVE, { id }, claimant.token)).toBe('BAD_USER_INPUT');
  });

  it('refuses a waiver less than a day before the next hearing', async () => {
    const { s, id, claimant } = await registered();
    const h = await s.scheduleHearing();
    t.clock.set(new Date(h.startsAt.getTime() - 12 * 3600_000));
    expect(await t.code(WAIVE, { id }, claimant.token)).toBe('DEADLINE_PASSED');
  });

  it('records a settlement by the judge and reduces the fee when settled after the first hearing', async () => {
    const early = await registered();
    const before = (await t.ok(LAWSUIT, { id: early.id }, early.claimant.token)).lawsuit.feeAmount;
    expect(before).toBe(4500); // 5 % of 50,000 + 4 % of 50,000
    expect(await t.code(SETTLE, { id: early.id }, early.claimant.token)).toBe('FORBIDDEN');
    expect((await t.ok(SETTLE, { id: early.id }, fx.judge.token)).settleLawsuit).toMatchObject({ state: 'SETTLED', feeAmount: 4500 });

    const late = await registered();
    await late.s.hearingHeld();
    expect((await t.ok(SETTLE, { id: late.id }, fx.judge.token)).settleLawsuit).toMatchObject({ state: 'SETTLED', feeAmount: 2250 });
  });

  it('strikes off a case whose claimant was absent, and resumes it once within 60 days', async () => {
    const present = await registered();
    const h1 = await present.s.scheduleHearing();
    await present.s.holdHearing({ claimantPresent: true });
    expect(await t.code(STRIKE, { id: present.id, h: h1.id }, fx.judge.token)).toBe('BAD_USER_INPUT');

    const { s, id, claimant } = await registered();
    const h = await s.scheduleHearing();
    await s.holdHearing({ claimantPresent: false });
    const struck = (await t.ok(STRIKE, { id, h: h.id }, fx.judge.token)).strikeOffLawsuit;
    expect(struck.state).toBe('STRUCK_OFF');
    t.clock.set(new Date(new Date(struck.struckOffAt).getTime() + 30 * 86_400_000));
    expect((await t.ok(RESUME, { id }, claimant.token)).resumeLawsuit.state).toBe('IN_HEARINGS');

    // Struck off again: no second resumption.
    const h2 = await s.scheduleHearing();
    await s.holdHearing({ claimantPresent: false });
    await t.ok(STRIKE, { id, h: h2.id }, fx.judge.token);
    expect(await t.code(RESUME, { id }, claimant.token)).toBe('INVALID_TRANSITION');
  });

  it('refuses a resumption after its 60 days (on the court’s calendar)', async () => {
    const { s, id, claimant } = await registered();
    const h = await s.scheduleHearing();
    await s.holdHearing({ claimantPresent: false });
    const struck = (await t.ok(STRIKE, { id, h: h.id }, fx.judge.token)).strikeOffLawsuit;
    const { resumeDeadline } = (
      await t.ok('query($id: ID!) { lawsuit(id: $id) { resumeDeadline { days dueAt } } }', { id }, claimant.token)
    ).lawsuit;
    expect(resumeDeadline.days).toBe(60);
    expect(Date.parse(resumeDeadline.dueAt) - Date.parse(struck.struckOffAt)).toBeGreaterThanOrEqual(60 * 86_400_000);
    t.clock.set(new Date(Date.parse(resumeDeadline.dueAt) + 60_000));
    expect(await t.code(RESUME, { id }, claimant.token)).toBe('DEADLINE_PASSED');
  });
});
