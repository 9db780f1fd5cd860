/**
 * The objection deadline, as the judgments services compute it: each party's window runs from
 * their own service of the judgment (30 days, 10 for labour cases); the judgment's own deadline is
 * the last party's, known once everyone is served; an unserved party is never out of time and
 * keeps the judgment from becoming final.
 */
import { PartySide } from '../../src/litigation/lawsuits/lawsuit.enums';
import { JudgmentsService } from '../../src/litigation/judgments/judgments.service';
import { ObjectionClock } from '../../src/litigation/judgments/objection-clock.service';
import { scenario, Scenario } from '../scenario/scenario';
import { Medium, refusal, startMedium } from './medium';
import { expectPeriod } from '../support/deadlines';

const DAY = 86_400_000;

describe('the objection deadline of each party', () => {
  let m: Medium;

  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());
  afterEach(() => m.clock.reset());

  const windows = async (s: Scenario) => m.get(ObjectionClock).windowsOf(m.system(), [s.judgmentId]);
  const windowOf = async (s: Scenario, side: PartySide) => (await windows(s)).find((w) => w.side === side)!;
  const judgment = async (s: Scenario) =>
    (await m.db.query('SELECT notified_at, objection_deadline, final_at FROM judgments WHERE id = $1', [s.judgmentId]))[0];
  const object = async (s: Scenario, who: 'claimant' | 'defendant') =>
    m.get(JudgmentsService).fileObjection(await s.actors[who].ctx(), { lawsuitId: s.lawsuitId, reasons: 'أعترض — I object' });
  const finalize = () => m.get(JudgmentsService).finalizeExpired(m.system());
  const lawsuitState = async (s: Scenario) => (await m.db.query('SELECT state FROM lawsuits WHERE id = $1', [s.lawsuitId]))[0].state;

  it('starts no clock when the judgment is issued', async () => {
    const s = await scenario(m).judgmentIssued();
    expect((await windows(s)).map((w) => [w.state, w.objectionDeadline])).toEqual([
      ['NOT_SERVED', null],
      ['NOT_SERVED', null],
    ]);
    expect(await judgment(s)).toMatchObject({ notified_at: null, objection_deadline: null });
  });

  it('runs 30 days from each party’s own service; the judgment’s deadline is the last party’s', async () => {
    const s = await scenario(m).judgmentIssued();
    await s.serve('CLAIMANT');
    const claimant = await windowOf(s, PartySide.CLAIMANT);
    expectPeriod(claimant.servedAt!, claimant.objectionDeadline!, claimant.deadline!, 30);
    expect(await judgment(s)).toMatchObject({ objection_deadline: null });

    m.clock.advance(6 * DAY);
    await s.served();
    const defendant = await windowOf(s, PartySide.DEFENDANT);
    expectPeriod(defendant.servedAt!, defendant.objectionDeadline!, defendant.deadline!, 30);
    expect(await judgment(s)).toMatchObject({ notified_at: defendant.servedAt, objection_deadline: defendant.objectionDeadline });
  });

  it('gives labour judgments a 10-day window', async () => {
    const s = await scenario(m).lawsuit({ category: 'LABOR' }).served();
    for (const w of await windows(s)) expectPeriod(w.servedAt!, w.objectionDeadline!, w.deadline!, 10);
  });

  it('puts a party out of time a moment after their own deadline, and not the other', async () => {
    const s = await scenario(m).judgmentIssued();
    await s.serve('CLAIMANT');
    m.clock.advance(5 * DAY);
    await s.serve('DEFENDANT');
    const claimant = await windowOf(s, PartySide.CLAIMANT);
    m.clock.set(new Date(claimant.objectionDeadline!.getTime() - 1000));
    expect((await windowOf(s, PartySide.CLAIMANT)).state).toBe('OPEN');
    m.clock.set(new Date(claimant.objectionDeadline!.getTime() + 1000));
    expect((await windowOf(s, PartySide.CLAIMANT)).state).toBe('PASSED');
    const late = await object(s, 'claimant').catch((e: { code: string; details: unknown }) => e);
    expect(late).toMatchObject({ code: 'DEADLINE_PASSED', details: { deadline: claimant.objectionDeadline!.toISOString() } });
    await finalize();
    expect(await lawsuitState(s)).toBe('JUDGMENT_ISSUED');
    await object(s, 'defendant');
    expect(await lawsuitState(s)).toBe('OBJECTED');
  });

  it('never puts an unserved party out of time, and keeps their judgment open', async () => {
    const s = await scenario(m).judgmentIssued();
    await s.serve('CLAIMANT');
    const served = await windowOf(s, PartySide.CLAIMANT);
    m.clock.set(new Date(served.objectionDeadline!.getTime() + 90 * DAY));
    await finalize();
    expect(await lawsuitState(s)).toBe('JUDGMENT_ISSUED');
    expect(await windowOf(s, PartySide.DEFENDANT)).toMatchObject({ state: 'NOT_SERVED', objectionDeadline: null });
    await object(s, 'defendant');
    expect(await lawsuitState(s)).toBe('OBJECTED');
  });

  it('makes the judgment final only once every window passed unused', async () => {
    const s = await scenario(m).judgmentIssued();
    await s.serve('CLAIMANT');
    m.clock.advance(4 * DAY);
    await s.served();
    const { objection_deadline: deadline } = await judgment(s);
    m.clock.set(new Date(deadline.getTime() - 1000));
    await finalize();
    expect(await lawsuitState(s)).toBe('JUDGMENT_ISSUED');
    m.clock.set(new Date(deadline.getTime() + 1000));
    expect(await finalize()).toBeGreaterThanOrEqual(1);
    expect(await lawsuitState(s)).toBe('FINAL');
    expect((await judgment(s)).final_at).not.toBeNull();
  });

  it('takes a recorded service outside the platform, and only one service per party', async () => {
    const s = await scenario(m).defendant({ account: false }).judgmentIssued();
    const clerk = await (await s.clerk()).ctx();
    const record = (servedAt: Date) =>
      m
        .get(JudgmentsService)
        .recordService(clerk, { lawsuitId: s.lawsuitId, partyId: s.defendantPartyId, servedAt, reference: 'محضر ١ — report 1' });
    const [{ issued_at: issuedAt }] = await m.db.query('SELECT issued_at FROM judgments WHERE id = $1', [s.judgmentId]);
    expect(await refusal(record(new Date(issuedAt.getTime() - DAY)))).toBe('BAD_USER_INPUT');
    expect(await refusal(record(new Date(m.clock.now().getTime() + DAY)))).toBe('BAD_USER_INPUT');
    m.clock.advance(3 * DAY);
    const window = await record(new Date(m.clock.now().getTime() - DAY));
    expect(window).toMatchObject({ serviceMethod: 'RECORDED', state: 'OPEN' });
    expectPeriod(window.servedAt!, window.objectionDeadline!, window.deadline!, 30);
    expect(await refusal(record(m.clock.now()))).toBe('BAD_USER_INPUT');
    expect(await windowOf(s, PartySide.DEFENDANT)).toEqual(window);
  });
});
