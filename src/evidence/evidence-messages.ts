/** The messages of the evidence wing: why an upload was refused, and attachments (src/core/i18n). */
import { defineMessages } from '../core/i18n/messages';

export const EVIDENCE = defineMessages('evidence', {
  too_large: { ar: 'الملف أكبر من الحد المسموح ({limit} ميغابايت).', en: 'The file is larger than the limit ({limit} MB).' },
  empty: { ar: 'الملف فارغ.', en: 'The file is empty.' },
  type_not_allowed: {
    ar: 'نوع الملف غير مقبول؛ المقبول: PDF وJPEG وPNG وDOCX.',
    en: 'This kind of file is not accepted; accepted are PDF, JPEG, PNG and DOCX.',
  },
  type_mismatch: {
    ar: 'محتوى الملف لا يوافق نوعه المعلن أو امتداد اسمه.',
    en: 'The content of the file does not agree with its declared type or the extension of its name.',
  },
  pdf_encrypted: { ar: 'ملف PDF مشفّر؛ ارفعه دون تشفير.', en: 'The PDF is encrypted; upload it without encryption.' },
  pdf_active_content: {
    ar: 'ملف PDF يحمل برمجيات (JavaScript) أو أوامر تشغيل؛ لا يُقبل.',
    en: 'The PDF carries JavaScript or launch actions; it is not accepted.',
  },
  quota_exceeded: {
    ar: 'تجاوزت حد الرفع اليومي ({limit} ميغابايت)؛ حاول لاحقًا.',
    en: 'You have reached the daily upload limit ({limit} MB); try again later.',
  },
  no_file: { ar: 'لم يُرسل ملف في الحقل file.', en: 'No file was sent in the field file.' },
  interrupted: { ar: 'انقطع الرفع قبل اكتماله؛ لم يُحفظ شيء.', en: 'The upload was cut off before it ended; nothing was kept.' },
  attachmentNotFound: { ar: 'لم يُعثر على المرفق.', en: 'The attachment was not found.' },
  noSuchUpload: {
    ar: 'لا يوجد ملف مرفوع لك بهذا المعرّف لم يُرفق بعد.',
    en: 'is not a file you uploaded and have not attached yet',
  },
});
