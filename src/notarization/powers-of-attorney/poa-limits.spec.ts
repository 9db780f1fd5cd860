import { validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { basisProblems } from '../../core/rules/legal-basis';
import { POWER_OF_ATTORNEY_LIMITS as LIMITS } from './poa-limits';
import { IssuePowerOfAttorneyInput } from './poa.inputs';
import { CONFIRMATION_WINDOW_MS, NOTARY_ISSUED_MAX_YEARS, SELF_ISSUED_MAX_YEARS } from './poa-terms';

describe('the power-of-attorney limits table', () => {
  it('caps validity with positive whole years, a self-issued one no longer than a notarized one', () => {
    for (const cap of [LIMITS.selfIssuedValidity, LIMITS.notarizedValidity]) {
      expect(Number.isInteger(cap.maxYears)).toBe(true);
      expect(cap.maxYears).toBeGreaterThan(0);
    }
    expect(LIMITS.selfIssuedValidity.maxYears).toBeLessThanOrEqual(LIMITS.notarizedValidity.maxYears);
  });

  it('gives positive windows to start and to confirm', () => {
    expect(LIMITS.start.maxDaysAhead).toBeGreaterThan(0);
    expect(LIMITS.confirmation.hours).toBeGreaterThan(0);
  });

  it('names at least one principal and one agent, and bounds both', () => {
    for (const limit of [LIMITS.principals, LIMITS.agents]) {
      expect(Number.isInteger(limit.min) && Number.isInteger(limit.max)).toBe(true);
      expect(limit.min).toBeGreaterThanOrEqual(1);
      expect(limit.max).toBeGreaterThanOrEqual(limit.min);
    }
  });

  it('names the law of every limit in Arabic and English', () => {
    for (const rule of Object.values(LIMITS)) expect(basisProblems(rule.basis)).toEqual([]);
  });

  it('is what issuing checks', async () => {
    expect(SELF_ISSUED_MAX_YEARS).toBe(LIMITS.selfIssuedValidity.maxYears);
    expect(NOTARY_ISSUED_MAX_YEARS).toBe(LIMITS.notarizedValidity.maxYears);
    expect(CONFIRMATION_WINDOW_MS).toBe(LIMITS.confirmation.hours * 3600_000);
    const people = (n: number, first: number) =>
      Array.from({ length: n }, (_, i) => ({ nationalId: String(first + i), nameAr: 'شخص', nameEn: 'Person' }));
    const problems = async (principals: number, agents: number) => {
      const input = plainToInstance(IssuePowerOfAttorneyInput, {
        principals: people(principals, 1_100_000_000),
        agents: people(agents, 1_200_000_000),
        powers: ['LIT_FILE'],
        validTo: new Date('2030-01-01T00:00:00Z'),
      });
      const errors = await validate(input);
      return errors
        .filter((e) => e.property === 'principals' || e.property === 'agents')
        .flatMap((e) => Object.keys(e.constraints ?? {}).map((c) => `${e.property}:${c}`))
        .sort();
    };
    // Only the counts are judged here: the made-up national IDs fail their own check, reported on the nested items.
    expect(await problems(LIMITS.principals.max, LIMITS.agents.max)).toEqual([]);
    expect(await problems(LIMITS.principals.max + 1, LIMITS.agents.max + 1)).toEqual(['agents:arrayMaxSize', 'principals:arrayMaxSize']);
    expect(await problems(LIMITS.principals.min - 1, LIMITS.agents.min - 1)).toEqual(['agents:arrayMinSize', 'principals:arrayMinSize']);
  });
});
