import { LawsuitCategory } from './lawsuit.enums';
import { courtFee } from './court-fees';
import { FEE_SCHEDULES, feeRulesOn, feeScheduleOn, JUDICIAL_COSTS_CEILING } from './fee-rules';
import { STRUCK_OFF_RESUMPTION } from './struck-off-rules';
import { basisProblems, LegalBasis } from '../../core/rules/legal-basis';

const basisComplete = (b: LegalBasis) => expect(basisProblems(b)).toEqual([]);

describe('the court-fee schedule table', () => {
  it('has versions in ascending order of effective date, one per day, as YYYY-MM-DD', () => {
    expect(FEE_SCHEDULES.length).toBeGreaterThan(0);
    FEE_SCHEDULES.forEach((s, i) => {
      expect(s.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${s.effectiveFrom}T00:00:00Z`).toISOString().slice(0, 10)).toBe(s.effectiveFrom);
      if (i > 0) expect(s.effectiveFrom > FEE_SCHEDULES[i - 1].effectiveFrom).toBe(true);
    });
  });

  describe.each(FEE_SCHEDULES.map((s) => [s.effectiveFrom, s] as const))('the schedule of %s', (_, s) => {
    it('has tiers ordered and contiguous from 0, ending in one open tier', () => {
      expect(s.tiers[0].from).toBe(0);
      s.tiers.forEach((tier, i) => {
        if (i > 0) expect(tier.from).toBe(s.tiers[i - 1].upTo);
        if (i < s.tiers.length - 1) expect(tier.upTo).not.toBeNull();
        if (tier.upTo !== null) expect(tier.upTo).toBeGreaterThan(tier.from);
      });
      expect(s.tiers[s.tiers.length - 1].upTo).toBeNull();
    });

    it('takes a positive share of each tier, no more than the law allows, never more for a higher slice', () => {
      s.tiers.forEach((tier, i) => {
        expect(tier.rate).toBeGreaterThan(0);
        expect(tier.rate).toBeLessThanOrEqual(JUDICIAL_COSTS_CEILING.rate);
        if (i > 0) expect(tier.rate).toBeLessThanOrEqual(s.tiers[i - 1].rate);
      });
    });

    it('has a positive cap within the law’s ceiling and a reduction between none and all', () => {
      expect(s.cap.amount).toBeGreaterThan(0);
      expect(s.cap.amount).toBeLessThanOrEqual(JUDICIAL_COSTS_CEILING.amount);
      expect(s.settlementReduction.share).toBeGreaterThanOrEqual(0);
      expect(s.settlementReduction.share).toBeLessThanOrEqual(1);
    });

    it('exempts known categories, each once', () => {
      const categories = s.exemptions.map((e) => e.category);
      expect(new Set(categories).size).toBe(categories.length);
      for (const c of categories) expect([...Object.values(LawsuitCategory), 'EXECUTION']).toContain(c);
    });

    it('names the law of every rule in Arabic and English', () => {
      [s.tiersBasis, s.cap.basis, s.settlementReduction.basis, ...s.exemptions.map((e) => e.basis), s.payment.basis, s.costs.basis].forEach(
        basisComplete,
      );
    });

    it('gives every bill at least a day', () => {
      expect(s.payment.payWithinDays).toBeGreaterThanOrEqual(1);
      expect(s.costs.payWithinDays).toBeGreaterThanOrEqual(1);
    });
  });

  it('applies the version in force on the day', () => {
    const first = FEE_SCHEDULES[0];
    expect(feeScheduleOn(first.effectiveFrom)).toBe(first);
    expect(feeScheduleOn('2999-12-31')).toBe(FEE_SCHEDULES[FEE_SCHEDULES.length - 1]);
    const before = new Date(new Date(`${first.effectiveFrom}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);
    expect(feeScheduleOn(before)).toBeNull();
    expect(() => feeRulesOn(before)).toThrow();
  });

  it('computes fees from the table: the cap and the exemptions are the table’s', () => {
    const s = FEE_SCHEDULES[FEE_SCHEDULES.length - 1];
    const rules = feeRulesOn('2999-12-31');
    expect(courtFee(rules, LawsuitCategory.COMMERCIAL, 1e12).amount).toBe(s.cap.amount);
    for (const e of s.exemptions) expect(courtFee(rules, e.category, 100_000)).toEqual({ amount: 0, exempt: true });
    const first = s.tiers[0];
    expect(courtFee(rules, LawsuitCategory.CIVIL, 1000).amount).toBeCloseTo(1000 * first.rate, 2);
  });
});

describe('the struck-off resumption rule', () => {
  it('gives a positive number of whole days, with its basis', () => {
    expect(Number.isInteger(STRUCK_OFF_RESUMPTION.days)).toBe(true);
    expect(STRUCK_OFF_RESUMPTION.days).toBeGreaterThan(0);
    basisComplete(STRUCK_OFF_RESUMPTION.basis);
  });
});
