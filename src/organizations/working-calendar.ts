/**
 * A court's working calendar: working days and hours in the court's time zone (the standard of
 * working-calendar-rules.ts unless its administrator adjusted them), minus holidays of the court
 * and nationwide ones. Pure functions: hearings are scheduled against them.
 */
export interface CalendarRules {
  timeZone: string;
  workDays: number[];
  workStart: string; // HH:MM[:SS]
  workEnd: string;
}

export interface ClosedDays {
  startsOn: string; // YYYY-MM-DD
  endsOn: string;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date, weekday and minutes after midnight of `at` in `timeZone`. */
export function localParts(at: Date, timeZone: string): { date: string; weekday: number; minutes: number } {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, fmt);
  }
  const parts = Object.fromEntries(fmt.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday],
    minutes: Number(parts.hour) * 60 + Number(parts.minute) + Number(parts.second) / 60,
  };
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

export type CalendarProblem = 'NOT_A_WORKING_DAY' | 'HOLIDAY' | 'OUTSIDE_WORKING_HOURS' | 'SPANS_DAYS' | 'EMPTY_RANGE';

/** Why [start, end) does not fit the calendar, or null when it does. */
export function calendarProblem(rules: CalendarRules, holidays: ClosedDays[], start: Date, end: Date): CalendarProblem | null {
  if (end <= start) return 'EMPTY_RANGE';
  const s = localParts(start, rules.timeZone);
  const e = localParts(new Date(end.getTime() - 1), rules.timeZone);
  if (s.date !== e.date) return 'SPANS_DAYS';
  if (!rules.workDays.includes(s.weekday)) return 'NOT_A_WORKING_DAY';
  if (holidays.some((h) => h.startsOn <= s.date && s.date <= h.endsOn)) return 'HOLIDAY';
  const endMinutes = localParts(end, rules.timeZone).minutes;
  const endOfDay = endMinutes === 0 ? 24 * 60 : endMinutes;
  if (s.minutes < toMinutes(rules.workStart) || endOfDay > toMinutes(rules.workEnd)) return 'OUTSIDE_WORKING_HOURS';
  return null;
}

export function isOpen(rules: CalendarRules, holidays: ClosedDays[], at: Date): boolean {
  return calendarProblem(rules, holidays, at, new Date(at.getTime() + 60_000)) === null;
}
