/** The messages of the organizations wing: courts, circuits, offices and working calendars (src/core/i18n). */
import { defineMessages } from '../core/i18n/messages';

export const ORGANIZATIONS = defineMessages('organizations', {
  courtNotFound: { ar: 'لم يُعثر على المحكمة.', en: 'The court was not found.' },
  circuitNotFound: { ar: 'لم يُعثر على الدائرة.', en: 'The circuit was not found.' },
  holidayNotFound: { ar: 'لم يُعثر على الإجازة.', en: 'The holiday was not found.' },
  idOrCode: { ar: 'اذكر المعرّف أو الرمز.', en: 'give id or code' },
  notACourtId: { ar: 'ليس معرّف محكمة.', en: 'is not a court id' },
  day: { ar: 'يجب أن يكون تاريخًا بالصيغة YYYY-MM-DD.', en: 'must be a date, YYYY-MM-DD' },
  calendarSpan: {
    ar: 'يجب أن يكون في تاريخ البداية أو بعده، وألا يتجاوزه بأكثر من {days} يومًا.',
    en: 'must be on or after from, and at most {days} days after it',
  },
  workEndAfterStart: { ar: 'يجب أن يكون بعد بداية الدوام.', en: 'must be after workStart' },
  noSuchCourt: { ar: 'لا توجد محكمة بهذا المعرّف.', en: 'no such court' },
  endsBeforeStarts: { ar: 'لا يجوز أن يسبق تاريخ البداية.', en: 'must not be before startsOn' },
  courtCodeUsed: { ar: 'الرمز مستخدم لمحكمة أخرى.', en: 'is already used by another court' },
  circuitCodeUsed: { ar: 'الرمز مستخدم لدائرة أخرى في هذه المحكمة.', en: 'is already used by another circuit of this court' },
  officeCodeUsed: { ar: 'الرمز مستخدم لجهة أخرى.', en: 'is already used by another office' },
  courtroomNotFound: { ar: 'لم يُعثر على القاعة.', en: 'The courtroom was not found.' },
  notARoomOfCourt: { ar: 'ليست قاعة من قاعات المحكمة.', en: 'is not a courtroom of the court' },
  roomNameBlank: { ar: 'اكتب اسم القاعة.', en: 'must name the courtroom' },
  roomOutOfUse: { ar: 'القاعة «{name}» خارج الاستخدام.', en: 'the courtroom “{name}” is out of use' },
});
