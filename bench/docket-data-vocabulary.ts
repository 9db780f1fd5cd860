/**
 * The fixed material of the docket data set: names (Arabic and English side by side, as the application stores
 * them), subjects and texts, the thirty courts added to the seeded ten, and the boundaries of the Hijri years that
 * number the cases.
 */
import { hijriYear } from '../src/core/clock/hijri';

export const GIVEN: ReadonlyArray<readonly [string, string]> = [
  ['محمد', 'Mohammed'],
  ['عبدالله', 'Abdullah'],
  ['أحمد', 'Ahmed'],
  ['خالد', 'Khalid'],
  ['فهد', 'Fahd'],
  ['سعود', 'Saud'],
  ['عبدالرحمن', 'Abdulrahman'],
  ['فيصل', 'Faisal'],
  ['سلطان', 'Sultan'],
  ['ناصر', 'Nasser'],
  ['سارة', 'Sarah'],
  ['نورة', 'Noura'],
  ['فاطمة', 'Fatimah'],
  ['مريم', 'Maryam'],
  ['ريم', 'Reem'],
  ['هند', 'Hind'],
  ['عائشة', 'Aisha'],
  ['لطيفة', 'Latifa'],
  ['منيرة', 'Munira'],
  ['أمل', 'Amal'],
];
export const FAMILY: ReadonlyArray<readonly [string, string]> = [
  ['القحطاني', 'Al-Qahtani'],
  ['العتيبي', 'Al-Otaibi'],
  ['الدوسري', 'Al-Dosari'],
  ['الشهري', 'Al-Shehri'],
  ['الغامدي', 'Al-Ghamdi'],
  ['الحربي', 'Al-Harbi'],
  ['السبيعي', 'Al-Subaie'],
  ['العنزي', 'Al-Anazi'],
  ['المطيري', 'Al-Mutairi'],
  ['الزهراني', 'Al-Zahrani'],
  ['الشمري', 'Al-Shammari'],
  ['السهلي', 'Al-Sahli'],
  ['العمري', 'Al-Omari'],
  ['المالكي', 'Al-Maliki'],
  ['الجهني', 'Al-Juhani'],
  ['البلوي', 'Al-Balawi'],
];
export const COMPANY: ReadonlyArray<readonly [string, string]> = [
  ['شركة %s للتجارة', '%s Trading Company'],
  ['مؤسسة %s للمقاولات', '%s Contracting Establishment'],
  ['شركة %s القابضة', '%s Holding Company'],
  ['مصنع %s للصناعات الغذائية', '%s Food Industries Factory'],
  ['شركة %s للنقل والخدمات اللوجستية', '%s Transport and Logistics Company'],
  ['مؤسسة %s للخدمات العقارية', '%s Real Estate Services Establishment'],
];

export const SUBJECTS: Record<string, string[]> = {
  CIVIL: [
    'مطالبة بأجرة عقار سكني متأخرة',
    'مطالبة بتعويض عن أضرار حادث مروري',
    'مطالبة بإعادة مبلغ قرض حسن',
    'مطالبة بفسخ عقد بيع مركبة وإعادة الثمن',
  ],
  COMMERCIAL: [
    'مطالبة بقيمة بضاعة موردة وفق فواتير',
    'نزاع بين شركاء في شركة ذات مسؤولية محدودة',
    'مطالبة بقيمة أوراق تجارية غير مسددة',
    'مطالبة بغرامات تأخير في عقد توريد',
  ],
  LABOR: [
    'مطالبة بأجور متأخرة ومكافأة نهاية الخدمة',
    'اعتراض على فصل تعسفي ومطالبة بالتعويض',
    'مطالبة ببدل إجازات سنوية غير مستحقة الصرف',
    'مطالبة بتسليم شهادة خبرة وأجر ساعات إضافية',
  ],
  PERSONAL_STATUS: ['دعوى نفقة للزوجة والأولاد', 'دعوى حضانة وزيارة', 'دعوى إثبات طلاق', 'دعوى قسمة تركة بين الورثة'],
  CRIMINAL: ['دعوى عامة في جريمة احتيال مالي', 'دعوى عامة في جريمة اعتداء', 'دعوى عامة في جريمة سرقة', 'دعوى عامة في جريمة تزوير محرر'],
};
export const FACTS = [
  'تتلخص وقائع الدعوى في أن المدعي تعاقد مع المدعى عليه بموجب العقد المرفق، والتزم بتنفيذ ما عليه من التزامات في المواعيد المتفق عليها.',
  'وقد أخل المدعى عليه بالتزاماته التعاقدية رغم مطالبته ودياً عدة مرات، ولم يستجب للإنذار الموجه إليه عبر البريد المسجل.',
  'ويستند المدعي في دعواه إلى المستندات المرفقة ومنها الفواتير وكشوف الحساب والمراسلات المتبادلة بين الطرفين.',
  'ويطلب المدعي الحكم بإلزام المدعى عليه بأداء المبلغ المطالب به مع ما يستجد من تكاليف ومصاريف التقاضي وأتعاب المحاماة.',
  'وقد أفاد المدعى عليه في رده المبدئي بأن المبلغ محل النزاع قد سدد جزئياً، وطلب مهلة لتقديم ما يثبت ذلك من مستندات.',
  'وبعرض الصلح على الطرفين لم يتم التوصل إلى تسوية، وتمسك كل منهما بأقواله وطلباته الواردة في صحيفة الدعوى والمذكرات.',
  'وقد أرفق المدعي تقرير خبير محاسبي يبين مقدار المستحقات ويحدد تاريخ استحقاق كل دفعة منها على حدة.',
];
export const MINUTES =
  'افتتحت الجلسة في موعدها بحضور الطرفين، وبسؤال المدعي عن دعواه أحال إلى ما ورد في صحيفتها، وبعرض ذلك على المدعى عليه ' +
  'أجاب بما دون في مذكرته، وقد قررت الدائرة إمهال الطرفين لتقديم ما لديهما من بينات وتأجيل نظر الدعوى إلى الجلسة القادمة.';

interface BenchCourt {
  code: string;
  nameAr: string;
  nameEn: string;
  type: 'GENERAL' | 'COMMERCIAL' | 'PERSONAL_STATUS' | 'CRIMINAL' | 'APPEAL';
  city: string;
  circuits: Array<[code: string, nameAr: string, nameEn: string, specialization: string]>;
}

const ORDINALS: ReadonlyArray<readonly [string, string]> = [
  ['الأولى', 'First'],
  ['الثانية', 'Second'],
  ['الثالثة', 'Third'],
  ['الرابعة', 'Fourth'],
];

/** Thirty courts in ten more cities, which with the ten seeded ones make forty. */
export function benchCourts(): BenchCourt[] {
  const cities: Array<[code: string, ar: string, en: string, third: 'PS' | 'CRM' | 'APL']> = [
    ['MKK', 'مكة المكرمة', 'Makkah', 'PS'],
    ['MED', 'المدينة المنورة', 'Madinah', 'PS'],
    ['TIF', 'الطائف', 'Taif', 'PS'],
    ['TBK', 'تبوك', 'Tabuk', 'PS'],
    ['ABH', 'أبها', 'Abha', 'CRM'],
    ['HAL', 'حائل', 'Hail', 'CRM'],
    ['BRD', 'بريدة', 'Buraidah', 'CRM'],
    ['NJR', 'نجران', 'Najran', 'APL'],
    ['JZN', 'جازان', 'Jazan', 'APL'],
    ['AHS', 'الأحساء', 'Al-Ahsa', 'APL'],
  ];
  const circuits = (prefix: string, ar: string, en: string, spec: string, n: number): BenchCourt['circuits'] =>
    ORDINALS.slice(0, n).map(([oAr, oEn], i) => [`${prefix}-${i + 1}`, `${ar} ${oAr}`, `${oEn} ${en}`, spec]);
  const courts: BenchCourt[] = [];
  for (const [code, ar, en, third] of cities) {
    courts.push({
      code: `${code}-GEN`,
      nameAr: `المحكمة العامة ب${ar}`,
      nameEn: `General Court of ${en}`,
      type: 'GENERAL',
      city: en,
      circuits: [
        ...circuits('CIV', 'الدائرة الحقوقية', 'Civil Circuit', 'CIVIL', 4),
        ...circuits('LAB', 'الدائرة العمالية', 'Labour Circuit', 'LABOR', 2),
      ],
    });
    courts.push({
      code: `${code}-COM`,
      nameAr: `المحكمة التجارية ب${ar}`,
      nameEn: `Commercial Court of ${en}`,
      type: 'COMMERCIAL',
      city: en,
      circuits: circuits('COM', 'الدائرة التجارية', 'Commercial Circuit', 'COMMERCIAL', 4),
    });
    if (third === 'PS') {
      courts.push({
        code: `${code}-PS`,
        nameAr: `محكمة الأحوال الشخصية ب${ar}`,
        nameEn: `Personal Status Court of ${en}`,
        type: 'PERSONAL_STATUS',
        city: en,
        circuits: circuits('PS', 'دائرة الأحوال الشخصية', 'Personal Status Circuit', 'PERSONAL_STATUS', 3),
      });
    } else if (third === 'CRM') {
      courts.push({
        code: `${code}-CRM`,
        nameAr: `المحكمة الجزائية ب${ar}`,
        nameEn: `Criminal Court of ${en}`,
        type: 'CRIMINAL',
        city: en,
        circuits: circuits('CRM', 'الدائرة الجزائية', 'Criminal Circuit', 'CRIMINAL', 2),
      });
    } else {
      courts.push({
        code: `${code}-APL`,
        nameAr: `محكمة الاستئناف ب${ar}`,
        nameEn: `Court of Appeal of ${en}`,
        type: 'APPEAL',
        city: en,
        circuits: circuits('APL', 'دائرة الاستئناف', 'Appeal Circuit', 'APPEAL', 2),
      });
    }
  }
  return courts;
}

/** The first instant (Riyadh midnight) of each Umm al-Qura year from 2014 to 2032, from the application's own hijriYear(). */
export function hijriYearStarts(): { years: number[]; starts: string[] } {
  const years: number[] = [];
  const starts: string[] = [];
  const day = 24 * 3600_000;
  // Riyadh midnight is 21:00 UTC the day before (no daylight saving).
  let at = Date.UTC(2013, 11, 31, 21);
  let year = hijriYear(new Date(at));
  years.push(year);
  starts.push(new Date(at).toISOString());
  for (const end = Date.UTC(2032, 0, 1); at < end; at += day) {
    const y = hijriYear(new Date(at));
    if (y !== year) {
      year = y;
      years.push(y);
      starts.push(new Date(at).toISOString());
    }
  }
  return { years, starts };
}
