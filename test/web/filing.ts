/**
 * What the filing specs share: the wizard's words in both languages, as a person reads them, files
 * to upload, a tab whose public address (PUBLIC_BASE_URL, where the gateway sends the payer back)
 * is served by the spec's app, and paying on the gateway stand-in's hosted page as a person would.
 */
import type { Page } from 'playwright-core';
import type { TestApp } from '../harness';
import { PAYING_CARD } from '../scenario/fees';
import { card } from '../support/payment-gateway';
import type { Lang } from './portal';

export const WORDS = {
  ar: {
    signIn: 'تسجيل الدخول',
    nationalIdLogin: 'رقم الهوية الوطنية أو الإقامة',
    password: 'كلمة المرور',
    start: 'رفع دعوى',
    startNow: 'ابدأ الآن',
    continue: 'متابعة',
    category: 'ما نوع دعواك؟',
    civil: 'حقوقية',
    court: 'أين تُنظر دعواك؟',
    byCity: 'في المحكمة المختصة في مدينتي (موصى به)',
    city: 'المدينة',
    claimants: 'من يرفع الدعوى؟',
    defendants: 'على من تُرفع الدعوى؟',
    nationalId: 'رقم الهوية الوطنية أو الإقامة',
    nameAr: 'الاسم بالعربية',
    nameEn: 'الاسم بالإنجليزية',
    claims: 'ما الذي تطلبه من المحكمة؟',
    claim: 'ما تطلبه',
    amount: 'المبلغ بالريال (إن وُجد)',
    facts: 'ما وقائع دعواك؟',
    subject: 'عنوان الدعوى',
    factsField: 'الوقائع',
    attachments: 'أرفق مستنداتك',
    chooseFiles: 'اختر الملفات',
    uploaded: 'رُفع',
    check: 'راجع إجاباتك قبل إرسال الدعوى',
    fee: '3,700.00',
    sendAndPay: 'أرسل الدعوى وادفع الرسوم',
    send: 'أرسل الدعوى',
    sent: 'أُرسلت دعواك',
    step1: 'الخطوة 1 من 8',
    empty: 'الملف فارغ.',
    notAccepted: 'نوع الملف غير مقبول',
    retry: 'أعد المحاولة',
    returned: 'أعادت المحكمة دعواك للتعديل',
  },
  en: {
    signIn: 'Sign in',
    nationalIdLogin: 'National ID or iqama number',
    password: 'Password',
    start: 'File a claim',
    startNow: 'Start now',
    continue: 'Continue',
    category: 'What kind of claim is it?',
    civil: 'Civil',
    court: 'Where should your claim be heard?',
    byCity: 'At the competent court of my city (recommended)',
    city: 'City',
    claimants: 'Who is making the claim?',
    defendants: 'Who is the claim against?',
    nationalId: 'National ID or iqama number',
    nameAr: 'Name in Arabic',
    nameEn: 'Name in English',
    claims: 'What are you asking the court for?',
    claim: 'What you ask for',
    amount: 'Amount in riyals (if any)',
    facts: 'What happened?',
    subject: 'Title of the claim',
    factsField: 'The facts',
    attachments: 'Attach your documents',
    chooseFiles: 'Choose files',
    uploaded: 'Uploaded',
    check: 'Check your answers before sending your claim',
    fee: '3,700.00',
    sendAndPay: 'Send the claim and pay the fee',
    send: 'Send the claim',
    sent: 'Your claim has been sent',
    step1: 'Step 1 of 8',
    empty: 'The file is empty.',
    notAccepted: 'This kind of file is not accepted',
    retry: 'Try again',
    returned: 'The court returned your claim for correction',
  },
} satisfies Record<Lang, Record<string, string>>;

/** A small PDF, as its bytes say. */
export const PDF = {
  name: 'loan-contract.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
};
/** A Windows program renamed to look like a PDF, and an empty file. */
export const EXE_AS_PDF = {
  name: 'contract.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510)]),
};
export const EMPTY = { name: 'receipt.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) };

/**
 * The gateway sends the payer back to PUBLIC_BASE_URL, the public address that in a deployment is
 * the portal's own; in a spec that address is served by the spec's app on its port.
 */
export async function servePublicAddress(page: Page, t: TestApp): Promise<void> {
  const publicBase = process.env.PUBLIC_BASE_URL!.replace(/\/$/, '');
  await page
    .context()
    .route(`${publicBase}/**`, (route) =>
      route.fulfill({ status: 302, headers: { location: route.request().url().replace(publicBase, t.url) } }),
    );
}

/** On the gateway's hosted page: the card that pays, typed in as a person would. */
export async function payByCard(page: Page): Promise<void> {
  const form = card(PAYING_CARD);
  await page.getByLabel(/Card number/).fill(form.cardNumber);
  await page.getByLabel(/Expiry date/).fill(form.expiry);
  await page.getByLabel(/Security code/).fill(form.cvc);
  await page.getByLabel(/Cardholder name/).fill(form.holder);
  await page.getByRole('button', { name: /Pay SAR/ }).click();
}

/** The page's heading, once it shows. */
export async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}
