import { courtFee, FeeRules } from './court-fees';

const rules: FeeRules = {
  tiers: [
    { upTo: 50_000, rate: 0.05 },
    { upTo: 500_000, rate: 0.04 },
    { upTo: 5_000_000, rate: 0.03 },
    { upTo: null, rate: 0.02 },
  ],
  cap: 1_000_000,
  settlementReduction: 0.5,
  exemptCategories: ['CRIMINAL', 'PERSONAL_STATUS', 'EXECUTION'],
};

describe('court fees', () => {
  it('takes 5 % of the first 50,000 SAR', () => {
    expect(courtFee(rules, 'CIVIL', 10_000)).toEqual({ amount: 500, exempt: false });
    expect(courtFee(rules, 'CIVIL', 50_000)).toEqual({ amount: 2_500, exempt: false });
  });

  it('applies each tier to its own slice of the amount', () => {
    // 2,500 + 4 % of 450,000 + 3 % of 500,000 = 2,500 + 18,000 + 15,000
    expect(courtFee(rules, 'COMMERCIAL', 1_000_000).amount).toBe(35_500);
    // … + 3 % of 4,500,000 + 2 % of 5,000,000 = 2,500 + 18,000 + 135,000 + 100,000
    expect(courtFee(rules, 'COMMERCIAL', 10_000_000).amount).toBe(255_500);
  });

  it('caps the fee', () => {
    expect(courtFee(rules, 'COMMERCIAL', 100_000_000).amount).toBe(1_000_000);
  });

  it('reduces the fee when settled after the first hearing', () => {
    expect(courtFee(rules, 'CIVIL', 50_000, true).amount).toBe(1_250);
  });

  it('waives the fee for exempt categories', () => {
    expect(courtFee(rules, 'CRIMINAL', 1_000_000)).toEqual({ amount: 0, exempt: true });
    expect(courtFee(rules, 'PERSONAL_STATUS', 20_000)).toEqual({ amount: 0, exempt: true });
  });

  it('charges nothing for a claim without an amount and rounds to halalas', () => {
    expect(courtFee(rules, 'LABOR', 0).amount).toBe(0);
    expect(courtFee(rules, 'LABOR', 0.33).amount).toBe(0.02);
  });
});
