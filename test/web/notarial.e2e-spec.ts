/**
 * The notarial pages in a real browser against the real API, in Arabic and English: a citizen
 * issues a power of attorney through the wizard (agents, powers from the catalogue, a validity
 * within the self-issued limit, a check of answers, a fresh authenticator code) and finds it among
 * their own; a principal revokes one agent by keyboard alone, confirming first; a co-principal
 * confirms a draft within its window; a party signs a contract with a fresh code. The error
 * summaries name the field; axe-core on each state.
 */
import { startApp, TestApp } from '../harness';
import { nationalId } from '../factories/people';
import { scenario } from '../scenario/scenario';
import { sessionOf } from './people-sessions';
import { expectAccessible, Lang, LANGS, Portal, tabTo } from './portal';

const WORDS = {
  ar: {
    agentsTitle: 'من توكّل؟',
    continue: 'متابعة',
    idMissing: 'أدخل رقم هوية الوكيل 1',
    nationalId: 'رقم الهوية الوطنية أو الإقامة',
    nameAr: 'الاسم بالعربية',
    nameEn: 'الاسم بالإنجليزية',
    powersTitle: 'ما البنود التي توكّل فيها؟',
    validTo: 'آخر يوم تسري فيه',
    tooLate: /آخر يوم يجب ألا يتجاوز/,
    check: 'راجع الوكالة قبل إصدارها',
    otp: 'رمز التحقق من تطبيق المصادقة',
    issue: 'أصدر الوكالة',
    issued: /صدرت الوكالة/,
    draft: 'مسودة لم تسرِ بعد',
    pay: 'سدّد الرسم',
    mine: 'وكالات أصدرتها (أنت الموكل)',
    revokeLink: 'فسخ الوكالة أو جزء منها',
    whole: 'الوكالة كلها',
    reason: 'سبب الفسخ',
    sure: 'هل أنت متأكد من الفسخ؟',
    revoke: 'افسخ',
    revoked: 'فُسخ ما اخترته من الوكالة.',
    agentRevoked: 'فُسخت وكالته',
    inForce: 'سارية',
    confirmTitle: 'تأكيد الوكالة',
    within: /خلال 48 ساعة/,
    confirm: 'أؤكد الوكالة',
    otpMissing: 'أدخل رمز التحقق من تطبيق المصادقة',
    confirmed: 'أكّدت الوكالة.',
    contracts: 'عقودي',
    sign: 'أوقّع العقد',
    signedNotice: 'وقّعت العقد.',
    signed: 'وقّع',
  },
  en: {
    agentsTitle: 'Who are your agents?',
    continue: 'Continue',
    idMissing: 'Enter the national ID of agent 1',
    nationalId: 'National ID or iqama number',
    nameAr: 'Name in Arabic',
    nameEn: 'Name in English',
    powersTitle: 'Which powers do you give?',
    validTo: 'Last day in force',
    tooLate: /The last day must be .* or earlier/,
    check: 'Check the power of attorney before you issue it',
    otp: 'Code from your authenticator app',
    issue: 'Issue the power of attorney',
    issued: /Power of attorney .* has been issued/,
    draft: 'Draft, not in force yet',
    pay: 'Pay the fee',
    mine: 'Issued by you (you are the principal)',
    revokeLink: 'Revoke all or part of it',
    whole: 'The whole power of attorney',
    reason: 'Why are you revoking it?',
    sure: 'Are you sure you want to revoke?',
    revoke: 'Revoke',
    revoked: 'What you chose has been revoked.',
    agentRevoked: 'Revoked',
    inForce: 'In force',
    confirmTitle: 'Confirm the power of attorney',
    within: /within 48 hours/,
    confirm: 'Confirm the power of attorney',
    otpMissing: 'Enter the code from your authenticator app',
    confirmed: 'You confirmed the power of attorney.',
    contracts: 'My contracts',
    sign: 'Sign the contract',
    signedNotice: 'You signed the contract.',
    signed: 'Signed',
  },
};

/** A day `months` from now, YYYY-MM-DD in Riyadh. */
const dayAhead = (months: number) => {
  const d = new Date();
  d.setMonth(d.getMonth() + months);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Riyadh' }).format(d);
};

/** A journey's time on a machine shared with other work (seconds when it is not). */
const JOURNEY_MS = 120_000;

describe('the notarial pages (browser)', () => {
  let t: TestApp;
  let portal: Portal;
  let catalogue: { code: string; nameAr: string; nameEn: string }[];

  beforeAll(async () => {
    t = await startApp();
    portal = await Portal.open(t);
    catalogue = (await t.ok('{ powerCatalogue { code nameAr nameEn } }')).powerCatalogue;
  });
  afterAll(async () => {
    await portal?.close();
    await t?.close();
  });

  const powerName = (code: string, lang: Lang) => {
    const entry = catalogue.find((c) => c.code === code)!;
    return lang === 'ar' ? entry.nameAr : entry.nameEn;
  };

  it.each(LANGS)(
    'in %s, issues a power of attorney through the wizard with a fresh code, and finds it among mine',
    async (lang) => {
      const w = WORDS[lang];
      const s = await scenario(t.app).principal({ twoFactor: true }).agent();
      const { principal, agent } = s.actors;
      const page = await portal.page(lang, await sessionOf(t, principal));
      await page.goto('/poa/new');
      await page.getByRole('heading', { level: 1, name: w.agentsTitle }).waitFor();
      await page.getByRole('button', { name: w.continue }).click();
      await page.locator('.error-summary').getByText(w.idMissing).waitFor();
      await expectAccessible(page);
      await page.getByLabel(w.nationalId).fill(agent.nationalId);
      await page.getByLabel(w.nameAr).fill(agent.nameAr);
      await page.getByLabel(w.nameEn).fill(agent.nameEn);
      await page.getByRole('button', { name: w.continue }).click();

      await page.getByRole('heading', { level: 1, name: w.powersTitle }).waitFor();
      await page.getByLabel(powerName('LIT_FILE', lang), { exact: true }).check();
      await page.getByLabel(powerName('RE_SELL', lang), { exact: true }).check();
      await page.getByRole('button', { name: w.continue }).click();

      // At most a year: a day two years on is refused, six months on is taken.
      await page.getByLabel(w.validTo).fill(dayAhead(24));
      await page.getByRole('button', { name: w.continue }).click();
      await page.locator('.error-summary').getByText(w.tooLate).waitFor();
      await page.getByLabel(w.validTo).fill(dayAhead(6));
      await page.getByRole('button', { name: w.continue }).click();

      await page.getByRole('heading', { level: 1, name: w.check }).waitFor();
      await page.getByText(powerName('RE_SELL', lang)).waitFor();
      await expectAccessible(page);
      await page.getByLabel(w.otp).fill(await principal.otp());
      await page.getByRole('button', { name: w.issue }).click();
      await page.getByText(w.issued).waitFor();
      await page.getByText(w.draft).waitFor();
      await page.getByRole('button', { name: w.pay }).waitFor();
      const id = new URL(page.url()).pathname.split('/').pop()!;
      const { powerOfAttorney } = await t.ok(
        'query($id: ID!) { powerOfAttorney(id: $id) { number agents { nationalId } } }',
        { id },
        principal.token,
      );
      expect(powerOfAttorney.agents).toEqual([{ nationalId: agent.nationalId }]);
      await expectAccessible(page);

      await page.goto('/poa');
      await page.getByRole('region', { name: w.mine }).getByRole('link', { name: powerOfAttorney.number }).waitFor();
      await expectAccessible(page);
    },
    JOURNEY_MS,
  );

  it.each(LANGS)(
    'in %s, a principal revokes one agent by keyboard alone, after confirming',
    async (lang) => {
      const w = WORDS[lang];
      const second = { nationalId: nationalId(), nameAr: 'وكيل ثان', nameEn: 'Second Agent' };
      const s = await scenario(t.app)
        .poa({ coAgents: [second] })
        .poaIssuedByNotary();
      const page = await portal.page(lang, await sessionOf(t, s.actors.principal));
      await page.goto(`/poa/${s.poaId}`);
      await page.getByRole('heading', { level: 1, name: new RegExp(s.poaNumber) }).waitFor();
      await tabTo(page, w.revokeLink);
      await page.keyboard.press('Enter');
      await tabTo(page, w.whole);
      await page.keyboard.press('ArrowDown'); // one agent
      await tabTo(page, lang === 'ar' ? s.actors.agent.nameAr : s.actors.agent.nameEn);
      await page.keyboard.press('ArrowDown'); // the second agent
      await tabTo(page, w.reason);
      await page.keyboard.type('انتهت مهمته — his task is done');
      await tabTo(page, w.continue);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: w.sure }).waitFor();
      await page.getByText(lang === 'ar' ? second.nameAr : second.nameEn).waitFor();
      await expectAccessible(page);
      await tabTo(page, w.revoke);
      await page.keyboard.press('Enter');
      await page.getByText(w.revoked).waitFor();
      const row = page.getByRole('row', { name: new RegExp(lang === 'ar' ? second.nameAr : second.nameEn) });
      await row.getByText(w.agentRevoked).waitFor();
      await page.getByText(w.inForce, { exact: true }).waitFor();
      await expectAccessible(page);
    },
    JOURNEY_MS,
  );

  it.each(LANGS)(
    'in %s, a co-principal confirms a self-issued draft within its 48 hours',
    async (lang) => {
      const w = WORDS[lang];
      const co = (await scenario(t.app).principal({ twoFactor: true })).actors.principal;
      const s = await scenario(t.app)
        .principal({ twoFactor: true })
        .poa({ coPrincipals: [co] })
        .poaSelfIssued();
      const page = await portal.page(lang, await sessionOf(t, co));
      await page.goto(`/poa/${s.poaId}`);
      await page.getByRole('heading', { level: 2, name: w.confirmTitle }).waitFor();
      await page.getByText(w.within).waitFor();
      await page.getByRole('button', { name: w.confirm }).click();
      await page.locator('.error-summary').getByText(w.otpMissing).waitFor();
      await expectAccessible(page);
      await page.getByLabel(w.otp).fill(await co.otp());
      await page.getByRole('button', { name: w.confirm }).click();
      await page.getByText(w.confirmed).waitFor();
      await page.getByText(w.inForce, { exact: true }).waitFor();
      await expectAccessible(page);
    },
    JOURNEY_MS,
  );

  it.each(LANGS)(
    'in %s, a party signs a contract awaiting signatures with a fresh code',
    async (lang) => {
      const w = WORDS[lang];
      const s = await scenario(t.app).awaitingSignatures();
      const { buyer } = s.actors;
      const page = await portal.page(lang, await sessionOf(t, buyer));
      await page.goto('/contracts');
      await page.getByRole('heading', { level: 1, name: w.contracts }).waitFor();
      await expectAccessible(page);
      await page.getByRole('link', { name: s.contractNumber }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(s.contractNumber) }).waitFor();
      await page.getByRole('button', { name: w.sign }).click();
      await page.locator('.error-summary').getByText(w.otpMissing).waitFor();
      await expectAccessible(page);
      await page.getByLabel(w.otp).fill(await buyer.otp());
      await page.getByRole('button', { name: w.sign }).click();
      await page.getByText(w.signedNotice).waitFor();
      const row = page.getByRole('row', { name: new RegExp(lang === 'ar' ? buyer.nameAr : buyer.nameEn) });
      await row.getByText(w.signed, { exact: true }).waitFor();
      await expectAccessible(page);
    },
    JOURNEY_MS,
  );
});
