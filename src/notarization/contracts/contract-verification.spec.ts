import { maskName, verificationCode, verificationHash } from './contract-verification';

describe('contract verification codes', () => {
  it('derives a stable 12-character code per contract and key', () => {
    const a = verificationCode('key-1', '8d0c1f3e-0000-4000-8000-000000000001');
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(verificationCode('key-1', '8d0c1f3e-0000-4000-8000-000000000001')).toBe(a);
    expect(verificationCode('key-2', '8d0c1f3e-0000-4000-8000-000000000001')).not.toBe(a);
    expect(verificationCode('key-1', '8d0c1f3e-0000-4000-8000-000000000002')).not.toBe(a);
  });

  it('hashes codes case-insensitively', () => {
    expect(verificationHash('abc123')).toBe(verificationHash(' ABC123 '));
  });

  it('masks all but the first name', () => {
    expect(maskName('Sarah Khalid Al-Otaibi')).toBe('Sarah K. A.');
    expect(maskName('عبدالله محمد القحطاني')).toBe('عبدالله م. ا.');
  });
});
