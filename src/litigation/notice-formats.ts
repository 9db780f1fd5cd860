/**
 * How court notices write dates, days and amounts: Hijri (Umm al-Qura) beside Gregorian in
 * Arabic, the court's time zone named, Arabic numerals and counted nouns, riyals.
 */
import { formatHijri } from '../core/clock/hijri';

const formats = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone, ...options })));
  return f;
}

const DAY = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const;

/** الأحد، ١٢ رمضان ١٤٤٧ هـ الموافق ١ مارس ٢٠٢٦م، الساعة ٩:٣٠ ص (بتوقيت الرياض) */
export function whenAr(at: Date, timeZone: string): string {
  const hijri = formatHijri(at, 'ar-SA-u-ca-islamic-umalqura', timeZone, DAY);
  const gregorian = fmt('ar-SA-u-ca-gregory', timeZone, { day: 'numeric', month: 'long', year: 'numeric' }).format(at);
  const time = fmt('ar-SA', timeZone, { hour: 'numeric', minute: '2-digit' }).format(at);
  return `${hijri} الموافق ${gregorian}م، الساعة ${time} (${zoneAr(timeZone)})`;
}

/** Sunday, 1 March 2026 at 09:30 (Riyadh time) */
export function whenEn(at: Date, timeZone: string): string {
  return `${fmt('en-GB', timeZone, { ...DAY, hour: '2-digit', minute: '2-digit' }).format(at)} (${zoneEn(timeZone)})`;
}

function zoneAr(timeZone: string): string {
  return timeZone === 'Asia/Riyadh' ? 'بتوقيت الرياض' : `بتوقيت ${timeZone}`;
}

function zoneEn(timeZone: string): string {
  return timeZone === 'Asia/Riyadh' ? 'Riyadh time' : timeZone;
}

/** ٣٠ يوماً, ١٠ أيام (the counted noun is plural from three to ten). */
export function daysAr(days: number): string {
  return `${new Intl.NumberFormat('ar-SA').format(days)} ${days >= 3 && days <= 10 ? 'أيام' : 'يوماً'}`;
}

export function riyalsAr(amount: number): string {
  return `${new Intl.NumberFormat('ar-SA', { maximumFractionDigits: 2 }).format(amount)} ريال`;
}

export function riyalsEn(amount: number): string {
  return `SAR ${new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount)}`;
}
