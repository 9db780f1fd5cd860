/**
 * The standard working calendar of the courts as data, each part with the rule it follows: the
 * kingdom's time zone, the working week, the working hours, and where holidays come from. A new
 * court takes it (OrganizationsService.createCourt); each court keeps its own copy, which its
 * court administrator may adjust, and hearings are scheduled against that copy
 * (working-calendar.ts). The API shows both (workingCalendar).
 */
import type { CalendarRules } from './working-calendar';
import type { StandardWorkingCalendar } from './working-calendar.models';

export const STANDARD_WORKING_CALENDAR: StandardWorkingCalendar = {
  timeZone: {
    zone: 'Asia/Riyadh',
    basis: {
      ar: 'التوقيت الرسمي للمملكة العربية السعودية: توقيت الرياض (UTC+3) طوال العام دون توقيت صيفي.',
      en: 'The official time of the Kingdom of Saudi Arabia: Riyadh time (UTC+3) all year, with no daylight saving.',
      reference: 'Official time of the Kingdom (Arabia Standard Time, UTC+3)',
    },
  },
  week: {
    days: [0, 1, 2, 3, 4],
    basis: {
      ar: 'الأمر الملكي لعام 1434هـ: أيام العمل الرسمية في الجهات الحكومية من الأحد إلى الخميس، والعطلة الأسبوعية الجمعة والسبت.',
      en: 'Royal Order of 1434H: official working days in government bodies are Sunday to Thursday; the weekend is Friday and Saturday.',
      reference: 'Royal Order of 1434H (2013) on the weekly rest days of government bodies',
    },
  },
  hours: {
    start: '08:00',
    end: '15:00',
    basis: {
      ar: 'نظام الخدمة المدنية ولوائحه: ساعات الدوام الرسمي تحددها الجهة المختصة؛ وساعات عمل المحاكم كما تضبطها الوزارة.',
      en: 'Civil Service Law and its regulations: official working hours are set by the competent authority; the courts’ hours are as the ministry configures.',
      reference: 'Civil Service Law and its regulations on official working hours — as the ministry configures',
    },
  },
  holidays: {
    basis: {
      ar: 'نظام الخدمة المدنية ولوائحه: إجازتا عيد الفطر وعيد الأضحى ويوم التأسيس واليوم الوطني، بالتواريخ التي تعلنها الجهات المختصة؛ وتُسجّل في تقويم المحاكم كما تضبطها الوزارة.',
      en: 'Civil Service Law and its regulations: the Eid al-Fitr and Eid al-Adha holidays, Founding Day and National Day, on the dates announced each year; entered in the courts’ calendar as the ministry configures.',
      reference: 'Civil Service Law and its regulations on official holidays — as the ministry configures',
    },
  },
};

/** The calendar a new court starts with. */
export function standardCalendarRules(): CalendarRules {
  const s = STANDARD_WORKING_CALENDAR;
  return { timeZone: s.timeZone.zone, workDays: [...s.week.days], workStart: s.hours.start, workEnd: s.hours.end };
}
