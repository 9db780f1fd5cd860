/**
 * Powers of attorney over HTTP against real PostgreSQL, from the catalogue to a power of attorney
 * in force: the catalogue, issuing by a notary and self-issuing with a TOTP step-up,
 * confirmations by several principals (and the lapse of an unconfirmed draft), the full
 * description for a document, and verification by number and code. What happens to a power of
 * attorney afterwards is proved in powers-of-attorney-lifecycle.e2e-spec.ts.
 */
import { DataSource } from 'typeorm';
import { RequestContextFactory } from '../src/access/context/request-context.factory';
import { ActorLoader } from '../src/identity/actor-loader';
import { PowerOfAttorneyReads } from '../src/notarization/powers-of-attorney/powers-of-attorney-reads.service';
import { startApp, TestApp } from './harness';
import { payPoaFee } from './factories/fees';
import { nationalId } from './factories/people';
import { ISSUE, poaInput, POA_FIELDS } from './factories/powers-of-attorney';
import { scenario } from './scenario/scenario';
import { CITIZEN, GET, LAWYER, poaGround, PoaGround, VERIFY } from './support/poa';

describe('powers of attorney', () => {
  let t: TestApp;
  let officeId: string;
  let notaryIssues: PoaGround['notaryIssues'];
  let twoFactorCitizen: PoaGround['twoFactorCitizen'];
  let sweep: PoaGround['sweep'];

  beforeAll(async () => {
    t = await startApp();
    ({ officeId, notaryIssues, twoFactorCitizen, sweep } = await poaGround(t));
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const CONFIRM = `mutation($i: ConfirmPowerOfAttorneyInput!) { confirmPowerOfAttorney(input: $i) { ${POA_FIELDS} } }`;
  const BILLS = 'query($id: ID!) { powerOfAttorney(id: $id) { bills { purpose amount state } } }';
  const MINE = `query($f: MyPowersOfAttorneyFilter) { myPowersOfAttorney(first: 50, filter: $f) { edges { node { id number state } } } }`;

  it('publishes the catalogue of powers in Arabic and English, grouped by domain', async () => {
    const { powerCatalogue } = await t.ok('{ powerCatalogue { version code domain nameAr nameEn } }');
    expect(powerCatalogue.length).toBeGreaterThanOrEqual(26);
    expect(powerCatalogue.find((p: { code: string }) => p.code === 'LIT_FILE')).toMatchObject({
      version: 1,
      domain: 'LITIGATION',
      nameAr: 'إقامة الدعاوى والمطالبة',
      nameEn: 'File lawsuits and claims',
    });
    expect(new Set(powerCatalogue.map((p: { domain: string }) => p.domain))).toEqual(
      new Set(['LITIGATION', 'REAL_ESTATE', 'VEHICLES', 'BANKS', 'COMPANIES', 'GOVERNMENT']),
    );
  });

  describe('issuing', () => {
    it('a notary issues for a principal present in person; the lawyer agent gets litigation powers with the licence checked', async () => {
      const issued = (await t.ok(ISSUE, { i: poaInput([CITIZEN], [LAWYER], { notaryOfficeId: officeId }) }, await t.token('notary')))
        .issuePowerOfAttorney;
      const poa = issued.powerOfAttorney;
      // A draft until its fee is paid: billed to the principal, who pays it at the gateway.
      expect(poa).toMatchObject({ state: 'DRAFT', issuance: 'NOTARY' });
      const { bills } = (await t.ok(BILLS, { id: poa.id }, await t.token('citizen'))).powerOfAttorney;
      expect(bills).toEqual([{ purpose: 'NOTARY_FEE', amount: 50, state: 'UNPAID' }]);
      expect((await t.ok(BILLS, { id: poa.id }, await t.token('notary'))).powerOfAttorney.bills).toEqual([]);
      expect(await payPoaFee(t, poa.id, await t.token('citizen'))).toBe('ACTIVE');
      expect(poa.number).toMatch(/^POA-\d{4}-\d{8}$/);
      expect(issued.verificationCode).toMatch(/^[2-9A-Z]{12}$/);
      expect(poa.agents[0]).toMatchObject({ nationalId: LAWYER, lawyerLicense: 'LAW-4471', state: 'ACTIVE' });
      expect(poa.principals[0].confirmedAt).not.toBeNull();
      expect(poa.powers.map((p: { code: string }) => p.code)).toEqual(['LIT_FILE', 'LIT_ATTEND', 'RE_SELL']);
      expect(poa.powers[0].nameEn).toBe('File lawsuits and claims');

      // Principal, agent and the issuing notary read it; anyone else is told it does not exist.
      for (const key of ['citizen', 'lawyer', 'notary'] as const) {
        expect((await t.ok(GET, { id: poa.id }, await t.token(key))).powerOfAttorney.id).toBe(poa.id);
      }
      for (const key of ['citizen2', 'judge', 'admin'] as const)
        expect(await t.code(GET, { id: poa.id }, await t.token(key))).toBe('NOT_FOUND');
      const asPrincipal = await t.ok(MINE, { f: { as: 'PRINCIPAL' } }, await t.token('citizen'));
      expect(asPrincipal.myPowersOfAttorney.edges.map((e: any) => e.node.id)).toContain(poa.id);
      const asAgent = await t.ok(MINE, { f: { as: 'AGENT' } }, await t.token('lawyer'));
      expect(asAgent.myPowersOfAttorney.edges.map((e: any) => e.node.id)).toContain(poa.id);
      const lawyerAsPrincipal = await t.ok(MINE, { f: { as: 'PRINCIPAL' } }, await t.token('lawyer'));
      expect(lawyerAsPrincipal.myPowersOfAttorney.edges.map((e: any) => e.node.id)).not.toContain(poa.id);
    });

    it('refuses a licence that does not belong to the agent, and bad terms, naming the fields and writing nothing', async () => {
      const before = await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM powers_of_attorney');
      const bad = poaInput([CITIZEN], [CITIZEN, nationalId()], { notaryOfficeId: officeId, powers: ['LIT_FILE', 'LIT_FILE'] });
      (bad.agents as any[])[1].lawyerLicense = 'LAW-4471';
      bad.validTo = new Date(Date.now() - 1000).toISOString();
      const res = await t.gql(ISSUE, { i: bad }, await t.token('notary'));
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields?.map((f) => f.field).sort()).toEqual(
        ['input.agents.0.nationalId', 'input.agents.1.lawyerLicense', 'input.powers.1', 'input.validTo'].sort(),
      );
      const after = await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM powers_of_attorney');
      expect(after[0].n).toBe(before[0].n);
    });

    it('a notary issues only for their own office; a citizen cannot issue as a notary', async () => {
      expect(await t.code(ISSUE, { i: poaInput([CITIZEN], [LAWYER], { notaryOfficeId: officeId }) }, await t.token('citizen'))).toBe(
        'FORBIDDEN',
      );
    });

    it('a citizen self-issues only with two-factor authentication and a fresh code, for at most a year', async () => {
      const plain = await t.gql(ISSUE, { i: poaInput([CITIZEN], [LAWYER]) }, await t.token('citizen'));
      expect(plain.errors?.[0].extensions.fields?.[0].field).toBe('input.otp');

      const c = await twoFactorCitizen();
      const agent = nationalId();
      const noCode = await t.gql(ISSUE, { i: poaInput([c.nationalId], [agent]) }, c.token);
      expect(noCode.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.otp' }] });
      const tooLong = await t.gql(
        ISSUE,
        {
          i: poaInput([c.nationalId], [agent], {
            validTo: new Date(Date.now() + 400 * 86_400_000).toISOString(),
            otp: await c.otp(),
          }),
        },
        c.token,
      );
      expect(tooLong.errors?.[0].extensions.fields?.[0].field).toBe('input.validTo');
      const notMine = await t.gql(ISSUE, { i: poaInput([nationalId()], [agent], { otp: await c.otp() }) }, c.token);
      expect(notMine.errors?.[0].extensions.fields?.[0].field).toBe('input.principals');

      const issued = (await t.ok(ISSUE, { i: poaInput([c.nationalId], [agent], { otp: await c.otp() }) }, c.token)).issuePowerOfAttorney;
      expect(issued.powerOfAttorney).toMatchObject({ state: 'DRAFT', issuance: 'SELF' });
      expect(await payPoaFee(t, issued.powerOfAttorney.id, c.token)).toBe('ACTIVE');
      // The same code cannot be used twice.
      t.clock.advance(1000);
      const again = await t.gql(ISSUE, { i: poaInput([c.nationalId], [agent], { otp: await c.otp().then(() => '000000') }) }, c.token);
      expect(again.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('with several principals it stays a draft until each confirms with a fresh code within 48 hours', async () => {
      const a = await twoFactorCitizen();
      const b = await twoFactorCitizen();
      const agent = nationalId();
      const draft = (await t.ok(ISSUE, { i: poaInput([a.nationalId, b.nationalId], [agent], { otp: await a.otp() }) }, a.token))
        .issuePowerOfAttorney.powerOfAttorney;
      expect(draft.state).toBe('DRAFT');
      expect(draft.principals.find((p: any) => p.nationalId === b.nationalId).confirmedAt).toBeNull();
      // B is notified, and its confirmation without a code is refused.
      const notices = await t.ok('{ notifications(first: 20) { edges { node { kind } } } }', {}, b.token);
      expect(notices.notifications.edges.map((e: any) => e.node.kind)).toContain('POA_CONFIRMATION_REQUESTED');
      expect(await t.code(CONFIRM, { i: { id: draft.id, otp: '123456' } }, b.token)).toBe('BAD_USER_INPUT');
      expect(await t.code(CONFIRM, { i: { id: draft.id, otp: await a.otp() } }, a.token)).toBe('BAD_USER_INPUT');
      // Every principal confirmed, but the fee is unpaid: still a draft, until A (who issued it) pays.
      const confirmed = (await t.ok(CONFIRM, { i: { id: draft.id, otp: await b.otp() } }, b.token)).confirmPowerOfAttorney;
      expect(confirmed.state).toBe('DRAFT');
      expect(await payPoaFee(t, draft.id, a.token)).toBe('ACTIVE');

      const late = await scenario(t.app)
        .principal(a)
        .agent({ account: false, nationalId: agent })
        .poa({ coPrincipals: [b] })
        .poaSelfIssued();
      t.clock.advance(49 * 3600_000);
      // Access tokens last an hour: sign in again at the moved clock.
      const bToken = await t.login(b.nationalId, b.password!, await b.otp());
      expect((await t.ok(GET, { id: late.poaId }, bToken)).powerOfAttorney.state).toBe('LAPSED');
      expect((await t.ok(VERIFY, { n: late.poaNumber, c: late.poaCode })).verifyPowerOfAttorney.state).toBe('LAPSED');
      expect(await t.code(CONFIRM, { i: { id: late.poaId, otp: await b.otp() } }, bToken)).toBe('INVALID_TRANSITION');
      expect((await sweep()).lapsed).toBeGreaterThanOrEqual(1);
      const [row] = await t.app.get(DataSource).query('SELECT state FROM powers_of_attorney WHERE id = $1', [late.poaId]);
      expect(row.state).toBe('LAPSED');
    });
  });

  it('describes a power of attorney in full for a document, to whoever may read it', async () => {
    const { poaId, poaNumber, poaCode } = await notaryIssues();
    const db = t.app.get(DataSource);
    const contextOf = async (nid: string) => {
      const [u] = await db.query('SELECT id, token_version FROM users WHERE national_id = $1', [nid]);
      const actor = await t.app.get(ActorLoader).load(u.id, u.token_version, 'password');
      return t.app.get(RequestContextFactory).forActor('describe', actor);
    };
    const service = t.app.get(PowerOfAttorneyReads);
    const d = await service.describe(await contextOf(CITIZEN), poaId);
    expect(d).toMatchObject({
      number: poaNumber,
      state: 'ACTIVE',
      verificationCode: poaCode,
      canDelegate: false,
      notaryOffice: { code: 'RYD-NO1' },
    });
    expect(d.principals.map((p) => p.nationalId)).toEqual([CITIZEN]);
    expect(d.agents.map((a) => a.lawyerLicense)).toEqual(['LAW-4471']);
    expect(d.powers.map((p) => [p.code, p.nameEn])).toEqual([
      ['LIT_FILE', 'File lawsuits and claims'],
      ['LIT_ATTEND', 'Attend hearings'],
      ['RE_SELL', 'Sell real estate'],
    ]);
    await expect(service.describe(await contextOf('1020304059'), poaId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  describe('verification', () => {
    it('shows status, masked names and IDs, powers and validity to anyone with the number and code', async () => {
      const issued = await notaryIssues();
      const { verifyPowerOfAttorney: v } = await t.ok(VERIFY, { n: issued.poaNumber, c: issued.poaCode.toLowerCase() });
      expect(v).toMatchObject({ number: issued.poaNumber, state: 'ACTIVE', issuance: 'NOTARY' });
      expect(v.principals[0].nationalId).not.toBe(CITIZEN);
      expect(v.principals[0].nationalId).toContain('*');
      expect(v.agents[0].nationalId).not.toContain(LAWYER);
      expect(v.principals[0].nameEn).toMatch(/^\S+( \S\*\*\*)+$/);
      expect(JSON.stringify(v)).not.toContain(CITIZEN);
      expect(v.powers.map((p: any) => p.code)).toEqual(['LIT_FILE', 'LIT_ATTEND', 'RE_SELL']);
      expect(v.powers.every((p: any) => p.inForce)).toBe(true);
    });

    it('refuses a wrong code exactly as an unknown number, revealing nothing', async () => {
      const issued = await notaryIssues();
      const wrong = await t.gql(VERIFY, { n: issued.poaNumber, c: 'ABCDEFGHJKMN' });
      const unknown = await t.gql(VERIFY, { n: 'POA-2026-99999999', c: issued.poaCode });
      expect(wrong.errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
      expect(wrong.data).toBeNull();
    });
  });
});
