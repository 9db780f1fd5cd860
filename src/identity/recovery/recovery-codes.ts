/**
 * One-time recovery codes (docs/identity.md): ten codes of ten symbols each, shown once, kept only
 * as their SHA-256. Ten symbols of an alphabet of 30 without look-alikes (no 0/O, 1/I/L, U) carry
 * about 49 bits: too many to guess within the login rate limit, so a fast hash is enough.
 */
import { createHash, randomInt } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
const LENGTH = 10;

/** A fresh set, each as the person reads it: `XXXXX-XXXXX`. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    let code = '';
    for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
    codes.add(`${code.slice(0, 5)}-${code.slice(5)}`);
  }
  return [...codes];
}

/** What a person typed, as it was issued: case, spaces and hyphens do not matter. */
export function normalizeRecoveryCode(typed: string): string {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '');
  return plain.length === LENGTH ? `${plain.slice(0, 5)}-${plain.slice(5)}` : plain;
}

export function recoveryCodeHash(typed: string): Buffer {
  return createHash('sha256').update(normalizeRecoveryCode(typed)).digest();
}
