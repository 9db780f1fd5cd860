/**
 * Demo data: courts of Riyadh, Jeddah and Dammam with circuits, a prosecution office, a notary
 * office, nationwide holidays, and one user per role. National IDs carry valid check digits.
 */
import { CourtType, Specialization } from '../organizations';
import { Role } from '../access/role.enum';

export const SEED_COURTS = [
  {
    code: 'RYD-GEN',
    nameAr: 'المحكمة العامة بالرياض',
    nameEn: 'General Court of Riyadh',
    type: CourtType.GENERAL,
    city: 'Riyadh',
    circuits: [
      ['CIV-1', 'الدائرة الحقوقية الأولى', 'First Civil Circuit', Specialization.CIVIL],
      ['CIV-2', 'الدائرة الحقوقية الثانية', 'Second Civil Circuit', Specialization.CIVIL],
      ['LAB-1', 'الدائرة العمالية الأولى', 'First Labour Circuit', Specialization.LABOR],
    ],
  },
  {
    code: 'RYD-COM',
    nameAr: 'المحكمة التجارية بالرياض',
    nameEn: 'Commercial Court of Riyadh',
    type: CourtType.COMMERCIAL,
    city: 'Riyadh',
    circuits: [
      ['COM-1', 'الدائرة التجارية الأولى', 'First Commercial Circuit', Specialization.COMMERCIAL],
      ['COM-2', 'الدائرة التجارية الثانية', 'Second Commercial Circuit', Specialization.COMMERCIAL],
    ],
  },
  {
    code: 'RYD-PS',
    nameAr: 'محكمة الأحوال الشخصية بالرياض',
    nameEn: 'Personal Status Court of Riyadh',
    type: CourtType.PERSONAL_STATUS,
    city: 'Riyadh',
    circuits: [['PS-1', 'دائرة الأحوال الشخصية الأولى', 'First Personal Status Circuit', Specialization.PERSONAL_STATUS]],
  },
  {
    code: 'RYD-CRM',
    nameAr: 'المحكمة الجزائية بالرياض',
    nameEn: 'Criminal Court of Riyadh',
    type: CourtType.CRIMINAL,
    city: 'Riyadh',
    circuits: [['CRM-1', 'الدائرة الجزائية الأولى', 'First Criminal Circuit', Specialization.CRIMINAL]],
  },
  {
    code: 'RYD-APL',
    nameAr: 'محكمة الاستئناف بالرياض',
    nameEn: 'Court of Appeal of Riyadh',
    type: CourtType.APPEAL,
    city: 'Riyadh',
    circuits: [['APL-1', 'دائرة الاستئناف الأولى', 'First Appeal Circuit', Specialization.APPEAL]],
  },
  {
    code: 'RYD-EXE',
    nameAr: 'محكمة التنفيذ بالرياض',
    nameEn: 'Execution Court of Riyadh',
    type: CourtType.EXECUTION,
    city: 'Riyadh',
    circuits: [['EXE-1', 'دائرة التنفيذ الأولى', 'First Execution Circuit', Specialization.EXECUTION]],
  },
  {
    code: 'JED-GEN',
    nameAr: 'المحكمة العامة بجدة',
    nameEn: 'General Court of Jeddah',
    type: CourtType.GENERAL,
    city: 'Jeddah',
    circuits: [['CIV-1', 'الدائرة الحقوقية الأولى', 'First Civil Circuit', Specialization.CIVIL]],
  },
  {
    code: 'JED-COM',
    nameAr: 'المحكمة التجارية بجدة',
    nameEn: 'Commercial Court of Jeddah',
    type: CourtType.COMMERCIAL,
    city: 'Jeddah',
    circuits: [['COM-1', 'الدائرة التجارية الأولى', 'First Commercial Circuit', Specialization.COMMERCIAL]],
  },
  {
    code: 'DMM-GEN',
    nameAr: 'المحكمة العامة بالدمام',
    nameEn: 'General Court of Dammam',
    type: CourtType.GENERAL,
    city: 'Dammam',
    circuits: [['CIV-1', 'الدائرة الحقوقية الأولى', 'First Civil Circuit', Specialization.CIVIL]],
  },
  {
    code: 'DMM-CRM',
    nameAr: 'المحكمة الجزائية بالدمام',
    nameEn: 'Criminal Court of Dammam',
    type: CourtType.CRIMINAL,
    city: 'Dammam',
    circuits: [['CRM-1', 'الدائرة الجزائية الأولى', 'First Criminal Circuit', Specialization.CRIMINAL]],
  },
] as const;

export const SEED_PROSECUTION_OFFICES = [
  { code: 'RYD-PP', nameAr: 'النيابة العامة بالرياض', nameEn: 'Public Prosecution, Riyadh', city: 'Riyadh' },
];
export const SEED_NOTARY_OFFICES = [
  { code: 'RYD-NO1', nameAr: 'كتابة العدل الأولى بالرياض', nameEn: 'First Notary Office of Riyadh', city: 'Riyadh' },
];

/** Nationwide holidays (Eid dates follow the Umm al-Qura calendar's expected sightings). */
export const SEED_HOLIDAYS = [
  { startsOn: '2026-09-23', endsOn: '2026-09-23', nameAr: 'اليوم الوطني', nameEn: 'National Day' },
  { startsOn: '2027-02-22', endsOn: '2027-02-22', nameAr: 'يوم التأسيس', nameEn: 'Founding Day' },
  { startsOn: '2027-03-09', endsOn: '2027-03-13', nameAr: 'إجازة عيد الفطر', nameEn: 'Eid al-Fitr holiday' },
  { startsOn: '2027-05-15', endsOn: '2027-05-19', nameAr: 'إجازة عيد الأضحى', nameEn: 'Eid al-Adha holiday' },
  { startsOn: '2027-09-23', endsOn: '2027-09-23', nameAr: 'اليوم الوطني', nameEn: 'National Day' },
];

export interface SeedUser {
  key: string;
  nationalId: string;
  nameAr: string;
  nameEn: string;
  roles: Role[];
  lawyerLicense?: string;
  membership?: { role: Role; court?: string; circuit?: [string, string]; prosecutionOffice?: string; notaryOffice?: string };
}

export const SEED_USERS: SeedUser[] = [
  {
    key: 'citizen',
    nationalId: '1010101010',
    nameAr: 'عبدالله محمد القحطاني',
    nameEn: 'Abdullah Mohammed Al-Qahtani',
    roles: [Role.CITIZEN],
  },
  { key: 'citizen2', nationalId: '1020304059', nameAr: 'سارة خالد العتيبي', nameEn: 'Sarah Khalid Al-Otaibi', roles: [Role.CITIZEN] },
  { key: 'resident', nationalId: '2000000006', nameAr: 'أحمد حسن', nameEn: 'Ahmed Hassan', roles: [Role.CITIZEN] },
  {
    key: 'lawyer',
    nationalId: '1030507097',
    nameAr: 'فهد عبدالعزيز الدوسري',
    nameEn: 'Fahd Abdulaziz Al-Dosari',
    roles: [Role.CITIZEN, Role.LAWYER],
    lawyerLicense: 'LAW-4471',
  },
  {
    key: 'judge',
    nationalId: '1040404046',
    nameAr: 'القاضي سليمان إبراهيم الشهري',
    nameEn: 'Judge Sulaiman Ibrahim Al-Shehri',
    roles: [Role.CITIZEN, Role.JUDGE],
    membership: { role: Role.JUDGE, circuit: ['RYD-GEN', 'CIV-1'] },
  },
  {
    key: 'appealJudge',
    nationalId: '1050505054',
    nameAr: 'القاضي ناصر علي الغامدي',
    nameEn: 'Judge Nasser Ali Al-Ghamdi',
    roles: [Role.CITIZEN, Role.JUDGE],
    membership: { role: Role.JUDGE, circuit: ['RYD-APL', 'APL-1'] },
  },
  {
    key: 'clerk',
    nationalId: '1060606066',
    nameAr: 'ماجد سعد الحربي',
    nameEn: 'Majed Saad Al-Harbi',
    roles: [Role.CITIZEN, Role.CLERK],
    membership: { role: Role.CLERK, court: 'RYD-GEN' },
  },
  {
    key: 'courtAdmin',
    nationalId: '1070707078',
    nameAr: 'نورة عبدالرحمن السبيعي',
    nameEn: 'Noura Abdulrahman Al-Subaie',
    roles: [Role.CITIZEN, Role.COURT_ADMIN],
    membership: { role: Role.COURT_ADMIN, court: 'RYD-GEN' },
  },
  {
    key: 'prosecutor',
    nationalId: '1080808080',
    nameAr: 'تركي فيصل العنزي',
    nameEn: 'Turki Faisal Al-Anazi',
    roles: [Role.CITIZEN, Role.PROSECUTOR],
    membership: { role: Role.PROSECUTOR, prosecutionOffice: 'RYD-PP' },
  },
  {
    key: 'notary',
    nationalId: '1090909092',
    nameAr: 'خالد يوسف المطيري',
    nameEn: 'Khalid Yousef Al-Mutairi',
    roles: [Role.CITIZEN, Role.NOTARY],
    membership: { role: Role.NOTARY, notaryOffice: 'RYD-NO1' },
  },
];

export const SEED_ADMIN = { nationalId: '1000000001', nameAr: 'مدير المنصة', nameEn: 'Platform Administrator' };
