/**
 * The stand-in civil registry: who the development identity provider knows (docs/identity.md).
 * Every seeded demo user (src/seed/seed-data.ts) is here with the same number and names, so each
 * can sign in nationally; a few people have no Adl account yet, one of them an iqama holder.
 * The platform's reserved system account (1000000001) is no person and is not here.
 */
import { luhnValid } from '../../../src/core/validation/national-id';

export interface RegistryPerson {
  /** National ID (starts with 1) or iqama (starts with 2), with its check digit. */
  nationalId: string;
  nameAr: string;
  nameEn: string;
  /** ISO 8601 Gregorian date. */
  birthdate: string;
  gender: 'male' | 'female';
  /** ISO 3166-1 alpha-3. */
  nationality: string;
  /** E.164, verified by the registry. */
  phone: string;
}

export const REGISTRY: readonly RegistryPerson[] = [
  // The seeded demo users.
  {
    nationalId: '1010101010',
    nameAr: 'عبدالله محمد القحطاني',
    nameEn: 'Abdullah Mohammed Al-Qahtani',
    birthdate: '1985-03-14',
    gender: 'male',
    nationality: 'SAU',
    phone: '+966501010101',
  },
  {
    nationalId: '1020304059',
    nameAr: 'سارة خالد العتيبي',
    nameEn: 'Sarah Khalid Al-Otaibi',
    birthdate: '1990-07-02',
    gender: 'female',
    nationality: 'SAU',
    phone: '+966502030405',
  },
  {
    nationalId: '2000000006',
    nameAr: 'أحمد حسن',
    nameEn: 'Ahmed Hassan',
    birthdate: '1982-11-20',
    gender: 'male',
    nationality: 'EGY',
    phone: '+966500000006',
  },
  {
    nationalId: '1030507097',
    nameAr: 'فهد عبدالعزيز الدوسري',
    nameEn: 'Fahd Abdulaziz Al-Dosari',
    birthdate: '1979-01-30',
    gender: 'male',
    nationality: 'SAU',
    phone: '+966503050709',
  },
  {
    nationalId: '1040404046',
    nameAr: 'القاضي سليمان إبراهيم الشهري',
    nameEn: 'Judge Sulaiman Ibrahim Al-Shehri',
    birthdate: '1970-05-09',
    gender: 'male',
    nationality: 'SAU',
    phone: '+966504040404',
  },
  {
    nationalId: '1050505054',
    nameAr: 'القاضي ناصر علي الغامدي',
    nameEn: 'Judge Nasser Ali Al-Ghamdi',
    birthdate: '1968-09-17',
    gender: 'male',
    nationality: 'SAU',
    phone: '+966505050505',
  },
  {
    nationalId: '1060606066',
    nameAr: 'ماجد سعد الحربي',
    nameEn: 'Majed Saad Al-Harbi',
    birthdate: '1988-12-01',
    gender: 'male',
    nationality: 'SAU',
    phone: '+966506060606',
  },
  {
    nationalId: '1070707078',
    nameAr: 'نورة عبدالرحمن السبيعي',
    nameEn: 'Noura Abdulrahman Al-Subaie',
    birthdate: '1986-04-23',
    gender: 'female',
    nationality: 'SAU',
    phone: '+966507070707',
  },
  {
    nationalId: '1080808080',
    nameAr: 'تركي فيصل العنزي',
    nameEn: 'Turki Faisal Al-Anazi',
    birthdate: '1983-08-11',
    gender: 'male',
    nationality: 'SAU',
    phone: '+966508080808',
  },
  {
    nationalId: '1090909092',
    nameAr: 'خالد يوسف المطيري',
    nameEn: 'Khalid Yousef Al-Mutairi',
    birthdate: '1975-02-28',
    gender: 'male',
    nationality: 'SAU',
    phone: '+966509090909',
  },
  // People with no Adl account yet: national sign-in creates theirs.
  {
    nationalId: '1112223332',
    nameAr: 'ريم سلطان الشمري',
    nameEn: 'Reem Sultan Al-Shammari',
    birthdate: '1995-10-05',
    gender: 'female',
    nationality: 'SAU',
    phone: '+966551112223',
  },
  {
    nationalId: '1122334459',
    nameAr: 'يوسف عمر الزهراني',
    nameEn: 'Yousef Omar Al-Zahrani',
    birthdate: '2001-06-18',
    gender: 'male',
    nationality: 'SAU',
    phone: '+966551223344',
  },
  {
    nationalId: '2109876546',
    nameAr: 'محمد رفيق الإسلام',
    nameEn: 'Mohammad Rafiqul Islam',
    birthdate: '1987-03-03',
    gender: 'male',
    nationality: 'BGD',
    phone: '+966562109876',
  },
];

/**
 * A synthetic population beside the named people, for tests and demos that need someone the
 * registry knows and Adl does not: every valid number whose first three digits are 199 (citizens)
 * or 299 (iqama holders) is a person whose details follow from the number. See syntheticPerson.
 */
export const SYNTHETIC_PREFIXES = ['199', '299'] as const;

export function syntheticPerson(nationalId: string): RegistryPerson | undefined {
  if (!/^[12][0-9]{9}$/.test(nationalId) || !SYNTHETIC_PREFIXES.some((p) => nationalId.startsWith(p))) return undefined;
  if (!luhnValid(nationalId)) return undefined;
  const serial = Number(nationalId.slice(3, 9));
  const born = new Date(Date.UTC(1960, 0, 1) + (serial % 15000) * 86_400_000);
  const citizen = nationalId.startsWith('1');
  return {
    nationalId,
    nameAr: `شخص اختباري ${nationalId.slice(3, 9)}`,
    nameEn: `Test Person ${nationalId.slice(3, 9)}`,
    birthdate: born.toISOString().slice(0, 10),
    gender: serial % 2 ? 'female' : 'male',
    nationality: citizen ? 'SAU' : 'JOR',
    phone: `+96659${nationalId.slice(3, 10)}`,
  };
}

export function findPerson(nationalId: string): RegistryPerson | undefined {
  return REGISTRY.find((p) => p.nationalId === nationalId) ?? syntheticPerson(nationalId);
}

/**
 * The civil registry's person lookup, as a government registry answers a relying service: the
 * person when the national ID and the birth date both match, else nothing — it never says which
 * of the two was wrong.
 */
export function lookUp(nationalId: string, birthdate: string): RegistryPerson | undefined {
  const person = findPerson(nationalId);
  return person && person.birthdate === birthdate ? person : undefined;
}
