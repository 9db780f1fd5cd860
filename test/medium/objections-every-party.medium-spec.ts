/**
 * Objections for everyone entitled (docs/domain.md, "Judgments, objections and execution"): each
 * party objects once, within its own window counted from its own service; a party may instead
 * accept the judgment, closing its window; the appeal court decides every objection together once
 * each party has objected, accepted or let its window pass; the judgment is final only then, or
 * when every window closed with no objection.
 */
import { DomainError } from '../../src/core/errors/domain-error';
import { AppealDecision } from '../../src/litigation/judgments/judgment.enums';
import { JudgmentsService } from '../../src/litigation/judgments/judgments.service';
import { judgeOfCourt } from '../scenario/courts';
import { Host } from '../scenario/host';
import { scenario, Scenario } from '../scenario/scenario';
import { Medium, refusal, startMedium } from './medium';

const DAY = 86_400_000;

describe('objections by every party', () => {
  let m: Medium;
  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());
  afterEach(() => m.clock.reset());

  const judgments = () => m.get(JudgmentsService);
  const object = async (s: Scenario, who: 'claimant' | 'defendant') =>
    judgments().fileObjection(await s.actors[who].ctx(), { lawsuitId: s.lawsuitId, reasons: `${who} objects — اعتراض` });
  const accept = async (s: Scenario, who: 'claimant' | 'defendant') => judgments().acceptJudgment(await s.actors[who].ctx(), s.lawsuitId);
  const decide = async (s: Scenario, appealCourtId: string) =>
    judgments().decideAppeal(await (await judgeOfCourt(Host.of(m.app), appealCourtId)).ctx(), {
      lawsuitId: s.lawsuitId,
      decision: AppealDecision.UPHOLD,
      reasoning: 'الحكم موافق للأصول — the judgment stands',
    });
  const state = async (s: Scenario) => (await m.db.query('SELECT state FROM lawsuits WHERE id = $1', [s.lawsuitId]))[0].state;
  const objections = (s: Scenario) =>
    m.db.query<{ party_id: string; decision: string | null }[]>(
      'SELECT party_id, decision FROM objections WHERE lawsuit_id = $1 ORDER BY created_at',
      [s.lawsuitId],
    );

  it('takes one objection from each party, and the appeal court decides them together once every window is closed', async () => {
    const s = await scenario(m).served();
    const first = await object(s, 'defendant');
    expect(await state(s)).toBe('OBJECTED');
    // The same party again: refused by the lifecycle's guard.
    const again = (await object(s, 'defendant').catch((e: DomainError) => e)) as DomainError;
    expect(again).toMatchObject({ code: 'INVALID_TRANSITION', details: { guard: 'not answered yet' } });
    // The claimant's window is open: the appeal court waits.
    const early = (await decide(s, first.appealCourtId).catch((e: DomainError) => e)) as DomainError;
    expect(early).toMatchObject({ code: 'INVALID_TRANSITION', details: { guard: 'every window closed' } });

    await object(s, 'claimant');
    expect(await state(s)).toBe('OBJECTED');
    await decide(s, first.appealCourtId);
    expect(await state(s)).toBe('FINAL');
    expect((await objections(s)).map((o) => o.decision)).toEqual([AppealDecision.UPHOLD, AppealDecision.UPHOLD]);
  });

  it('counts each window from its own party’s service', async () => {
    const s = await scenario(m).judgmentIssued();
    await s.serve('CLAIMANT');
    m.clock.set(new Date(m.clock.now().getTime() + 10 * DAY));
    await s.serve('DEFENDANT');
    // Day 31 from the claimant's service: theirs has passed, the defendant's has not.
    m.clock.set(new Date(m.clock.now().getTime() + 21 * DAY));
    expect(await refusal(object(s, 'claimant'))).toBe('DEADLINE_PASSED');
    const objection = await object(s, 'defendant');
    // The claimant's window passed unused: the appeal court may decide now.
    await decide(s, objection.appealCourtId);
    expect(await state(s)).toBe('FINAL');
  });

  it('makes the judgment final at once when every party accepts it, and an accepting party objects no more', async () => {
    const s = await scenario(m).judgmentIssued();
    const window = await accept(s, 'claimant');
    expect(window).toMatchObject({ state: 'ACCEPTED', acceptedAt: expect.any(Date) });
    expect(await state(s)).toBe('JUDGMENT_ISSUED');
    const late = (await object(s, 'claimant').catch((e: DomainError) => e)) as DomainError;
    expect(late).toMatchObject({ code: 'INVALID_TRANSITION', details: { guard: 'not answered yet' } });
    await accept(s, 'defendant');
    expect(await state(s)).toBe('FINAL');
    expect((await m.db.query('SELECT final_at FROM judgments WHERE lawsuit_id = $1', [s.lawsuitId]))[0].final_at).toBeInstanceOf(Date);
  });

  it('lets a party accept only within its window, and lets the sweep finalize once the last window passes', async () => {
    const s = await scenario(m).served();
    await accept(s, 'defendant');
    const [{ deadline }] = await m.db.query(
      `SELECT s.objection_deadline AS deadline FROM judgment_party_services s JOIN lawsuit_parties p ON p.id = s.party_id
        WHERE p.lawsuit_id = $1 AND p.side = 'CLAIMANT'`,
      [s.lawsuitId],
    );
    m.clock.set(new Date(deadline.getTime() + 60_000));
    expect(await refusal(accept(s, 'claimant'))).toBe('DEADLINE_PASSED');
    expect(await judgments().finalizeExpired(m.system())).toBe(1);
    expect(await state(s)).toBe('FINAL');
  });
});
