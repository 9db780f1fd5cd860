/**
 * Filing a claim in the portal, in a real browser against the real API and the payment gateway
 * stand-in (docs/portal.md, "Filing a claim"): a newcomer signs in, files a claim with a document
 * step by step, sees the fee the API worked out, pays it on the gateway's hosted page, comes back
 * to the receipt, and the filing is with the court; in Arabic and in English, axe-core clean on
 * every page. The first pages again by keyboard alone.
 */
import { startApp, TestApp } from '../harness';
import { nationalId } from '../factories/people';
import { CITIZEN_PASSWORD } from '../scenario/people';
import { scenario } from '../scenario/scenario';
import { heading, payByCard, PDF, servePublicAddress, WORDS } from './filing';
import { expectAccessible, LANGS, Portal, tabTo } from './portal';

const FILED = `query($id: ID!) { lawsuit(id: $id) { state feeAmount claimedAmount attachments { fileName } bills { state amount }
  parties { side nameEn } } }`;

describe('filing a claim (browser)', () => {
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

  it.each(LANGS)(
    'in %s, a newcomer signs in, files a claim with a document, pays its fee at the gateway and gets the receipt',
    async (lang) => {
      const w = WORDS[lang];
      const { claimant } = (await scenario(t.app).claimant()).actors;
      const defendantId = nationalId();
      const page = await portal.page(lang);
      await servePublicAddress(page, t);
      const next = () => page.getByRole('button', { name: w.continue, exact: true }).click();

      await page.goto('/file');
      await heading(page, w.signIn);
      await page.getByLabel(w.nationalIdLogin).fill(claimant.nationalId);
      await page.getByLabel(w.password, { exact: true }).fill(CITIZEN_PASSWORD);
      await page.locator('form').getByRole('button', { name: w.signIn }).click();
      await heading(page, w.start);
      await expectAccessible(page);
      await page.getByRole('link', { name: w.startNow }).click();

      await heading(page, w.category);
      await page.getByText(w.step1).waitFor();
      await expectAccessible(page);
      await page.getByLabel(w.civil, { exact: true }).check();
      await next();

      await heading(page, w.court);
      await page.getByLabel(w.byCity).check();
      await page.getByLabel(w.city, { exact: true }).selectOption('Riyadh');
      await expectAccessible(page);
      await next();

      await heading(page, w.claimants);
      await expectAccessible(page);
      await next();

      await heading(page, w.defendants);
      await page.getByLabel(w.nationalId).fill(defendantId);
      await page.getByLabel(w.nameAr).fill('خالد المدين');
      await page.getByLabel(w.nameEn).fill('Khalid Debtor');
      await expectAccessible(page);
      await next();

      await heading(page, w.claims);
      await page.getByLabel(w.claim).fill('إلزام المدعى عليه بسداد القرض — repay the loan');
      await page.getByLabel(w.amount).fill('80000');
      await expectAccessible(page);
      await next();

      await heading(page, w.facts);
      await page.getByLabel(w.subject).fill('مطالبة بسداد قرض — Repayment of a loan');
      await page
        .getByLabel(w.factsField)
        .fill('أقرضت المدعى عليه 80,000 ريال في يناير ولم يسددها. I lent the defendant SAR 80,000 in January.');
      await expectAccessible(page);
      await next();

      await heading(page, w.attachments);
      await page.getByLabel(w.chooseFiles).setInputFiles(PDF);
      await page.getByText(w.uploaded, { exact: true }).waitFor();
      await expectAccessible(page);
      await next();

      // The fee as the API worked it out (5 % of 50,000 and 4 % of 30,000), the defendant's ID masked as the API gives it.
      await heading(page, w.check);
      await page.getByText(w.fee).waitFor();
      await page.getByText(`${defendantId[0]}*****${defendantId.slice(6)}`).waitFor();
      await expectAccessible(page);
      await page.getByRole('button', { name: w.sendAndPay }).click();

      await page.waitForURL(/\/pay\//);
      await payByCard(page);
      await heading(page, w.sent);
      await expectAccessible(page);
      const id = /\/file\/receipt\/([0-9a-f-]{36})/.exec(page.url())![1];
      const { lawsuit } = await t.ok(FILED, { id }, claimant.token);
      expect(lawsuit).toMatchObject({
        state: 'SUBMITTED',
        claimedAmount: 80000,
        feeAmount: 3700,
        attachments: [{ fileName: PDF.name }],
        bills: [{ state: 'PAID', amount: 3700 }],
      });
      expect(lawsuit.parties).toEqual([
        { side: 'CLAIMANT', nameEn: claimant.nameEn },
        { side: 'DEFENDANT', nameEn: 'Khalid Debtor' },
      ]);
      // Sent, the draft is gone from the device.
      expect(await page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('adl-filing:'))")).toEqual([]);
    },
    300_000, // ten pages, each checked by axe-core, and the gateway's
  );

  it('takes the first pages by keyboard alone', async () => {
    const w = WORDS.ar;
    const { claimant } = (await scenario(t.app).claimant()).actors;
    const page = await portal.page('ar', await portal.session(claimant.nationalId, CITIZEN_PASSWORD));
    await page.goto('/file');
    await heading(page, w.start);
    await tabTo(page, w.startNow);
    await page.keyboard.press('Enter');
    await heading(page, w.category);
    // Continuing with no answer names the problem and leads to the question.
    await tabTo(page, w.continue);
    await page.keyboard.press('Enter');
    await page.locator('.error-summary').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement?.id')).toBe('category');
    await page.keyboard.press('Space');
    expect(await page.getByLabel(w.civil, { exact: true }).isChecked()).toBe(true);
    await tabTo(page, w.continue);
    await page.keyboard.press('Enter');

    await heading(page, w.court);
    await tabTo(page, w.byCity);
    await page.keyboard.press('Space');
    await tabTo(page, w.city);
    await page.keyboard.type('Riyadh');
    await tabTo(page, w.continue);
    await page.keyboard.press('Enter');
    await heading(page, w.claimants);
    await tabTo(page, w.continue);
    await page.keyboard.press('Enter');
    await heading(page, w.defendants);
    await tabTo(page, w.nationalId);
    expect(await page.evaluate('document.activeElement?.id')).toBe('defendant-0-number');
  });
});
