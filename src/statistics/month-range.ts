/**
 * Calendar months as 'YYYY-MM' strings in the kingdom's time zone (Asia/Riyadh, UTC+3 all year):
 * the statistics buckets and their range. Pure functions, no I/O.
 */
import { BadUserInputError, FieldError } from '../core/errors/domain-error';
import { STATISTICS } from './statistics-messages';

export const STATISTICS_TIME_ZONE = 'Asia/Riyadh';
/** Riyadh keeps UTC+3 all year (no daylight saving time). */
const RIYADH_OFFSET_MS = 3 * 3600_000;

/** 'YYYY-MM', years 1900 to 2199. */
export const MONTH_FORMAT = /^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$/;
/** A range may cover at most this many months (3 years), which bounds the size of an answer. */
export const MAX_MONTHS = 36;
/** Months covered when the filter gives no `from`: the last 12, the current one included. */
export const DEFAULT_MONTHS = 12;

export interface MonthRange {
  /** First month, inclusive. */
  from: string;
  /** Last month, inclusive. */
  to: string;
}

/** Months since year 0 of a 'YYYY-MM' string, for arithmetic. */
function index(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function fromIndex(i: number): string {
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The Riyadh month of an instant. */
export function riyadhMonth(at: Date): string {
  return new Date(at.getTime() + RIYADH_OFFSET_MS).toISOString().slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  return fromIndex(index(month) + n);
}

/** Months from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): number {
  return index(to) - index(from) + 1;
}

/**
 * The range a filter asks for: `to` defaults to the current Riyadh month and `from` to eleven
 * months before `to`. Refuses a reversed or too long range, naming the fields under `prefix`.
 * (Formats are checked at the edge; they are checked again here so that the service stands alone.)
 */
export function resolveMonthRange(now: Date, filter: { from?: string | null; to?: string | null }, prefix = 'filter'): MonthRange {
  const given = { from: filter.from ?? undefined, to: filter.to ?? undefined };
  const problems: FieldError[] = [];
  for (const key of ['from', 'to'] as const) {
    const value = given[key];
    if (value !== undefined && !MONTH_FORMAT.test(value))
      problems.push({ field: `${prefix}.${key}`, message: key === 'from' ? STATISTICS.fromMonth() : STATISTICS.toMonth() });
  }
  if (problems.length) throw new BadUserInputError(problems);

  const to = given.to ?? riyadhMonth(now);
  const from = given.from ?? addMonths(to, -(DEFAULT_MONTHS - 1));
  // The field to blame: the one the caller gave (`from` when both were given).
  const field = `${prefix}.${given.from !== undefined ? 'from' : 'to'}`;
  if (index(from) > index(to)) {
    const refusal = given.to === undefined ? STATISTICS.fromAfterCurrentMonth : STATISTICS.fromAfterTo;
    throw new BadUserInputError([{ field, message: refusal({ from, to }) }]);
  }
  if (monthsBetween(from, to) > MAX_MONTHS) {
    throw new BadUserInputError([{ field, message: STATISTICS.rangeTooLong({ months: MAX_MONTHS }) }]);
  }
  return { from, to };
}
