/**
 * The lawsuit lifecycle as the services enforce it: each act in a state that does not allow it is
 * refused with INVALID_TRANSITION (or BAD_USER_INPUT where the facts of the case forbid it), by the
 * person who could do it in the right state, and the refusal changes nothing: neither the case
 * nor its audit trail.
 */
import { JudgmentsService } from '../../src/litigation/judgments/judgments.service';
import { LawsuitOutcomesService } from '../../src/litigation/lawsuits/lawsuit-outcomes.service';
import { ReviewDecision } from '../../src/litigation/lawsuits/lawsuit.enums';
import { LawsuitsService } from '../../src/litigation/lawsuits/lawsuits.service';
import { FilingFees } from '../../src/litigation/lawsuits/filing-fees';
import { AppealDecision } from '../../src/litigation/judgments/judgment.enums';
import { PleadingsService } from '../../src/litigation/pleadings/pleadings.service';
import { Chain, scenario, Scenario } from '../scenario/scenario';
import { Medium, refusal, startMedium } from './medium';

describe('the lawsuit lifecycle, refused out of order by the services', () => {
  let m: Medium;

  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());
  afterEach(() => m.clock.reset());

  const lawsuits = () => m.get(LawsuitsService);
  const judgments = () => m.get(JudgmentsService);
  const outcomes = () => m.get(LawsuitOutcomesService);
  const claimant = (s: Scenario) => s.actors.claimant.ctx();
  const judge = async (s: Scenario) => (await s.judge()).ctx();
  const clerk = async (s: Scenario) => (await s.clerk()).ctx();
  /** The seeded judge of the appeal court (RYD-APL), where objections from every court here go. */
  const appealJudge = () => m.as('appealJudge');

  type Attempt = [what: string, reach: (c: Chain) => Chain, act: (s: Scenario) => Promise<unknown>, code: string];
  const OUT_OF_ORDER: Attempt[] = [
    [
      'the claimant submits a case already submitted',
      (c) => c.submitted(),
      async (s) => m.get(FilingFees).submit(await claimant(s), s.lawsuitId),
      'INVALID_TRANSITION',
    ],
    [
      'the clerk accepts a filing already rejected',
      (c) => c.rejected(),
      async (s) => lawsuits().review(await clerk(s), { id: s.lawsuitId, decision: ReviewDecision.ACCEPT }),
      'INVALID_TRANSITION',
    ],
    [
      'the clerk accepts a filing returned for correction before it is submitted again',
      (c) => c.returned(),
      async (s) => lawsuits().review(await clerk(s), { id: s.lawsuitId, decision: ReviewDecision.ACCEPT }),
      'INVALID_TRANSITION',
    ],
    [
      'the judge issues a judgment before any hearing was held',
      (c) => c.hearingScheduled(),
      async (s) =>
        judgments().issue(await judge(s), {
          lawsuitId: s.lawsuitId,
          ruling: 'حكم',
          summary: 'ملخص',
          reasoning: 'أسباب',
          inFavourOf: 'CLAIMANT' as never,
        }),
      'INVALID_TRANSITION',
    ],
    [
      'the claimant files a memo before any hearing is scheduled',
      (c) => c.registered(),
      async (s) => m.get(PleadingsService).submitMemo(await claimant(s), s.lawsuitId, 'مذكرة مبكرة — too early'),
      'INVALID_TRANSITION',
    ],
    [
      'the claimant withdraws a judged case',
      (c) => c.judgmentIssued(),
      async (s) => lawsuits().withdraw(await claimant(s), s.lawsuitId),
      'INVALID_TRANSITION',
    ],
    [
      'the judge records a settlement of a judged case',
      (c) => c.judgmentIssued(),
      async (s) => outcomes().settle(await judge(s), s.lawsuitId),
      'INVALID_TRANSITION',
    ],
    [
      'the judge strikes off a case whose claimant attended',
      (c) => c.hearingHeld(),
      async (s) => outcomes().strikeOff(await judge(s), s.lawsuitId, s.hearingId),
      'BAD_USER_INPUT',
    ],
    [
      'the claimant resumes a case that was never struck off',
      (c) => c.hearingHeld(),
      async (s) => outcomes().resume(await claimant(s), s.lawsuitId),
      'INVALID_TRANSITION',
    ],
    [
      'the defendant objects to a final judgment',
      (c) => c.final(),
      async (s) => judgments().fileObjection(await s.actors.defendant.ctx(), { lawsuitId: s.lawsuitId, reasons: 'متأخر — too late' }),
      'INVALID_TRANSITION',
    ],
    [
      'the appeal judge decides an appeal already decided',
      (c) => c.appealDecided(),
      async (s) =>
        judgments().decideAppeal(await appealJudge(), {
          lawsuitId: s.lawsuitId,
          decision: AppealDecision.OVERTURN,
          reasoning: 'مرة ثانية — again',
        }),
      'INVALID_TRANSITION',
    ],
    [
      'the winning claimant asks for the execution of a judgment not yet final',
      (c) => c.served(),
      async (s) => judgments().requestExecution(await claimant(s), s.lawsuitId),
      'INVALID_TRANSITION',
    ],
    [
      'the claimant asks twice for the execution',
      (c) => c.executionRequested(),
      async (s) => judgments().requestExecution(await claimant(s), s.lawsuitId),
      'INVALID_TRANSITION',
    ],
  ];

  it.each(OUT_OF_ORDER)('refuses when %s, and changes nothing', async (_what, reach, act, code) => {
    const s = await reach(scenario(m).lawsuit());
    const before = await snapshot(s.lawsuitId);
    expect(await refusal(act(s))).toBe(code);
    expect(await snapshot(s.lawsuitId)).toEqual(before);
  });

  it('refuses a party who may not make the move at all with FORBIDDEN, whatever the state', async () => {
    const s = await scenario(m).submitted();
    expect(await refusal(lawsuits().withdraw(await s.actors.defendant.ctx(), s.lawsuitId))).toBe('FORBIDDEN');
    expect(await refusal(lawsuits().review(await s.actors.claimant.ctx(), { id: s.lawsuitId, decision: ReviewDecision.ACCEPT }))).toBe(
      'FORBIDDEN',
    );
    await s.final();
    const [judgment] = await m.db.query('SELECT in_favour_of FROM judgments WHERE id = $1', [s.judgmentId]);
    expect(judgment.in_favour_of).toBe('CLAIMANT');
    expect(await refusal(judgments().requestExecution(await s.actors.defendant.ctx(), s.lawsuitId))).toBe('FORBIDDEN');
  });

  it('allows one resumption of a struck-off case, within 60 days of striking off', async () => {
    const s = await scenario(m).struckOff();
    const [{ struck_off_at: struckOffAt }] = await m.db.query('SELECT struck_off_at FROM lawsuits WHERE id = $1', [s.lawsuitId]);
    m.clock.set(new Date(struckOffAt.getTime() + 61 * 86_400_000));
    expect(await refusal(outcomes().resume(await claimant(s), s.lawsuitId))).toBe('DEADLINE_PASSED');
    m.clock.set(new Date(struckOffAt.getTime() + 59 * 86_400_000));
    expect((await outcomes().resume(await claimant(s), s.lawsuitId)).state).toBe('IN_HEARINGS');
    // Struck off again after another hearing the claimant missed: no second resumption.
    await s.scheduleHearing();
    await s.holdHearing({ claimantPresent: false });
    await outcomes().strikeOff(await judge(s), s.lawsuitId, s.hearingId);
    expect(await refusal(outcomes().resume(await claimant(s), s.lawsuitId))).toBe('INVALID_TRANSITION');
  });

  /** The case row and the number of audit events about it. */
  async function snapshot(lawsuitId: string) {
    const [lawsuit] = await m.db.query('SELECT state, version, closed_at, decided_at FROM lawsuits WHERE id = $1', [lawsuitId]);
    const [{ events }] = await m.db.query(`SELECT count(*)::int AS events FROM audit_events WHERE subject_id = $1`, [lawsuitId]);
    return { lawsuit, events };
  }
});
