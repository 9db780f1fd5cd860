import { isE164, outcomeFor, refusedAtOnce } from './rules';

describe('the SMS stand-in’s outcomes by number', () => {
  it('delivers ordinary numbers, and not the two reserved ranges', () => {
    expect(outcomeFor('+966512345678')).toEqual({ status: 'delivered' });
    expect(outcomeFor('+966599999012')).toEqual({ status: 'undelivered', errorCode: 'UNREACHABLE' });
    expect(outcomeFor('+966599999112')).toEqual({ status: 'failed', errorCode: 'REJECTED_BY_CARRIER' });
  });

  it('takes E.164 numbers only', () => {
    expect(isE164('+966512345678')).toBe(true);
    expect(isE164('0512345678')).toBe(false);
    expect(isE164('+0512345678')).toBe(false);
    expect(refusedAtOnce('0512345678')).toBe(true);
    expect(refusedAtOnce('+966599999212')).toBe(true);
    expect(refusedAtOnce('+966512345678')).toBe(false);
  });
});
