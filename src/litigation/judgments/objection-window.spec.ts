import { mayObject, objectionDays, reminderDue, reminderHorizon, windowState } from './objection-window';

describe('objection window', () => {
  const served = new Date('2026-11-23T10:00:00Z');

  it('is 30 days from the party’s service, 10 for urgent categories (counted on the court’s calendar, court-periods.ts)', () => {
    expect(objectionDays(false)).toBe(30);
    expect(objectionDays(true)).toBe(10);
  });

  it('has not started for an unserved party, who is never out of time', () => {
    expect(windowState(null, new Date('2030-01-01T00:00:00Z'))).toBe('NOT_SERVED');
    expect(mayObject(null, new Date('2030-01-01T00:00:00Z'))).toBe(true);
  });

  it('is open up to and including the deadline, and passed a moment after', () => {
    const deadline = new Date(served.getTime() + 30 * 86_400_000);
    expect(windowState(deadline, deadline)).toBe('OPEN');
    expect(mayObject(deadline, deadline)).toBe(true);
    expect(windowState(deadline, new Date(deadline.getTime() + 1))).toBe('PASSED');
    expect(mayObject(deadline, new Date(deadline.getTime() + 1))).toBe(false);
  });

  it('reminds once, from three days before the deadline until it passes', () => {
    const deadline = new Date('2026-12-23T10:00:00Z');
    expect(reminderDue(deadline, null, new Date('2026-12-20T09:59:59Z'))).toBe(false);
    expect(reminderDue(deadline, null, new Date('2026-12-20T10:00:00Z'))).toBe(true);
    expect(reminderDue(deadline, null, new Date('2026-12-23T10:00:00Z'))).toBe(true);
    expect(reminderDue(deadline, null, new Date('2026-12-23T10:00:01Z'))).toBe(false);
    expect(reminderDue(deadline, new Date('2026-12-21T00:00:00Z'), new Date('2026-12-22T00:00:00Z'))).toBe(false);
    expect(reminderHorizon(new Date('2026-12-20T10:00:00Z'))).toEqual(deadline);
  });
});
