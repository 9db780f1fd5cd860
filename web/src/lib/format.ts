/**
 * Numbers, amounts and dates through Intl, in the portal's language: Western digits in both
 * languages (as national IDs and case numbers are written), amounts in SAR, days in the courts'
 * time zone, Gregorian and Hijri (Umm al-Qura) side by side.
 */
import type { Lang } from '../i18n/i18n';

export const COURT_TIME_ZONE = 'Asia/Riyadh';
const locale = (lang: Lang): string => (lang === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB');
const calendarLocale = (lang: Lang, calendar: 'gregory' | 'islamic-umalqura'): string =>
  lang === 'ar' ? `ar-SA-u-ca-${calendar}-nu-latn` : `en-GB-u-ca-${calendar}`;

export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang)).format(value);
}

export function formatMoney(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'SAR', maximumFractionDigits: 2 }).format(value);
}

export function formatPercent(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

type Style = 'date' | 'dateTime' | 'time';
const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'long' },
  dateTime: { dateStyle: 'long', timeStyle: 'short' },
  time: { timeStyle: 'short' },
};

export function formatGregorian(iso: string | Date, lang: Lang, style: Style = 'date'): string {
  return new Intl.DateTimeFormat(calendarLocale(lang, 'gregory'), { ...OPTIONS[style], timeZone: COURT_TIME_ZONE }).format(new Date(iso));
}

export function formatHijri(iso: string | Date, lang: Lang): string {
  return new Intl.DateTimeFormat(calendarLocale(lang, 'islamic-umalqura'), { dateStyle: 'long', timeZone: COURT_TIME_ZONE }).format(
    new Date(iso),
  );
}

/** A YYYY-MM-DD day in the courts' time zone. */
export function courtDay(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: COURT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** A month given as YYYY-MM, named in full ("March 2026") or short ("Mar 26", under a chart's bars). */
export function formatMonth(month: string, lang: Lang, style: 'long' | 'short' = 'long'): string {
  const [year, m] = month.split('-').map(Number);
  const options: Intl.DateTimeFormatOptions = style === 'long' ? { month: 'long', year: 'numeric' } : { month: 'short', year: '2-digit' };
  return new Intl.DateTimeFormat(calendarLocale(lang, 'gregory'), { ...options, timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, m - 1, 15)),
  );
}
const LRI = '\u2066';
const PDI = '\u2069';

/** A code written left to right (a case number) kept whole and in order inside Arabic text. */
export const ltr = (code: string): string => `${LRI}${code}${PDI}`;

/** Text from the API with codes in it ("… الدعوى رقم 1448-RYD-GEN-000001 …"): each hyphenated code kept in order. */
export const isolateCodes = (text: string): string => text.replace(/[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+/g, ltr);
/** A file's size in kilobytes or megabytes. */
export function formatBytes(bytes: number, lang: Lang): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(bytes / 1000, 0.1), 'kilobyte'];
  return new Intl.NumberFormat(locale(lang), { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}
