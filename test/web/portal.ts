/**
 * The browser specs' toolkit: pages of the portal in the run's one Chromium (shared-browser.ts),
 * each in a context of its own, in Arabic or English; a person already signed in (their session
 * placed in the tab as the portal keeps it, after a real login over the API); and the checks every
 * page passes: axe-core finds nothing serious or critical.
 */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { TestApp } from '../harness';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../setup/shared-browser';

// A browser journey is many pages, each checked by axe-core: minutes, not the tier's 60 s, on a busy machine.
jest.setTimeout(180_000);

export type Lang = 'ar' | 'en';
export const LANGS: Lang[] = ['ar', 'en'];

export interface SignedIn {
  accessToken: string;
  expiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string;
  user: { id: string; nationalId: string; nameAr: string; nameEn: string; roles: string[] };
}

const AUTH = `accessToken expiresAt refreshToken refreshExpiresAt user { id nationalId nameAr nameEn roles }`;

export class Portal {
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    readonly t: TestApp,
    private readonly browser: Browser,
  ) {}

  /** The run's shared Chromium, or one of the spec's own when it runs outside the tier's set-up. */
  static async open(t: TestApp): Promise<Portal> {
    const ws = process.env.BROWSER_WS_ENDPOINT;
    const browser = ws
      ? await chromium.connect(ws)
      : await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    return new Portal(t, browser);
  }

  /** A new tab in a context of its own, in `lang` (the portal's language cookie set, as a returning reader's would be). */
  async page(lang: Lang, signedIn?: SignedIn): Promise<Page> {
    const context = await this.browser.newContext({
      baseURL: this.t.url,
      locale: lang === 'ar' ? 'ar-SA' : 'en-GB',
      timezoneId: 'Asia/Riyadh',
      viewport: { width: 1024, height: 800 },
    });
    this.contexts.push(context);
    const { hostname } = new URL(this.t.url);
    await context.addCookies([{ name: 'adl-lang', value: lang, domain: hostname, path: '/' }]);
    if (signedIn) {
      const auth = JSON.stringify(JSON.stringify(signedIn));
      await context.addInitScript(`if (!sessionStorage.getItem('adl-session')) sessionStorage.setItem('adl-session', ${auth});`);
    }
    const page = await context.newPage();
    // Generous: a run shares two cores among two spec files, their apps and Chromium.
    page.setDefaultTimeout(30_000);
    return page;
  }

  /** Signs in over the API as the portal would (password login) and answers the session to place in a tab. */
  async session(nationalId: string, password: string): Promise<SignedIn> {
    const res = await this.t.gql<{ login: SignedIn }>(`mutation($i: LoginInput!) { login(input: $i) { ${AUTH} } }`, {
      i: { nationalId, password },
    });
    if (!res.data) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
    return res.data.login;
  }

  async close(): Promise<void> {
    await Promise.all(this.contexts.map((c) => c.close()));
    await this.browser.close(); // a connected browser's close() only disconnects; the spec's own browser ends
  }
}

/** axe-core on the page as it is now: no serious or critical violation (WCAG 2.x A and AA, and best practice). */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The focused element's name as a person hears it: its aria-label, its label, or its text (run in the page). */
const FOCUSED_NAME = `(() => {
  const el = document.activeElement;
  if (!el) return '';
  const label = el.id ? document.querySelector('label[for="' + el.id + '"]')?.textContent : null;
  return (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '').trim();
})()`;

/** The page's language and direction, as `<html lang dir>` has them now. */
export async function direction(page: Page): Promise<[string, string]> {
  return page.evaluate<[string, string]>('[document.documentElement.lang, document.documentElement.dir]');
}

/** Presses Tab until the focused element matches `name` (its accessible text), at most `limit` times. */
export async function tabTo(page: Page, name: string | RegExp, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate<string>(FOCUSED_NAME);
    if (typeof name === 'string' ? text === name : name.test(text)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}
