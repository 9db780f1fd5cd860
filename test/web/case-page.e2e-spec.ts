/**
 * The case page in a real browser against the real API, in Arabic and English: a party reads the
 * header, the timeline, the hearing's minutes, the statement of defence and the judgment with
 * their own objection window (its deadline in both calendars as the API gives it); objects by
 * keyboard alone through the error summary and the check of answers; requests a PDF, sees it
 * being prepared while the worker renders it, and downloads it by its signed link; the winner of
 * a final judgment requests its execution; a representative sees the power of attorney that
 * entitles them; a case one may not read shows exactly as a missing one. axe-core on each state.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DocumentsProcessor } from '../../src/documents/documents.processor';
import { startApp, startWorker, TestApp } from '../harness';
import { Scenario, scenario } from '../scenario/scenario';
import { sessionOf } from './people-sessions';
import { expectAccessible, Lang, LANGS, Portal, tabTo } from './portal';

const ENV = { REDIS_PREFIX: `${process.env.REDIS_PREFIX}-case-page` };
const WORDS = {
  ar: {
    state: 'صدر فيها حكم',
    registered: /قُيّدت الدعوى برقم/,
    defence: 'أنكر الدعوى — I deny the claim',
    minutes: 'محضر الجلسة — minutes of the hearing',
    canObjectUntil: 'يمكنك الاعتراض على الحكم حتى:',
    object: 'الاعتراض على الحكم',
    objectTitle: /الاعتراض على الحكم في القضية/,
    continue: 'متابعة',
    problem: 'يوجد خطأ',
    grounds: 'ما أسباب اعتراضك على الحكم؟',
    groundsMissing: 'اكتب أسباب اعتراضك',
    check: 'راجع اعتراضك قبل تقديمه',
    file: 'قدّم الاعتراض',
    objected: 'قُدّم اعتراضك على الحكم. سيصلك إشعار بما تقرره محكمة الاستئناف.',
    youObjected: 'اعترضت على الحكم في',
    which: 'أي وثيقة تريد؟',
    receipt: 'إيصال قيد الدعوى',
    otherLanguage: 'الإنجليزية',
    request: 'اطلب الوثيقة',
    preparing: 'جارٍ إعداد إيصال قيد الدعوى',
    download: 'تنزيل إيصال قيد الدعوى (الإنجليزية)',
    requestExecution: 'طلب تنفيذ الحكم',
    executionRequested: 'طُلب تنفيذ الحكم في',
    executionEvent: /طلب .* تنفيذ الحكم/,
    representing: /تمثّل .* في هذه القضية بموجب الوكالة/,
    poaTitle: /الوكالة/,
    notFound: 'لم نجد هذه القضية',
  },
  en: {
    state: 'Judgment given',
    registered: /The claim was registered as case/,
    defence: 'أنكر الدعوى — I deny the claim',
    minutes: 'محضر الجلسة — minutes of the hearing',
    canObjectUntil: 'You can object to the judgment until:',
    object: 'Object to the judgment',
    objectTitle: /Object to the judgment in case/,
    continue: 'Continue',
    problem: 'There is a problem',
    grounds: 'Why do you object to the judgment?',
    groundsMissing: 'Enter your grounds for objecting',
    check: 'Check your objection before you file it',
    file: 'File the objection',
    objected: 'Your objection to the judgment has been filed. You will be told what the appeal court decides.',
    youObjected: 'You objected to the judgment on',
    which: 'Which document do you want?',
    receipt: 'Registration receipt',
    otherLanguage: 'Arabic',
    request: 'Request the document',
    preparing: 'Preparing: Registration receipt',
    download: 'Download: Registration receipt (Arabic)',
    requestExecution: 'Request execution of the judgment',
    executionRequested: 'Execution of the judgment was requested on',
    executionEvent: /requested execution of the judgment/,
    representing: /You represent .* in this case under power of attorney/,
    poaTitle: /Power of attorney/,
    notFound: 'We could not find this case',
  },
};
const WINDOW = `query($id: ID!) { lawsuit(id: $id) { judgment { myObjectionWindow { deadline { dueOnHijriAr dueOnHijriEn } } } } }`;

/** A journey's time on a machine shared with other work (seconds when it is not). */
const JOURNEY_MS = 120_000;

describe('the case page (browser)', () => {
  let t: TestApp;
  let portal: Portal;
  /** The worker, started by the first spec that renders documents. */
  let worker: INestApplicationContext | undefined;
  /** A served judgment in each language's case, defended before its hearing. */
  const served = {} as Record<Lang, Scenario>;
  /** A case filed by the claimant's agent under a power of attorney (made by the first spec that reads it). */
  let represented: Scenario | undefined;

  beforeAll(async () => {
    t = await startApp(ENV);
    portal = await Portal.open(t);
    for (const lang of LANGS) served[lang] = await scenario(t.app).defended().hearingHeld().judgmentIssued().served();
  }, 120_000);
  afterAll(async () => {
    await portal?.close();
    await worker?.close();
    await t?.close();
  });

  const open = async (lang: Lang, s: Scenario, who: 'claimant' | 'defendant' | 'agent' = 'defendant') => {
    const page = await portal.page(lang, await sessionOf(t, s.actors[who]));
    await page.goto(`/cases/${s.lawsuitId}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(s.caseNumber) }).waitFor();
    return page;
  };

  it.each(LANGS)(
    'in %s, a party reads the header, timeline, minutes, defence and their objection window',
    async (lang) => {
      const w = WORDS[lang];
      const s = served[lang];
      const page = await open(lang, s);
      await page.getByText(w.state, { exact: true }).waitFor();
      expect(await page.locator('.timeline li').count()).toBeGreaterThanOrEqual(7);
      await page.locator('.timeline li').filter({ hasText: w.registered }).waitFor();
      await page.getByText(w.minutes).waitFor();
      await page.getByText(w.defence).first().waitFor();
      await page.getByText(w.canObjectUntil).waitFor();
      const { lawsuit } = await t.ok(WINDOW, { id: s.lawsuitId }, s.actors.defendant.token);
      const deadline = lawsuit.judgment.myObjectionWindow.deadline;
      await page
        .locator('.deadline')
        .getByText(lang === 'ar' ? deadline.dueOnHijriAr : deadline.dueOnHijriEn)
        .waitFor();
      await expectAccessible(page);
    },
    JOURNEY_MS,
  );

  it.each(LANGS)(
    'in %s, objects to the judgment by keyboard alone: error summary, check of answers, filed',
    async (lang) => {
      const w = WORDS[lang];
      const s = served[lang];
      const page = await open(lang, s);
      await tabTo(page, w.object, 80);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: w.objectTitle }).waitFor();
      await tabTo(page, w.continue);
      await page.keyboard.press('Enter');
      await page.locator('.error-summary').getByText(w.groundsMissing).waitFor();
      expect(await page.evaluate("document.activeElement?.classList.contains('error-summary')")).toBe(true);
      await expectAccessible(page);
      await tabTo(page, w.grounds);
      await page.keyboard.type('سددت نصف الدين قبل الحكم — half the debt was paid before the judgment');
      await tabTo(page, w.continue);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: w.check }).waitFor();
      await expectAccessible(page);
      await tabTo(page, w.file);
      await page.keyboard.press('Enter');
      await page.getByText(w.objected).waitFor();
      await page.getByText(w.youObjected).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/cases/${s.lawsuitId}`);
    },
    JOURNEY_MS,
  );

  it.each(LANGS)(
    'in %s, a representative sees the power of attorney that entitles them; a stranger, not found',
    async (lang) => {
      const w = WORDS[lang];
      const s = (represented ??= await scenario(t.app).lawsuit({ byAgent: true }).registered());
      const page = await open(lang, s, 'agent');
      await page.getByText(w.representing).waitFor();
      await page.getByRole('link', { name: new RegExp(s.poaNumber) }).click();
      await page.getByRole('heading', { level: 1, name: w.poaTitle }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/poa/${s.poaId}`);

      // Someone who may not read the case sees what anyone sees for a case that does not exist.
      const stranger = await portal.page(lang, await sessionOf(t, served[lang].actors.claimant));
      const main = async (id: string) => {
        await stranger.goto(`/cases/${id}`);
        await stranger.getByRole('heading', { level: 1, name: w.notFound }).waitFor();
        return stranger.locator('main').innerText();
      };
      expect(await main(s.lawsuitId)).toBe(await main(randomUUID()));
      await expectAccessible(stranger);
    },
    JOURNEY_MS,
  );

  it.each(LANGS)(
    'in %s, the winner of a final judgment requests its execution',
    async (lang) => {
      const w = WORDS[lang];
      const s = await scenario(t.app).final();
      const page = await open(lang, s, 'claimant');
      await expectAccessible(page);
      await page.getByRole('button', { name: w.requestExecution }).click();
      await page.getByText(w.executionRequested).waitFor();
      await page.locator('.timeline li').filter({ hasText: w.executionEvent }).waitFor();
    },
    JOURNEY_MS,
  );
  it.each(LANGS)(
    'in %s, requests a PDF, sees it being prepared, and downloads it by its signed link',
    async (lang) => {
      const w = WORDS[lang];
      const s = served[lang];
      // Rendering only what the specs ask for from here on (the worker skips what is already waiting).
      worker ??= await startWorker(t, ENV);
      const rendering = worker.get(DocumentsProcessor).worker;
      await rendering.pause();
      const page = await open(lang, s, 'claimant');
      await page.getByLabel(w.which).selectOption({ label: w.receipt });
      await page.getByLabel(w.otherLanguage, { exact: true }).check();
      await page.getByRole('button', { name: w.request }).click();
      await page.getByRole('progressbar', { name: w.preparing }).first().waitFor();
      await expectAccessible(page);
      await rendering.resume();
      const link = page.getByRole('link', { name: w.download });
      await link.waitFor({ timeout: 30_000 });
      const href = (await link.getAttribute('href'))!;
      expect(href).toMatch(/^\/documents\/[0-9a-f-]{36}\/pdf\?.*signature=/);
      const pdf = await fetch(`${t.url}${href}`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toContain('application/pdf');
    },
    JOURNEY_MS,
  );
});
