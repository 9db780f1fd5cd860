/**
 * The filing wizard around its journey (docs/portal.md, "Filing a claim"), in Arabic and English,
 * axe-core clean: the draft kept through a reload; an upload the API refuses (an empty file, a
 * program renamed to .pdf) shown with the API's reason in the reader's language, to try again or
 * remove; and a filing the clerk returned, which opens at the parts they named, takes a mistyped
 * ID back to its page with the API's word, and is sent again.
 */
import { startApp, TestApp } from '../harness';
import { CITIZEN_PASSWORD } from '../scenario/people';
import { scenario } from '../scenario/scenario';
import { EMPTY, EXE_AS_PDF, heading, WORDS } from './filing';
import { expectAccessible, LANGS, Portal, type SignedIn } from './portal';

const RETURN = 'mutation($i: ReviewLawsuitInput!) { reviewLawsuit(input: $i) { state } }';
const READ = 'query($id: ID!) { lawsuit(id: $id) { state returnFields parties { side nationalId nameEn } } }';

describe('the filing wizard’s drafts, uploads and corrections (browser)', () => {
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

  /** A tab of this spec's citizen, signed in (each tab its own context, so its own draft). */
  let citizen: SignedIn | undefined;
  async function signedIn(lang: 'ar' | 'en') {
    if (!citizen) {
      const { claimant } = (await scenario(t.app).claimant()).actors;
      citizen = await portal.session(claimant.nationalId, CITIZEN_PASSWORD);
    }
    return portal.page(lang, citizen);
  }

  it.each(LANGS)('in %s, keeps what was typed through a reload, and offers to go on with it', async (lang) => {
    const w = WORDS[lang];
    const page = await signedIn(lang);
    await page.goto('/file/facts');
    await heading(page, w.facts);
    await page.getByLabel(w.subject).fill('مطالبة بأجر — Unpaid wages');
    await page.getByLabel(w.factsField).fill('لم يُدفع أجر ثلاثة أشهر. Three months of wages were not paid.');
    await page.reload();
    await heading(page, w.facts);
    expect(await page.getByLabel(w.subject).inputValue()).toBe('مطالبة بأجر — Unpaid wages');
    expect(await page.getByLabel(w.factsField).inputValue()).toContain('Three months');
    await page.goto('/file');
    await page.getByRole('link', { name: lang === 'ar' ? 'أكمل دعواك' : 'Continue your claim' }).waitFor();
    await expectAccessible(page);
  });

  it.each(LANGS)('in %s, shows why the API refused an upload, in the reader’s language, to try again or remove', async (lang) => {
    const w = WORDS[lang];
    const page = await signedIn(lang);
    await page.goto('/file/attachments');
    await heading(page, w.attachments);
    await page.getByLabel(w.chooseFiles).setInputFiles([EMPTY, EXE_AS_PDF]);
    const row = (file: { name: string }) => page.getByRole('listitem').filter({ hasText: file.name });
    await row(EMPTY).getByText(w.empty).waitFor();
    await row(EXE_AS_PDF).getByText(w.notAccepted).waitFor();
    await expectAccessible(page);
    // Trying again sends the file again; refused again for the same reason.
    await row(EMPTY).getByRole('button', { name: w.retry }).click();
    await row(EMPTY).getByText(w.empty).waitFor();
    await page.getByRole('button', { name: w.continue, exact: true }).click();
    await page.locator('.error-summary').waitFor();
    await expectAccessible(page);
    expect(await page.title()).toMatch(lang === 'ar' ? /^خطأ: / : /^Error: /);
  });

  it.each(LANGS)('in %s, opens a returned filing at the parts the clerk named, and sends it again', async (lang) => {
    const w = WORDS[lang];
    const s = await scenario(t.app).court('RYD-GEN').defendant({ account: false }).submitted();
    const { claimant, defendant } = s.actors;
    const reason = 'صحح اسم المدعى عليه ووقائع الدعوى — correct the defendant’s name and the facts';
    await t.ok(RETURN, { i: { id: s.lawsuitId, decision: 'RETURN', reason, fields: ['FACTS', 'DEFENDANTS'] } }, await t.token('clerk'));
    const page = await portal.page(lang, await portal.session(claimant.nationalId, CITIZEN_PASSWORD));
    const next = () => page.getByRole('button', { name: w.continue, exact: true }).click();

    await page.goto(`/cases/${s.lawsuitId}/correct`);
    await page.waitForURL(`**/cases/${s.lawsuitId}/correct/defendants`);
    await heading(page, w.defendants);
    await page.getByRole('region', { name: w.returned }).getByText(reason).waitFor();
    // The defendant's ID as the API shows it to the filer: masked, kept as filed unless typed again.
    const number = page.getByLabel(w.nationalId);
    expect(await number.inputValue()).toBe(`${defendant.nationalId[0]}*****${defendant.nationalId.slice(6)}`);
    await expectAccessible(page);

    // A mistyped ID goes to the court's check and comes back to this page with its word.
    await number.fill('1234567890');
    await page.getByLabel(w.nameAr).fill('سعد المصحح');
    await page.getByLabel(w.nameEn).fill('Saad Corrected');
    await next();
    await heading(page, w.facts);
    await next();
    await heading(page, w.defendants);
    await page.locator('.error-summary').getByRole('link').first().waitFor();
    await expectAccessible(page);
    await number.fill(defendant.nationalId);
    await next();

    await heading(page, w.facts);
    await page.getByLabel(w.factsField).fill('أقرضته المبلغ في يناير 2026 ولم يسدده. I lent it in January 2026; it was not repaid.');
    await next();
    await heading(page, w.check);
    await page.getByText(lang === 'ar' ? 'سعد المصحح' : 'Saad Corrected').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: w.send, exact: true }).click();
    await heading(page, w.sent);

    const { lawsuit } = await t.ok(READ, { id: s.lawsuitId }, await t.token('clerk'));
    expect(lawsuit).toMatchObject({ state: 'SUBMITTED', returnFields: [] });
    expect(lawsuit.parties.find((p: { side: string }) => p.side === 'DEFENDANT')).toEqual({
      side: 'DEFENDANT',
      nationalId: defendant.nationalId,
      nameEn: 'Saad Corrected',
    });
  });
});
