/**
 * Transferring a case (docs/domain.md, "The court's own acts"): a judge of its circuit sends it,
 * before judgment, to the competent court — where it takes a number of that court, the old one
 * kept in its transfers — or to another circuit of its own court (its number stays). Its hearings
 * still scheduled are cancelled, its parties told; the receiving bench has it, the old one not.
 */
import { Role } from '../../src/access/role.enum';
import { DomainError } from '../../src/core/errors/domain-error';
import { seat } from '../scenario/people';
import { CourtActs } from '../../src/litigation/lawsuits/court-acts.service';
import { LawsuitsService } from '../../src/litigation/lawsuits/lawsuits.service';
import { NotificationKind } from '../../src/notifications';
import { clerkOf, courtByCode, judgeOf } from '../scenario/courts';
import { Host } from '../scenario/host';
import { scenario } from '../scenario/scenario';
import { Medium, refusal, startMedium } from './medium';

const REASON = 'عدم الاختصاص المكاني — the court lacks territorial jurisdiction';

describe('transferring a case', () => {
  let m: Medium;
  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());

  const reads = async (ctx: Promise<Parameters<LawsuitsService['get']>[0]>, id: string) =>
    m
      .get(LawsuitsService)
      .get(await ctx, id)
      .then(() => true)
      .catch((e: DomainError) => (e.code === 'NOT_FOUND' ? false : Promise.reject(e)));

  it('sends it to the competent court under a new number, keeping the old, cancelling its hearing, telling its parties', async () => {
    const s = await scenario(m).court('RYD-GEN').hearingScheduled();
    const oldJudge = await s.judge();
    const jeddah = await courtByCode(Host.of(m.app), 'JED-GEN');
    const acts = m.get(CourtActs);
    expect(
      await refusal(acts.transfer(await (await s.clerk()).ctx(), { lawsuitId: s.lawsuitId, courtId: jeddah.id, reason: REASON })),
    ).toBe('FORBIDDEN');
    const moved = await acts.transfer(await oldJudge.ctx(), { lawsuitId: s.lawsuitId, courtId: jeddah.id, reason: REASON });
    expect(moved).toMatchObject({ state: 'IN_HEARINGS', courtId: jeddah.id, caseNumber: expect.stringMatching(/^\d{4}-JED-GEN-\d{6}$/) });
    const [transfer] = await acts.transfersOf(m.system(), [s.lawsuitId]);
    expect(transfer).toMatchObject({
      previousCaseNumber: s.caseNumber,
      caseNumber: moved.caseNumber,
      toCourtId: jeddah.id,
      reason: REASON,
    });
    expect((await m.db.query('SELECT state FROM hearings WHERE id = $1', [s.hearingId]))[0].state).toBe('CANCELLED');
    const told = await m.db.query<{ national_id: string; body_en: string }[]>(
      'SELECT national_id, body_en FROM notifications WHERE lawsuit_id = $1 AND kind = $2',
      [s.lawsuitId, NotificationKind.LAWSUIT_TRANSFERRED],
    );
    expect(told.map((n) => n.national_id)).toEqual(expect.arrayContaining([s.actors.claimant.nationalId, s.actors.defendant.nationalId]));
    expect(told[0].body_en).toContain(`where its number is ${moved.caseNumber}`);
    // The circuit it left no longer has it (a judge who sat on it keeps the record he sat on); the
    // court that received it does.
    const anotherOfOldCircuit = await seat(Host.of(m.app), 'Another Judge', { role: Role.JUDGE, circuitId: s.circuitId });
    expect(await reads(anotherOfOldCircuit.ctx(), s.lawsuitId)).toBe(false);
    expect(await reads((await clerkOf(Host.of(m.app), jeddah.id)).ctx(), s.lawsuitId)).toBe(true);
    expect(await reads((await judgeOf(Host.of(m.app), moved.circuitId!)).ctx(), s.lawsuitId)).toBe(true);
    // Transferred once more, within Jeddah's court if it has another circuit, or refused where it already is.
    const again = (await acts
      .transfer(await (await judgeOf(Host.of(m.app), moved.circuitId!)).ctx(), {
        lawsuitId: s.lawsuitId,
        courtId: jeddah.id,
        circuitId: moved.circuitId!,
        reason: REASON,
      })
      .catch((e: DomainError) => e)) as DomainError;
    expect(again).toMatchObject({ code: 'BAD_USER_INPUT', details: { fields: [expect.objectContaining({ field: 'input.circuitId' })] } });
  });

  it('moves it to another circuit of its own court under the same number, and refuses a circuit of another court', async () => {
    const s = await scenario(m).court('RYD-GEN').registered();
    const judge = await (await s.judge()).ctx();
    const riyadh = await courtByCode(Host.of(m.app), 'RYD-GEN');
    const [other] = await m.db.query<{ id: string }[]>(
      `SELECT id FROM circuits WHERE court_id = $1 AND specialization = 'CIVIL' AND id <> $2 ORDER BY code LIMIT 1`,
      [riyadh.id, s.circuitId],
    );
    const [jeddahCircuit] = await m.db.query<{ id: string }[]>(
      `SELECT c.id FROM circuits c JOIN courts k ON k.id = c.court_id WHERE k.code = 'JED-GEN' LIMIT 1`,
    );
    expect(
      await refusal(
        m.get(CourtActs).transfer(judge, { lawsuitId: s.lawsuitId, courtId: riyadh.id, circuitId: jeddahCircuit.id, reason: REASON }),
      ),
    ).toBe('BAD_USER_INPUT');
    const moved = await m
      .get(CourtActs)
      .transfer(judge, { lawsuitId: s.lawsuitId, courtId: riyadh.id, circuitId: other.id, reason: REASON });
    expect(moved).toMatchObject({ circuitId: other.id, caseNumber: s.caseNumber, state: 'REGISTERED' });
  });

  it('is refused once the case is judged', async () => {
    const s = await scenario(m).court('RYD-GEN').judgmentIssued();
    const jeddah = await courtByCode(Host.of(m.app), 'JED-GEN');
    const err = (await m
      .get(CourtActs)
      .transfer(await (await s.judge()).ctx(), { lawsuitId: s.lawsuitId, courtId: jeddah.id, reason: REASON })
      .catch((e: DomainError) => e)) as DomainError;
    expect(err).toMatchObject({ code: 'INVALID_TRANSITION', details: { event: 'transfer', from: 'JUDGMENT_ISSUED' } });
  });
});
