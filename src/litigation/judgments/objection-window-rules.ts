/**
 * Objection windows (مدة الاعتراض) as data: the days a served party has to object, by track, with
 * the categories each track covers and the article it follows; and the reminder before a window
 * closes. objection-window.ts computes deadlines from this table alone, and the API publishes it
 * (objectionWindows, objectionReminder).
 */
import { LawsuitCategory } from '../lawsuits/lawsuit.enums';
import { ObjectionReminderRule, ObjectionTrack, ObjectionWindowRule } from './objection-rules.models';

const PROCEDURE_LAW = 'Law of Procedure before Sharia Courts (Royal Decree M/1 of 22/1/1435H), Article 187';

export const OBJECTION_WINDOWS: readonly ObjectionWindowRule[] = [
  {
    track: ObjectionTrack.ORDINARY,
    days: 30,
    categories: [LawsuitCategory.CIVIL, LawsuitCategory.COMMERCIAL, LawsuitCategory.PERSONAL_STATUS, LawsuitCategory.CRIMINAL],
    basis: {
      ar: 'نظام المرافعات الشرعية، المادة السابعة والثمانون بعد المائة: مدة الاعتراض بطلب الاستئناف أو التدقيق ثلاثون يوماً، فإن لم يقدّم المعترض اعتراضه خلالها سقط حقه واكتسب الحكم القطعية.',
      en: 'Law of Procedure before Sharia Courts, Article 187: an objection by appeal or review is made within thirty days; once they pass unused the right lapses and the judgment becomes final.',
      reference: PROCEDURE_LAW,
    },
  },
  {
    track: ObjectionTrack.URGENT,
    days: 10,
    categories: [LawsuitCategory.LABOR],
    basis: {
      ar: 'نظام المرافعات الشرعية، المادة السابعة والثمانون بعد المائة: تكون مدة الاعتراض عشرة أيام للأحكام الصادرة في المسائل المستعجلة؛ وتُنظر الدعاوى العمالية في المنصة على أنها مستعجلة كما تضبطها الوزارة.',
      en: 'Law of Procedure before Sharia Courts, Article 187: judgments in urgent matters may be objected to within ten days; the platform hears labour disputes as urgent, as the ministry configures.',
      reference: `${PROCEDURE_LAW} (urgent matters); labour disputes as urgent — as the ministry configures`,
    },
  },
];

/**
 * Each served party is reminded once, this many days before their deadline: late enough to be
 * timely, early enough to leave working days to write an objection (even in the short window).
 */
export const OBJECTION_REMINDER: ObjectionReminderRule = {
  daysBefore: 3,
  basis: {
    ar: 'تذكير تنظيمي لا يحدده نص نظامي، ولا يغيّر مدة الاعتراض؛ موعده كما تضبطه الوزارة.',
    en: 'An administrative courtesy that no article fixes and that does not change the window; its timing is as the ministry configures.',
    reference: 'Electronic service of the platform — as the ministry configures',
  },
};

export function objectionWindowOf(track: ObjectionTrack): ObjectionWindowRule {
  const rule = OBJECTION_WINDOWS.find((w) => w.track === track);
  if (!rule) throw new Error(`No objection window for the ${track} track.`);
  return rule;
}
