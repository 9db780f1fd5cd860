import { luhnValid, maskNationalId, nationalIdProblem, SYSTEM_ACCOUNT_ID, withCheckDigit } from './national-id';

describe('national ID and iqama numbers', () => {
  it('accepts a citizen number and a resident number with a valid check digit', () => {
    expect(nationalIdProblem('1010101010')).toBeNull();
    expect(nationalIdProblem(withCheckDigit('212345678'))).toBeNull();
  });

  it('refuses a wrong check digit', () => {
    const good = withCheckDigit('109876543');
    const bad = good.slice(0, 9) + ((Number(good[9]) + 1) % 10);
    expect(nationalIdProblem(bad)).toBe('check digit does not match');
  });

  it('refuses the wrong length, letters and leading digits other than 1 or 2', () => {
    expect(nationalIdProblem('101010101')).toBe('must be exactly 10 digits');
    expect(nationalIdProblem('10101010155')).toBe('must be exactly 10 digits');
    expect(nationalIdProblem('10101O1015')).toBe('must be exactly 10 digits');
    expect(nationalIdProblem(withCheckDigit('309876543'))).toBe('must start with 1 (citizen) or 2 (resident)');
  });

  it('computes the Luhn check over ten digits, doubling the 1st, 3rd, 5th, 7th and 9th digits', () => {
    // 1010101010: doubled 1s give 2+2+2+2+2 = 10, the other digits 0: 10 is a multiple of 10.
    expect(luhnValid('1010101010')).toBe(true);
    // 1010101015: 10 + 5 = 15.
    expect(luhnValid('1010101015')).toBe(false);
    // 2000000008: doubled 2 gives 4, plus 8 = 12; 2000000006: 4 + 6 = 10.
    expect(luhnValid('2000000006')).toBe(true);
    expect(luhnValid('2000000008')).toBe(false);
  });

  it('keeps the system account outside the check-digit space', () => {
    expect(nationalIdProblem(SYSTEM_ACCOUNT_ID)).toBe('check digit does not match');
  });

  it('masks all but the first digit and the last four', () => {
    expect(maskNationalId('1234567890')).toBe('1*****7890');
  });
});
