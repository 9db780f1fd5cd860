import { SEED_ADMIN, SEED_USERS } from '../../../src/seed/seed-data';
import { nationalIdProblem } from '../../../src/core/validation/national-id';
import { claimsOf, subjectOf } from './provider';
import { findPerson, REGISTRY } from './registry';

describe('the stand-in civil registry', () => {
  it('holds every seeded demo user with the same names, so each can sign in nationally', () => {
    for (const user of SEED_USERS) {
      expect(findPerson(user.nationalId)).toMatchObject({ nameAr: user.nameAr, nameEn: user.nameEn });
    }
  });

  it('holds people without an account, one of them an iqama holder, and not the system account', () => {
    const seeded = new Set(SEED_USERS.map((u) => u.nationalId));
    const newcomers = REGISTRY.filter((p) => !seeded.has(p.nationalId));
    expect(newcomers.length).toBeGreaterThanOrEqual(3);
    expect(newcomers.some((p) => p.nationalId.startsWith('2'))).toBe(true);
    expect(findPerson(SEED_ADMIN.nationalId)).toBeUndefined();
  });

  it('has valid, distinct numbers and verified phones in E.164', () => {
    expect(new Set(REGISTRY.map((p) => p.nationalId)).size).toBe(REGISTRY.length);
    for (const p of REGISTRY) {
      expect(nationalIdProblem(p.nationalId)).toBeNull();
      expect(p.phone).toMatch(/^\+9665[0-9]{8}$/);
    }
  });

  it('releases opaque, stable subjects and the claims Adl reads', () => {
    const person = findPerson('2109876546')!;
    expect(subjectOf(person.nationalId)).toBe(subjectOf('2109876546'));
    expect(subjectOf(person.nationalId)).not.toContain(person.nationalId);
    expect(claimsOf(person)).toMatchObject({
      national_id: '2109876546',
      id_type: 'IQAMA',
      nationality: 'BGD',
      'name#ar': person.nameAr,
      'name#en': person.nameEn,
      phone_number_verified: true,
    });
  });
});
