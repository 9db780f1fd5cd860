/**
 * The portal's frame in a real browser against the real API: served on the API's port in the
 * reader's language (right to left in Arabic, left to right in English), the language switch
 * remembered across a reload, deep links answered by the app, sign-in with password by keyboard
 * alone, the error summary naming the field, and axe-core clean on each page in both languages.
 */
import { DEMO_PASSWORD, startApp, TestApp } from '../harness';
import { direction, expectAccessible, LANGS, Portal, tabTo } from './portal';

const CITIZEN = '1010101010';
const WORDS = {
  ar: {
    home: 'خدمات عدل',
    signIn: 'تسجيل الدخول',
    dashboard: 'لوحتي',
    welcome: 'مرحبًا، عبدالله',
    nationalId: 'رقم الهوية الوطنية أو الإقامة',
    password: 'كلمة المرور',
    problem: 'يوجد خطأ',
    errorPrefix: 'خطأ: ',
    notFound: 'الصفحة غير موجودة',
  },
  en: {
    home: 'Adl services',
    signIn: 'Sign in',
    dashboard: 'My dashboard',
    welcome: 'Welcome, Abdullah',
    nationalId: 'National ID or iqama number',
    password: 'Password',
    problem: 'There is a problem',
    errorPrefix: 'Error: ',
    notFound: 'Page not found',
  },
};

describe('the portal frame (browser)', () => {
  let t: TestApp;
  let portal: Portal;

  beforeAll(async () => {
    t = await startApp();
    portal = await Portal.open(t);
  });
  afterAll(async () => {
    await portal?.close();
    await t?.close();
  });

  it('serves a deep link with the app, in the language of the first response, and 404 to what is not a page', async () => {
    const ar = await fetch(`${t.url}/cases/some-case`, { headers: { accept: 'text/html', 'accept-language': 'en' } });
    expect(ar.status).toBe(200);
    const html = await ar.text();
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(ar.headers.get('content-security-policy')).toContain("script-src 'self'");
    const chosen = await fetch(`${t.url}/`, { headers: { accept: 'text/html', 'accept-language': 'en', cookie: 'adl-lang=ar' } });
    expect(await chosen.text()).toContain('<html lang="ar" dir="rtl">');
    expect((await fetch(`${t.url}/cases/some-case`, { headers: { accept: 'application/json' } })).status).toBe(404);
    expect((await fetch(`${t.url}/assets/missing.js`, { headers: { accept: 'text/html' } })).status).toBe(404);
  });

  it.each(LANGS)('the home page in %s: direction, heading, no accessibility violation', async (lang) => {
    const page = await portal.page(lang);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: WORDS[lang].home }).waitFor();
    expect(await direction(page)).toEqual([lang, lang === 'ar' ? 'rtl' : 'ltr']);
    expect(await page.title()).toContain(WORDS[lang].home);
    await expectAccessible(page);
  });

  it('switches language and remembers it after a reload', async () => {
    const page = await portal.page('ar');
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: WORDS.ar.home }).waitFor();
    await page.getByRole('button', { name: 'Read this site in English' }).click();
    await page.getByRole('heading', { level: 1, name: WORDS.en.home }).waitFor();
    expect(await page.evaluate('document.documentElement.dir')).toBe('ltr');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: WORDS.en.home }).waitFor();
    expect(await direction(page)).toEqual(['en', 'ltr']);
  });

  it.each(LANGS)('in %s, a deep link to the dashboard asks to sign in, then comes back there; all by keyboard', async (lang) => {
    const w = WORDS[lang];
    const page = await portal.page(lang);
    await page.goto('/dashboard');
    await page.getByRole('heading', { level: 1, name: w.signIn }).waitFor();
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/dashboard');
    await expectAccessible(page);
    await tabTo(page, w.nationalId);
    await page.keyboard.type(CITIZEN);
    await tabTo(page, w.password);
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: w.dashboard }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    await page.getByText(w.welcome).waitFor();
    await expectAccessible(page);
  });

  it.each(LANGS)('in %s, the error summary names each missing field, takes focus, and leads to the field', async (lang) => {
    const w = WORDS[lang];
    const page = await portal.page(lang);
    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1, name: w.signIn }).waitFor();
    await page.locator('form').getByRole('button', { name: w.signIn }).click();
    const summary = page.locator('.error-summary');
    await summary.getByRole('heading', { name: w.problem }).waitFor();
    expect(await page.evaluate("document.activeElement?.classList.contains('error-summary')")).toBe(true);
    expect(await page.title()).toMatch(new RegExp(`^${w.errorPrefix}`));
    expect(await summary.getByRole('link').count()).toBe(2);
    await summary.getByRole('link').nth(1).click();
    expect(await page.evaluate('document.activeElement?.id')).toBe('password');
    await expectAccessible(page);
  });

  it.each(LANGS)('in %s, a wrong password is refused in the reader’s language', async (lang) => {
    const w = WORDS[lang];
    const page = await portal.page(lang);
    await page.goto('/sign-in');
    await page.getByLabel(w.nationalId).fill(CITIZEN);
    await page.getByLabel(w.password, { exact: true }).fill('not-the-password');
    await page.locator('form').getByRole('button', { name: w.signIn }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    const text = await summary.textContent();
    expect(text).toMatch(lang === 'ar' ? /[\u0600-\u06FF]/ : /password/i);
  });

  it.each(LANGS)('in %s, an unknown path says the page is not found', async (lang) => {
    const page = await portal.page(lang);
    await page.goto('/no/such/page');
    await page.getByRole('heading', { level: 1, name: WORDS[lang].notFound }).waitFor();
    await expectAccessible(page);
  });
});
