/**
 * Time-based one-time codes (RFC 6238, otplib): 6 digits, 30-second steps, one step of clock
 * drift accepted either way. A code is accepted once: the caller stores the returned time step
 * and passes it back as `afterStep`.
 */
import { generate, generateSecret, generateURI, verify } from 'otplib';

const PERIOD = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: 'Adl عدل', label: account, secret });
}

/** The code for `at` (tests and tools; users' apps compute their own). */
export function totpCode(secret: string, at: Date = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/** The time step the code belongs to, or null when it is wrong, stale or already used. */
export async function verifyTotp(secret: string, code: string, at: Date, afterStep: number | null): Promise<number | null> {
  if (!/^[0-9]{6}$/.test(code)) return null;
  // A last use ahead of this clock (another instance's clock ran ahead): no code of the window can be
  // newer, and otplib would throw on such an afterTimeStep rather than answer "invalid".
  if (afterStep !== null && afterStep >= Math.floor(at.getTime() / 1000 / PERIOD) + 1) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(at.getTime() / 1000),
    epochTolerance: PERIOD,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  return result.valid ? (result as { timeStep: number }).timeStep : null;
}
