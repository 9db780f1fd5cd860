import { newRecoveryCodes, normalizeRecoveryCode, RECOVERY_CODE_COUNT, recoveryCodeHash } from './recovery-codes';

describe('recovery codes', () => {
  it('issues ten distinct codes of ten unambiguous symbols', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-TV-Z2-9]{5}-[A-HJKMNP-TV-Z2-9]{5}$/);
  });

  it('reads a code however it is typed, and hashes it the same way', () => {
    expect(normalizeRecoveryCode(' abcde fghjk ')).toBe('ABCDE-FGHJK');
    expect(recoveryCodeHash('abcdefghjk').equals(recoveryCodeHash('ABCDE-FGHJK'))).toBe(true);
    expect(recoveryCodeHash('ABCDE-FGHJM').equals(recoveryCodeHash('ABCDE-FGHJK'))).toBe(false);
  });
});
