import { courtWithStaff, CourtFixture } from './factories/courts';
import { RequestContextFactory } from '../src/access/context/request-context.factory';
import { JudgmentsService } from '../src/litigation/judgments/judgments.service';
import type { LawsuitCategory } from '../src/litigation/lawsuits/lawsuit.enums';
import { registerCitizen } from './factories/people';
import { startApp, TestApp } from './harness';
import { scenario } from './scenario/scenario';
import { DEADLINE, expectPeriod } from './support/deadlines';

const WINDOW = `partyId side servedAt servedChannel objectionDeadline state ${DEADLINE}`;
const LAWSUIT = `query($id: ID!) { lawsuit(id: $id) { id state caseNumber parties { id side }
  judgment { id inFavourOf amountAwarded urgent notifiedAt objectionDeadline finalAt objectionWindows { ${WINDOW} } myObjectionWindow { ${WINDOW} } }
  objections { decision amendedAmount appealCourtId } } }`;
const ISSUE = `mutation($i: IssueJudgmentInput!) { issueJudgment(input: $i) { id inFavourOf urgent notifiedAt objectionDeadline } }`;
const OBJECT = `mutation($i: FileObjectionInput!) { fileObjection(input: $i) { id appealCourtId decision } }`;
const DECIDE = `mutation($i: DecideAppealInput!) { decideAppeal(input: $i) { id decision amendedAmount decidedAt } }`;
const EXECUTE = `mutation($id: ID!) { requestExecution(lawsuitId: $id) { id lawsuitId } }`;

describe('judgments, objections, appeal and execution', () => {
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

  /** A case with a held hearing, ready for judgment: claimant and defendant both registered users. */
  async function heard(category = 'CIVIL') {
    const s = await scenario(t.app)
      .court(fx)
      .lawsuit({ category: category as LawsuitCategory })
      .hearingHeld();
    return { s, id: s.lawsuitId, claimant: s.actors.claimant, defendant: s.actors.defendant };
  }

  const judgment = (lawsuitId: string, inFavourOf = 'CLAIMANT') => ({
    lawsuitId,
    ruling: 'ألزمت المحكمة المدعى عليه بدفع ثمانين ألف ريال — the defendant shall pay SAR 80,000',
    summary: 'ثبوت الدين — the debt is proven',
    reasoning: 'لما ثبت من سند القرض وإقرار المدعى عليه — as shown by the loan contract and the admission',
    amountAwarded: 80000,
    inFavourOf,
  });

  it('runs a case from judgment through objection and appeal to execution, and the audit chain verifies', async () => {
    const { s, id, claimant, defendant } = await heard();
    expect(await t.code(ISSUE, { i: judgment(id) }, fx.clerk.token)).toBe('FORBIDDEN');
    const issued = (await t.ok(ISSUE, { i: judgment(id) }, fx.judge.token)).issueJudgment;
    // Issued is not served: no clock runs yet.
    expect(issued).toMatchObject({ inFavourOf: 'CLAIMANT', urgent: false, notifiedAt: null, objectionDeadline: null });
    await s.served();

    const stranger = await registerCitizen(t);
    expect(await t.code(OBJECT, { i: { lawsuitId: id, reasons: 'لا صفة لي — I have no standing' } }, stranger.token)).toBe('NOT_FOUND');
    const objection = (
      await t.ok(OBJECT, { i: { lawsuitId: id, reasons: 'سددت جزءاً من الدين — part of the debt was repaid' } }, defendant.token)
    ).fileObjection;
    const appealCourt = (await t.ok('{ court(code: "RYD-APL") { id } }')).court;
    expect(objection.appealCourtId).toBe(appealCourt.id);
    expect((await t.ok(LAWSUIT, { id }, claimant.token)).lawsuit.state).toBe('OBJECTED');
    // Each party objects once, within its own window; the claimant's objection joins the defendant's.
    expect(await t.code(OBJECT, { i: { lawsuitId: id, reasons: 'again and again' } }, defendant.token)).toBe('INVALID_TRANSITION');
    const appealJudgeEarly = await t.token('appealJudge');
    const early = { lawsuitId: id, decision: 'UPHOLD', reasoning: 'قبل الأوان — too early' };
    // The claimant's window is still open: the appeal court waits to decide every objection together.
    expect(await t.code(DECIDE, { i: early }, appealJudgeEarly)).toBe('INVALID_TRANSITION');
    const second = (await t.ok(OBJECT, { i: { lawsuitId: id, reasons: 'المبلغ أقل من المطالب — less than claimed' } }, claimant.token))
      .fileObjection;
    expect(second.appealCourtId).toBe(appealCourt.id);
    expect((await t.ok(LAWSUIT, { id }, claimant.token)).lawsuit.state).toBe('OBJECTED');

    // The appeal judge of RYD-APL sees the case and decides; the trial judge may not.
    const appealJudge = await t.token('appealJudge');
    expect((await t.ok(LAWSUIT, { id }, appealJudge)).lawsuit.id).toBe(id);
    const decide = { lawsuitId: id, decision: 'AMEND', reasoning: 'ثبت سداد عشرين ألفاً — SAR 20,000 was repaid', amendedAmount: 60000 };
    expect(await t.code(DECIDE, { i: decide }, fx.judge.token)).toBe('FORBIDDEN');
    expect(await t.code(DECIDE, { i: { ...decide, amendedAmount: undefined } }, appealJudge)).toBe('BAD_USER_INPUT');
    expect((await t.ok(DECIDE, { i: decide }, appealJudge)).decideAppeal).toMatchObject({ decision: 'AMEND', amendedAmount: 60000 });

    const final = (await t.ok(LAWSUIT, { id }, claimant.token)).lawsuit;
    expect(final.state).toBe('FINAL');
    expect(final.judgment.finalAt).not.toBeNull();
    // Both objections were decided together.
    expect(final.objections).toEqual([
      expect.objectContaining({ decision: 'AMEND', amendedAmount: 60000 }),
      expect.objectContaining({ decision: 'AMEND', amendedAmount: 60000 }),
    ]);

    expect(await t.code(EXECUTE, { id }, defendant.token)).toBe('FORBIDDEN');
    expect((await t.ok(EXECUTE, { id }, claimant.token)).requestExecution.lawsuitId).toBe(id);
    expect((await t.ok(LAWSUIT, { id }, claimant.token)).lawsuit.state).toBe('EXECUTION_REQUESTED');
    expect(await t.code(EXECUTE, { id }, claimant.token)).toBe('INVALID_TRANSITION');

    const chain = await t.ok('{ verifyAuditChain { valid checked } }', {}, await t.token('admin'));
    expect(chain.verifyAuditChain.valid).toBe(true);
  });

  it('makes a judgment final at once when every party accepts it, and refuses an objection after acceptance', async () => {
    const { s, id, claimant, defendant } = await heard();
    await t.ok(ISSUE, { i: judgment(id) }, fx.judge.token);
    await s.served();
    const ACCEPT = `mutation($id: ID!) { acceptJudgment(lawsuitId: $id) { partyId side state acceptedAt } }`;
    expect((await t.ok(ACCEPT, { id }, defendant.token)).acceptJudgment).toMatchObject({ side: 'DEFENDANT', state: 'ACCEPTED' });
    const late = await t.gql(OBJECT, { i: { lawsuitId: id, reasons: 'بعد القناعة — after accepting' } }, defendant.token);
    expect(late.errors![0].extensions.code).toBe('INVALID_TRANSITION');
    expect(late.errors![0].message).toContain('accepted the judgment');
    expect((await t.ok(LAWSUIT, { id }, claimant.token)).lawsuit.state).toBe('JUDGMENT_ISSUED');
    await t.ok(ACCEPT, { id }, claimant.token);
    expect((await t.ok(LAWSUIT, { id }, claimant.token)).lawsuit.state).toBe('FINAL');
  });

  it('refuses a judgment before any hearing was held', async () => {
    const { lawsuitId: id } = await scenario(t.app).court(fx).defendant({ account: false }).registered();
    expect(await t.code(ISSUE, { i: judgment(id) }, fx.judge.token)).toBe('INVALID_TRANSITION');
  });

  it('refuses an objection after the party’s own 30-day window with DEADLINE_PASSED', async () => {
    const { s, id, defendant } = await heard();
    await t.ok(ISSUE, { i: judgment(id) }, fx.judge.token);
    await s.serve('DEFENDANT');
    const own = (await t.ok(LAWSUIT, { id }, defendant.token)).lawsuit.judgment.myObjectionWindow;
    expect(own).toMatchObject({ side: 'DEFENDANT', servedChannel: 'IN_APP', state: 'OPEN' });
    expectPeriod(own.servedAt, own.objectionDeadline, own.deadline, 30);
    t.clock.set(new Date(new Date(own.objectionDeadline).getTime() + 60_000));
    const res = await t.gql(OBJECT, { i: { lawsuitId: id, reasons: 'متأخر — too late, but still' } }, defendant.token);
    expect(res.errors![0].extensions).toMatchObject({ code: 'DEADLINE_PASSED', deadline: own.objectionDeadline });
  });

  it('finalizes a judgment whose every party’s window passed unused, and only then', async () => {
    const { s, id, claimant } = await heard();
    await t.ok(ISSUE, { i: judgment(id, 'DEFENDANT') }, fx.judge.token);
    await s.serve('CLAIMANT');
    t.clock.advance(4 * 86_400_000);
    await s.serve('DEFENDANT');
    const issued = (await t.ok(LAWSUIT, { id }, fx.judge.token)).lawsuit.judgment;
    const [forClaimant, forDefendant] = issued.objectionWindows;
    // The judgment's window ends with the last party's.
    expect(issued.objectionDeadline).toBe(forDefendant.objectionDeadline);
    expect(issued.notifiedAt).toBe(forDefendant.servedAt);
    const system = t.app.get(RequestContextFactory).forActor('test-finalize', null);
    const service = t.app.get(JudgmentsService);
    t.clock.set(new Date(new Date(forClaimant.objectionDeadline).getTime() + 60_000));
    await service.finalizeExpired(system);
    expect((await t.ok(LAWSUIT, { id }, claimant.token)).lawsuit.state).toBe('JUDGMENT_ISSUED');
    t.clock.set(new Date(new Date(issued.objectionDeadline).getTime() - 60_000));
    await service.finalizeExpired(system);
    expect((await t.ok(LAWSUIT, { id }, claimant.token)).lawsuit.state).toBe('JUDGMENT_ISSUED');
    t.clock.set(new Date(new Date(issued.objectionDeadline).getTime() + 60_000));
    expect(await service.finalizeExpired(system)).toBeGreaterThanOrEqual(1);
    expect((await t.ok(LAWSUIT, { id }, claimant.token)).lawsuit.state).toBe('FINAL');
    // The judgment favoured the defendant: the claimant may not ask for execution.
    expect(await t.code(EXECUTE, { id }, claimant.token)).toBe('FORBIDDEN');
  });

  it('gives urgent (labour) judgments a 10-day window', async () => {
    const { s, id, claimant } = await heard('LABOR');
    const issued = (await t.ok(ISSUE, { i: judgment(id) }, fx.judge.token)).issueJudgment;
    expect(issued.urgent).toBe(true);
    await s.serve('CLAIMANT');
    const own = (await t.ok(LAWSUIT, { id }, claimant.token)).lawsuit.judgment.myObjectionWindow;
    expectPeriod(own.servedAt, own.objectionDeadline, own.deadline, 10);
  });
});
