/**
 * Signing in to the portal in a real browser (docs/portal.md, "Sessions"; docs/identity.md): the
 * national single sign-on end to end against a national identity provider stand-in of this file's
 * own (its redirect URI is this app's address), the number picked on the "phone" in another
 * window; a request denied in the app, told in plain words; password and authenticator code by
 * keyboard alone; and a session ended under the person's feet, reopened in the dialog over the
 * page with what they typed still there and their request completed. Arabic and English, axe-clean.
 */
import { withCheckDigit } from '../../src/core/validation/national-id';
import { totpCode } from '../../src/identity/totp';
import { startNationalIdpStandIn, type StandInHandle } from '../../src/national-idp-stand-in';
import { registerCitizen } from '../factories/people';
import { freePort, startApp, TestApp } from '../harness';
import { NATIONAL_IDP_TEST_CLIENT } from '../setup/test-env';
import { expectAccessible, LANGS, type Lang, Portal, tabTo } from './portal';
import type { Page } from 'playwright-core';

const WORDS = {
  ar: {
    signIn: 'تسجيل الدخول',
    national: 'الدخول عبر النفاذ الوطني الموحد',
    nationalId: 'رقم الهوية الوطنية أو الإقامة',
    password: 'كلمة المرور',
    otp: 'رمز التحقق من تطبيق المصادقة',
    dashboard: 'لوحتي',
    welcome: (name: string) => `مرحبًا، ${name}`,
    denied: /لم يُعتمد تسجيل الدخول في تطبيق نفاذ/,
    errorPrefix: 'خطأ: ',
    sessionEnded: 'انتهت جلستك',
    search: 'ابحث في قضاياك',
    noMatch: (text: string) => `لا توجد قضايا تطابق «${text}».`,
  },
  en: {
    signIn: 'Sign in',
    national: 'Sign in with the National Single Sign-On',
    nationalId: 'National ID or iqama number',
    password: 'Password',
    otp: 'Code from your authenticator app',
    dashboard: 'My dashboard',
    welcome: (name: string) => `Welcome, ${name}`,
    denied: /not approved in the Nafath app/,
    errorPrefix: 'Error: ',
    sessionEnded: 'Your session has ended',
    search: 'Search your cases',
    noMatch: (text: string) => `0 cases match “${text}”.`,
  },
};

/** Someone the stand-in's registry knows and Adl does not yet (docs/identity.md, the synthetic population). */
function registryPerson(): { nationalId: string; nameAr: string; nameEn: string } {
  const serial = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
  return { nationalId: withCheckDigit(`199${serial}`), nameAr: `شخص اختباري ${serial}`, nameEn: `Test Person ${serial}` };
}

/** The access token of the session the page holds (as the portal keeps it in the tab). */
async function accessToken(page: Page): Promise<string> {
  const session = await page.evaluate<string>("sessionStorage.getItem('adl-session')");
  return (JSON.parse(session) as { accessToken: string }).accessToken;
}

describe('signing in (browser)', () => {
  let t: TestApp;
  let portal: Portal;
  let idp: StandInHandle;

  beforeAll(async () => {
    const [port, idpPort] = await Promise.all([freePort(), freePort()]);
    const base = `http://127.0.0.1:${port}`;
    // The provider sends the browser back to this app, so it registers this app's address.
    [idp, t] = await Promise.all([
      startNationalIdpStandIn({ issuer: `http://127.0.0.1:${idpPort}`, ...NATIONAL_IDP_TEST_CLIENT, publicBaseUrl: base }),
      startApp({ PORT: String(port), PUBLIC_BASE_URL: base, NATIONAL_IDP_ISSUER: `http://127.0.0.1:${idpPort}` }),
    ]);
    portal = await Portal.open(t);
  });
  afterAll(async () => {
    await portal?.close();
    await t?.close();
    await idp?.stop();
  });

  /** From the portal's sign-in page to the provider's waiting page; answers the number it shows. */
  async function atProvider(page: Page, lang: Lang, nationalId: string): Promise<string> {
    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1, name: WORDS[lang].signIn }).waitFor();
    await page.getByRole('link', { name: WORDS[lang].national }).click();
    await page.getByLabel(/National ID or iqama number/).fill(nationalId);
    await page.getByRole('button', { name: /Continue/ }).click();
    return (await page.locator('#number').textContent())!.trim();
  }

  /** The person's phone, a device of its own: picks the number shown, or another of the three it offers. */
  async function pickOnPhone(lang: Lang, nationalId: string, shown: string, pick: 'right' | 'wrong' = 'right'): Promise<void> {
    const phone = await portal.page(lang);
    await phone.goto(`${idp.issuer}/phone?nationalId=${nationalId}`);
    const options = await phone.getByRole('button').allTextContents();
    const number = pick === 'right' ? shown : options.map((o) => o.trim()).find((o) => /^\d+$/.test(o) && o !== shown)!;
    await phone.getByRole('button', { name: number, exact: true }).click();
    await phone.getByRole('status').waitFor();
  }

  it.each(LANGS)('in %s, signs a new person in with the national single sign-on and lands on the dashboard', async (lang) => {
    const w = WORDS[lang];
    const person = registryPerson();
    const page = await portal.page(lang);
    const shown = await atProvider(page, lang, person.nationalId);
    expect(new URL(page.url()).origin).toBe(idp.issuer);
    await pickOnPhone(lang, person.nationalId, shown);
    // The provider's page moves on by itself, the app redeems the ticket and takes it out of the address.
    await page.getByRole('heading', { level: 1, name: w.dashboard }).waitFor({ timeout: 15_000 });
    await page.getByText(w.welcome(lang === 'ar' ? person.nameAr : person.nameEn)).waitFor();
    const url = new URL(page.url());
    expect([url.origin, url.pathname, url.search]).toEqual([t.url, '/dashboard', '']);
  });

  it('says so in plain words when the request is denied in the app, and offers to try again', async () => {
    const w = WORDS.ar;
    const person = registryPerson();
    const page = await portal.page('ar');
    const shown = await atProvider(page, 'ar', person.nationalId);
    await pickOnPhone('ar', person.nationalId, shown, 'wrong');
    await page.getByRole('heading', { level: 1, name: w.signIn }).waitFor({ timeout: 15_000 });
    await page.locator('.error-summary').getByText(w.denied).waitFor();
    expect(await page.title()).toMatch(new RegExp(`^${w.errorPrefix}`));
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/dashboard');
    await expectAccessible(page);
    await page.getByRole('link', { name: w.national }).waitFor();
  });

  it('reopens an ended session with the national sign-on in a window of its own: the page and the typing stay', async () => {
    const w = WORDS.en;
    const person = registryPerson();
    const c = await registerCitizen(t, person);
    const page = await portal.page('en', await portal.session(c.nationalId, c.password));
    await page.goto('/dashboard');
    const search = page.getByRole('searchbox', { name: w.search });
    await search.fill('boundary wall');
    await t.ok('mutation { logout }', {}, await accessToken(page));
    await search.press('Enter');
    const dialog = page.getByRole('dialog', { name: w.sessionEnded });
    const [popup] = await Promise.all([page.waitForEvent('popup'), dialog.getByRole('button', { name: w.national }).click()]);
    await popup.getByLabel(/National ID or iqama number/).fill(person.nationalId);
    await popup.getByRole('button', { name: /Continue/ }).click();
    await pickOnPhone('en', person.nationalId, (await popup.locator('#number').textContent())!.trim());
    // The window hands the ticket back to the page and closes; the page never left.
    await popup.waitForEvent('close', { timeout: 15_000 });
    await dialog.waitFor({ state: 'hidden' });
    expect(await search.inputValue()).toBe('boundary wall');
    await page.getByText(w.noMatch('boundary wall')).waitFor();
  });

  it.each(LANGS)(
    'in %s, signs in with password and authenticator code by keyboard alone; a session ended elsewhere is reopened over the page, the typing kept',
    async (lang) => {
      const w = WORDS[lang];
      const c = await registerCitizen(t, { nameAr: 'منى الزهراني', nameEn: 'Mona Al-Zahrani' });
      const { secret } = (await t.ok('mutation { enrollTwoFactor { secret } }', {}, c.token)).enrollTwoFactor;
      // Confirmed with the previous step's code, so that the current one is still unused for the sign-in.
      const previous = await totpCode(secret, new Date(t.clock.now().getTime() - 30_000));
      await t.ok('mutation($c: String!) { confirmTwoFactor(code: $c) }', { c: previous }, c.token);

      const page = await portal.page(lang);
      await page.goto('/sign-in');
      await page.getByRole('heading', { level: 1, name: w.signIn }).waitFor();
      await tabTo(page, w.nationalId);
      await page.keyboard.type(c.nationalId);
      await tabTo(page, w.password);
      await page.keyboard.type(c.password);
      await page.keyboard.press('Enter');
      // The account has two-factor on: the code's field appears and takes focus.
      await page.getByLabel(w.otp).waitFor();
      expect(await page.evaluate('document.activeElement?.id')).toBe('otp');
      await expectAccessible(page);
      await page.keyboard.type(await totpCode(secret, t.clock.now()));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: w.dashboard }).waitFor();
      await page.getByText(w.welcome(lang === 'ar' ? 'منى الزهراني' : 'Mona Al-Zahrani')).waitFor();

      // Typing a search, when the session ends elsewhere (every session of the account signed out).
      const search = page.getByRole('searchbox', { name: w.search });
      const typed = lang === 'ar' ? 'إيجار المحل التجاري' : 'rent of the shop';
      await search.fill(typed);
      await t.ok('mutation { logout }', {}, await accessToken(page));
      await search.press('Enter');
      const dialog = page.getByRole('dialog', { name: w.sessionEnded });
      await dialog.waitFor();
      expect(await dialog.getByLabel(w.nationalId).inputValue()).toBe(c.nationalId);
      await expectAccessible(page);

      // Signing in again in the dialog, by keyboard, with a code of a later step.
      await tabTo(page, w.password);
      await page.keyboard.type(c.password);
      await page.keyboard.press('Enter');
      await dialog.getByLabel(w.otp).waitFor();
      t.clock.advance(31_000);
      await page.keyboard.type(await totpCode(secret, t.clock.now()));
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      expect(await search.inputValue()).toBe(typed);
      await page.getByText(w.noMatch(typed)).waitFor();
      expect(new URL(page.url()).pathname).toBe('/dashboard');
    },
  );
});
