import { countedAr, countedEn } from './counted';

describe('counts in rule texts', () => {
  it('gives Arabic the noun form of each plural category', () => {
    expect(countedAr(1, 'year')).toBe('سنة واحدة');
    expect(countedAr(2, 'day')).toBe('يومان');
    expect(countedAr(10, 'day')).toBe('10 أيام');
    expect(countedAr(60, 'day')).toBe('60 يوماً');
    expect(countedAr(48, 'hour')).toBe('48 ساعة');
    expect(countedAr(100, 'day')).toBe('100 يوم');
  });

  it('spells out one to ten in English, with the plural after one', () => {
    expect(countedEn(1, 'year')).toBe('one year');
    expect(countedEn(10, 'year')).toBe('ten years');
    expect(countedEn(48, 'hour')).toBe('48 hours');
    expect(countedEn(365, 'day')).toBe('365 days');
  });
});
