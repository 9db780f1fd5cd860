/**
 * Pleadings and the waiver of the claim, as the pleadings service decides them: a defendant's
 * statement of defence only before the first hearing begins, and once; the claimant's waiver once,
 * at least a day before the next hearing, withdrawn at once unless a defence was filed, in which
 * case a defendant answers it.
 */
import { PleadingsService } from '../../src/litigation/pleadings/pleadings.service';
import { scenario, Scenario } from '../scenario/scenario';
import { Medium, refusal, startMedium } from './medium';

const HOUR = 3_600_000;

describe('pleadings and the waiver of the claim', () => {
  let m: Medium;

  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());
  afterEach(() => m.clock.reset());

  const pleadings = () => m.get(PleadingsService);
  const defend = async (s: Scenario, who: 'claimant' | 'defendant' = 'defendant') =>
    pleadings().submitDefence(await s.actors[who].ctx(), s.lawsuitId, 'أنكر الدعوى — I deny the claim');
  const waive = async (s: Scenario) => pleadings().waiveClaim(await s.actors.claimant.ctx(), s.lawsuitId);
  const answer = async (s: Scenario, accept: boolean, who: 'claimant' | 'defendant' = 'defendant') =>
    pleadings().respondToWaiver(await s.actors[who].ctx(), s.lawsuitId, accept);
  const lawsuitState = async (s: Scenario) => (await m.db.query('SELECT state FROM lawsuits WHERE id = $1', [s.lawsuitId]))[0].state;

  describe('the statement of defence', () => {
    it('is taken from a defendant of a registered case, once', async () => {
      const s = await scenario(m).registered();
      expect((await defend(s)).kind).toBe('DEFENCE');
      expect(await refusal(defend(s))).toBe('BAD_USER_INPUT');
    });

    it('is refused to the claimant', async () => {
      const s = await scenario(m).registered();
      expect(await refusal(defend(s, 'claimant'))).toBe('FORBIDDEN');
    });

    it('is taken until the first hearing begins, and refused from then on, naming it', async () => {
      const s = await scenario(m).hearingScheduled();
      m.clock.set(new Date(s.hearingAt.getTime() - 1000));
      expect((await defend(s)).kind).toBe('DEFENCE');

      const other = await scenario(m).hearingScheduled();
      m.clock.set(new Date(other.hearingAt.getTime() + 1000));
      const late = await defend(other).catch((e: { code: string; details: unknown }) => e);
      expect(late).toMatchObject({ code: 'DEADLINE_PASSED', details: { firstHearingAt: other.hearingAt.toISOString() } });
    });

    it('is refused once the first hearing was held, even with a later one scheduled', async () => {
      const s = await scenario(m).hearingHeld();
      await s.scheduleHearing();
      expect(await refusal(defend(s))).toBe('DEADLINE_PASSED');
    });
  });

  describe('the waiver of the claim', () => {
    it('withdraws the case at once when no defence was filed', async () => {
      const s = await scenario(m).registered();
      expect((await waive(s)).state).toBe('ACCEPTED');
      expect(await lawsuitState(s)).toBe('WITHDRAWN');
    });

    it('waits for a defendant’s answer once a defence was filed; refused, the case goes on', async () => {
      const s = await scenario(m).waiverPending();
      expect(await lawsuitState(s)).toBe('REGISTERED');
      expect(await refusal(answer(s, true, 'claimant'))).toBe('FORBIDDEN');
      expect((await answer(s, false)).state).toBe('REFUSED');
      expect(await lawsuitState(s)).toBe('REGISTERED');
      expect(await refusal(answer(s, true))).toBe('INVALID_TRANSITION');
    });

    it('withdraws the case when the defendant accepts', async () => {
      const s = await scenario(m).waiverPending();
      expect((await answer(s, true)).state).toBe('ACCEPTED');
      expect(await lawsuitState(s)).toBe('WITHDRAWN');
    });

    it('is allowed once only, even after it was refused', async () => {
      const s = await scenario(m).waiverPending();
      await answer(s, false);
      expect(await refusal(waive(s))).toBe('BAD_USER_INPUT');
    });

    it('is refused less than a day before the next hearing, and taken a day before', async () => {
      const s = await scenario(m).hearingScheduled();
      m.clock.set(new Date(s.hearingAt.getTime() - 24 * HOUR + 60_000));
      expect(await refusal(waive(s))).toBe('DEADLINE_PASSED');
      m.clock.set(new Date(s.hearingAt.getTime() - 24 * HOUR - 60_000));
      expect((await waive(s)).state).toBe('ACCEPTED');
    });

    it('is refused once the case is judged', async () => {
      const s = await scenario(m).judgmentIssued();
      expect(await refusal(waive(s))).toBe('INVALID_TRANSITION');
    });
  });
});
