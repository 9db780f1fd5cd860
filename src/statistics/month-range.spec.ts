import { addMonths, monthsBetween, resolveMonthRange, riyadhMonth } from './month-range';

describe('statistics months', () => {
  it('takes the month of an instant in Riyadh (UTC+3), not in UTC', () => {
    expect(riyadhMonth(new Date('2025-05-31T20:59:59Z'))).toBe('2025-05');
    expect(riyadhMonth(new Date('2025-05-31T21:00:00Z'))).toBe('2025-06');
    expect(riyadhMonth(new Date('2025-12-31T21:30:00Z'))).toBe('2026-01');
  });

  it('counts and moves across years', () => {
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-12', 13)).toBe('2026-01');
    expect(monthsBetween('2024-02', '2025-01')).toBe(12);
    expect(monthsBetween('2025-03', '2025-03')).toBe(1);
  });

  it('defaults to the last twelve months, the current Riyadh month included', () => {
    const now = new Date('2026-02-28T22:00:00Z'); // 1 March 2026 in Riyadh
    expect(resolveMonthRange(now, {})).toEqual({ from: '2025-04', to: '2026-03' });
    expect(resolveMonthRange(now, { to: '2025-06' })).toEqual({ from: '2024-07', to: '2025-06' });
    expect(resolveMonthRange(now, { from: '2026-01' })).toEqual({ from: '2026-01', to: '2026-03' });
    expect(resolveMonthRange(now, { from: '2024-01', to: '2026-12' })).toEqual({ from: '2024-01', to: '2026-12' });
  });

  it('names the offending fields of a bad range', () => {
    const now = new Date('2026-03-10T00:00:00Z');
    const fields = (filter: { from?: string; to?: string }): string[] => {
      try {
        resolveMonthRange(now, filter);
      } catch (err) {
        return (err as { fields: { field: string }[] }).fields.map((f) => f.field);
      }
      throw new Error('expected a refusal');
    };
    expect(fields({ from: '2025-13', to: '25-01' })).toEqual(['filter.from', 'filter.to']);
    expect(fields({ from: '2025-06', to: '2025-05' })).toEqual(['filter.from']);
    expect(fields({ from: '2027-01' })).toEqual(['filter.from']);
    expect(fields({ from: '2020-01', to: '2023-01' })).toEqual(['filter.from']);
  });
});
