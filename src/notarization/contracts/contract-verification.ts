/**
 * Verification codes of contracts: derived from the contract id with a server key (HMAC), so the
 * platform can print the code on every copy of the document without storing it; only its SHA-256
 * is stored, for the public lookup. Names shown to the public are masked.
 */
import { createHash, createHmac } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or retyped stays unambiguous. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function verificationCode(secretsKey: string, contractId: string): string {
  const mac = createHmac('sha256', secretsKey).update(`contract-verification:${contractId}`).digest();
  let code = '';
  for (let i = 0; i < 12; i++) code += ALPHABET[mac[i] % 32];
  return code;
}

export function verificationHash(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}

/** «عبدالله محمد القحطاني» → «عبدالله م. ا.»: the first name, then initials. */
export function maskName(name: string): string {
  const [first, ...rest] = name.trim().split(/\s+/);
  return [first, ...rest.map((w) => `${w[0]}.`)].join(' ');
}
