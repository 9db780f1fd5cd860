/**
 * Every template in both languages rendered to a real PDF by Chromium, signed, then read back with
 * poppler (pdftotext, pdfsig): the text a reader sees, the dates and amounts, the footer on every
 * page, and a signature that verifies. Strict mode: missing data fails loudly.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { Browser, Page } from 'puppeteer-core';
import { BROWSER_FLAGS } from './browser-pool';
import { DocumentKind, DocumentLanguage } from './document.enums';
import { DocumentTemplates } from './document-templates';
import { htmlToPdf, qrSvg } from './pdf-render';
import { PdfSigner } from './pdf-signer';
import { TEMPLATE_FIXTURES } from './template-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'adl-templates-'));
// A code that starts with a digit: inside Arabic text it must still read as one run.
const stamp = {
  number: 'D-2026-0000042',
  code: '7KQX9M2PZT',
  verifyUrl: 'https://adl.example/verify/7KQX9M2PZT',
  issuedAt: '2026-11-23T09:30:00.000Z',
};

/** pdftotext's text, with Arabic presentation forms folded back to letters (NFKC). */
function textOf(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFKC');
}

/**
 * What a reader must get back exactly as typed: every name in the template's data in the document's
 * language (a name with «الله» among them) and every reference number.
 */
function typed(data: unknown, language: 'ar' | 'en'): string[] {
  const out: string[] = [];
  const walk = (value: unknown, key = ''): void => {
    if (Array.isArray(value)) value.forEach((v) => walk(v));
    else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => walk(v, k));
    else if (typeof value === 'string' && (key === (language === 'ar' ? 'nameAr' : 'nameEn') || /Number$/.test(key))) out.push(value);
  };
  walk(data);
  return [...new Set(out)];
}

/** Words of `expected` all appear (Arabic lines may come out in another word order). */
function expectWords(text: string, expected: string): void {
  for (const word of expected.split(/\s+/)) expect(text).toContain(word);
}

const EXPECTED: Record<DocumentKind, { ar: string[]; en: string[] }> = {
  [DocumentKind.LAWSUIT_RECEIPT]: {
    ar: ['إيصال قيد دعوى', 'المحكمة العامة بالرياض', '150,000.00', 'ريال سعودي', 'هـ', '1448-RYD-GEN-000123', '1*****1010'],
    en: [
      'Lawsuit Filing Receipt',
      'Riyadh General Court',
      'SAR 150,000.00',
      'SAR 7,500.00',
      '23 November 2026',
      'Jumada II 1448 AH',
      '1*****1010',
    ],
  },
  [DocumentKind.HEARING_SUMMONS]: {
    ar: ['تبليغ بموعد جلسة', 'حضوري', 'غياب المدعى عليه', '09:00'],
    en: ['Hearing Summons', '1 December 2026', 'at 09:00', 'In person'],
  },
  [DocumentKind.HEARING_MINUTES]: {
    ar: ['محضر جلسة', 'سليمان إبراهيم الشهري', 'وقدم المدعي مستنداته'],
    en: ['Hearing Minutes', 'Sulaiman Ibrahim Al-Shehri', 'Record of the hearing'],
  },
  [DocumentKind.JUDGMENT]: {
    ar: ['صك حكم', 'فقط مائة وخمسون ألف ريال سعودي لا غير', '150,000.00', 'آخر موعد للاعتراض'],
    en: ['Judgment', 'SAR 150,000.00', '31 December 2026', 'In favour of'],
  },
  [DocumentKind.EXECUTION_ORDER]: {
    ar: ['أمر تنفيذ', 'فقط مائة وخمسون ألف ريال سعودي لا غير', 'طالب التنفيذ'],
    en: ['Execution Order', 'SAR 150,000.00', '5 January 2027', 'Applicant'],
  },
  [DocumentKind.POWER_OF_ATTORNEY]: {
    ar: ['وكالة', 'POA-1448-000042', 'فهد عبدالعزيز الدوسري', 'المرافعة والمدافعة أمام المحاكم', '1*****7097'],
    en: ['Power of Attorney', 'POA-1448-000042', 'Fahd Abdulaziz Al-Dosari', '23 November 2027'],
  },
  [DocumentKind.NOTARIZED_CONTRACT]: {
    ar: ['عقد موثق', 'فقط مليون ومائتان وخمسون ألف ريال سعودي لا غير', '1,250,000.00'],
    en: ['Notarized Contract', 'SAR 1,250,000.00', 'Seller', 'CTR-1448-000007'],
  },
  [DocumentKind.PAYMENT_RECEIPT]: {
    ar: ['إيصال سداد', '2026000000123', '3,700.00', 'رسوم قيد الدعوى', '1*****1010'],
    en: ['Payment Receipt', '2026000000123', 'SAR 3,700.00', '20 November 2026', 'pay_4f1c9a0e', '1*****1010'],
  },
  [DocumentKind.REFUND_RECEIPT]: {
    ar: ['إيصال استرداد', '1,850.00', 'صلح بعد الجلسة الأولى'],
    en: ['Refund Receipt', 'SAR 1,850.00', 'SAR 3,700.00', 'Settled after the first hearing', 'rf_77d0be12'],
  },
  [DocumentKind.SETTLEMENT]: {
    ar: ['صك صلح', 'فقط تسعون ألف ريال سعودي لا غير', '90,000.00', 'سليمان إبراهيم الشهري', 'على ثلاثة أقساط', '30,000.00'],
    en: ['Settlement Deed', 'SAR 90,000.00', 'SAR 30,000.00', 'Sulaiman Ibrahim Al-Shehri', '10 January 2027', 'enforceable'],
  },
};

describe('document templates rendered by Chromium', () => {
  let browser: Browser;
  let page: Page;
  const templates = new DocumentTemplates();
  const signer = new PdfSigner(
    process.env.DOCUMENT_SIGNING_P12 ?? 'var/certs/adl-dev.p12',
    process.env.DOCUMENT_SIGNING_PASSWORD ?? 'adl-dev',
  );

  beforeAll(async () => {
    browser = await puppeteer.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: BROWSER_FLAGS,
      headless: true,
    });
    page = await browser.newPage();
  });
  afterAll(() => browser?.close());

  for (const kind of Object.values(DocumentKind)) {
    for (const language of Object.values(DocumentLanguage)) {
      it(`${kind} in ${language}: text, dates, amounts, footer on every page, valid signature`, async () => {
        const { html, footer } = templates.render(kind, language, TEMPLATE_FIXTURES[kind], stamp, await qrSvg(stamp.verifyUrl));
        expect(html).toContain(language === DocumentLanguage.AR ? 'dir="rtl"' : 'dir="ltr"');
        const signed = await signer.sign(await htmlToPdf(page, html, footer), {
          reason: `${kind} ${stamp.number}`,
          signingTime: new Date(),
        });
        const file = join(dir, `${kind}.${language}.pdf`);
        writeFileSync(file, signed);

        const text = textOf(file);
        for (const phrase of EXPECTED[kind][language === DocumentLanguage.AR ? 'ar' : 'en']) expectWords(text, phrase);
        // Names and numbers come back exactly as typed (a line may break between two words).
        const flowing = text.replace(/\s+/g, ' ');
        for (const exact of typed(TEMPLATE_FIXTURES[kind], language === DocumentLanguage.AR ? 'ar' : 'en'))
          expect(flowing).toContain(exact);
        // The footer: number, verification code and URL on every page.
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
        for (let p = 1; p <= pages; p++) {
          const pageText = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
          expect(pageText).toContain(stamp.code);
          expect(pageText).toContain(stamp.number);
          expect(pageText).toContain(stamp.verifyUrl);
        }

        const sig = execFileSync('pdfsig', [file], { encoding: 'utf8' });
        expect(sig).toContain('Signature Validation: Signature is Valid.');
        expect(sig).toContain('ETSI.CAdES.detached');
      });
    }
  }

  it('fails loudly on a missing variable (strict mode), naming it', () => {
    const data = { ...TEMPLATE_FIXTURES[DocumentKind.JUDGMENT] };
    delete data.ruling;
    expect(() => templates.render(DocumentKind.JUDGMENT, DocumentLanguage.EN, data, stamp, '<svg/>')).toThrow(/"ruling" not defined/);
  });

  it('a power of attorney issued on the platform (no notary, no office) says so in both languages', () => {
    const data = { ...TEMPLATE_FIXTURES[DocumentKind.POWER_OF_ATTORNEY], notary: null, office: null };
    const ar = templates.render(DocumentKind.POWER_OF_ATTORNEY, DocumentLanguage.AR, data, stamp, '<svg/>').html;
    const en = templates.render(DocumentKind.POWER_OF_ATTORNEY, DocumentLanguage.EN, data, stamp, '<svg/>').html;
    expect(ar).toContain('صدرت هذه الوكالة إلكترونياً');
    expect(ar).not.toContain('كاتب العدل');
    expect(en).toContain('issued electronically on the platform');
    expect(en).not.toContain('before the notary');
  });

  it('a multi-page document carries the footer on each page', async () => {
    const long = {
      ...TEMPLATE_FIXTURES[DocumentKind.HEARING_MINUTES],
      hearing: { startsAt: '2026-12-01T06:00:00Z', heldAt: null, minutes: 'Long record. '.repeat(900) },
    };
    const { html, footer } = templates.render(DocumentKind.HEARING_MINUTES, DocumentLanguage.EN, long, stamp, await qrSvg(stamp.verifyUrl));
    const file = join(dir, 'long.pdf');
    writeFileSync(file, await htmlToPdf(page, html, footer));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(1);
    const text = textOf(file);
    expect(text.split(`Verification code: ${stamp.code}`).length - 1).toBe(pages);
  });
});
