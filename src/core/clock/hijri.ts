/**
 * Hijri dates by the published Umm al-Qura table (docs/domain.md, "Dates and deadlines"): the
 * case-number year, the dates documents and notices print, the Hijri day beside a deadline. The
 * table (1343–1500 AH, 1924–2077) comes from `@tabby_ai/hijri-converter`; the runtime's own
 * `islamic-umalqura` calendar drifts from it after August 2029, so it only names months and lays
 * out the parts of a date here, and answers alone outside the table's range.
 */
import { gregorianToHijri, hijriToGregorian } from '@tabby_ai/hijri-converter';
import { GREGORIAN_RANGE } from '@tabby_ai/hijri-converter/dist/_lib/ummalqura';

export const RIYADH = 'Asia/Riyadh';

export interface HijriDay {
  year: number;
  month: number;
  day: number;
}

const iso = new Map<string, Intl.DateTimeFormat>();
/** The calendar day of `at` in `timeZone`, as YYYY-MM-DD. */
export function localDay(at: Date, timeZone: string = RIYADH): string {
  let f = iso.get(timeZone);
  if (!f) iso.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(at);
}

const [FIRST, LAST] = GREGORIAN_RANGE.map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

/** The Umm al-Qura day of a Gregorian calendar day (YYYY-MM-DD); null outside the table. */
export function hijriOfDay(day: string): HijriDay | null {
  if (day < FIRST || day > LAST) return null;
  const [year, month, date] = day.split('-').map(Number);
  return gregorianToHijri({ year, month, day: date });
}

const icuYear = new Map<string, Intl.DateTimeFormat>();
/** The Umm al-Qura year of an instant in `timeZone` (Riyadh unless told). */
export function hijriYear(at: Date, timeZone: string = RIYADH): number {
  const table = hijriOfDay(localDay(at, timeZone));
  if (table) return table.year;
  let f = icuYear.get(timeZone);
  if (!f) icuYear.set(timeZone, (f = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { timeZone, year: 'numeric' })));
  return Number(f.formatToParts(at).find((p) => p.type === 'year')?.value);
}

/** A year in which the runtime's calendar and the table agree on every day: it names the months. */
const REFERENCE_YEAR = 1445;
const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  return f;
}

/**
 * The parts of `at` as `Intl.DateTimeFormat(locale with -u-ca-islamic-umalqura, options)` lays
 * them out (order, month names, era, digits), with the day, month and year of the table. The
 * locale names the Umm al-Qura calendar itself, e.g. `ar-SA-u-ca-islamic-umalqura-nu-latn`.
 */
export function hijriParts(at: Date, locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormatPart[] {
  const own = format(locale, timeZone, options);
  const day = hijriOfDay(localDay(at, timeZone));
  if (!day) return own.formatToParts(at);
  const ref = hijriToGregorian({ year: REFERENCE_YEAR, month: day.month, day: 1 });
  const refAt = new Date(Date.UTC(ref.year, ref.month - 1, ref.day, 12));
  const numbers = new Intl.NumberFormat(own.resolvedOptions().locale, { useGrouping: false });
  const weekday = options.weekday ? format(locale, timeZone, { weekday: options.weekday }).format(at) : '';
  return format(locale, 'UTC', options)
    .formatToParts(refAt)
    .map((p) => {
      if (p.type === 'day') return { ...p, value: numbers.format(day.day) };
      if (p.type === 'year') return { ...p, value: numbers.format(day.year) };
      if (p.type === 'weekday') return { ...p, value: weekday };
      return p;
    });
}

/** The whole formatted text of hijriParts. */
export function formatHijri(at: Date, locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  return hijriParts(at, locale, timeZone, options)
    .map((p) => p.value)
    .join('');
}

const HIJRI_LOCALE = { ar: 'ar-SA-u-ca-islamic-umalqura-nu-latn', en: 'en-u-ca-islamic-umalqura-nu-latn' } as const;
const HIJRI_DAY = { day: 'numeric', month: 'long', year: 'numeric' } as const;

/** The customary form, Latin digits: «2 جمادى الآخرة 1448 هـ» / «2 Jumada II 1448 AH». */
export function hijriText(at: Date, lang: 'ar' | 'en', timeZone: string = RIYADH): string {
  const parts = hijriParts(at, HIJRI_LOCALE[lang], timeZone, HIJRI_DAY);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')} ${lang === 'ar' ? 'هـ' : 'AH'}`;
}
