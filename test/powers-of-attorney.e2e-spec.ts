/**
 * Powers of attorney over HTTP against real PostgreSQL: the catalogue, issuing by a notary and
 * self-issuing with a TOTP step-up, confirmations by several principals, verification by number
 * and code, revocation (whole and partial), expiry at a moved clock and its sweep, an agent's
 * withdrawal, delegation bounded by its parent, and replication.
 */
import { DataSource } from 'typeorm';
import { RequestContextFactory } from '../src/access/context/request-context.factory';
import { ActorLoader } from '../src/identity/actor-loader';
import { PowerOfAttorneyReads } from '../src/notarization/powers-of-attorney/powers-of-attorney-reads.service';
import { PowerOfAttorneyExpiry } from '../src/notarization/powers-of-attorney/poa-expiry.service';
import { DEMO_PASSWORD, startApp, TestApp } from './harness';
import { nationalId } from './factories/people';
import { ISSUE, person, poaInput, POA_FIELDS } from './factories/powers-of-attorney';
import type { PoaOptions } from './scenario/notarization';
import type { Person } from './scenario/people';
import { scenario } from './scenario/scenario';

const CITIZEN = '1010101010';
const LAWYER = '1030507097';

describe('powers of attorney', () => {
  let t: TestApp;
  let officeId: string;
  /** The seeded citizen and lawyer (CITIZEN, LAWYER), as principal and agent of the scenarios. */
  let seededCitizen: Person;
  let seededLawyer: Person;

  beforeAll(async () => {
    t = await startApp();
    officeId = (await t.ok('{ notaryOffices { id code } }')).notaryOffices.find((o: { code: string }) => o.code === 'RYD-NO1').id;
    const idOf = async (key: 'citizen' | 'lawyer') => (await t.ok('{ me { id } }', {}, await t.token(key))).me.id as string;
    const seeded = await scenario(t.app)
      .principal({ id: await idOf('citizen') })
      .agent({ id: await idOf('lawyer') });
    [seededCitizen, seededLawyer] = [seeded.actors.principal, seeded.actors.agent];
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const GET = `query($id: ID!) { powerOfAttorney(id: $id) { ${POA_FIELDS} } }`;
  const VERIFY = `query($n: String!, $c: String!) { verifyPowerOfAttorney(number: $n, code: $c) {
    number state issuance validFrom validTo principals { nameAr nameEn nationalId } agents { nameEn nationalId state }
    powers { code nameAr nameEn inForce } } }`;
  const REVOKE = `mutation($i: RevokePowerOfAttorneyInput!) { revokePowerOfAttorney(input: $i) { ${POA_FIELDS} } }`;
  const WITHDRAW = `mutation($i: WithdrawFromPowerOfAttorneyInput!) { withdrawFromPowerOfAttorney(input: $i) { ${POA_FIELDS} } }`;
  const DELEGATE = `mutation($i: DelegatePowerOfAttorneyInput!) { delegatePowerOfAttorney(input: $i) { verificationCode powerOfAttorney { ${POA_FIELDS} } } }`;
  const CONFIRM = `mutation($i: ConfirmPowerOfAttorneyInput!) { confirmPowerOfAttorney(input: $i) { ${POA_FIELDS} } }`;
  const REPLICATE = `mutation($i: ReplicatePowerOfAttorneyInput!) { replicatePowerOfAttorney(input: $i) { verificationCode powerOfAttorney { ${POA_FIELDS} replicatedFromId } } }`;
  const MINE = `query($f: MyPowersOfAttorneyFilter) { myPowersOfAttorney(first: 50, filter: $f) { edges { node { id number state } } } }`;

  /** The seeded citizen appoints `agent` (by default the seeded lawyer) before the notary of RYD-NO1. */
  function notaryIssues(options: PoaOptions = {}, agent: Person = seededLawyer) {
    return scenario(t.app).principal(seededCitizen).agent(agent).poa(options).poaIssuedByNotary();
  }

  /** A citizen with two-factor authentication enrolled. */
  async function twoFactorCitizen(): Promise<Person> {
    return (await scenario(t.app).principal({ twoFactor: true })).actors.principal;
  }

  async function sweep() {
    const contexts = t.app.get(RequestContextFactory);
    return t.app.get(PowerOfAttorneyExpiry).sweep(contexts.forActor('test-sweep', null));
  }

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
      expect(poa).toMatchObject({ state: 'ACTIVE', issuance: 'NOTARY' });
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
      expect(issued.powerOfAttorney).toMatchObject({ state: 'ACTIVE', issuance: 'SELF' });
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
      const active = (await t.ok(CONFIRM, { i: { id: draft.id, otp: await b.otp() } }, b.token)).confirmPowerOfAttorney;
      expect(active.state).toBe('ACTIVE');

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

  describe('lifecycle', () => {
    it('a principal revokes some powers, then an agent, then the whole; agents cannot; the end is final', async () => {
      const second = nationalId();
      const { poaId, poaNumber, poaCode } = await notaryIssues({ coAgents: [person(second, 'Second Agent')] });
      const citizen = await t.token('citizen');
      expect(await t.code(REVOKE, { i: { id: poaId, reason: 'not mine to revoke' } }, await t.token('lawyer'))).toBe('FORBIDDEN');
      expect(await t.code(REVOKE, { i: { id: poaId, reason: 'no access' } }, await t.token('citizen2'))).toBe('NOT_FOUND');

      const partial = (await t.ok(REVOKE, { i: { id: poaId, reason: 'sold already', powers: ['RE_SELL'] } }, citizen))
        .revokePowerOfAttorney;
      expect(partial.state).toBe('ACTIVE');
      expect(partial.powers.find((p: any) => p.code === 'RE_SELL').revokedAt).not.toBeNull();
      const bad = await t.gql(REVOKE, { i: { id: poaId, reason: 'again', powers: ['RE_SELL', 'VEH_BUY'] } }, citizen);
      expect(bad.errors?.[0].extensions.fields?.map((f) => f.field)).toEqual(['input.powers.0', 'input.powers.1']);

      const oneAgent = (await t.ok(REVOKE, { i: { id: poaId, reason: 'changed lawyer', agentNationalIds: [second] } }, citizen))
        .revokePowerOfAttorney;
      expect(oneAgent.state).toBe('ACTIVE');
      expect(oneAgent.agents.find((a: any) => a.nationalId === second).state).toBe('REVOKED');
      expect(oneAgent.agents.find((a: any) => a.nationalId === LAWYER).state).toBe('ACTIVE');

      const v = (await t.ok(VERIFY, { n: poaNumber, c: poaCode })).verifyPowerOfAttorney;
      expect(v.powers.find((p: any) => p.code === 'RE_SELL').inForce).toBe(false);
      expect(v.powers.find((p: any) => p.code === 'LIT_FILE').inForce).toBe(true);

      const whole = (await t.ok(REVOKE, { i: { id: poaId, reason: 'no longer needed' } }, citizen)).revokePowerOfAttorney;
      expect(whole.state).toBe('REVOKED');
      expect(await t.code(REVOKE, { i: { id: poaId, reason: 'twice' } }, citizen)).toBe('INVALID_TRANSITION');
      expect((await t.ok(VERIFY, { n: poaNumber, c: poaCode })).verifyPowerOfAttorney.state).toBe('REVOKED');

      const trail = await t.ok(
        'query($id: String!) { auditTrail(filter: { subjectId: $id }, first: 20) { edges { node { action } } } }',
        { id: poaId },
        await t.token('admin'),
      );
      expect(trail.auditTrail.edges.map((e: any) => e.node.action)).toEqual(
        expect.arrayContaining(['poa.issued', 'poa.partially_revoked', 'poa.revoke']),
      );
    });

    it('expires at the end of its validity on every read at once, and the sweep persists and notifies', async () => {
      const { poaId, poaNumber, poaCode } = await notaryIssues({ validTo: new Date(Date.now() + 2 * 86_400_000) });
      t.clock.advance(3 * 86_400_000);
      const citizen = await t.login(CITIZEN, DEMO_PASSWORD);
      expect((await t.ok(GET, { id: poaId }, citizen)).powerOfAttorney.state).toBe('EXPIRED');
      expect((await t.ok(VERIFY, { n: poaNumber, c: poaCode })).verifyPowerOfAttorney.state).toBe('EXPIRED');
      expect(await t.code(REVOKE, { i: { id: poaId, reason: 'too late' } }, citizen)).toBe('INVALID_TRANSITION');
      expect((await sweep()).expired).toBeGreaterThanOrEqual(1);
      const db = t.app.get(DataSource);
      expect((await db.query('SELECT state FROM powers_of_attorney WHERE id = $1', [poaId]))[0].state).toBe('EXPIRED');
      const notices = await db.query(
        `SELECT national_id FROM notifications WHERE kind = 'POA_EXPIRED' AND data->>'powerOfAttorneyId' = $1`,
        [poaId],
      );
      expect(notices.map((n: any) => n.national_id).sort()).toEqual([CITIZEN, LAWYER].sort());
    });

    it('a delegated power of attorney expires with its parent, and the sweep persists both', async () => {
      const agent = await twoFactorCitizen();
      const parent = { id: (await notaryIssues({ canDelegate: true, validTo: new Date(Date.now() + 2 * 86_400_000) }, agent)).poaId };
      const child = (
        await t.ok(DELEGATE, { i: { id: parent.id, agents: [person()], powers: ['LIT_FILE'], otp: await agent.otp() } }, agent.token)
      ).delegatePowerOfAttorney.powerOfAttorney;
      t.clock.advance(3 * 86_400_000);
      const citizen = await t.login(CITIZEN, DEMO_PASSWORD);
      expect((await t.ok(GET, { id: child.id }, citizen)).powerOfAttorney.state).toBe('EXPIRED');
      await sweep();
      const rows = await t.app
        .get(DataSource)
        .query('SELECT id, state FROM powers_of_attorney WHERE id = ANY($1)', [[parent.id, child.id]]);
      expect(rows.map((r: any) => r.state)).toEqual(['EXPIRED', 'EXPIRED']);
    });

    it('an agent withdraws; the others stay; when the last one withdraws the power of attorney is WITHDRAWN', async () => {
      const other = (await scenario(t.app).agent({ nameEn: 'Other Agent' })).actors.agent;
      const poa = { id: (await notaryIssues({ coAgents: [other] })).poaId };
      expect(await t.code(WITHDRAW, { i: { id: poa.id } }, await t.token('citizen'))).toBe('FORBIDDEN');
      const first = (await t.ok(WITHDRAW, { i: { id: poa.id, reason: 'conflict of interest' } }, await t.token('lawyer')))
        .withdrawFromPowerOfAttorney;
      expect(first.state).toBe('ACTIVE');
      expect(first.agents.find((a: any) => a.nationalId === LAWYER).state).toBe('WITHDRAWN');
      expect(await t.code(WITHDRAW, { i: { id: poa.id } }, await t.token('lawyer'))).toBe('INVALID_TRANSITION');
      const last = (await t.ok(WITHDRAW, { i: { id: poa.id } }, other.token)).withdrawFromPowerOfAttorney;
      expect(last.state).toBe('WITHDRAWN');
      const db = t.app.get(DataSource);
      const notices = await db.query(
        `SELECT count(*)::int AS n FROM notifications WHERE kind = 'POA_AGENT_WITHDREW' AND national_id = $1 AND data->>'powerOfAttorneyId' = $2`,
        [CITIZEN, poa.id],
      );
      expect(notices[0].n).toBe(2);
    });

    it('delegation never exceeds its parent, asks the agent for a fresh one-time code, and ends with the parent', async () => {
      const agent = await twoFactorCitizen();
      const sub = nationalId();
      const validTo = new Date(Date.now() + 180 * 86_400_000);
      const parent = {
        id: (await notaryIssues({ canDelegate: true, powers: ['LIT_FILE', 'LIT_ATTEND'], validTo }, agent)).poaId,
        validTo: validTo.toISOString(),
      };
      const tooMuch = await t.gql(
        DELEGATE,
        {
          i: {
            id: parent.id,
            agents: [person(sub)],
            powers: ['LIT_FILE', 'RE_SELL'],
            validTo: new Date(Date.parse(parent.validTo) + 86_400_000).toISOString(),
            canDelegate: false,
          },
        },
        agent.token,
      );
      expect(tooMuch.errors?.[0].extensions.fields?.map((f) => f.field)).toEqual(['input.powers.1', 'input.validTo']);
      expect(await t.code(DELEGATE, { i: { id: parent.id, agents: [person(sub)], powers: ['LIT_FILE'] } }, await t.token('citizen'))).toBe(
        'FORBIDDEN',
      );

      // Issued electronically by the agent: without a fresh one-time code, or with a used one, nothing is issued.
      const db = t.app.get(DataSource);
      const children = async () =>
        (await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM powers_of_attorney WHERE parent_id = $1', [parent.id]))[0].n;
      const terms = { id: parent.id, agents: [person(sub)], powers: ['LIT_FILE'] };
      for (const otp of [undefined, '000000']) {
        const refused = await t.gql(DELEGATE, { i: { ...terms, otp } }, agent.token);
        expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.otp' }] });
      }
      const otp = await agent.otp();
      const child = (await t.ok(DELEGATE, { i: { ...terms, otp } }, agent.token)).delegatePowerOfAttorney.powerOfAttorney;
      expect(await t.code(DELEGATE, { i: { ...terms, otp } }, agent.token)).toBe('BAD_USER_INPUT');
      expect(await children()).toBe(1);
      expect(child).toMatchObject({ state: 'ACTIVE', issuance: 'DELEGATION', parentId: parent.id, validTo: parent.validTo });
      expect(child.principals.map((p: any) => p.nationalId)).toEqual([CITIZEN]);

      // A power revoked in the parent is revoked in the child; the parent's end ends the child.
      await t.ok(REVOKE, { i: { id: parent.id, reason: 'attendance only myself', powers: ['LIT_ATTEND'] } }, await t.token('citizen'));
      expect((await t.ok(GET, { id: child.id }, await t.token('citizen'))).powerOfAttorney.state).toBe('ACTIVE');
      await t.ok(REVOKE, { i: { id: parent.id, reason: 'ended' } }, await t.token('citizen'));
      expect((await t.ok(GET, { id: child.id }, await t.token('citizen'))).powerOfAttorney.state).toBe('REVOKED');

      const closed = { id: (await notaryIssues({}, agent)).poaId };
      expect(await t.code(DELEGATE, { i: { id: closed.id, agents: [person(sub)], powers: ['LIT_FILE'] } }, agent.token)).toBe('FORBIDDEN');
    });

    it('replicates a new power of attorney from the terms still in force of an old one', async () => {
      const [a1, a2] = [nationalId(), nationalId()];
      const s = await scenario(t.app)
        .principal({ twoFactor: true })
        .agent({ account: false, nationalId: a1 })
        .poa({ coAgents: [person(a2)] })
        .poaSelfIssued()
        .poaRevoked({ reason: 'not this one', agentNationalIds: [a2], powers: ['RE_SELL'] });
      const c = s.actors.principal;
      const old = { id: s.poaId, number: s.poaNumber };
      const copy = (
        await t.ok(
          REPLICATE,
          { i: { id: old.id, validTo: new Date(Date.now() + 300 * 86_400_000).toISOString(), otp: await c.otp() } },
          c.token,
        )
      ).replicatePowerOfAttorney.powerOfAttorney;
      expect(copy).toMatchObject({ state: 'ACTIVE', issuance: 'SELF', replicatedFromId: old.id });
      expect(copy.number).not.toBe(old.number);
      expect(copy.agents.map((a: any) => a.nationalId)).toEqual([a1]);
      expect(copy.powers.map((p: any) => p.code)).toEqual(['LIT_FILE', 'LIT_ATTEND']);
      expect(await t.code(REPLICATE, { i: { id: old.id, validTo: copy.validTo } }, await t.token('citizen2'))).toBe('NOT_FOUND');
    });
  });
});
