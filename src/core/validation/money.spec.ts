import { validate } from 'class-validator';
import { halalasOf, IsSar, sumSar, toHalalas } from './money';

class Claim {
  @IsSar(true)
  amount!: unknown;
}
class Award {
  @IsSar(false)
  amount!: unknown;
}
const problems = async (type: new () => { amount: unknown }, amount: unknown) =>
  (await validate(Object.assign(new type(), { amount }))).length;

describe('amounts in SAR with halalas', () => {
  it('counts an amount in whole halalas from the decimal it was typed as', () => {
    // 10000.29 × 100 is 1000028.9999999999 in binary; the typed decimal is 1,000,029 halalas.
    expect(10000.29 * 100).not.toBe(1000029);
    expect(halalasOf(10000.29)).toBe(1000029);
    expect(halalasOf(0.1)).toBe(10);
    expect(halalasOf(1.005)).toBe(null); // three decimals
    expect(halalasOf(99999999999.99)).toBe(9999999999999);
    expect(halalasOf(7)).toBe(700);
    expect(halalasOf(0)).toBe(0);
  });

  it('refuses what is not an amount: more than two decimals, negative, too large, not finite, not a number', () => {
    for (const bad of [10000.291, 0.001, 1e-7, -1, 1e11, Infinity, NaN, '10000.29', null]) expect(halalasOf(bad)).toBeNull();
  });

  it('adds amounts exactly', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumSar([0.1, 0.2])).toBe(0.3);
    expect(sumSar([10000.29, 0.71])).toBe(10001);
    expect(toHalalas(10000.29)).toBe(1000029);
  });

  it('validates an input amount: positive where a claim must be, zero allowed in an award', async () => {
    expect(await problems(Claim, 10000.29)).toBe(0);
    expect(await problems(Claim, 10000.291)).toBe(1);
    expect(await problems(Claim, 0)).toBe(1);
    expect(await problems(Award, 0)).toBe(0);
    expect(await problems(Award, 12.345)).toBe(1);
  });
});
