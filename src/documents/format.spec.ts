import { arabicNumberWords, gregorianDate, hijriDate, maskedId, sar, sarInArabicWords } from './format';

describe('document formatting', () => {
  it('spells amounts in Arabic words as judgments state them', () => {
    expect(arabicNumberWords(1)).toBe('واحد');
    expect(arabicNumberWords(125)).toBe('مائة وخمسة وعشرون');
    expect(arabicNumberWords(2000)).toBe('ألفان');
    expect(arabicNumberWords(3000)).toBe('ثلاثة آلاف');
    expect(arabicNumberWords(150000)).toBe('مائة وخمسون ألف');
    expect(arabicNumberWords(1_250_000)).toBe('مليون ومائتان وخمسون ألف');
    expect(sarInArabicWords(150000)).toBe('فقط مائة وخمسون ألف ريال سعودي لا غير');
    expect(sarInArabicWords(12.5)).toBe('فقط اثنا عشر ريال سعودي وخمسون هللة لا غير');
  });

  it('prints SAR figures and masks national IDs', () => {
    expect(sar(150000, 'en')).toBe('SAR 150,000.00');
    expect(sar('99.5', 'ar')).toBe('99.50 ريال سعودي');
    expect(maskedId('1010101010')).toBe('1*****1010');
  });

  it('dates in Umm al-Qura and Gregorian, in Riyadh time', () => {
    // 2026-11-23 is 13 Jumada II 1448 in Umm al-Qura (ICU).
    const at = new Date('2026-11-23T10:00:00Z');
    expect(hijriDate(at, 'en')).toMatch(/^\d{1,2} Jumada II 1448 AH$/);
    expect(hijriDate(at, 'ar')).toMatch(/^\d{1,2} جمادى الآخرة 1448 هـ$/);
    expect(gregorianDate(at, 'en')).toBe('23 November 2026');
    expect(gregorianDate(at, 'ar')).toBe('23 نوفمبر 2026م');
    expect(() => hijriDate('nonsense', 'en')).toThrow(/not a date/);
  });

  it('follows the published Umm al-Qura table where the runtime calendar has drifted', () => {
    // The table begins Dhu al-Qa'dah 1451 on 5 March 2030; the runtime's calendar a day later.
    const at = new Date('2030-03-05T10:00:00Z');
    expect(hijriDate(at, 'en')).toBe('1 Dhuʻl-Qiʻdah 1451 AH');
    expect(hijriDate(at, 'ar')).toBe('1 ذو القعدة 1451 هـ');
  });
});
