/**
 * The dashboard in a real browser (pages/dashboard), for a person the scenario builder gave three
 * cases: a judgment against them served and open to objection, their own claim with a remote
 * hearing about to begin, and a claim waiting for its court fee. The page shows what is waiting
 * for them, the hearing with its way in once they check in, each deadline with a live countdown,
 * their cases in plain words, and their unread notifications (the count in the navigation too,
 * following what they mark read); a case is reached by keyboard alone; the bill is paid at the
 * gateway's page. Arabic and English, axe-clean.
 */
import type { Page } from 'playwright-core';
import { startApp, TestApp } from '../harness';
import { CITIZEN_PASSWORD, type Person } from '../scenario/people';
import { scenario, type Scenario } from '../scenario/scenario';
import { expectAccessible, LANGS, type Lang, Portal, type SignedIn, tabTo } from './portal';

const MEETING = 'https://meet.adl.example/hearing-dashboard';
/** A case number as the portal writes it inside a sentence: isolated left to right (lib/format.ts). */
const iso = (code: string) => `\u2066${code}\u2069`;
const WORDS = {
  ar: {
    dashboard: 'لوحتي',
    sections: ['مطلوب منك', 'جلساتك القادمة', 'المواعيد النهائية', 'قضاياك', 'الإشعارات'],
    checkIn: /^سجّل حضورك/,
    join: /^ادخل الجلسة/,
    payNow: 'ادفع الآن',
    judgmentGiven: 'صدر فيها حكم',
    awaitingFee: 'بانتظار سداد رسوم الدعوى',
    objection: (no: string) => `آخر موعد للاعتراض على الحكم في الدعوى رقم ${iso(no)} أو القناعة به`,
    left: /^المتبقي \S+/,
    notifications: (n: number) => (n ? `الإشعارات (${n})` : 'الإشعارات'),
    markRead: 'علّم كمقروء',
  },
  en: {
    dashboard: 'My dashboard',
    sections: ['Waiting for you', 'Your coming hearings', 'Deadlines', 'Your cases', 'Notifications'],
    checkIn: /^Check in/,
    join: /^Join hearing/,
    payNow: 'Pay now',
    judgmentGiven: 'Judgment given',
    awaitingFee: 'Waiting for the court fee',
    objection: (no: string) => `Last day to object to, or accept, the judgment in lawsuit ${iso(no)}`,
    left: /^\d+ days?( \d+ hours?)? left$/,
    notifications: (n: number) => (n ? `Notifications (${n})` : 'Notifications'),
    markRead: 'Mark as read',
  },
};

/** Waits (up to five seconds) until `check` holds. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 50 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await check()).toBe(true);
}

describe('the dashboard (browser)', () => {
  let t: TestApp;
  let portal: Portal;
  let me: Person;
  let judged: Scenario;
  let heard: Scenario;
  let auth: SignedIn;

  beforeAll(async () => {
    t = await startApp();
    portal = await Portal.open(t);
    // A judgment against the person (the defendant), served: their objection window is open.
    judged = await scenario(t.app).court('RYD-GEN').hearingHeld().judgmentIssued().served();
    me = judged.actors.defendant;
    // Their own claim, its remote hearing five minutes away: check-in is open.
    heard = await scenario(t.app).court('RYD-GEN').claimant(me).hearingScheduled({ remote: true, meetingLink: MEETING });
    t.clock.set(new Date(heard.hearingAt.getTime() - 5 * 60_000));
    // A claim sent to the court whose fee is not paid yet.
    const unpaid = await scenario(t.app).court('RYD-GEN').claimant(me).lawsuit({ subject: 'مطالبة بأجرة — unpaid rent' });
    await t.ok('mutation($id: ID!) { submitLawsuit(id: $id) { state } }', { id: unpaid.lawsuitId }, me.token);
    auth = await portal.session(me.nationalId, CITIZEN_PASSWORD);
  });
  afterAll(async () => {
    await portal?.close();
    await t?.close();
  });

  async function dashboard(lang: Lang): Promise<Page> {
    const page = await portal.page(lang, auth);
    await page.goto('/dashboard');
    await page.getByRole('heading', { level: 1, name: WORDS[lang].dashboard }).waitFor();
    await page.getByRole('heading', { level: 2, name: WORDS[lang].sections[0] }).waitFor();
    return page;
  }

  const unread = async (): Promise<number> => (await t.ok('{ unreadNotificationCount }', {}, me.token)).unreadNotificationCount;

  // First: the per-language checks below find the person checked in.
  it('offers check-in once a remote hearing opens, then the way in; by keyboard', async () => {
    const w = WORDS.ar;
    const page = await dashboard('ar');
    const hearings = page.getByRole('region', { name: w.sections[1] });
    await tabTo(page, w.checkIn);
    await page.keyboard.press('Enter');
    const join = hearings.getByRole('link', { name: w.join });
    await join.waitFor();
    expect(await join.getAttribute('href')).toBe(MEETING);
    expect(await page.getByRole('button', { name: w.checkIn }).count()).toBe(0);
  });

  it.each(LANGS)(
    'in %s, shows what is waiting, the hearing, the deadlines counting down and the cases; a case by keyboard',
    async (lang) => {
      const w = WORDS[lang];
      const page = await dashboard(lang);
      for (const name of w.sections) await page.getByRole('heading', { level: 2, name }).waitFor();
      const region = (i: number) => page.getByRole('region', { name: w.sections[i] });

      // Waiting: objecting to (or accepting) the judgment, and paying the fee.
      await region(0)
        .getByRole('link', { name: w.objection(judged.caseNumber) })
        .waitFor();
      await region(0).getByRole('button', { name: w.payNow }).waitFor();
      // The remote hearing, with its way in.
      expect(await region(1).getByRole('link', { name: w.join }).getAttribute('href')).toBe(MEETING);
      await region(1)
        .getByRole('heading', { name: new RegExp(heard.caseNumber) })
        .waitFor();
      // The objection window and the fee, each counting down.
      await region(2).getByText(w.objection(judged.caseNumber)).waitFor();
      const timers = region(2).getByRole('timer');
      expect(await timers.count()).toBe(2);
      for (const text of await timers.allTextContents()) expect(text).toMatch(w.left);
      // The cases in plain words.
      const cases = region(3);
      await cases.getByRole('link', { name: judged.caseNumber, exact: true }).waitFor();
      await cases.getByText(w.judgmentGiven).waitFor();
      await cases.getByText(w.awaitingFee).waitFor();
      await page
        .getByRole('navigation')
        .getByRole('link', { name: w.notifications(await unread()) })
        .waitFor();
      await expectAccessible(page);

      await tabTo(page, judged.caseNumber);
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/cases/${judged.lawsuitId}`);
    },
  );

  it('counts down live, telling screen readers the end rather than every tick; the fee is paid at the gateway', async () => {
    const page = await portal.page('en', auth);
    await page.clock.install();
    await page.goto('/dashboard');
    const deadlines = page.getByRole('region', { name: 'Deadlines' });
    const timer = deadlines
      .getByRole('listitem')
      .filter({ hasText: WORDS.en.objection(judged.caseNumber) })
      .getByRole('timer');
    const hours = async () => {
      const [, days, h] = /^(\d+) days?(?: (\d+) hours?)? left$/.exec((await timer.textContent())!)!;
      return Number(days) * 24 + Number(h ?? 0);
    };
    const before = await hours();
    await page.clock.fastForward('02:00:00');
    await until(async () => (await hours()) <= before - 2);
    expect(before - (await hours())).toBeLessThanOrEqual(3);
    // The ticking text is not announced; the end is read out, and a polite region speaks only at thresholds.
    expect(await timer.getAttribute('aria-live')).toBe('off');
    const item = deadlines.getByRole('listitem').filter({ hasText: WORDS.en.objection(judged.caseNumber) });
    await item.getByText(/\(Ends \d+ \w+ \d{4}/).waitFor({ state: 'attached' });
    expect(await item.locator('[aria-live="polite"]').textContent()).toBe('');
    // The Hijri end is the API's own (Umm al-Qura).
    await item
      .getByText(/\d+ .+ 14\d\d AH/)
      .first()
      .waitFor();

    // The fee is paid at the gateway's page.
    await page.getByRole('region', { name: 'Waiting for you' }).getByRole('button', { name: 'Pay now' }).click();
    await page.waitForURL((url) => url.origin === new URL(process.env.PAYMENT_GATEWAY_URL!).origin);
  });

  it.each(LANGS)('in %s, lists the notifications and marks one read; the count in the navigation follows', async (lang) => {
    const w = WORDS[lang];
    const count = await unread();
    expect(count).toBeGreaterThan(0);
    const page = await portal.page(lang, auth);
    await page.goto('/notifications');
    await page.getByRole('heading', { level: 1, name: w.sections[4] }).waitFor();
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: w.notifications(count) }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: w.markRead }).first().click();
    await nav.getByRole('link', { name: w.notifications(count - 1) }).waitFor();
    // The button is gone with the notice read: focus is on the notice's heading, not lost.
    expect(await page.evaluate('document.activeElement?.tagName')).toBe('H2');
    await until(async () => (await page.getByRole('button', { name: w.markRead }).count()) === count - 1);
  });
});
