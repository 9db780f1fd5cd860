import { basisProblems } from '../core/rules/legal-basis';
import { movedOverBetween, PERIOD_EXTENSION, periodEnd } from './court-periods';
import { standardCalendarRules } from './working-calendar-rules';

describe('periods on a court’s calendar', () => {
  const riyadh = standardCalendarRules(); // Sunday to Thursday
  const d = (iso: string) => new Date(iso);
  const eid = { startsOn: '2027-03-09', endsOn: '2027-03-13', nameAr: 'إجازة عيد الفطر', nameEn: 'Eid al-Fitr holiday' };

  it('ends N days later at the same time when that is a working day', () => {
    // Served Tuesday 3 November 2026; thirty days later is Thursday 3 December.
    expect(periodEnd(riyadh, [], d('2026-11-03T10:00:00Z'), 30)).toEqual({
      nominalAt: d('2026-12-03T10:00:00Z'),
      dueAt: d('2026-12-03T10:00:00Z'),
      movedOver: [],
    });
  });

  it('moves over the weekend to Sunday', () => {
    const end = periodEnd(riyadh, [], d('2026-11-04T10:00:00Z'), 30); // nominally Friday 4 December
    expect(end.dueAt).toEqual(d('2026-12-06T10:00:00Z'));
    expect(end.movedOver).toEqual([
      { day: '2026-12-04', weekend: true, holidayNameAr: null, holidayNameEn: null },
      { day: '2026-12-05', weekend: true, holidayNameAr: null, holidayNameEn: null },
    ]);
  });

  it('moves over a holiday and the weekend that follows it, naming the holiday', () => {
    // Nominally Tuesday 9 March 2027, the first day of the Eid holiday (to Saturday 13 March).
    const end = periodEnd(riyadh, [eid], d('2027-02-07T09:00:00Z'), 30);
    expect(end.dueAt).toEqual(d('2027-03-14T09:00:00Z'));
    expect(end.movedOver.map((m) => [m.day, m.weekend, m.holidayNameEn])).toEqual([
      ['2027-03-09', false, 'Eid al-Fitr holiday'],
      ['2027-03-10', false, 'Eid al-Fitr holiday'],
      ['2027-03-11', false, 'Eid al-Fitr holiday'],
      ['2027-03-12', true, 'Eid al-Fitr holiday'],
      ['2027-03-13', true, 'Eid al-Fitr holiday'],
    ]);
  });

  it('reads the day in the court’s time zone: 22:00 UTC on a Thursday is already Friday in Riyadh', () => {
    // 22:00 UTC on 2 November is 01:00 on Tuesday 3 November in Riyadh: thirty days on is Thursday 3 December.
    expect(periodEnd(riyadh, [], d('2026-11-02T22:00:00Z'), 30).movedOver).toEqual([]);
    const late = periodEnd(riyadh, [], d('2026-11-03T22:00:00Z'), 30); // 4 December 01:00 in Riyadh, a Friday
    expect(late.dueAt).toEqual(d('2026-12-05T22:00:00Z'));
    expect(late.movedOver.map((m) => m.day)).toEqual(['2026-12-04', '2026-12-05']);
  });

  it('explains a stored deadline by the days between its nominal end and its end', () => {
    expect(movedOverBetween(riyadh, [eid], d('2027-03-09T09:00:00Z'), d('2027-03-14T09:00:00Z')).map((m) => m.day)).toEqual([
      '2027-03-09',
      '2027-03-10',
      '2027-03-11',
      '2027-03-12',
      '2027-03-13',
    ]);
    expect(movedOverBetween(riyadh, [], d('2026-12-03T10:00:00Z'), d('2026-12-03T10:00:00Z'))).toEqual([]);
  });

  it('names the law that moves a period’s end', () => {
    expect(basisProblems(PERIOD_EXTENSION)).toEqual([]);
  });
});
