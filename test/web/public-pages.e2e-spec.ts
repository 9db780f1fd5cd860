/**
 * The public pages in a real browser, signed out, in Arabic and English: verifying a power of
 * attorney the scenario issued (by the form; in Arabic by keyboard alone), a document of it opened
 * from the server's QR page, and a number no one issued; the cause list of a court of the spec's
 * own on the day of its scheduled hearing, kept in the address (in English by keyboard alone); and
 * that court's statistics as charts with their tables, months running right to left in Arabic.
 * axe-core on each page state, in both languages or, for the lesser states (errors, nothing
 * found), in one.
 */
import { DataSource } from 'typeorm';
import { startApp, TestApp } from '../harness';
import { scenario, Scenario } from '../scenario/scenario';
import { direction, expectAccessible, LANGS, Portal, tabTo, type Lang } from './portal';

const WORDS = {
  ar: {
    verifyTitle: 'التحقق من وثيقة',
    number: 'رقم الوثيقة',
    code: 'رمز التحقق',
    verify: 'تحقق',
    problem: 'يوجد خطأ',
    genuinePoa: 'الوكالة صحيحة وسارية',
    genuineDocument: 'الوثيقة صحيحة وصادرة من عدل',
    notFound: 'لم نتمكن من التحقق من هذه الوثيقة',
    codeOnly: 'رمز التحقق مُدخل من الرابط الذي فتحته',
    causeListTitle: 'جدول الجلسات',
    court: 'المحكمة',
    day: 'اليوم',
    month: 'الشهر',
    year: 'السنة',
    show: 'اعرض الجلسات',
    hearingsAt: 'جلسات محكمة السيناريو',
    scheduled: 'مجدولة',
    nextDay: 'اليوم التالي',
    noHearings: 'لا توجد جلسات مدرجة في هذا اليوم.',
    statisticsTitle: 'إحصاءات المحاكم',
    filedChart: 'الدعاوى المرفوعة والمفصول فيها، حسب شهر الرفع',
    medianChart: 'وسيط عدد الأيام من القيد إلى الحكم، حسب شهر الرفع',
    postponedChart: 'نسبة الجلسات المؤجلة، حسب شهر الرفع',
    asTable: 'اعرض الأرقام في جدول',
  },
  en: {
    verifyTitle: 'Verify a document',
    number: 'Document number',
    code: 'Verification code',
    verify: 'Verify',
    problem: 'There is a problem',
    genuinePoa: 'This power of attorney is genuine and in force',
    genuineDocument: 'This document is genuine: Adl issued it',
    notFound: 'We could not verify this document',
    codeOnly: 'The verification code comes from the link you opened',
    causeListTitle: 'Cause list',
    court: 'Court',
    day: 'Day',
    month: 'Month',
    year: 'Year',
    show: 'Show the hearings',
    hearingsAt: 'Hearings at Scenario Court',
    scheduled: 'Scheduled',
    nextDay: 'Next day',
    noHearings: 'No hearings are listed for this day.',
    statisticsTitle: 'Court statistics',
    filedChart: 'Lawsuits filed and disposed of, by month of filing',
    medianChart: 'Median days from registration to judgment, by month of filing',
    postponedChart: 'Share of hearings postponed, by month of filing',
    asTable: 'Show the numbers as a table',
  },
};

/** The Riyadh day of an instant, YYYY-MM-DD. */
const riyadhDay = (d: Date) => new Date(d.getTime() + 3 * 3600_000).toISOString().slice(0, 10);
const monthName = (lang: Lang, at = new Date()) =>
  new Intl.DateTimeFormat(lang === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'Asia/Riyadh',
  }).format(at);

describe('public pages (browser)', () => {
  let t: TestApp;
  let portal: Portal;
  /** A power of attorney issued by a notary: its number and verification code. */
  let poa: Scenario;
  /** A registered case of the spec's own court, its first hearing postponed to the next (scheduled). */
  let heard: Scenario;
  let masked: { nameAr: string; nameEn: string };
  /** A document of the power of attorney: its number and the code its QR carries. */
  let doc: { number: string; code: string };

  beforeAll(async () => {
    t = await startApp();
    portal = await Portal.open(t);
    [poa, heard] = await Promise.all([
      scenario(t.app).poaIssuedByNotary(),
      scenario(t.app).court().defendant({ account: false }).lawsuit().hearingPostponed(),
    ]);
    // A second case of the court judged, for a median time to judgment (the steps move the clock).
    const { claimant, defendant } = heard.actors;
    await scenario(t.app).court().claimant(claimant).defendant(defendant).lawsuit().hearingHeld().judgmentIssued();
    t.clock.reset();
    const answer = await t.ok(
      `query($n: String!, $c: String!) { verifyPowerOfAttorney(number: $n, code: $c) { principals { nameAr nameEn } } }`,
      {
        n: poa.poaNumber,
        c: poa.poaCode,
      },
    );
    masked = answer.verifyPowerOfAttorney.principals[0];
    // The power of attorney's document, marked rendered: rendering is the worker's, which this spec
    // does not run (documents.e2e-spec.ts renders and verifies real ones).
    await poa.documentRequested({ language: 'EN' });
    const [rows] = await t.app.get(DataSource).query<[{ number: string; code: string }[], number]>(
      `UPDATE documents SET state = 'READY', sha256 = repeat('ab', 32), storage_key = 'not-rendered', ready_at = now()
        WHERE id = $1 RETURNING number, verification_code AS code`,
      [poa.documentIds[0]],
    );
    doc = rows[0];
  });
  afterAll(async () => {
    await portal?.close();
    await t?.close();
  });

  it.each(LANGS)(
    'in %s, verifies a power of attorney by number and code after naming what is missing (the Arabic run by keyboard alone)',
    async (lang) => {
      const w = WORDS[lang];
      const keyboard = lang === 'ar';
      const page = await portal.page(lang);
      await page.goto('/verify');
      await page.getByRole('heading', { level: 1, name: w.verifyTitle }).waitFor();
      const submit = async () => {
        if (keyboard) {
          await tabTo(page, w.verify);
          await page.keyboard.press('Enter');
        } else await page.getByRole('button', { name: w.verify, exact: true }).click();
      };
      await submit();
      const summary = page.getByRole('alert').filter({ hasText: w.problem });
      await summary.waitFor();
      expect(await summary.getByRole('link').count()).toBe(2);
      if (keyboard) await expectAccessible(page);

      if (keyboard) {
        await tabTo(page, w.number);
        await page.keyboard.type(poa.poaNumber);
        await tabTo(page, w.code);
        await page.keyboard.type(poa.poaCode.toLowerCase());
        await page.keyboard.press('Enter');
      } else {
        await page.getByLabel(w.number).fill(poa.poaNumber);
        await page.getByLabel(w.code).fill(poa.poaCode.toLowerCase());
        await submit();
      }
      await page.getByRole('heading', { level: 2, name: w.genuinePoa }).waitFor();
      // The answer takes focus; the check is in the address.
      expect(await page.evaluate('document.activeElement?.textContent')).toBe(w.genuinePoa);
      expect(new URL(page.url()).searchParams.get('number')).toBe(poa.poaNumber);
      await page.getByText(poa.poaNumber, { exact: true }).waitFor();
      // The principal's name, masked as the API gives it, in the reader's language.
      await page
        .getByText(lang === 'ar' ? masked.nameAr : masked.nameEn)
        .first()
        .waitFor();
      expect(await direction(page)).toEqual([lang, lang === 'ar' ? 'rtl' : 'ltr']);
      await expectAccessible(page);

      if (keyboard) return;
      await page.getByLabel(w.number).fill('D-1999-0000001');
      await page.getByLabel(w.code).fill('ZZZZZZZZZZ');
      await submit();
      await page.getByRole('heading', { level: 2, name: w.notFound }).waitFor();
      await expectAccessible(page);
    },
  );

  it('opens from the QR page of a document, checked at once by its number and code; a code alone only fills the form', async () => {
    const w = WORDS.en;
    const page = await portal.page('en');
    // The server's page that a scanned QR code opens, then its link into the portal.
    await page.goto(`/verify/${doc.code}`);
    await page.getByRole('link', { name: 'Open in the portal' }).click();
    await page.getByRole('heading', { level: 2, name: w.genuineDocument }).waitFor();
    expect(new URL(page.url()).searchParams.get('number')).toBe(doc.number);
    await page.getByText(doc.number, { exact: true }).waitFor();
    await page.getByText(poa.poaNumber, { exact: true }).waitFor();
    await expectAccessible(page);

    await page.goto('/verify?code=ABCD1234');
    await page.getByText(w.codeOnly).waitFor();
    expect(await page.getByLabel(w.code).inputValue()).toBe('ABCD1234');
    expect(await page.getByLabel(w.number).inputValue()).toBe('');
  });

  it.each(LANGS)(
    'in %s, lists the hearings of a court on a day, kept in the address, and says when a day has none (the English run by keyboard alone)',
    async (lang) => {
      const w = WORDS[lang];
      const day = riyadhDay(heard.hearingAt);
      const [year, month, date] = day.split('-');
      const page = await portal.page(lang);
      await page.goto('/cause-list');
      await page.getByRole('heading', { level: 1, name: w.causeListTitle }).waitFor();
      if (lang === 'en') {
        await tabTo(page, w.court);
        // A closed select takes the typed name of its option.
        await page.keyboard.type(`Scenario Court (${heard.courtCode})`);
        await tabTo(page, w.day);
        await page.keyboard.type(String(Number(date)));
        await page.keyboard.press('Tab');
        await page.keyboard.type(String(Number(month)));
        await page.keyboard.press('Tab');
        await page.keyboard.type(year);
        await page.keyboard.press('Enter');
      } else {
        await page.getByRole('button', { name: w.show }).click();
        await page.getByRole('alert').filter({ hasText: w.problem }).waitFor();
        await expectAccessible(page);
        await page.getByLabel(w.court).selectOption(heard.courtCode);
        await page.getByLabel(w.day, { exact: true }).fill(String(Number(date)));
        await page.getByLabel(w.month, { exact: true }).fill(String(Number(month)));
        await page.getByLabel(w.year, { exact: true }).fill(year);
        await page.getByRole('button', { name: w.show }).click();
      }
      const row = page.getByRole('row').filter({ hasText: heard.caseNumber });
      await row.waitFor();
      expect(await page.evaluate('document.activeElement?.textContent')).toBe(w.hearingsAt);
      const params = new URL(page.url()).searchParams;
      expect([params.get('court'), params.get('date')]).toEqual([heard.courtCode, day]);
      expect(await row.textContent()).toContain(w.scheduled);
      expect(await row.textContent()).toContain('Room 1');
      await expectAccessible(page);

      // The address alone opens the same list; the next day has no hearing of the court.
      await page.goto(`/cause-list?court=${heard.courtCode}&date=${day}`);
      await page.getByRole('row').filter({ hasText: heard.caseNumber }).waitFor();
      await page.getByRole('link', { name: w.nextDay }).click();
      await page.getByText(w.noHearings).waitFor();
      expect(new URL(page.url()).searchParams.get('date')).not.toBe(day);
    },
  );

  it.each(LANGS)('in %s, shows a court’s statistics as charts with a summary and a table, months from the reading start', async (lang) => {
    const w = WORDS[lang];
    const page = await portal.page(lang);
    await page.goto(`/statistics?court=${heard.courtCode}`);
    await page.getByRole('heading', { level: 1, name: w.statisticsTitle }).waitFor();
    const chart = page.getByRole('img', { name: w.filedChart });
    await chart.waitFor();
    await page.getByRole('img', { name: w.medianChart }).waitFor();
    await page.getByRole('img', { name: w.postponedChart }).waitFor();

    // This month's bars (the last of the period) sit at the end of the reading direction.
    const x = Number(await chart.locator('rect').first().getAttribute('x'));
    expect(lang === 'ar' ? x < 280 : x > 280).toBe(true);

    const section = page.getByRole('region', { name: w.filedChart });
    await section.getByText(w.asTable).click();
    const row = section.getByRole('table', { name: w.filedChart }).getByRole('row', { name: monthName(lang) });
    // Two cases filed this month, one of them judged.
    expect((await row.getByRole('cell').allTextContents()).map((c) => c.trim())).toEqual(['2', '1']);
    await expectAccessible(page);
  });
});
