/** The messages of the payments wing: bills' notices and refusals (src/core/i18n). */
import { defineMessages } from '../core/i18n/messages';

export const PAYMENTS = defineMessages('payments', {
  billNotFound: { ar: 'الفاتورة غير موجودة.', en: 'Bill not found.' },
  returnToLocal: {
    ar: 'يجب أن يكون مسارًا في هذا الموقع يبدأ بشرطة مائلة واحدة /.',
    en: 'must be a path on this site, starting with a single /',
  },
  notPayable: {
    ar: 'لا يمكن سداد الفاتورة وهي في الحالة {state}.',
    en: 'The bill cannot be paid in state {state}.',
  },
  issuedTitle: { ar: 'فاتورة سداد رقم {number}', en: 'Bill {number} to pay' },
  issuedBody: {
    ar: 'صدرت فاتورة رقم {number} بمبلغ {amount} ريال عن {what}، تُسدد قبل {due}.',
    en: 'Bill {number} for SAR {amount} was issued for {what}; pay it before {due}.',
  },
  paidTitle: { ar: 'سُددت الفاتورة رقم {number}', en: 'Bill {number} paid' },
  paidBody: {
    ar: 'استلمنا سداد الفاتورة رقم {number} بمبلغ {amount} ريال عن {what}.',
    en: 'We received the payment of bill {number}, SAR {amount}, for {what}.',
  },
  expiredTitle: { ar: 'انتهت مهلة سداد الفاتورة رقم {number}', en: 'Bill {number} expired' },
  expiredBody: {
    ar: 'انتهت مهلة سداد الفاتورة رقم {number} عن {what} دون سداد. {consequence}',
    en: 'Bill {number} for {what} was not paid in time. {consequence}',
  },
  refundedTitle: { ar: 'رُدّ مبلغ من الفاتورة رقم {number}', en: 'Refund on bill {number}' },
  refundedBody: {
    ar: 'رُدّ إليك مبلغ {amount} ريال من الفاتورة رقم {number} عن {what}. السبب: {reason}',
    en: 'SAR {amount} of bill {number} for {what} was refunded to you. Reason: {reason}',
  },
});
