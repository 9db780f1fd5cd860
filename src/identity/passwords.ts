/** Password hashing with argon2id (OWASP's first choice), parameters from the argon2 defaults. */
import * as argon2 from 'argon2';

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

/** Compared against when the national ID is unknown, so timing does not reveal who is registered. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('adl-no-such-user');
  return dummy;
}
