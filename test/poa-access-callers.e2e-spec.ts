/**
 * Access to powers of attorney, end to end: every caller against every power-of-attorney
 * operation (one table), and a notary office's register as each caller sees it. Expectations
 * follow docs/domain.md and the issue: principals, agents and the issuing notary office read a
 * power of attorney; any principal (or the issuing office) revokes it; an agent withdraws and,
 * when allowed, delegates; verification and the catalogue are public; the register of an office
 * is whole to its notaries and, to anyone else, only what names them. Refusals: anonymous →
 * UNAUTHENTICATED; no rule at all → FORBIDDEN; a power of attorney hidden from the caller →
 * NOT_FOUND; visible but not theirs to do → FORBIDDEN. The lawyer's access to a client's lawsuit
 * through a power of attorney is proved in poa-access-lawyers.e2e-spec.ts.
 */
import { DataSource } from 'typeorm';
import { Citizen, nationalId, registerCitizen, uniqueCode } from './factories/people';
import { ISSUE, person, poaInput } from './factories/powers-of-attorney';
import { GqlResponse, startApp, TestApp } from './harness';
import type { PoaOptions } from './scenario/notarization';
import type { Person } from './scenario/people';
import { scenario } from './scenario/scenario';
import type { Outcome } from './support/poa';

const CALLERS = [
  'anonymous',
  'principal',
  'coPrincipal',
  'agent',
  'stranger',
  'lawyer',
  'judge',
  'clerk',
  'courtAdmin',
  'prosecutor',
  'notary',
  'otherNotary',
  'admin',
] as const;
type Caller = (typeof CALLERS)[number];

describe('every caller against every power-of-attorney operation', () => {
  let t: TestApp;
  let office: string;
  let principal: Person;
  let coPrincipal: Person;
  let agent: Person;
  let stranger: Citizen;
  const tokens = new Map<Caller, string | undefined>();
  const nids = new Map<Caller, string>();
  let shared: { id: string; number: string; code: string };

  /** A power of attorney issued now by the notary of RYD-NO1: the principal appoints the agent. */
  async function notaryPoa(options: PoaOptions = {}): Promise<{ id: string; number: string; code: string }> {
    const s = await scenario(t.app).principal(principal).agent(agent).poa(options).poaIssuedByNotary();
    return { id: s.poaId, number: s.poaNumber, code: s.poaCode };
  }

  /** A fresh TOTP code for callers with two-factor authentication; a well-formed wrong one otherwise. */
  async function otpOf(who: Caller): Promise<string> {
    if (who === 'principal') return principal.otp();
    if (who === 'coPrincipal') return coPrincipal.otp();
    if (who === 'agent') return agent.otp();
    return '123456';
  }

  beforeAll(async () => {
    t = await startApp({ JWT_TTL_SECONDS: String(365 * 86_400) });
    office = (await t.ok('{ notaryOffices { id code } }')).notaryOffices.find((o: { code: string }) => o.code === 'RYD-NO1').id;
    const people = await scenario(t.app).principal({ twoFactor: true }).agent({ twoFactor: true });
    [principal, agent] = [people.actors.principal, people.actors.agent];
    coPrincipal = (await scenario(t.app).principal({ twoFactor: true, nameEn: 'Co-Principal Person' })).actors.principal;
    stranger = await registerCitizen(t);
    const admin = await t.token('admin');
    const otherOffice = (
      await t.ok(
        'mutation($i: CreateOfficeInput!) { createNotaryOffice(input: $i) { id } }',
        { i: { code: uniqueCode('NO'), nameAr: 'كتابة عدل أخرى', nameEn: 'Another Notary Office', city: 'Jeddah' } },
        admin,
      )
    ).createNotaryOffice.id;
    const otherNotaryId = nationalId();
    await t.ok(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: {
          nationalId: otherNotaryId,
          nameAr: 'كاتب عدل',
          nameEn: 'Other Notary',
          password: 'Notary-Pass-2026',
          roles: ['CITIZEN'],
          memberships: [{ role: 'NOTARY', notaryOfficeId: otherOffice }],
        },
      },
      admin,
    );
    tokens.set('anonymous', undefined);
    tokens.set('principal', principal.token);
    tokens.set('coPrincipal', coPrincipal.token);
    tokens.set('agent', agent.token);
    tokens.set('stranger', stranger.token);
    tokens.set('otherNotary', await t.login(otherNotaryId, 'Notary-Pass-2026'));
    for (const key of ['lawyer', 'judge', 'clerk', 'courtAdmin', 'prosecutor', 'notary', 'admin'] as const)
      tokens.set(key, await t.token(key));
    for (const who of CALLERS) {
      const token = tokens.get(who);
      nids.set(who, token ? ((await t.ok('{ me { nationalId } }', {}, token)).me.nationalId as string) : nationalId());
    }
    shared = await notaryPoa();
  });
  afterAll(() => t.close());

  interface Operation {
    name: string;
    expect: Partial<Record<Caller, Outcome>> & { others: Outcome };
    run: (who: Caller, token: string | undefined) => Promise<GqlResponse>;
  }

  const everyoneOk = { others: 'OK' as Outcome };
  const signedInOk = { anonymous: 'UNAUTHENTICATED' as Outcome, others: 'OK' as Outcome };
  const hidden = { anonymous: 'UNAUTHENTICATED' as Outcome, others: 'NOT_FOUND' as Outcome };

  const OPERATIONS: Operation[] = [
    {
      name: 'powerCatalogue',
      expect: everyoneOk,
      run: (_w, token) => t.gql('{ powerCatalogue { code } }', {}, token),
    },
    {
      name: 'verifyPowerOfAttorney',
      expect: everyoneOk,
      run: (_w, token) =>
        t.gql(
          'query($n: String!, $c: String!) { verifyPowerOfAttorney(number: $n, code: $c) { state } }',
          { n: shared.number, c: shared.code },
          token,
        ),
    },
    {
      name: 'issuePowerOfAttorney (as a notary of RYD-NO1)',
      expect: { notary: 'OK', anonymous: 'UNAUTHENTICATED', others: 'FORBIDDEN' },
      run: (_w, token) => t.gql(ISSUE, { i: poaInput([principal.nationalId], [agent.nationalId], { notaryOfficeId: office }) }, token),
    },
    {
      name: 'issuePowerOfAttorney (self-issued, without a one-time code)',
      expect: { anonymous: 'UNAUTHENTICATED', admin: 'FORBIDDEN', others: 'BAD_USER_INPUT' },
      run: (who, token) => t.gql(ISSUE, { i: poaInput([nids.get(who)!], [nationalId()]) }, token),
    },
    {
      name: 'issuePowerOfAttorney (self-issued, with a fresh one-time code)',
      expect: {
        principal: 'OK',
        coPrincipal: 'OK',
        agent: 'OK',
        anonymous: 'UNAUTHENTICATED',
        admin: 'FORBIDDEN',
        others: 'BAD_USER_INPUT',
      },
      run: async (who, token) => t.gql(ISSUE, { i: poaInput([nids.get(who)!], [nationalId()], { otp: await otpOf(who) }) }, token),
    },
    {
      name: 'powerOfAttorney',
      expect: { ...hidden, principal: 'OK', agent: 'OK', notary: 'OK' },
      run: (_w, token) => t.gql('query($id: ID!) { powerOfAttorney(id: $id) { id state } }', { id: shared.id }, token),
    },
    {
      name: 'myPowersOfAttorney',
      expect: signedInOk,
      run: (_w, token) => t.gql('{ myPowersOfAttorney(first: 5) { edges { node { id } } } }', {}, token),
    },
    {
      name: 'notaryOfficePowersOfAttorney',
      expect: signedInOk,
      run: (_w, token) =>
        t.gql(
          'query($o: ID!) { notaryOfficePowersOfAttorney(notaryOfficeId: $o, first: 5) { edges { node { id } } } }',
          { o: office },
          token,
        ),
    },
    {
      name: 'revokePowerOfAttorney',
      expect: { ...hidden, principal: 'OK', notary: 'OK', agent: 'FORBIDDEN' },
      run: async (_w, token) =>
        t.gql(
          'mutation($i: RevokePowerOfAttorneyInput!) { revokePowerOfAttorney(input: $i) { state } }',
          { i: { id: (await notaryPoa()).id, reason: 'matrix' } },
          token,
        ),
    },
    {
      name: 'revokePowerOfAttorney (partial: one power)',
      expect: { ...hidden, principal: 'OK', notary: 'OK', agent: 'FORBIDDEN' },
      run: async (_w, token) =>
        t.gql(
          'mutation($i: RevokePowerOfAttorneyInput!) { revokePowerOfAttorney(input: $i) { state } }',
          { i: { id: (await notaryPoa()).id, reason: 'matrix', powers: ['RE_SELL'] } },
          token,
        ),
    },
    {
      name: 'withdrawFromPowerOfAttorney',
      expect: { ...hidden, agent: 'OK', principal: 'FORBIDDEN', notary: 'FORBIDDEN' },
      run: async (_w, token) =>
        t.gql(
          'mutation($i: WithdrawFromPowerOfAttorneyInput!) { withdrawFromPowerOfAttorney(input: $i) { state } }',
          { i: { id: (await notaryPoa()).id } },
          token,
        ),
    },
    {
      name: 'delegatePowerOfAttorney',
      expect: { ...hidden, agent: 'OK', principal: 'FORBIDDEN', notary: 'FORBIDDEN' },
      run: async (who, token) =>
        t.gql(
          'mutation($i: DelegatePowerOfAttorneyInput!) { delegatePowerOfAttorney(input: $i) { powerOfAttorney { id } } }',
          { i: { id: (await notaryPoa({ canDelegate: true })).id, agents: [person()], powers: ['LIT_FILE'], otp: await otpOf(who) } },
          token,
        ),
    },
    {
      name: 'confirmPowerOfAttorney (a draft of the principal and the co-principal)',
      expect: { ...hidden, coPrincipal: 'OK', principal: 'BAD_USER_INPUT', agent: 'FORBIDDEN' },
      run: async (who, token) => {
        const draft = (
          await scenario(t.app)
            .principal(principal)
            .agent(agent)
            .poa({ coPrincipals: [coPrincipal] })
            .poaSelfIssued()
        ).poaId;
        return t.gql(
          'mutation($i: ConfirmPowerOfAttorneyInput!) { confirmPowerOfAttorney(input: $i) { state } }',
          { i: { id: draft, otp: await otpOf(who) } },
          token,
        );
      },
    },
    {
      name: 'replicatePowerOfAttorney (self-issued copy)',
      expect: { ...hidden, principal: 'OK', agent: 'FORBIDDEN', notary: 'FORBIDDEN', admin: 'FORBIDDEN' },
      run: async (who, token) =>
        t.gql(
          'mutation($i: ReplicatePowerOfAttorneyInput!) { replicatePowerOfAttorney(input: $i) { powerOfAttorney { id } } }',
          { i: { id: shared.id, validTo: new Date(Date.now() + 200 * 86_400_000).toISOString(), otp: await otpOf(who) } },
          token,
        ),
    },
  ];

  const matrix = OPERATIONS.flatMap((op) =>
    CALLERS.map((who) => ({ name: op.name, op, who, outcome: op.expect[who] ?? op.expect.others })),
  );

  it.each(matrix)('$name as $who: $outcome', async ({ op, who, outcome }) => {
    const res = await op.run(who, tokens.get(who));
    const got = res.errors?.length ? res.errors[0].extensions.code : 'OK';
    expect({ who, got }).toEqual({ who, got: outcome });
  });

  it("lists a notary office's register to its notaries whole, and to anyone else only where it names them", async () => {
    const REGISTER = `query($o: ID!, $first: Int, $after: String, $f: OfficePowersOfAttorneyFilter) {
      notaryOfficePowersOfAttorney(notaryOfficeId: $o, first: $first, after: $after, filter: $f) {
        edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    const register = async (who: Caller, nationalIdFilter?: string): Promise<string[]> => {
      const ids: string[] = [];
      let after: string | undefined;
      for (;;) {
        const data = (
          await t.ok(
            REGISTER,
            { o: office, first: 7, after, f: nationalIdFilter ? { nationalId: nationalIdFilter } : null },
            tokens.get(who),
          )
        ).notaryOfficePowersOfAttorney;
        ids.push(...data.edges.map((e: { node: { id: string } }) => e.node.id));
        if (!data.pageInfo.hasNextPage) return ids;
        after = data.pageInfo.endCursor;
      }
    };
    // More than a page of the office's register, one of them naming the stranger as agent.
    for (let i = 0; i < 8; i++) await notaryPoa();
    const forStranger = (
      await scenario(t.app).principal(coPrincipal).agent({ id: stranger.id, nationalId: stranger.nationalId }).poaIssuedByNotary()
    ).poaId;
    const db = t.app.get(DataSource);
    const naming = async (nid: string) =>
      (
        await db.query<{ id: string }[]>(
          `SELECT p.id FROM powers_of_attorney p WHERE p.notary_office_id = $1
              AND (EXISTS (SELECT 1 FROM poa_principals x WHERE x.poa_id = p.id AND x.national_id = $2)
                OR EXISTS (SELECT 1 FROM poa_agents y WHERE y.poa_id = p.id AND y.national_id = $2))
            ORDER BY p.created_at DESC, p.id DESC`,
          [office, nid],
        )
      ).map((r) => r.id);
    const whole = (
      await db.query<{ id: string }[]>('SELECT id FROM powers_of_attorney WHERE notary_office_id = $1 ORDER BY created_at DESC, id DESC', [
        office,
      ])
    ).map((r) => r.id);
    expect(whole.length).toBeGreaterThan(7);

    // The office's notary: the whole register, newest first, across pages; filtered by a person, what names them.
    expect(await register('notary')).toEqual(whole);
    expect(await register('notary', principal.nationalId)).toEqual(await naming(principal.nationalId));
    expect(await register('notary', nids.get('stranger'))).toEqual([forStranger]);
    // Anyone else: what names them in that office, whatever filter they give.
    for (const who of ['principal', 'agent', 'coPrincipal', 'stranger', 'otherNotary', 'lawyer', 'judge', 'admin'] as const) {
      expect({ who, ids: await register(who) }).toEqual({ who, ids: await naming(nids.get(who)!) });
    }
    const agentNamed = new Set(await naming(nids.get('agent')!));
    const both = (await naming(principal.nationalId)).filter((id) => agentNamed.has(id));
    expect(both).toContain(shared.id);
    expect(await register('agent', principal.nationalId)).toEqual(both);
    expect(await register('stranger')).toEqual([forStranger]);
    expect(await register('stranger', principal.nationalId)).toEqual([]);
  });
});
