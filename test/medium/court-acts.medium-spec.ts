/**
 * The court's own acts on a case (docs/domain.md, "The court's own acts"): a judge of the circuit
 * seals a case and lifts the seal, each with a reason that is audited; from the seal on, a judge
 * of the circuit who does not sit on the case no longer reads it, its parties still do; neither
 * act is done twice, nor by anyone but a judge of the circuit.
 */
import { Role } from '../../src/access/role.enum';
import { DomainError } from '../../src/core/errors/domain-error';
import { CourtActs } from '../../src/litigation/lawsuits/court-acts.service';
import { LawsuitsService } from '../../src/litigation/lawsuits/lawsuits.service';
import { Host } from '../scenario/host';
import { seat } from '../scenario/people';
import { scenario } from '../scenario/scenario';
import { Medium, refusal, startMedium } from './medium';

describe('sealing a case', () => {
  let m: Medium;
  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());

  it('is done and undone by a judge of the circuit, with an audited reason, and decides who reads the case', async () => {
    const s = await scenario(m).hearingScheduled();
    const judge = await (await s.judge()).ctx();
    const other = await seat(Host.of(m.app), 'Another Judge', { role: Role.JUDGE, circuitId: s.circuitId });
    const reads = async (ctx: Promise<Parameters<LawsuitsService['get']>[0]>) =>
      m
        .get(LawsuitsService)
        .get(await ctx, s.lawsuitId)
        .then(() => true)
        .catch((e: DomainError) => (e.code === 'NOT_FOUND' ? false : Promise.reject(e)));
    const acts = m.get(CourtActs);
    expect(await reads(other.ctx())).toBe(true);

    expect(await refusal(acts.seal(await (await s.clerk()).ctx(), s.lawsuitId, true, 'سبب — a reason'))).toBe('FORBIDDEN');
    const sealed = await acts.seal(judge, s.lawsuitId, true, 'حماية قاصر — a minor is concerned');
    expect(sealed.sealed).toBe(true);
    expect(await reads(other.ctx())).toBe(false);
    expect(await reads(s.actors.defendant.ctx())).toBe(true);
    const again = (await acts.seal(judge, s.lawsuitId, true, 'مرة أخرى — again').catch((e: DomainError) => e)) as DomainError;
    expect(again).toMatchObject({ code: 'INVALID_TRANSITION', details: { guard: 'not sealed' } });

    const unsealed = await acts.seal(judge, s.lawsuitId, false, 'زال السبب — the reason is gone');
    expect(unsealed.sealed).toBe(false);
    expect(await reads(other.ctx())).toBe(true);
    expect(await refusal(acts.seal(judge, s.lawsuitId, false, 'مرة أخرى — again'))).toBe('INVALID_TRANSITION');

    const audit = await m.db.query<{ action: string; after: { sealed: boolean; reason: string } }[]>(
      `SELECT action, after FROM audit_events WHERE subject_id = $1 AND action IN ('lawsuit.seal', 'lawsuit.unseal') ORDER BY seq`,
      [s.lawsuitId],
    );
    expect(audit.map((a) => [a.action, a.after.reason])).toEqual([
      ['lawsuit.seal', 'حماية قاصر — a minor is concerned'],
      ['lawsuit.unseal', 'زال السبب — the reason is gone'],
    ]);
  });
});
