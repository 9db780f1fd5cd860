import { basisProblems } from '../../core/rules/legal-basis';
import { LawsuitCategory } from '../lawsuits/lawsuit.enums';
import { objectionDays, reminderHorizon, URGENT_CATEGORIES } from './objection-window';
import { ObjectionTrack } from './objection-rules.models';
import { OBJECTION_REMINDER, OBJECTION_WINDOWS, objectionWindowOf } from './objection-window-rules';

const DAY = 86_400_000;

describe('the objection window table', () => {
  it('has one rule per track, each a positive number of whole days', () => {
    expect(OBJECTION_WINDOWS.map((w) => w.track).sort()).toEqual(Object.values(ObjectionTrack).sort());
    for (const w of OBJECTION_WINDOWS) {
      expect(Number.isInteger(w.days)).toBe(true);
      expect(w.days).toBeGreaterThan(0);
    }
  });

  it('gives the urgent track the shorter window', () => {
    expect(objectionWindowOf(ObjectionTrack.URGENT).days).toBeLessThan(objectionWindowOf(ObjectionTrack.ORDINARY).days);
  });

  it('puts every lawsuit category in exactly one track', () => {
    const listed = OBJECTION_WINDOWS.flatMap((w) => w.categories);
    expect([...listed].sort()).toEqual(Object.values(LawsuitCategory).sort());
  });

  it('reminds a positive number of days before the deadline, inside the shortest window', () => {
    expect(OBJECTION_REMINDER.daysBefore).toBeGreaterThan(0);
    expect(OBJECTION_REMINDER.daysBefore).toBeLessThan(Math.min(...OBJECTION_WINDOWS.map((w) => w.days)));
  });

  it('names the law of every rule in Arabic and English', () => {
    for (const basis of [...OBJECTION_WINDOWS.map((w) => w.basis), OBJECTION_REMINDER.basis]) expect(basisProblems(basis)).toEqual([]);
  });

  it('is what the deadlines are computed from', () => {
    const served = new Date('2026-11-23T10:00:00Z');
    const ordinary = objectionWindowOf(ObjectionTrack.ORDINARY);
    const urgent = objectionWindowOf(ObjectionTrack.URGENT);
    expect(objectionDays(false)).toBe(ordinary.days);
    expect(objectionDays(true)).toBe(urgent.days);
    expect(URGENT_CATEGORIES).toEqual(urgent.categories);
    expect(reminderHorizon(served).getTime() - served.getTime()).toBe(OBJECTION_REMINDER.daysBefore * DAY);
  });
});
