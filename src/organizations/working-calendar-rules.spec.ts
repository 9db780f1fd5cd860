import { basisProblems } from '../core/rules/legal-basis';
import { calendarProblem, localParts } from './working-calendar';
import { STANDARD_WORKING_CALENDAR as STANDARD, standardCalendarRules } from './working-calendar-rules';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

describe('the standard working calendar table', () => {
  it('names a time zone the runtime knows', () => {
    expect(() => new Intl.DateTimeFormat('en', { timeZone: STANDARD.timeZone.zone })).not.toThrow();
  });

  it('works on distinct weekdays, at least one and not all seven', () => {
    const days = STANDARD.week.days;
    expect(new Set(days).size).toBe(days.length);
    expect(days.length).toBeGreaterThan(0);
    expect(days.length).toBeLessThan(7);
    for (const d of days) expect(Number.isInteger(d) && d >= 0 && d <= 6).toBe(true);
  });

  it('has working hours as HH:MM, the day ending after it starts', () => {
    expect(STANDARD.hours.start).toMatch(HHMM);
    expect(STANDARD.hours.end).toMatch(HHMM);
    expect(STANDARD.hours.end > STANDARD.hours.start).toBe(true);
  });

  it('names the rule of every part in Arabic and English', () => {
    for (const part of [STANDARD.timeZone, STANDARD.week, STANDARD.hours, STANDARD.holidays]) expect(basisProblems(part.basis)).toEqual([]);
  });

  it('is the calendar a new court is scheduled against', () => {
    const rules = standardCalendarRules();
    expect(rules).toEqual({
      timeZone: STANDARD.timeZone.zone,
      workDays: [...STANDARD.week.days],
      workStart: STANDARD.hours.start,
      workEnd: STANDARD.hours.end,
    });
    // The first minutes of the working day, on each day of one week: open on working days only.
    for (let offset = 0; offset < 7; offset += 1) {
      const noonUtc = new Date(Date.UTC(2026, 10, 22 + offset, 12));
      const local = localParts(noonUtc, rules.timeZone);
      const [h, m] = rules.workStart.split(':').map(Number);
      const start = new Date(noonUtc.getTime() + (h * 60 + m - local.minutes) * 60_000);
      const end = new Date(start.getTime() + 15 * 60_000);
      expect(calendarProblem(rules, [], start, end)).toBe(rules.workDays.includes(local.weekday) ? null : 'NOT_A_WORKING_DAY');
    }
  });
});
