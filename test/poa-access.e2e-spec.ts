/**
 * Access to powers of attorney, end to end: every caller against every power-of-attorney
 * operation (one table), and the lawyer rows of the lawsuit operations by the state of the power
 * of attorney linking the lawyer to the client. Expectations follow docs/domain.md and the issue:
 * principals, agents and the issuing notary office read a power of attorney; any principal (or
 * the issuing office) revokes it; an agent withdraws and, when allowed, delegates; verification
 * and the catalogue are public. Refusals: anonymous → UNAUTHENTICATED; no rule at all →
 * FORBIDDEN; a power of attorney hidden from the caller → NOT_FOUND; visible but not theirs to
 * do → FORBIDDEN.
 */
import { courtWithStaff, CourtFixture, workingSlot } from './factories/courts';
import { lawsuitInput } from './factories/lawsuits';
import { Citizen, nationalId, registerCitizen, uniqueCode } from './factories/people';
import { freshCode, ISSUE, person, poaInput, TwoFactorCitizen, twoFactorCitizen } from './factories/powers-of-attorney';
import { DataSource } from 'typeorm';
import { GqlResponse, startApp, TestApp } from './harness';

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
type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'POWER_OF_ATTORNEY_INACTIVE';

describe('every caller against every power-of-attorney operation', () => {
  let t: TestApp;
  let office: string;
  let principal: TwoFactorCitizen;
  let coPrincipal: TwoFactorCitizen;
  let agent: TwoFactorCitizen;
  const tokens = new Map<Caller, string | undefined>();
  const nids = new Map<Caller, string>();
  let shared: { id: string; number: string; code: string };

  async function notaryPoa(overrides: Record<string, unknown> = {}): Promise<{ id: string; number: string; code: string }> {
    const issued = (
      await t.ok(
        ISSUE,
        { i: poaInput([principal.nationalId], [agent.nationalId], { notaryOfficeId: office, ...overrides }) },
        tokens.get('notary'),
      )
    ).issuePowerOfAttorney;
    return { id: issued.powerOfAttorney.id, number: issued.powerOfAttorney.number, code: issued.verificationCode };
  }

  /** A fresh TOTP code for callers with two-factor authentication; a well-formed wrong one otherwise. */
  async function otpOf(who: Caller): Promise<string> {
    if (who === 'principal') return freshCode(t, principal.secret);
    if (who === 'coPrincipal') return freshCode(t, coPrincipal.secret);
    if (who === 'agent') return freshCode(t, agent.secret);
    return '123456';
  }

  beforeAll(async () => {
    t = await startApp({ JWT_TTL_SECONDS: String(365 * 86_400) });
    office = (await t.ok('{ notaryOffices { id code } }')).notaryOffices.find((o: { code: string }) => o.code === 'RYD-NO1').id;
    principal = await twoFactorCitizen(t);
    coPrincipal = await twoFactorCitizen(t);
    agent = await twoFactorCitizen(t);
    const stranger = await registerCitizen(t);
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
          await t.ok(
            ISSUE,
            {
              i: poaInput([principal.nationalId, coPrincipal.nationalId], [agent.nationalId], {
                otp: await freshCode(t, principal.secret),
              }),
            },
            principal.token,
          )
        ).issuePowerOfAttorney.powerOfAttorney.id;
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
      await t.ok(
        ISSUE,
        { i: poaInput([coPrincipal.nationalId], [nids.get('stranger')!], { notaryOfficeId: office }) },
        tokens.get('notary'),
      )
    ).issuePowerOfAttorney.powerOfAttorney.id as string;
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

describe('the lawyer rows of the lawsuit operations, by the power of attorney linking lawyer and client', () => {
  let t: TestApp;
  let fx: CourtFixture;
  let office: string;
  let lawyer: string;
  let week = 0;

  beforeAll(async () => {
    t = await startApp({ JWT_TTL_SECONDS: String(365 * 86_400) });
    fx = await courtWithStaff(t);
    office = (await t.ok('{ notaryOffices { id code } }')).notaryOffices.find((o: { code: string }) => o.code === 'RYD-NO1').id;
    lawyer = await t.token('lawyer');
  });
  afterAll(() => t.close());

  type Link = 'granted' | 'other powers only' | 'revoked' | 'expired' | 'withdrawn' | 'none';
  const LINKS: Link[] = ['granted', 'other powers only', 'revoked', 'expired', 'withdrawn', 'none'];

  /** A client's case in hearings (filed by the client), and the power of attorney of `link`. */
  async function fixture(link: Link): Promise<{ client: Citizen; lawsuitId: string; poaId: string }> {
    const client = await registerCitizen(t);
    const input = lawsuitInput(client.nationalId, { courtId: fx.court.id, city: undefined });
    const lawsuitId = (await t.ok('mutation($i: FileLawsuitInput!) { fileLawsuit(input: $i) { id } }', { i: input }, client.token))
      .fileLawsuit.id;
    await t.ok('mutation($id: ID!) { submitLawsuit(id: $id) { id } }', { id: lawsuitId }, client.token);
    await t.ok(
      'mutation($i: ReviewLawsuitInput!) { reviewLawsuit(input: $i) { id } }',
      { i: { id: lawsuitId, decision: 'ACCEPT' } },
      fx.clerk.token,
    );
    week += 1;
    await t.ok(
      'mutation($i: ScheduleHearingInput!) { scheduleHearing(input: $i) { id } }',
      { i: { lawsuitId, startsAt: workingSlot(7 * week + 2, 11).toISOString(), durationMinutes: 30, mode: 'IN_PERSON', room: 'Room 3' } },
      fx.clerk.token,
    );
    const powers = link === 'other powers only' ? ['RE_SELL', 'BANK_WITHDRAW'] : ['LIT_FILE', 'LIT_ATTEND', 'LIT_SUBMIT_MEMOS'];
    const principal = link === 'none' ? (await registerCitizen(t)).nationalId : client.nationalId;
    const validTo = link === 'expired' ? new Date(Date.now() + 3600_000) : new Date(Date.now() + 90 * 86_400_000);
    const poaId = (
      await t.ok(
        ISSUE,
        { i: poaInput([principal], ['1030507097'], { notaryOfficeId: office, powers, validTo: validTo.toISOString() }) },
        await t.token('notary'),
      )
    ).issuePowerOfAttorney.powerOfAttorney.id;
    if (link === 'revoked') {
      await t.ok(
        'mutation($i: RevokePowerOfAttorneyInput!) { revokePowerOfAttorney(input: $i) { state } }',
        { i: { id: poaId, reason: 'ended' } },
        client.token,
      );
    }
    if (link === 'withdrawn')
      await t.ok(
        'mutation($i: WithdrawFromPowerOfAttorneyInput!) { withdrawFromPowerOfAttorney(input: $i) { state } }',
        { i: { id: poaId } },
        lawyer,
      );
    return { client, lawsuitId, poaId };
  }

  const OPS: Record<
    string,
    { expect: Record<Link, Outcome>; run: (f: { client: Citizen; lawsuitId: string; poaId: string }) => Promise<GqlResponse> }
  > = {
    'lawsuit (read)': {
      expect: {
        granted: 'OK',
        'other powers only': 'NOT_FOUND',
        revoked: 'POWER_OF_ATTORNEY_INACTIVE',
        expired: 'POWER_OF_ATTORNEY_INACTIVE',
        withdrawn: 'POWER_OF_ATTORNEY_INACTIVE',
        none: 'NOT_FOUND',
      },
      run: (f) => t.gql('query($id: ID!) { lawsuit(id: $id) { id } }', { id: f.lawsuitId }, lawyer),
    },
    'fileLawsuit for the client': {
      expect: {
        granted: 'OK',
        'other powers only': 'FORBIDDEN',
        revoked: 'POWER_OF_ATTORNEY_INACTIVE',
        expired: 'POWER_OF_ATTORNEY_INACTIVE',
        withdrawn: 'POWER_OF_ATTORNEY_INACTIVE',
        none: 'FORBIDDEN',
      },
      run: (f) =>
        t.gql(
          'mutation($i: FileLawsuitInput!) { fileLawsuit(input: $i) { id } }',
          { i: lawsuitInput(f.client.nationalId, { courtId: fx.court.id, city: undefined, powerOfAttorneyId: f.poaId }) },
          lawyer,
        ),
    },
    'submitMemo (LIT_SUBMIT_MEMOS)': {
      expect: {
        granted: 'OK',
        'other powers only': 'NOT_FOUND',
        revoked: 'POWER_OF_ATTORNEY_INACTIVE',
        expired: 'POWER_OF_ATTORNEY_INACTIVE',
        withdrawn: 'POWER_OF_ATTORNEY_INACTIVE',
        none: 'NOT_FOUND',
      },
      run: (f) =>
        t.gql(
          'mutation($i: SubmitMemoInput!) { submitMemo(input: $i) { id } }',
          { i: { lawsuitId: f.lawsuitId, body: 'مذكرة — a memo by counsel' } },
          lawyer,
        ),
    },
    'waiveClaim (LIT_RECONCILE, never granted)': {
      expect: {
        granted: 'FORBIDDEN',
        'other powers only': 'NOT_FOUND',
        revoked: 'POWER_OF_ATTORNEY_INACTIVE',
        expired: 'POWER_OF_ATTORNEY_INACTIVE',
        withdrawn: 'POWER_OF_ATTORNEY_INACTIVE',
        none: 'NOT_FOUND',
      },
      run: (f) => t.gql('mutation($id: ID!) { waiveClaim(lawsuitId: $id) { state } }', { id: f.lawsuitId }, lawyer),
    },
    'lawsuits (list holds the case)': {
      expect: {
        granted: 'OK',
        'other powers only': 'NOT_FOUND',
        revoked: 'NOT_FOUND',
        expired: 'NOT_FOUND',
        withdrawn: 'NOT_FOUND',
        none: 'NOT_FOUND',
      },
      run: async (f) => {
        const res = await t.gql<any>('{ lawsuits(first: 100) { edges { node { id } } } }', {}, lawyer);
        const listed = res.data?.lawsuits.edges.some((e: any) => e.node.id === f.lawsuitId);
        return listed ? res : { ...res, errors: [{ message: 'not listed', extensions: { code: 'NOT_FOUND' } }] };
      },
    },
  };

  const rows = LINKS.flatMap((link) => Object.entries(OPS).map(([name, op]) => ({ link, name, op, outcome: op.expect[link] })));

  it.each(rows)('lawyer with a power of attorney $link: $name → $outcome', async ({ link, op, outcome }) => {
    const f = await fixture(link);
    if (link === 'expired') t.clock.advance(2 * 3600_000);
    try {
      const res = await op.run(f);
      expect(res.errors?.length ? res.errors[0].extensions.code : 'OK').toBe(outcome);
    } finally {
      t.clock.reset();
    }
  });
});
