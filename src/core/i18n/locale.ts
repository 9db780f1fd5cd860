/**
 * The language of a request: `Accept-Language` negotiated by `negotiator` between Arabic and
 * English, Arabic when the header is absent or prefers neither (docs/api.md, "Languages").
 */
import Negotiator from 'negotiator';
import type { Locale } from './messages';

const AVAILABLE: Locale[] = ['ar', 'en'];

export function negotiateLocale(acceptLanguage: string | string[] | undefined): Locale {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(', ') : acceptLanguage;
  if (!header) return 'ar';
  const best = new Negotiator({ headers: { 'accept-language': header } }).language(AVAILABLE);
  return best === 'en' ? 'en' : 'ar';
}

const byRequest = new WeakMap<object, Locale>();

/** The locale of an HTTP request (anything with headers), negotiated once per request. */
export function requestLocale(req: { headers: Record<string, string | string[] | undefined> }): Locale {
  let locale = byRequest.get(req);
  if (!locale) byRequest.set(req, (locale = negotiateLocale(req.headers['accept-language'])));
  return locale;
}
