import { calendarProblem, isOpen, localParts } from './working-calendar';

const riyadh = { timeZone: 'Asia/Riyadh', workDays: [0, 1, 2, 3, 4], workStart: '08:00:00', workEnd: '15:00:00' };
// Riyadh is UTC+3 all year. 2026-11-22 is a Sunday.
const at = (iso: string) => new Date(iso);

describe('court working calendar', () => {
  it('reads wall-clock time in Asia/Riyadh', () => {
    expect(localParts(at('2026-11-22T05:00:00Z'), 'Asia/Riyadh')).toEqual({ date: '2026-11-22', weekday: 0, minutes: 480 });
  });

  it('accepts Sunday to Thursday between 08:00 and 15:00 Riyadh time', () => {
    expect(calendarProblem(riyadh, [], at('2026-11-22T05:00:00Z'), at('2026-11-22T06:00:00Z'))).toBeNull();
    expect(calendarProblem(riyadh, [], at('2026-11-26T11:00:00Z'), at('2026-11-26T12:00:00Z'))).toBeNull(); // Thu 14:00–15:00
  });

  it('refuses Friday and Saturday', () => {
    expect(calendarProblem(riyadh, [], at('2026-11-27T06:00:00Z'), at('2026-11-27T07:00:00Z'))).toBe('NOT_A_WORKING_DAY');
    expect(calendarProblem(riyadh, [], at('2026-11-28T06:00:00Z'), at('2026-11-28T07:00:00Z'))).toBe('NOT_A_WORKING_DAY');
  });

  it('refuses before 08:00 and after 15:00 local time', () => {
    expect(calendarProblem(riyadh, [], at('2026-11-22T04:30:00Z'), at('2026-11-22T05:30:00Z'))).toBe('OUTSIDE_WORKING_HOURS');
    expect(calendarProblem(riyadh, [], at('2026-11-22T11:30:00Z'), at('2026-11-22T12:30:00Z'))).toBe('OUTSIDE_WORKING_HOURS');
  });

  it('refuses holidays, inclusive of both ends', () => {
    const eid = [{ startsOn: '2026-11-23', endsOn: '2026-11-24' }];
    expect(calendarProblem(riyadh, eid, at('2026-11-23T06:00:00Z'), at('2026-11-23T07:00:00Z'))).toBe('HOLIDAY');
    expect(calendarProblem(riyadh, eid, at('2026-11-24T06:00:00Z'), at('2026-11-24T07:00:00Z'))).toBe('HOLIDAY');
    expect(calendarProblem(riyadh, eid, at('2026-11-25T06:00:00Z'), at('2026-11-25T07:00:00Z'))).toBeNull();
  });

  it('refuses empty ranges and ranges across midnight', () => {
    expect(calendarProblem(riyadh, [], at('2026-11-22T06:00:00Z'), at('2026-11-22T06:00:00Z'))).toBe('EMPTY_RANGE');
    expect(calendarProblem({ ...riyadh, workEnd: '23:59:00' }, [], at('2026-11-22T20:00:00Z'), at('2026-11-22T22:00:00Z'))).toBe(
      'SPANS_DAYS',
    );
  });

  it('answers whether the court is open at an instant', () => {
    expect(isOpen(riyadh, [], at('2026-11-22T05:00:00Z'))).toBe(true);
    expect(isOpen(riyadh, [], at('2026-11-22T04:59:00Z'))).toBe(false);
  });
});
