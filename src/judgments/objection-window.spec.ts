import { objectionDeadline } from './objection-window';

describe('objection window', () => {
  const served = new Date('2026-11-23T10:00:00Z');

  it('is 30 days from notification', () => {
    expect(objectionDeadline(served, false)).toEqual(new Date('2026-12-23T10:00:00Z'));
  });

  it('is 10 days from notification for urgent categories', () => {
    expect(objectionDeadline(served, true)).toEqual(new Date('2026-12-03T10:00:00Z'));
  });
});
