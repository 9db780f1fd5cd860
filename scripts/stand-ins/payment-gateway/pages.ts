/**
 * The hosted payment pages (docs/payments.md): server-rendered, bilingual (Arabic first, right to
 * left; English beside it), labelled forms, no script and no external assets.
 */
import { FormProblem, CardForm, TEST_CARDS, THREE_DS_CODE } from './cards';

const STYLE = `
body{font-family:"Noto Naskh Arabic","Noto Sans",system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1b1b1b}
header{border-block-end:4px solid #0b5394;margin-block-end:1.5rem}
.en{direction:ltr;text-align:left;color:#444}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{font-weight:bold}dd{margin:0}
.amount{font-size:1.5rem;font-weight:bold}
fieldset{border:1px solid #888;border-radius:.5rem;padding:0 1rem 1rem}legend{font-weight:bold;padding:0 .25rem}
label{display:block;font-weight:bold;margin-block:1rem .25rem}
input{font-size:1.2rem;padding:.4rem;width:16rem;max-width:100%;direction:ltr}
input[aria-invalid=true]{border:2px solid #b10e1e}
button{font-size:1.1rem;padding:.5rem 1.25rem;margin-block:.75rem;cursor:pointer;background:#0b5394;color:#fff;border:0;border-radius:.25rem}
.error{border:3px solid #b10e1e;padding:.75rem 1rem}
.hint{display:block;margin-block-end:.25rem}
button .en{color:inherit}
code{direction:ltr;unicode-bidi:embed}
`;

/** The merchant every payment of the stand-in is made to. */
export const MERCHANT = { ar: 'منصة عدل القضائية', en: 'Adl judicial platform' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** An Arabic sentence with its English beside it. */
function both(ar: string, en: string): string {
  return `${escapeHtml(ar)} <span class="en" lang="en" dir="ltr">/ ${escapeHtml(en)}</span>`;
}

/** Halalas as riyals with two decimals and thousands separators: 125050 → "1,250.50". */
export function formatHalalas(amount: number): string {
  const riyals = Math.floor(amount / 100).toLocaleString('en-US');
  return `${riyals}.${String(amount % 100).padStart(2, '0')}`;
}

function page(titleAr: string, titleEn: string, body: string): string {
  return `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(titleAr)} — ${escapeHtml(titleEn)}</title><style>${STYLE}</style></head>
<body><header><p>${both('بوابة الدفع (بيئة تطوير)', 'Payment gateway (development stand-in)')}</p>
<h1>${both(titleAr, titleEn)}</h1></header><main>${body}</main></body></html>`;
}

const PROBLEMS: Record<FormProblem, { ar: string; en: string }> = {
  number: { ar: 'رقم البطاقة غير صحيح: من 12 إلى 19 رقمًا.', en: 'The card number is not valid: 12 to 19 digits.' },
  expiry: { ar: 'تاريخ الانتهاء غير صحيح: الشهر ثم السنة (MM/YY).', en: 'The expiry date is not valid: month then year (MM/YY).' },
  expired: { ar: 'انتهت صلاحية البطاقة.', en: 'The card has expired.' },
  cvc: { ar: 'رمز التحقق غير صحيح: 3 أو 4 أرقام.', en: 'The security code is not valid: 3 or 4 digits.' },
  holder: { ar: 'اكتب اسم حامل البطاقة.', en: "Enter the cardholder's name." },
};

function errorSummary(lines: { ar: string; en: string }[]): string {
  if (!lines.length) return '';
  const items = lines.map((l) => `<li>${both(l.ar, l.en)}</li>`).join('');
  return `<div class="error" role="alert" id="error"><ul>${items}</ul></div>`;
}

export interface PageOfPayment {
  id: string;
  amount: number;
  reference: string;
  description: string;
}

function summary(p: PageOfPayment): string {
  const amount = formatHalalas(p.amount);
  return `<dl>
<dt>${both('التاجر', 'Merchant')}</dt><dd>${both(MERCHANT.ar, MERCHANT.en)}</dd>
<dt>${both('المبلغ', 'Amount')}</dt><dd class="amount"><bdi dir="ltr">${amount}</bdi> ر.س <span class="en" lang="en" dir="ltr">/ SAR ${amount}</span></dd>
<dt>${both('المرجع', 'Reference')}</dt><dd><bdi dir="ltr">${escapeHtml(p.reference)}</bdi></dd>
<dt>${both('الوصف', 'Description')}</dt><dd><bdi>${escapeHtml(p.description)}</bdi></dd>
</dl>`;
}

function field(
  name: string,
  label: [string, string],
  attrs: string,
  options: { value?: string; invalid: boolean; hint?: [string, string] },
): string {
  const hint = options.hint ? `<span id="${name}-hint" class="hint">${both(...options.hint)}</span>` : '';
  const described = [options.hint ? `${name}-hint` : '', options.invalid ? 'error' : ''].filter(Boolean).join(' ');
  return `<label for="${name}">${both(...label)}</label>${hint}
<input id="${name}" name="${name}" ${attrs} required value="${escapeHtml(options.value ?? '')}"${described ? ` aria-describedby="${described}"` : ''}${options.invalid ? ' aria-invalid="true"' : ''}>`;
}

/** The card form of a payment still open, with the problems of the last attempt when there were any. */
export function paymentPage(p: PageOfPayment, form?: CardForm, problems: FormProblem[] = []): string {
  const bad = new Set<string>(problems.map((x) => (x === 'expired' ? 'expiry' : x)));
  const id = escapeHtml(p.id);
  return page(
    'الدفع بالبطاقة',
    'Pay by card',
    `${summary(p)}${errorSummary(problems.map((x) => PROBLEMS[x]))}
<form method="post" action="/pay/${id}" novalidate>
<fieldset><legend>${both('بيانات البطاقة', 'Card details')}</legend>
${field('cardNumber', ['رقم البطاقة', 'Card number'], 'inputmode="numeric" autocomplete="cc-number" maxlength="23"', { invalid: bad.has('number') })}
${field('expiry', ['تاريخ الانتهاء', 'Expiry date'], 'inputmode="numeric" autocomplete="cc-exp" maxlength="7" placeholder="MM/YY"', {
  value: form?.expiry,
  invalid: bad.has('expiry'),
  hint: ['الشهر/السنة، مثل 08/29', 'Month/year, e.g. 08/29'],
})}
${field('cvc', ['رمز التحقق (CVC)', 'Security code (CVC)'], 'inputmode="numeric" autocomplete="cc-csc" maxlength="4"', { invalid: bad.has('cvc') })}
${field('holder', ['اسم حامل البطاقة', 'Cardholder name'], 'autocomplete="cc-name" maxlength="100"', { value: form?.holder, invalid: bad.has('holder') })}
</fieldset>
<p><button type="submit">${both(`ادفع ${formatHalalas(p.amount)} ر.س`, `Pay SAR ${formatHalalas(p.amount)}`)}</button></p>
</form>
<details><summary>${both('بطاقات الاختبار', 'Test cards')}</summary><ul>
<li><code>${TEST_CARDS.paid}</code> ${both('دفع ناجح', 'paid')}</li>
<li><code>${TEST_CARDS.declined}</code> ${both('مرفوضة', 'declined')}</li>
<li><code>${TEST_CARDS.threeDSecure}</code> ${both(`تحقق ثلاثي الأبعاد (الرمز ${THREE_DS_CODE})`, `3-D Secure (code ${THREE_DS_CODE})`)}</li>
<li><code>${TEST_CARDS.paidWithoutWebhook}</code> ${both('دفع ناجح دون إشعار للتاجر', 'paid, no webhook sent')}</li>
</ul></details>`,
  );
}

/** The 3-D Secure page of the card's issuer: the one-time code sent to the cardholder's phone. */
export function challengePage(p: PageOfPayment): string {
  return page(
    'التحقق من البطاقة',
    'Verify your card',
    `${summary(p)}
<p>${both('أرسل البنك المصدر رمزًا لمرة واحدة إلى جوالك المسجل.', 'Your card issuer sent a one-time code to your registered phone.')}</p>
<form method="post" action="/pay/${escapeHtml(p.id)}/3ds">
${field('code', ['رمز التحقق لمرة واحدة', 'One-time code'], 'inputmode="numeric" autocomplete="one-time-code" maxlength="6"', { invalid: false })}
<p><button type="submit">${both('تحقق وادفع', 'Verify and pay')}</button></p>
</form>`,
  );
}

export function messagePage(titleAr: string, titleEn: string, ar: string, en: string): string {
  return page(titleAr, titleEn, `<p role="status">${both(ar, en)}</p>`);
}

/** A payment that is no longer open to a card: paid or failed already, or refunded. */
export function closedPage(p: PageOfPayment, paid: boolean): string {
  return page(
    'لا يمكن الدفع',
    'Cannot pay',
    `${summary(p)}<p role="status">${
      paid
        ? both('تم دفع هذا المبلغ من قبل، ولا يمكن دفعه مرة أخرى.', 'This payment has already been paid and cannot be paid again.')
        : both(
            'تعذر هذا الدفع من قبل، ولا يمكن إعادة المحاولة عليه. اطلب دفعة جديدة من التاجر.',
            'This payment has already failed and cannot be tried again. Ask the merchant for a new one.',
          )
    }</p>`,
  );
}

export const NOT_FOUND_PAGE = messagePage(
  'غير موجود',
  'Not found',
  'لا توجد عملية دفع بهذا الرقم.',
  'There is no payment with this number.',
);
