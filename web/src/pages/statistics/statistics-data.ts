/**
 * The rows of courtStatistics (one per court, category and month of filing) gathered as the charts
 * draw them: every month of the period in order, counts added over the categories, the share of
 * postponed hearings from the added counts; medians cannot be added, so they stay per category.
 */
import type { CourtStatisticsQuery, LawsuitCategory } from '../../gql/graphql';

type Row = CourtStatisticsQuery['courtStatistics'][number];

/** Periods offered, in months; the API allows up to 36. */
export const PERIODS = [6, 12, 24, 36] as const;
export const DEFAULT_PERIOD = 12;
export const CATEGORIES: LawsuitCategory[] = ['CIVIL', 'COMMERCIAL', 'CRIMINAL', 'LABOR', 'PERSONAL_STATUS'];

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** Every month from `from` to `to`, both included. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
  return months;
}

export interface MonthTotals {
  month: string;
  filed: number;
  disposed: number;
  pending: number;
  hearings: number;
  postponed: number;
  /** Postponed hearings over all hearings; null when there was none. */
  share: number | null;
}

export function byMonth(rows: Row[], months: string[]): MonthTotals[] {
  return months.map((month) => {
    const of = rows.filter((r) => r.month === month);
    const sum = (pick: (r: Row) => number) => of.reduce((n, r) => n + pick(r), 0);
    const hearings = sum((r) => r.hearings);
    const postponed = sum((r) => r.postponedHearings);
    return {
      month,
      filed: sum((r) => r.filed),
      disposed: sum((r) => r.disposed),
      pending: sum((r) => r.pending),
      hearings,
      postponed,
      share: hearings ? postponed / hearings : null,
    };
  });
}

export function total(months: MonthTotals[]): Omit<MonthTotals, 'month'> {
  const sum = (pick: (m: MonthTotals) => number) => months.reduce((n, m) => n + pick(m), 0);
  const hearings = sum((m) => m.hearings);
  const postponed = sum((m) => m.postponed);
  return {
    filed: sum((m) => m.filed),
    disposed: sum((m) => m.disposed),
    pending: sum((m) => m.pending),
    hearings,
    postponed,
    share: hearings ? postponed / hearings : null,
  };
}

/** The median days to judgment of each category that has one in the period, month by month. */
export function mediansByCategory(rows: Row[], months: string[]): { category: LawsuitCategory; values: (number | null)[] }[] {
  return CATEGORIES.map((category) => ({
    category,
    values: months.map((month) => rows.find((r) => r.month === month && r.category === category)?.medianDaysToJudgment ?? null),
  })).filter((s) => s.values.some((v) => v !== null));
}
