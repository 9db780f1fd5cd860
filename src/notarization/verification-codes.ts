/**
 * Verification codes of powers of attorney: 12 characters from an alphabet without look-alikes
 * (about 60 bits), stored as a SHA-256 hash (compared in constant time) and, sealed, for showing again.
 */
import { createHash, randomInt } from 'node:crypto';

/** No 0/O/1/I/L: read aloud and typed by hand. 12 characters ≈ 60 bits. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 12;

export function newVerificationCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** Case and surrounding spaces do not matter to whoever types the code. */
export function hashVerificationCode(code: string): Buffer {
  return createHash('sha256').update(`adl:poa:${code.trim().toUpperCase()}`).digest();
}

/** Keeps the first word and the first letter of each other word: "Abdullah M*** A***". */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/);
  return [words[0], ...words.slice(1).map((w) => `${[...w][0]}***`)].join(' ');
}
