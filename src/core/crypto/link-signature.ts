/**
 * Signed links (docs/evidence.md, "Signed links"): a path that works without an Authorization
 * header for a short while, for the person it was made for. The query carries `expires` (Unix
 * seconds), `u` (the user), `s` (their session) and `signature`, an HMAC-SHA256 of the path and the
 * rest under a key derived from SECRETS_KEY. Changing any of them, or the path, breaks the signature.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface LinkHolder {
  userId: string;
  sessionId: string;
}

function mac(key: string, path: string, holder: LinkHolder, expires: number): string {
  return createHmac('sha256', `adl:signed-link:${key}`)
    .update(`${path}\n${holder.userId}\n${holder.sessionId}\n${expires}`)
    .digest('base64url');
}

/** The path with the query that lets its holder open it until `expiresAt`. */
export function signLink(key: string, path: string, holder: LinkHolder, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  const query = new URLSearchParams({
    expires: String(expires),
    u: holder.userId,
    s: holder.sessionId,
    signature: mac(key, path, holder, expires),
  });
  return `${path}?${query.toString()}`;
}

export type LinkCheck = { holder: LinkHolder } | { refused: 'invalid' | 'expired' };

/** Whether the query signs the path, and for whom; an altered link reads as invalid before its expiry is looked at. */
export function checkLink(key: string, path: string, query: Record<string, unknown>, now: Date): LinkCheck {
  const { expires, u, s, signature } = query;
  if (typeof expires !== 'string' || typeof u !== 'string' || typeof s !== 'string' || typeof signature !== 'string') {
    return { refused: 'invalid' };
  }
  const seconds = Number(expires);
  if (!/^[0-9]{1,12}$/.test(expires)) return { refused: 'invalid' };
  const expected = Buffer.from(mac(key, path, { userId: u, sessionId: s }, seconds));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { refused: 'invalid' };
  if (seconds * 1000 <= now.getTime()) return { refused: 'expired' };
  return { holder: { userId: u, sessionId: s } };
}

/** Whether a request carries a signed link's query at all. */
export function hasLinkSignature(query: Record<string, unknown>): boolean {
  return typeof query.signature === 'string';
}
