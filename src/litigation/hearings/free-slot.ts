/**
 * The next free slot of a circuit: the first start, on a quarter-hour, from the requested one on,
 * at which a hearing of the requested length fits the court's calendar and overlaps no live
 * hearing of the circuit or the judge.
 */
import { calendarProblem, CalendarRules, ClosedDays } from '../../organizations';

export interface Busy {
  startsAt: Date;
  endsAt: Date;
}

const STEP_MS = 15 * 60_000;

export function nextFreeSlot(
  rules: CalendarRules,
  holidays: ClosedDays[],
  busy: Busy[],
  from: Date,
  durationMs: number,
  horizonMs = 60 * 24 * 3600_000,
): Date | null {
  let start = Math.ceil(from.getTime() / STEP_MS) * STEP_MS;
  const limit = from.getTime() + horizonMs;
  for (; start <= limit; start += STEP_MS) {
    const s = new Date(start);
    const e = new Date(start + durationMs);
    if (calendarProblem(rules, holidays, s, e) !== null) continue;
    if (busy.some((b) => b.startsAt < e && s < b.endsAt)) continue;
    return s;
  }
  return null;
}
