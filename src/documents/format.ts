/**
 * What documents print: Hijri (Umm al-Qura) and Gregorian dates in Riyadh time, SAR amounts in
 * figures and, in Arabic, in words (تفقيط) as judgments and contracts state them, and masked
 * national IDs. Digits stay Latin in both languages so that a number reads the same on the
 * Arabic and the English document and in a search of the PDF's text.
 */
import { hijriText } from '../core/clock/hijri';
import { maskNationalId } from '../core/validation/national-id';

export type Lang = 'ar' | 'en';
const ZONE = 'Asia/Riyadh';

const gregorianFormat: Record<Lang, Intl.DateTimeFormat> = {
  ar: new Intl.DateTimeFormat('ar-SA-u-ca-gregory-nu-latn', { timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB-u-ca-gregory-nu-latn', { timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric' }),
};
const timeFormat = new Intl.DateTimeFormat('en-GB-u-nu-latn', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function toDate(value: unknown): Date {
  const d = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(d.getTime())) throw new Error(`not a date: ${String(value)}`);
  return d;
}

/** e.g. «2 جمادى الآخرة 1448 هـ» / «2 Jumada II 1448 AH», by the Umm al-Qura table (core/clock/hijri.ts). */
export function hijriDate(value: unknown, lang: Lang): string {
  return hijriText(toDate(value), lang, ZONE);
}

/** e.g. «23 نوفمبر 2026م» / «23 November 2026». */
export function gregorianDate(value: unknown, lang: Lang): string {
  const text = gregorianFormat[lang].format(toDate(value));
  return lang === 'ar' ? `${text}م` : text;
}

/** HH:mm in Riyadh. */
export function clockTime(value: unknown): string {
  return timeFormat.format(toDate(value));
}

function amountOf(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`not an amount: ${String(value)}`);
  return Math.round(n * 100) / 100;
}

/** «150,000.00 ريال» / «SAR 150,000.00». */
export function sar(value: unknown, lang: Lang): string {
  const figures = amountOf(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return lang === 'ar' ? `${figures} ريال سعودي` : `SAR ${figures}`;
}

const ONES = ['', 'واحد', 'اثنان', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة'];
const TEENS = ['عشرة', 'أحد عشر', 'اثنا عشر', 'ثلاثة عشر', 'أربعة عشر', 'خمسة عشر', 'ستة عشر', 'سبعة عشر', 'ثمانية عشر', 'تسعة عشر'];
const TENS = ['', '', 'عشرون', 'ثلاثون', 'أربعون', 'خمسون', 'ستون', 'سبعون', 'ثمانون', 'تسعون'];
const HUNDREDS = ['', 'مائة', 'مائتان', 'ثلاثمائة', 'أربعمائة', 'خمسمائة', 'ستمائة', 'سبعمائة', 'ثمانمائة', 'تسعمائة'];

/** 1–999 in words. */
function below1000(n: number): string {
  const parts: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h) parts.push(HUNDREDS[h]);
  if (rest >= 10 && rest < 20) parts.push(TEENS[rest - 10]);
  else if (rest) {
    const one = rest % 10;
    const ten = Math.floor(rest / 10);
    if (one && ten) parts.push(`${ONES[one]} و${TENS[ten]}`);
    else parts.push(one ? ONES[one] : TENS[ten]);
  }
  return parts.join(' و');
}

/** A scale word after its count: one, two (dual), 3–10 (plural), 11+ (singular). */
const SCALES: { value: number; one: string; two: string; plural: string }[] = [
  { value: 1e9, one: 'مليار', two: 'ملياران', plural: 'مليارات' },
  { value: 1e6, one: 'مليون', two: 'مليونان', plural: 'ملايين' },
  { value: 1e3, one: 'ألف', two: 'ألفان', plural: 'آلاف' },
];

/** A whole number in Arabic words (0 to 999,999,999,999). */
export function arabicNumberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) throw new Error(`cannot spell ${n}`);
  if (n === 0) return 'صفر';
  const parts: string[] = [];
  let rest = n;
  for (const scale of SCALES) {
    const count = Math.floor(rest / scale.value);
    rest %= scale.value;
    if (!count) continue;
    if (count === 1) parts.push(scale.one);
    else if (count === 2) parts.push(scale.two);
    else if (count <= 10) parts.push(`${below1000(count)} ${scale.plural}`);
    else parts.push(`${below1000(count)} ${scale.one}`);
  }
  if (rest) parts.push(below1000(rest));
  return parts.join(' و');
}

/** «فقط مائة وخمسون ألف ريال سعودي لا غير», halalas included when there are any. */
export function sarInArabicWords(value: unknown): string {
  const amount = amountOf(value);
  const riyals = Math.floor(amount);
  const halalas = Math.round((amount - riyals) * 100);
  const words = [`${arabicNumberWords(riyals)} ريال سعودي`];
  if (halalas) words.push(`${arabicNumberWords(halalas)} هللة`);
  return `فقط ${words.join(' و')} لا غير`;
}

/** 1*****7097: the first digit and the last four stay. */
export function maskedId(value: unknown): string {
  const id = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  return /^\d{10}$/.test(id) ? maskNationalId(id) : id;
}
