import { hijriYear } from './hijri';

describe('Hijri (Umm al-Qura) year', () => {
  it('is 1448 in late 2026 and 1447 in early 2026', () => {
    expect(hijriYear(new Date('2026-11-23T09:00:00Z'))).toBe(1448);
    expect(hijriYear(new Date('2026-01-15T09:00:00Z'))).toBe(1447);
  });

  it('turns at 1 Muharram 1448 (16 June 2026 in Riyadh)', () => {
    expect(hijriYear(new Date('2026-06-15T12:00:00Z'))).toBe(1447);
    expect(hijriYear(new Date('2026-06-16T12:00:00Z'))).toBe(1448);
  });
});
