/** The page the payer's browser lands on after the gateway's hosted page (payments.controller.ts). */
import { defineMessages, type Locale, render, type Text } from '../core/i18n/messages';

const RETURN = defineMessages('paymentReturn', {
  title: { ar: 'الدفع', en: 'Payment' },
  paid: { ar: 'استلمنا المبلغ، وسُددت الفاتورة.', en: 'We received the payment; the bill is paid.' },
  failed: {
    ar: 'لم يتم الدفع. يمكنك المحاولة مرة أخرى من صفحة الفاتورة.',
    en: 'The payment did not go through. You may try again from the bill.',
  },
  pending: {
    ar: 'لم يصلنا تأكيد الدفع من البوابة بعد؛ ستصلك رسالة حين يصل.',
    en: 'The gateway has not confirmed the payment yet; you will get a notice when it does.',
  },
  back: { ar: 'العودة إلى عدل', en: 'Back to Adl' },
});

export function returnPage(status: 'initiated' | 'paid' | 'failed' | null, locale: Locale): string {
  const t = (text: Text) => render(text, locale);
  const message = status === 'paid' ? RETURN.paid() : status === 'failed' ? RETURN.failed() : RETURN.pending();
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t(RETURN.title())}</title></head>
<body><main><h1>${t(RETURN.title())}</h1><p role="status">${t(message)}</p><p><a href="/">${t(RETURN.back())}</a></p></main></body></html>`;
}
