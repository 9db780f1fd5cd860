import { nextFreeSlot } from './free-slot';

const riyadh = { timeZone: 'Asia/Riyadh', workDays: [0, 1, 2, 3, 4], workStart: '08:00', workEnd: '15:00' };
const d = (iso: string) => new Date(iso);

describe('next free slot', () => {
  it('is the requested time when it is free and within the calendar', () => {
    expect(nextFreeSlot(riyadh, [], [], d('2026-12-06T06:00:00Z'), 3600_000)).toEqual(d('2026-12-06T06:00:00Z'));
  });

  it('follows the busy hearing that overlaps the request', () => {
    const busy = [{ startsAt: d('2026-12-06T06:00:00Z'), endsAt: d('2026-12-06T07:00:00Z') }];
    expect(nextFreeSlot(riyadh, [], busy, d('2026-12-06T06:30:00Z'), 3600_000)).toEqual(d('2026-12-06T07:00:00Z'));
  });

  it('skips the end of the day, the weekend and holidays', () => {
    // Thursday 14:30 Riyadh, one hour: does not fit; Friday and Saturday closed; Sunday is a holiday.
    const holidays = [{ startsOn: '2026-12-06', endsOn: '2026-12-06' }];
    expect(nextFreeSlot(riyadh, holidays, [], d('2026-12-03T11:30:00Z'), 3600_000)).toEqual(d('2026-12-07T05:00:00Z'));
  });
});
