/**
 * Hijri (Umm al-Qura) dates, from Node's ICU: the case-number year and dates shown in Arabic.
 */
const yearFormat = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { timeZone: 'Asia/Riyadh', year: 'numeric' });

/** The Umm al-Qura year of an instant, in Riyadh. */
export function hijriYear(at: Date): number {
  const part = yearFormat.formatToParts(at).find((p) => p.type === 'year');
  return Number(part?.value);
}
