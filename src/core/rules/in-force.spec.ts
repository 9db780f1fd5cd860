import { inForceOn } from './in-force';

describe('the version of a rule table in force on a day', () => {
  const versions = [{ effectiveFrom: '2020-01-01' }, { effectiveFrom: '2027-03-01' }];

  it('is the latest that took effect on or before the day, and none before the first', () => {
    expect(inForceOn(versions, '2019-12-31')).toBeNull();
    expect(inForceOn(versions, '2020-01-01')).toBe(versions[0]);
    expect(inForceOn(versions, '2027-02-28')).toBe(versions[0]);
    expect(inForceOn(versions, '2027-03-01')).toBe(versions[1]);
  });
});
