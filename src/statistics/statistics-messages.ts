/** The messages of the statistics wing (src/core/i18n). */
import { defineMessages } from '../core/i18n/messages';

export const STATISTICS = defineMessages('statistics', {
  courtNotFound: { ar: 'لم يُعثر على المحكمة.', en: 'The court was not found.' },
  fromMonth: { ar: 'يجب أن يكون شهر البداية بالصيغة YYYY-MM.', en: 'from must be a month, YYYY-MM' },
  toMonth: { ar: 'يجب أن يكون شهر النهاية بالصيغة YYYY-MM.', en: 'to must be a month, YYYY-MM' },
  fromAfterTo: { ar: 'لا يجوز أن يكون شهر البداية ({from}) بعد شهر النهاية ({to}).', en: 'from ({from}) must not be after to ({to})' },
  fromAfterCurrentMonth: {
    ar: 'لا يجوز أن يكون شهر البداية ({from}) بعد شهر النهاية ({to})، وهو افتراضيًا الشهر الحالي.',
    en: 'from ({from}) must not be after to ({to}), which defaults to the current month',
  },
  rangeTooLong: { ar: 'لا يتجاوز النطاق {months} شهرًا.', en: 'a range covers at most {months} months' },
});
