import { SEED_ADMIN, SEED_USERS } from '../../../src/seed/seed-data';
import { nationalIdProblem } from '../../../src/core/validation/national-id';
import { claimsOf, subjectOf } from './provider';
import { withCheckDigit } from '../../../src/core/validation/national-id';
import { findPerson, lookUp, REGISTRY, syntheticPerson } from './registry';

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

  it('knows a synthetic person for every valid 199… and 299… number, the same each time, and no one else', () => {
    const id = withCheckDigit('199123456');
    const person = findPerson(id)!;
    expect(person).toEqual(syntheticPerson(id));
    expect(person).toMatchObject({ nationalId: id, nationality: 'SAU', nameEn: 'Test Person 123456', phone: `+96659${id.slice(3)}` });
    expect(nationalIdProblem(id)).toBeNull();
    expect(findPerson(withCheckDigit('299000001'))).toMatchObject({ nationality: 'JOR' });
    expect(findPerson(withCheckDigit('198123456'))).toBeUndefined();
    // A wrong check digit is no number.
    expect(findPerson(id.slice(0, 9) + ((Number(id[9]) + 1) % 10))).toBeUndefined();
  });

  it('looks a person up only by the number and the birth date together', () => {
    const named = REGISTRY[0];
    expect(lookUp(named.nationalId, named.birthdate)).toBe(named);
    expect(lookUp(named.nationalId, '1985-03-15')).toBeUndefined();
    expect(lookUp(withCheckDigit('100000123'), named.birthdate)).toBeUndefined();
  });
});
