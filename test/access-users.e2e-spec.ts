/**
 * Access control of the foundation, end to end, on people: rules follow the memberships at once,
 * the user list filtered in SQL by the ability (exactly what each role may see, filters and paging),
 * user(id) of a hidden user answered as of one that does not exist, and personal fields masked by
 * rule. The callers and records are in support/access.ts.
 */
import { maskNationalId } from '../src/core/validation/national-id';
import { SEED_USERS } from '../src/seed/seed-data';
import { registerCitizen } from './factories/people';
import {
  asAdmin,
  Caller,
  CIRCUIT_JUDGES,
  Data,
  expectOutcome,
  fx,
  gqlAs,
  MASKED,
  PASSWORD,
  personInput,
  Q,
  seedNationalId,
  setUpAccess,
  SignedInCaller,
  t,
  tokenOf,
  Vars,
  Who,
} from './support/access';

setUpAccess();

/** Every user a caller may list (all pages), optionally filtered. */
async function listAll(who: Caller, filter?: Vars, first = 100): Promise<Data[]> {
  const nodes: Data[] = [];
  let after: string | undefined;
  for (;;) {
    const res = await gqlAs(who, Q.users, { first, after, filter });
    expect(res.errors).toBeUndefined();
    const { edges, pageInfo } = res.data!.users;
    nodes.push(...edges.map((e: { node: Data }) => e.node));
    if (!pageInfo.hasNextPage) return nodes;
    after = pageInfo.endCursor;
  }
}

// ---- lists filtered in SQL by the ability, and masking -----------------------------------------

describe('rules follow the memberships at once', () => {
  it('gives a clerk the court’s users when seated and takes them away when unseated, on the next request with the same token', async () => {
    const input = personInput({ roles: ['CITIZEN'] });
    const { createUser: user } = await asAdmin(Q.createUser, { i: input });
    const token = await t.login(input.nationalId as string, PASSWORD);
    const seen = async () => {
      const res = await t.gql<Data>(Q.users, { first: 100 }, token);
      expect(res.errors).toBeUndefined();
      return res.data!.users.edges.map((e: { node: Data }) => e.node.id as string);
    };
    expect(await seen()).toEqual([user.id]);
    const seat = (await asAdmin(Q.addMembership, { i: { userId: user.id, role: 'CLERK', courtId: fx.court['RYD-GEN'] } })).addMembership.id;
    expect(await seen()).toEqual(expect.arrayContaining([user.id, fx.ids.judge, fx.ids.clerk]));
    await asAdmin(Q.removeMembership, { id: seat });
    expect(await seen()).toEqual([user.id]);
  });
});

describe('users: the list holds exactly what the ability allows', () => {
  it('gives SYSTEM_ADMIN every user, a freshly registered citizen included, with full national IDs', async () => {
    const fresh = await registerCitizen(t);
    const users = await listAll('admin');
    const byId = new Map(users.map((u) => [u.id, u]));
    expect(byId.get(fresh.id)?.nationalId).toBe(fresh.nationalId);
    expect(byId.get(fx.jedClerk.id)?.nationalId).toBe(fx.jedClerk.nationalId);
    for (const who of Object.keys(fx.ids) as SignedInCaller[]) expect(byId.get(fx.ids[who])?.nationalId).toBe(seedNationalId(who));
    expect(users.some((u) => MASKED.test(u.nationalId))).toBe(false);
  });

  it.each(['courtAdmin', 'clerk', 'judge'] as const)(
    'gives the %s of RYD-GEN exactly the users holding a membership in RYD-GEN, national IDs masked but their own',
    async (who) => {
      const seen = await listAll(who);
      const rydGenMembers = await listAll('admin', { courtId: fx.court['RYD-GEN'] });
      expect(seen.map((u) => u.id).sort()).toEqual(rydGenMembers.map((u) => u.id).sort());
      for (const u of seen) expect(u.memberships.some((m: Data) => m.courtId === fx.court['RYD-GEN'])).toBe(true);

      const ids = seen.map((u) => u.id);
      expect(ids).toEqual(expect.arrayContaining([fx.ids.judge, fx.ids.clerk, fx.ids.courtAdmin, fx.contactJudge.id]));
      for (const outsider of [fx.ids.citizen, fx.ids.lawyer, fx.ids.admin, fx.jedClerk.id]) expect(ids).not.toContain(outsider);

      const full = new Map(rydGenMembers.map((u) => [u.id, u.nationalId as string]));
      for (const u of seen) {
        expect(u.nationalId).toBe(u.id === fx.ids[who] ? full.get(u.id) : maskNationalId(full.get(u.id)!));
        if (u.id !== fx.ids[who]) expect(u).toMatchObject({ phone: null, email: null });
      }
    },
  );

  it.each(['citizen', 'lawyer', 'prosecutor', 'notary'] as const)(
    'gives a %s only themselves, with their full national ID',
    async (who) => {
      const seen = await listAll(who);
      expect(seen.map((u) => [u.id, u.nationalId])).toEqual([[fx.ids[who], seedNationalId(who)]]);
    },
  );

  it('filters by role, court and national ID for SYSTEM_ADMIN', async () => {
    const judges = await listAll('admin', { role: 'JUDGE' });
    expect(judges.every((u) => u.roles.includes('JUDGE'))).toBe(true);
    expect(judges.map((u) => u.id)).toEqual(expect.arrayContaining([fx.ids.judge, fx.contactJudge.id]));
    expect(judges.map((u) => u.id)).not.toContain(fx.ids.clerk);

    const jedGen = await listAll('admin', { courtId: fx.court['JED-GEN'] });
    expect(jedGen.map((u) => u.id)).toContain(fx.jedClerk.id);
    expect(jedGen.every((u) => u.memberships.some((m: Data) => m.courtId === fx.court['JED-GEN']))).toBe(true);
    expect(jedGen.map((u) => u.id)).not.toContain(fx.ids.judge);

    const one = await listAll('admin', { nationalId: seedNationalId('lawyer') });
    expect(one.map((u) => u.id)).toEqual([fx.ids.lawyer]);
  });

  it('pages with first/after for SYSTEM_ADMIN: no gaps, no repeats, hasNextPage until the last page', async () => {
    const filter = { courtId: fx.court['RYD-GEN'] };
    const whole = await listAll('admin', filter, 100);
    expect(whole.length).toBeGreaterThan(3);
    const first = await gqlAs('admin', Q.users, { first: 2, filter });
    expect(first.data!.users.edges).toHaveLength(2);
    expect(first.data!.users.pageInfo.hasNextPage).toBe(true);
    const paged = await listAll('admin', filter, 2);
    expect(paged.map((u) => u.id)).toEqual(whole.map((u) => u.id));
    expect(new Set(paged.map((u) => u.id)).size).toBe(paged.length);
  });
});

describe('user(id): a user the caller may not read does not exist for them', () => {
  it.each([
    { who: 'citizen2', target: 'another citizen', id: () => fx.ids.citizen },
    { who: 'courtAdmin', target: 'a plain citizen', id: () => fx.ids.citizen },
    { who: 'courtAdmin', target: 'a clerk of JED-GEN', id: () => fx.jedClerk.id },
    { who: 'judge', target: 'a clerk of JED-GEN', id: () => fx.jedClerk.id },
  ] as { who: Who; target: string; id: () => string }[])('as $who, $target → NOT_FOUND', async ({ who, id }) => {
    expectOutcome(await gqlAs(who, Q.user, { id: id() }), 'user', 'NOT_FOUND');
  });

  it('answers a hidden user exactly as a user that does not exist', async () => {
    const hidden = await gqlAs('citizen2', Q.user, { id: fx.ids.citizen });
    const missing = await gqlAs('citizen2', Q.user, { id: '00000000-0000-4000-8000-000000000000' });
    expect(hidden.errors![0].message).toBe(missing.errors![0].message);
    expect(hidden.errors![0].extensions.code).toBe(missing.errors![0].extensions.code);
  });

  it('shows SYSTEM_ADMIN any user in full', async () => {
    const { user } = await asAdmin(Q.user, { id: fx.contactJudge.id });
    expect(user).toEqual({
      id: fx.contactJudge.id,
      nationalId: fx.contactJudge.nationalId,
      phone: fx.contactJudge.phone,
      email: fx.contactJudge.email,
    });
  });

  it('shows the COURT_ADMIN a judge of their court, national ID masked, no phone or email', async () => {
    const res = await gqlAs('courtAdmin', Q.user, { id: fx.contactJudge.id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.user).toEqual({
      id: fx.contactJudge.id,
      nationalId: maskNationalId(fx.contactJudge.nationalId),
      phone: null,
      email: null,
    });
  });
});

describe("Circuit.judges: personal fields masked by the viewer's ability", () => {
  type Viewer = Caller | 'the judge';
  const viewers: [Viewer, 'full' | 'masked'][] = [
    ['anonymous', 'masked'],
    ['citizen', 'masked'],
    ['judge', 'masked'],
    ['clerk', 'masked'],
    ['courtAdmin', 'masked'],
    ['admin', 'full'],
    ['the judge', 'full'],
  ];

  it.each(viewers)('as %s, a judge of RYD-GEN shows national ID, phone and email %s', async (viewer, shown) => {
    const token = viewer === 'the judge' ? fx.contactJudge.token : await tokenOf(viewer);
    const data = await t.ok<Data>(CIRCUIT_JUDGES, { code: 'RYD-GEN' }, token);
    const judges = data.court.circuits.flatMap((c: Data) => c.judges);
    const judge = judges.find((j: Data) => j.id === fx.contactJudge.id);
    expect(judge).toMatchObject(
      shown === 'full'
        ? { nationalId: fx.contactJudge.nationalId, phone: fx.contactJudge.phone, email: fx.contactJudge.email }
        : { nationalId: maskNationalId(fx.contactJudge.nationalId), phone: null, email: null },
    );
  });

  it('shows anonymous callers every judge of RYD-GEN (CIV-1 included) with a masked national ID only', async () => {
    const data = await t.ok<Data>(CIRCUIT_JUDGES, { code: 'RYD-GEN' });
    const civ1 = data.court.circuits.find((c: Data) => c.code === 'CIV-1');
    expect(civ1.judges.map((j: Data) => j.nameEn)).toContain(SEED_USERS.find((u) => u.key === 'judge')!.nameEn);
    const judges = data.court.circuits.flatMap((c: Data) => c.judges);
    for (const j of judges) expect(j).toMatchObject({ nationalId: expect.stringMatching(MASKED), phone: null, email: null });
    expect(judges.find((j: Data) => j.id === fx.ids.judge).nationalId).toBe(maskNationalId(seedNationalId('judge')));
  });
});
