import { basisProblems } from '../../core/rules/legal-basis';
import { ContractType } from '../contracts/contract.enums';
import { POWER_OF_ATTORNEY_LIMITS } from '../powers-of-attorney/poa-limits';
import { PoaIssuance } from '../powers-of-attorney/poa.enums';
import { contractFee, NOTARY_FEE_SCHEDULES, notaryFeeScheduleOn, powerOfAttorneyFee } from './notary-fee-rules';

describe('the notary-fee schedule table', () => {
  it('has versions in ascending order of effective date, one per day, as YYYY-MM-DD', () => {
    expect(NOTARY_FEE_SCHEDULES.length).toBeGreaterThan(0);
    NOTARY_FEE_SCHEDULES.forEach((s, i) => {
      expect(new Date(`${s.effectiveFrom}T00:00:00Z`).toISOString().slice(0, 10)).toBe(s.effectiveFrom);
      if (i > 0) expect(s.effectiveFrom > NOTARY_FEE_SCHEDULES[i - 1].effectiveFrom).toBe(true);
    });
  });

  describe.each(NOTARY_FEE_SCHEDULES.map((s) => [s.effectiveFrom, s] as const))('the schedule of %s', (_, s) => {
    it('has one fee for every contract type, in whole halalas, none negative', () => {
      expect(s.contracts.map((c) => c.type).sort()).toEqual(Object.values(ContractType).sort());
      for (const c of s.contracts) {
        expect(c.amount).toBeGreaterThanOrEqual(0);
        expect(Math.abs(c.amount * 100 - Math.round(c.amount * 100))).toBeLessThan(1e-9);
      }
    });

    it('has one fee for each way of issuing a power of attorney (a delegation is not billed)', () => {
      expect(s.powersOfAttorney.map((p) => p.issuance).sort()).toEqual([PoaIssuance.NOTARY, PoaIssuance.SELF]);
      for (const p of s.powersOfAttorney) expect(p.amount).toBeGreaterThanOrEqual(0);
    });

    it('gives a bill at least a day, a power of attorney’s its confirmation window, and a legal basis to every rule', () => {
      expect(s.payment.payWithinDays).toBeGreaterThanOrEqual(1);
      expect(s.powerOfAttorneyPayment.payWithinHours).toBe(POWER_OF_ATTORNEY_LIMITS.confirmation.hours);
      for (const basis of [s.contractsBasis, s.payment.basis, s.powersOfAttorneyBasis, s.powerOfAttorneyPayment.basis])
        expect(basisProblems(basis)).toEqual([]);
    });
  });

  it('answers the version in force on a day, and a contract’s fee by its type', () => {
    const first = NOTARY_FEE_SCHEDULES[0];
    expect(notaryFeeScheduleOn('1999-12-31')).toBeNull();
    expect(notaryFeeScheduleOn(first.effectiveFrom)).toBe(first);
    expect(contractFee(ContractType.SALE, '2026-12-07')).toBe(
      notaryFeeScheduleOn('2026-12-07')!.contracts.find((c) => c.type === ContractType.SALE)!.amount,
    );
    expect(contractFee(ContractType.SALE, '1999-12-31')).toBe(0);
    expect(powerOfAttorneyFee(PoaIssuance.SELF, '2026-12-07')).toBe(
      notaryFeeScheduleOn('2026-12-07')!.powersOfAttorney.find((p) => p.issuance === PoaIssuance.SELF)!.amount,
    );
    expect(powerOfAttorneyFee(PoaIssuance.DELEGATION, '2026-12-07')).toBe(0);
  });
});
