/**
 * Powers of attorney over HTTP against real PostgreSQL, once in force: revocation (whole, of some
 * powers, of one agent), expiry at a moved clock and its sweep (a delegated one with its parent),
 * an agent's withdrawal, delegation bounded by its parent and asking a fresh one-time code, and
 * replication of the terms still in force. Issuing and verification are proved in
 * powers-of-attorney-issuing.e2e-spec.ts.
 */
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, startApp, TestApp } from './harness';
import { nationalId } from './factories/people';
import { person, POA_FIELDS } from './factories/powers-of-attorney';
import { scenario } from './scenario/scenario';
import { CITIZEN, GET, LAWYER, poaGround, PoaGround, VERIFY } from './support/poa';

describe('powers of attorney', () => {
  let t: TestApp;
  let notaryIssues: PoaGround['notaryIssues'];
  let twoFactorCitizen: PoaGround['twoFactorCitizen'];
  let sweep: PoaGround['sweep'];

  beforeAll(async () => {
    t = await startApp();
    ({ notaryIssues, twoFactorCitizen, sweep } = await poaGround(t));
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  const REVOKE = `mutation($i: RevokePowerOfAttorneyInput!) { revokePowerOfAttorney(input: $i) { ${POA_FIELDS} } }`;
  const WITHDRAW = `mutation($i: WithdrawFromPowerOfAttorneyInput!) { withdrawFromPowerOfAttorney(input: $i) { ${POA_FIELDS} } }`;
  const DELEGATE = `mutation($i: DelegatePowerOfAttorneyInput!) { delegatePowerOfAttorney(input: $i) { verificationCode powerOfAttorney { ${POA_FIELDS} } } }`;
  const REPLICATE = `mutation($i: ReplicatePowerOfAttorneyInput!) { replicatePowerOfAttorney(input: $i) { verificationCode powerOfAttorney { ${POA_FIELDS} replicatedFromId } } }`;

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
