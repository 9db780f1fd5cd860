import { newTotpSecret, totpCode, verifyTotp } from './totp';

describe('TOTP codes', () => {
  it('accepts a code once: not again for the same or an earlier step', async () => {
    const secret = newTotpSecret();
    const at = new Date('2026-11-23T10:00:10Z');
    const code = await totpCode(secret, at);
    const step = await verifyTotp(secret, code, at, null);
    expect(step).toBe(Math.floor(at.getTime() / 30_000));
    expect(await verifyTotp(secret, code, at, step)).toBeNull();
  });

  it('refuses, without failing, when the last use lies ahead of this clock', async () => {
    const secret = newTotpSecret();
    const at = new Date('2026-11-23T10:00:10Z');
    const ahead = Math.floor(at.getTime() / 30_000) + 40;
    expect(await verifyTotp(secret, await totpCode(secret, at), at, ahead)).toBeNull();
  });
});
