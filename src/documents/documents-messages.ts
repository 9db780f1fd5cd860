/** The messages of the documents wing (src/core/i18n). */
import { defineMessages } from '../core/i18n/messages';

export const DOCUMENTS = defineMessages('documents', {
  documentNotFound: { ar: 'لم يُعثر على المستند.', en: 'The document was not found.' },
  fileNotFound: { ar: 'لم يُعثر على ملف المستند.', en: 'The document file was not found.' },
  subjectNotFound: { ar: 'لم يُعثر على موضوع المستند.', en: 'The subject of the document was not found.' },
  kindNotHere: { ar: 'لا تُطلب هنا مستندات من النوع {kind}.', en: 'documents of kind {kind} cannot be requested here' },
});
