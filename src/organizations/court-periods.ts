/**
 * Periods counted on a court's calendar (docs/domain.md, "Dates and deadlines"). A period of N
 * days from an event (a service, a striking off) ends N days later at the same time of day; when
 * that day is a weekend day or a holiday of the court, it ends on the next working day instead
 * (PERIOD_EXTENSION). Pure functions over the court's calendar and closed days.
 */
import type { LegalBasis } from '../core/rules/legal-basis';
import { type CalendarRules, type ClosedDays, localParts } from './working-calendar';

export const PERIOD_EXTENSION: LegalBasis = {
  ar: 'نظام المرافعات الشرعية، المادة الثالثة والعشرون: إذا صادف آخر الميعاد عطلة رسمية امتد إلى أول يوم عمل بعدها؛ والعطلة الرسمية عطلة نهاية الأسبوع والإجازات التي تعلنها الجهات المختصة وتسجلها المحكمة في تقويمها.',
  en: 'Law of Procedure before Sharia Courts, Article 23: when the last day of a period falls on an official holiday, the period extends to the first working day after it; official holidays are the weekend and the holidays announced by the authorities and entered in the court’s calendar.',
  reference: 'Law of Procedure before Sharia Courts (Royal Decree M/1 of 22/1/1435H), Article 23',
};

export interface NamedClosedDays extends ClosedDays {
  nameAr: string;
  nameEn: string;
}

/** A day a period's end moved over: a weekend day, a holiday, or both. */
export interface MovedOverDay {
  day: string;
  weekend: boolean;
  holidayNameAr: string | null;
  holidayNameEn: string | null;
}

export interface PeriodEnd {
  nominalAt: Date;
  dueAt: Date;
  movedOver: MovedOverDay[];
}

const DAY_MS = 86_400_000;
/** A year of closed days in a row is a calendar error, not a period. */
const MAX_MOVES = 366;

/** Why the day of `at` is closed in the court, or null when it is a working day. */
function closedDay(rules: CalendarRules, holidays: readonly NamedClosedDays[], at: Date): MovedOverDay | null {
  const { date, weekday } = localParts(at, rules.timeZone);
  const weekend = !rules.workDays.includes(weekday);
  const holiday = holidays.find((h) => h.startsOn <= date && date <= h.endsOn);
  if (!weekend && !holiday) return null;
  return { day: date, weekend, holidayNameAr: holiday?.nameAr ?? null, holidayNameEn: holiday?.nameEn ?? null };
}

/** The end of a period of `days` days from `start` on the court's calendar. */
export function periodEnd(rules: CalendarRules, holidays: readonly NamedClosedDays[], start: Date, days: number): PeriodEnd {
  const nominalAt = new Date(start.getTime() + days * DAY_MS);
  const movedOver: MovedOverDay[] = [];
  let dueAt = nominalAt;
  for (let closed = closedDay(rules, holidays, dueAt); closed; closed = closedDay(rules, holidays, dueAt)) {
    if (movedOver.length === MAX_MOVES)
      throw new Error(`The court's calendar has no working day within a year of ${nominalAt.toISOString()}.`);
    movedOver.push(closed);
    dueAt = new Date(dueAt.getTime() + DAY_MS);
  }
  return { nominalAt, dueAt, movedOver };
}

/** The days between a period's nominal end and its due time (a stored deadline explained). */
export function movedOverBetween(rules: CalendarRules, holidays: readonly NamedClosedDays[], nominalAt: Date, dueAt: Date): MovedOverDay[] {
  const days: MovedOverDay[] = [];
  for (let at = nominalAt; at < dueAt && days.length < MAX_MOVES; at = new Date(at.getTime() + DAY_MS)) {
    days.push(
      closedDay(rules, holidays, at) ?? {
        day: localParts(at, rules.timeZone).date,
        weekend: false,
        holidayNameAr: null,
        holidayNameEn: null,
      },
    );
  }
  return days;
}

/** The calendar days [from, to] touched by a period from `start` (for the holidays to load). */
export function periodSpan(start: Date, days: number): { from: string; to: string } {
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const nominal = start.getTime() + days * DAY_MS;
  return { from: iso(new Date(nominal - DAY_MS)), to: iso(new Date(nominal + 60 * DAY_MS)) };
}
