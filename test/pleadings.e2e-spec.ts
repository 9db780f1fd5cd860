import { courtWithStaff, CourtFixture, workingSlot } from './factories/courts';
import { lawsuitInput } from './factories/lawsuits';
import { Citizen, registerCitizen } from './factories/people';
import { startApp, TestApp } from './harness';

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
  let week = 0;

  beforeAll(async () => {
    t = await startApp({ JWT_TTL_SECONDS: String(365 * 86_400) });
    fx = await courtWithStaff(t);
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => t.clock.reset());

  async function registered(): Promise<{ id: string; claimant: Citizen; defendant: Citizen }> {
    const claimant = await registerCitizen(t);
    const defendant = await registerCitizen(t);
    const input = lawsuitInput(claimant.nationalId, {
      courtId: fx.court.id,
      city: undefined,
      claims: [{ description: 'سداد الدين — repay the debt', amount: 100000 }],
      defendants: [{ kind: 'PERSON', nationalId: defendant.nationalId, nameAr: 'المدعى عليه', nameEn: 'Defendant' }],
    });
    const id = (await t.ok('mutation($i: FileLawsuitInput!) { fileLawsuit(input: $i) { id } }', { i: input }, claimant.token)).fileLawsuit
      .id;
    await t.ok('mutation($id: ID!) { submitLawsuit(id: $id) { id } }', { id }, claimant.token);
    await t.ok('mutation($i: ReviewLawsuitInput!) { reviewLawsuit(input: $i) { id } }', { i: { id, decision: 'ACCEPT' } }, fx.clerk.token);
    return { id, claimant, defendant };
  }

  async function hearing(id: string): Promise<{ id: string; startsAt: Date }> {
    week += 1;
    const startsAt = workingSlot(7 * week + 2, 10, 0, t.clock.now());
    const h = (
      await t.ok(
        'mutation($i: ScheduleHearingInput!) { scheduleHearing(input: $i) { id } }',
        { i: { lawsuitId: id, startsAt: startsAt.toISOString(), durationMinutes: 30, mode: 'IN_PERSON', room: 'Room 2' } },
        fx.clerk.token,
      )
    ).scheduleHearing;
    return { id: h.id, startsAt };
  }

  async function hold(id: string, h: { id: string; startsAt: Date }, claimantPresent: boolean) {
    const parties = (await t.ok(LAWSUIT, { id }, fx.clerk.token)).lawsuit.parties;
    t.clock.set(new Date(h.startsAt.getTime() + 5 * 60_000));
    await t.ok(
      'mutation($i: RecordMinutesInput!) { recordHearingMinutes(input: $i) { state } }',
      {
        i: {
          hearingId: h.id,
          minutes: 'محضر الجلسة — minutes of the hearing',
          attendance: parties.map((p: { id: string; side: string }) => ({
            partyId: p.id,
            present: p.side === 'DEFENDANT' || claimantPresent,
          })),
        },
      },
      fx.judge.token,
    );
  }

  it('takes a statement of defence from a defendant only before the first hearing, and once', async () => {
    const { id, claimant, defendant } = await registered();
    expect(await t.code(DEFENCE, { i: { lawsuitId: id, body: 'أنكر الدعوى — I deny the claim' } }, claimant.token)).toBe('FORBIDDEN');
    const h = await hearing(id);
    expect(
      (await t.ok(DEFENCE, { i: { lawsuitId: id, body: 'أنكر الدعوى — I deny the claim' } }, defendant.token)).submitStatementOfDefence
        .kind,
    ).toBe('DEFENCE');
    expect(await t.code(DEFENCE, { i: { lawsuitId: id, body: 'مذكرة ثانية — a second one' } }, defendant.token)).toBe('BAD_USER_INPUT');
    t.clock.set(new Date(h.startsAt.getTime() + 60_000));
    const late = await registered();
    const lateHearing = await hearing(late.id);
    t.clock.set(new Date(lateHearing.startsAt.getTime() + 60_000));
    expect(await t.code(DEFENCE, { i: { lawsuitId: late.id, body: 'متأخرة — too late' } }, late.defendant.token)).toBe('DEADLINE_PASSED');
  });

  it('takes memos from the parties while in hearings, and shows the latest on the case', async () => {
    const { id, claimant, defendant } = await registered();
    expect(await t.code(MEMO, { i: { lawsuitId: id, body: 'مذكرة مبكرة — too early' } }, claimant.token)).toBe('INVALID_TRANSITION');
    await hearing(id);
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
    const { id, claimant } = await registered();
    const h = await hearing(id);
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
    await hold(late.id, await hearing(late.id), true);
    expect((await t.ok(SETTLE, { id: late.id }, fx.judge.token)).settleLawsuit).toMatchObject({ state: 'SETTLED', feeAmount: 2250 });
  });

  it('strikes off a case whose claimant was absent, and resumes it once within 60 days', async () => {
    const present = await registered();
    const h1 = await hearing(present.id);
    await hold(present.id, h1, true);
    expect(await t.code(STRIKE, { id: present.id, h: h1.id }, fx.judge.token)).toBe('BAD_USER_INPUT');

    const { id, claimant } = await registered();
    const h = await hearing(id);
    await hold(id, h, false);
    const struck = (await t.ok(STRIKE, { id, h: h.id }, fx.judge.token)).strikeOffLawsuit;
    expect(struck.state).toBe('STRUCK_OFF');
    t.clock.set(new Date(new Date(struck.struckOffAt).getTime() + 30 * 86_400_000));
    expect((await t.ok(RESUME, { id }, claimant.token)).resumeLawsuit.state).toBe('IN_HEARINGS');

    // Struck off again: no second resumption.
    const h2 = await hearing(id);
    await hold(id, h2, false);
    await t.ok(STRIKE, { id, h: h2.id }, fx.judge.token);
    expect(await t.code(RESUME, { id }, claimant.token)).toBe('INVALID_TRANSITION');
  });

  it('refuses a resumption after 60 days', async () => {
    const { id, claimant } = await registered();
    const h = await hearing(id);
    await hold(id, h, false);
    const struck = (await t.ok(STRIKE, { id, h: h.id }, fx.judge.token)).strikeOffLawsuit;
    t.clock.set(new Date(new Date(struck.struckOffAt).getTime() + 61 * 86_400_000));
    expect(await t.code(RESUME, { id }, claimant.token)).toBe('DEADLINE_PASSED');
  });
});
