/**
 * Where a national sign-in returns the browser: only a path on Adl's own origin, so the sign-in
 * routes can never send a person (with their ticket) to another site (docs/identity.md).
 */
const BASE = 'http://adl.invalid';

/** The same-origin path to return to, or null when `raw` would leave the origin or is malformed. */
export function safeReturnTo(raw: string | undefined | null): string | null {
  if (raw === undefined || raw === null || raw === '') return '/';
  if (raw.length > 2048 || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\') || hasControlCharacter(raw)) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw, BASE);
  } catch {
    return null;
  }
  if (parsed.origin !== BASE) return null;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** Browsers drop tabs and newlines from URLs, so `/\t/evil.example` would become `//evil.example`. */
function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** `returnTo` with one more query parameter (before any fragment). */
export function withParam(returnTo: string, name: string, value: string): string {
  const parsed = new URL(returnTo, BASE);
  parsed.searchParams.set(name, value);
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
