import { HIJRI_OFFSET, MONTH_STARTS } from '@tabby_ai/hijri-converter/dist/_lib/ummalqura';
import { formatHijri, hijriOfDay, hijriYear, localDay } from './hijri';

/** Reduced Julian Day number of 1970-01-01 (JDN 2440588 − 2400000). */
const RJD_EPOCH = 40588;
const DAY_MS = 86_400_000;
const dayOf = (rjd: number) => new Date((rjd - RJD_EPOCH) * DAY_MS).toISOString().slice(0, 10);
const icu = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

describe('Hijri dates (the Umm al-Qura table)', () => {
  it('give every day from 1 Muharram 1343 to the end of 1500 exactly as the published table', () => {
    // The table lists the first day of each month; every day between two starts belongs to the first.
    let days = 0;
    let icuDiffers = 0;
    for (let i = 0; i + 1 < MONTH_STARTS.length; i++) {
      const months = i + HIJRI_OFFSET;
      const expected = { year: Math.floor(months / 12) + 1, month: (months % 12) + 1 };
      for (let rjd = MONTH_STARTS[i]; rjd < MONTH_STARTS[i + 1]; rjd++) {
        const day = dayOf(rjd);
        const want = { ...expected, day: rjd - MONTH_STARTS[i] + 1 };
        const got = hijriOfDay(day);
        if (got?.year !== want.year || got.month !== want.month || got.day !== want.day)
          throw new Error(`${day}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
        if (day >= '2029-01-01' && icu.format(new Date(`${day}T12:00:00Z`)) !== `${want.month}/${want.day}/${want.year} AH`) icuDiffers++;
        days++;
      }
    }
    expect(days).toBeGreaterThan(55_900); // 158 Hijri years
    // Why the table and not the runtime: its calendar departs from the table after August 2029.
    expect(icuDiffers).toBeGreaterThan(5_000);
  });

  it('is 1448 in late 2026 and 1447 in early 2026; the year turns at 1 Muharram 1448 (16 June 2026 in Riyadh)', () => {
    expect(hijriYear(new Date('2026-11-23T09:00:00Z'))).toBe(1448);
    expect(hijriYear(new Date('2026-01-15T09:00:00Z'))).toBe(1447);
    expect(hijriYear(new Date('2026-06-15T12:00:00Z'))).toBe(1447);
    expect(hijriYear(new Date('2026-06-16T12:00:00Z'))).toBe(1448);
    // 21:30 UTC on 15 June is 00:30 on 16 June in Riyadh.
    expect(hijriYear(new Date('2026-06-15T21:30:00Z'))).toBe(1448);
    expect(localDay(new Date('2026-06-15T21:30:00Z'))).toBe('2026-06-16');
  });

  it('takes the year from the table where the runtime disagrees', () => {
    // Find a day after 2029 on which the runtime names another Hijri year than the table.
    let found: string | null = null;
    for (let t = Date.UTC(2029, 0, 1); t < Date.UTC(2077, 0, 1) && !found; t += DAY_MS) {
      const day = new Date(t).toISOString().slice(0, 10);
      const runtimeYear = Number(icu.formatToParts(new Date(t + DAY_MS / 2)).find((p) => p.type === 'year')!.value);
      if (runtimeYear !== hijriOfDay(day)!.year) found = day;
    }
    expect(found).not.toBeNull();
    expect(hijriYear(new Date(`${found}T09:00:00Z`))).toBe(hijriOfDay(found!)!.year);
  });

  it('prints the table’s day with the runtime’s month names and layout, in both languages', () => {
    const opts = { day: 'numeric', month: 'long', year: 'numeric' } as const;
    const at = new Date('2026-11-23T09:00:00Z'); // 13 Jumada II 1448
    expect(formatHijri(at, 'en-u-ca-islamic-umalqura-nu-latn', 'Asia/Riyadh', opts)).toBe(
      new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { ...opts, timeZone: 'Asia/Riyadh' }).format(at),
    );
    const weekday = { weekday: 'long', ...opts } as const;
    expect(formatHijri(at, 'ar-SA-u-ca-islamic-umalqura', 'Asia/Riyadh', weekday)).toBe(
      new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura', { ...weekday, timeZone: 'Asia/Riyadh' }).format(at),
    );
    // A day where the runtime is a day off: the table's day, in Arabic-Indic digits when the locale uses them.
    const off = new Date('2030-01-01T09:00:00Z');
    const table = hijriOfDay('2030-01-01')!;
    expect(formatHijri(off, 'en-u-ca-islamic-umalqura-nu-latn', 'Asia/Riyadh', opts)).toContain(`${table.day}, ${table.year}`);
    expect(formatHijri(off, 'ar-SA-u-ca-islamic-umalqura', 'Asia/Riyadh', opts)).toContain(
      new Intl.NumberFormat('ar-SA').format(table.day),
    );
  });
});
