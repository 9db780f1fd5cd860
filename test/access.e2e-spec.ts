/**
 * Access control of the foundation, end to end: every role against every operation (one table),
 * the record scope of a court administrator, lists filtered in SQL by the ability, and personal
 * fields masked by rule. Expectations follow docs/domain.md ("People and roles"), not the code.
 */
import { AbilityFactory } from '../src/access/ability.factory';
import { maskNationalId } from '../src/core/validation/national-id';
import { Role } from '../src/access/role.enum';
import { SEED_ADMIN, SEED_USERS } from '../src/seed/seed-data';
import { nationalId, registerCitizen, uniqueCode } from './factories/people';
import { GqlResponse, startApp, TestApp } from './harness';

type Vars = Record<string, unknown>;
type Data = Record<string, any>;

/** The callers of the matrix: anonymous, and one seeded user per role (COURT_ADMIN, CLERK and JUDGE of RYD-GEN). */
const CALLERS = {
  anonymous: 'anonymous',
  citizen: 'CITIZEN',
  lawyer: 'LAWYER',
  judge: 'JUDGE',
  clerk: 'CLERK',
  courtAdmin: 'COURT_ADMIN',
  prosecutor: 'PROSECUTOR',
  notary: 'NOTARY',
  admin: 'SYSTEM_ADMIN',
} as const;
type Caller = keyof typeof CALLERS;
type SignedInCaller = Exclude<Caller, 'anonymous'>;
/** Callers and the second seeded citizen, who looks at the first. */
type Who = Caller | 'citizen2';

const MASKED = /^[12]\*{5}[0-9]{4}$/;
const PASSWORD = 'Access-Pass-2026';

// ---- GraphQL documents -------------------------------------------------------------------------

const Q = {
  courts: '{ courts { id code } }',
  court: 'query($code: String!) { court(code: $code) { id code } }',
  prosecutionOffices: '{ prosecutionOffices { code } }',
  notaryOffices: '{ notaryOffices { code } }',
  me: '{ me { id nationalId } }',
  users: `query($first: Int, $after: String, $filter: UsersFilter) {
    users(first: $first, after: $after, filter: $filter) {
      edges { node { id nationalId phone email roles memberships { role courtId } } }
      pageInfo { hasNextPage endCursor }
    } }`,
  user: 'query($id: ID!) { user(id: $id) { id nationalId phone email } }',
  auditTrail: '{ auditTrail(first: 1) { edges { node { id action } } } }',
  verifyAuditChain: '{ verifyAuditChain { valid checked } }',
  updateProfile: 'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { id nameEn } }',
  enrollTwoFactor: 'mutation { enrollTwoFactor { otpauthUri } }',
  createUser: 'mutation($i: CreateUserInput!) { createUser(input: $i) { id roles memberships { id role courtId } } }',
  setUserStatus: 'mutation($i: SetUserStatusInput!) { setUserStatus(input: $i) { id status } }',
  addMembership: 'mutation($i: AddMembershipInput!) { addMembership(input: $i) { id role courtId circuitId } }',
  removeMembership: 'mutation($id: ID!) { removeMembership(id: $id) }',
  createCourt: 'mutation($i: CreateCourtInput!) { createCourt(input: $i) { id code } }',
  updateCourt: 'mutation($i: UpdateCourtInput!) { updateCourt(input: $i) { id version workStart } }',
  createCircuit: 'mutation($i: CreateCircuitInput!) { createCircuit(input: $i) { id courtId code } }',
  updateCircuit: 'mutation($i: UpdateCircuitInput!) { updateCircuit(input: $i) { id nameEn } }',
  addHoliday: 'mutation($i: AddHolidayInput!) { addHoliday(input: $i) { id courtId } }',
  removeHoliday: 'mutation($id: ID!) { removeHoliday(id: $id) }',
  createProsecutionOffice: 'mutation($i: CreateOfficeInput!) { createProsecutionOffice(input: $i) { id code } }',
  createNotaryOffice: 'mutation($i: CreateOfficeInput!) { createNotaryOffice(input: $i) { id code } }',
} as const;
type OperationName = keyof typeof Q;

const CIRCUIT_JUDGES = `query($code: String!) { court(code: $code) {
  circuits { id code judges { id nameEn nationalId phone email } } } }`;

// ---- the app and the records the tests act on ---------------------------------------------------

let t: TestApp;

/** Records looked up or created (as SYSTEM_ADMIN) before the tests. */
const fx = {
  ids: {} as Record<SignedInCaller, string>,
  court: {} as Record<'RYD-GEN' | 'JED-GEN', string>,
  /** RYD-GEN/CIV-2 and JED-GEN/CIV-1: where judge seats go. */
  rydCircuit: '',
  jedCircuit: '',
  notaryOffice: '',
  /** A circuit of RYD-GEN and one of JED-GEN that the tests rename. */
  rydCircuitToRename: '',
  jedCircuitToRename: '',
  /** Staff of another court: a clerk of JED-GEN. */
  jedClerk: { id: '', nationalId: '' },
  /** A judge of RYD-GEN/CIV-2 with a phone and an email, and their token. */
  contactJudge: { id: '', nationalId: '', phone: '+966512345678', email: '', token: '' },
};

const tokenOf = async (who: Who): Promise<string | undefined> => (who === 'anonymous' ? undefined : t.token(who));
const gqlAs = async (who: Who, doc: string, vars: Vars = {}): Promise<GqlResponse<Data>> => t.gql<Data>(doc, vars, await tokenOf(who));
const asAdmin = async (doc: string, vars: Vars = {}): Promise<Data> => t.ok(doc, vars, await t.token('admin'));

const seedNationalId = (who: SignedInCaller): string =>
  who === 'admin' ? SEED_ADMIN.nationalId : SEED_USERS.find((u) => u.key === who)!.nationalId;

/** A year far from any hearing another spec might schedule, so added holidays change nothing. */
let holidayDay = 0;
function farHoliday(courtId: string | null): Vars {
  holidayDay += 1;
  const date = `2091-${String(1 + (Math.floor(holidayDay / 28) % 12)).padStart(2, '0')}-${String(1 + (holidayDay % 28)).padStart(2, '0')}`;
  return { ...(courtId ? { courtId } : {}), startsOn: date, endsOn: date, nameAr: 'إجازة اختبار', nameEn: 'Test holiday' };
}

function personInput(extra: Vars = {}): Vars {
  return { nationalId: nationalId(), nameAr: 'موظف تجريبي', nameEn: 'Test Person', password: PASSWORD, ...extra };
}

async function circuitVersion(courtId: string, circuitId: string): Promise<number> {
  const data = await t.ok<Data>('query($id: ID!) { court(id: $id) { circuits { id version } } }', { id: courtId });
  return data.court.circuits.find((c: { id: string }) => c.id === circuitId).version;
}

/** Unchanged calendar of a court at its current version: an update that succeeds without changing anything. */
async function sameCalendar(courtId: string): Promise<Vars> {
  const { court } = await t.ok<Data>('query($id: ID!) { court(id: $id) { id version workDays workStart workEnd } }', { id: courtId });
  return {
    i: {
      id: court.id,
      version: court.version,
      workDays: court.workDays,
      workStart: court.workStart.slice(0, 5),
      workEnd: court.workEnd.slice(0, 5),
    },
  };
}

/** A new user who is already a judge (seated by the administrator in `circuitId`). */
async function freshJudge(circuitId: string): Promise<string> {
  const data = await asAdmin(Q.createUser, { i: personInput({ roles: [], memberships: [{ role: 'JUDGE', circuitId }] }) });
  return data.createUser.id;
}

/** A fresh membership (created by the administrator) to remove. */
async function freshMembership(m: Vars): Promise<string> {
  const user = await registerCitizen(t);
  const data = await asAdmin(Q.addMembership, { i: { userId: user.id, ...m } });
  return data.addMembership.id;
}

async function freshHoliday(courtId: string | null): Promise<string> {
  return (await asAdmin(Q.addHoliday, { i: farHoliday(courtId) })).addHoliday.id;
}

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

beforeAll(async () => {
  t = await startApp();

  for (const who of Object.keys(CALLERS) as Caller[]) {
    if (who !== 'anonymous') fx.ids[who] = (await t.ok<Data>(Q.me, {}, await t.token(who))).me.id;
  }
  const { courts } = await t.ok<Data>('{ courts { id code circuits { id code } } }');
  const court = (code: string) => courts.find((c: { code: string }) => c.code === code);
  const circuit = (courtCode: string, code: string) => court(courtCode).circuits.find((c: { code: string }) => c.code === code).id;
  fx.court = { 'RYD-GEN': court('RYD-GEN').id, 'JED-GEN': court('JED-GEN').id };
  fx.rydCircuit = circuit('RYD-GEN', 'CIV-2');
  fx.jedCircuit = circuit('JED-GEN', 'CIV-1');
  fx.notaryOffice = (await t.ok<Data>('{ notaryOffices { id code } }')).notaryOffices.find((o: Data) => o.code === 'RYD-NO1').id;

  const newCircuit = async (courtId: string) =>
    (
      await asAdmin(Q.createCircuit, {
        i: { courtId, code: uniqueCode('C'), nameAr: 'دائرة اختبار', nameEn: 'Test Circuit', specialization: 'CIVIL' },
      })
    ).createCircuit.id;
  fx.rydCircuitToRename = await newCircuit(fx.court['RYD-GEN']);
  fx.jedCircuitToRename = await newCircuit(fx.court['JED-GEN']);

  const jedClerk = personInput({ roles: [], memberships: [{ role: 'CLERK', courtId: fx.court['JED-GEN'] }] });
  fx.jedClerk = { id: (await asAdmin(Q.createUser, { i: jedClerk })).createUser.id, nationalId: jedClerk.nationalId as string };

  const judge = personInput({
    phone: fx.contactJudge.phone,
    email: `judge.${uniqueCode().toLowerCase()}@adl.test`,
    roles: [],
    memberships: [{ role: 'JUDGE', circuitId: fx.rydCircuit }],
  });
  fx.contactJudge = {
    ...fx.contactJudge,
    id: (await asAdmin(Q.createUser, { i: judge })).createUser.id,
    nationalId: judge.nationalId as string,
    email: judge.email as string,
    token: await t.login(judge.nationalId as string, PASSWORD),
  };
});

afterAll(async () => {
  await t?.close();
});

// ---- every role against every operation ---------------------------------------------------------

interface Operation {
  /** What the attempt does, for the test name. */
  does: string;
  /** Who may: anyone (public), any signed-in user, or only these callers. */
  may: 'anyone' | 'signed-in' | SignedInCaller[];
  /** Variables of one attempt, with fresh data so that an allowed attempt succeeds. */
  vars?: (who: Caller) => Vars | Promise<Vars>;
  /** What a success must show. */
  check?: (result: any, who: Caller) => void;
}

const ORG_MANAGERS: SignedInCaller[] = ['admin', 'courtAdmin'];

const OPERATIONS: Record<OperationName, Operation> = {
  courts: {
    does: 'lists courts',
    may: 'anyone',
    check: (r) => expect(r.map((c: Data) => c.code)).toEqual(expect.arrayContaining(['RYD-GEN', 'JED-GEN'])),
  },
  court: { does: 'reads RYD-GEN', may: 'anyone', vars: () => ({ code: 'RYD-GEN' }), check: (r) => expect(r.code).toBe('RYD-GEN') },
  prosecutionOffices: {
    does: 'lists prosecution offices',
    may: 'anyone',
    check: (r) => expect(r.map((o: Data) => o.code)).toContain('RYD-PP'),
  },
  notaryOffices: { does: 'lists notary offices', may: 'anyone', check: (r) => expect(r.map((o: Data) => o.code)).toContain('RYD-NO1') },
  me: {
    does: 'reads the signed-in user, with their full national ID',
    may: 'signed-in',
    check: (r, who) => expect(r).toEqual({ id: fx.ids[who as SignedInCaller], nationalId: seedNationalId(who as SignedInCaller) }),
  },
  users: {
    does: 'finds themselves in the user list',
    may: 'signed-in',
    vars: (who) => ({ filter: { nationalId: seedNationalId(who === 'anonymous' ? 'citizen' : who) } }),
    check: (r, who) => expect(r.edges.map((e: Data) => e.node.id)).toEqual([fx.ids[who as SignedInCaller]]),
  },
  user: {
    does: 'reads their own user by id',
    may: 'signed-in',
    vars: (who) => ({ id: fx.ids[who === 'anonymous' ? 'citizen' : who] }),
    check: (r, who) => expect(r).toMatchObject({ id: fx.ids[who as SignedInCaller], nationalId: seedNationalId(who as SignedInCaller) }),
  },
  auditTrail: { does: 'reads the audit trail', may: ['admin'], check: (r) => expect(r.edges).toHaveLength(1) },
  verifyAuditChain: { does: 'verifies the audit chain', may: ['admin'], check: (r) => expect(r.checked).toBeGreaterThan(0) },

  updateProfile: {
    does: 'updates their own names',
    may: 'signed-in',
    vars: (who) => {
      const seeded = who === 'admin' ? SEED_ADMIN : (SEED_USERS.find((u) => u.key === who) ?? SEED_USERS[0]);
      return { i: { nameAr: seeded.nameAr, nameEn: seeded.nameEn } };
    },
    check: (r, who) => expect(r.id).toBe(fx.ids[who as SignedInCaller]),
  },
  enrollTwoFactor: {
    does: 'starts their own two-factor enrolment',
    may: 'signed-in',
    check: (r) => expect(r.otpauthUri).toMatch(/^otpauth:\/\/totp\//),
  },
  createUser: {
    does: 'creates a user',
    may: ['admin'],
    vars: () => ({ i: personInput({ roles: [] }) }),
    check: (r) => expect(r.roles).toEqual(['CITIZEN']),
  },
  setUserStatus: {
    does: 'disables another user',
    may: ['admin'],
    vars: async () => ({ i: { userId: (await registerCitizen(t)).id, status: 'DISABLED' } }),
    check: (r) => expect(r.status).toBe('DISABLED'),
  },
  addMembership: {
    does: 'seats an existing judge in a circuit of RYD-GEN',
    may: ORG_MANAGERS,
    vars: async () => ({ i: { userId: await freshJudge(fx.jedCircuit), role: 'JUDGE', circuitId: fx.rydCircuit } }),
    check: (r) => expect(r).toMatchObject({ role: 'JUDGE', courtId: fx.court['RYD-GEN'], circuitId: fx.rydCircuit }),
  },
  removeMembership: {
    does: 'removes a judge seat of RYD-GEN',
    may: ORG_MANAGERS,
    vars: async () => ({ id: await freshMembership({ role: 'JUDGE', circuitId: fx.rydCircuit }) }),
    check: (r) => expect(r).toBe(true),
  },
  createCourt: {
    does: 'creates a court',
    may: ['admin'],
    vars: () => ({ i: { code: uniqueCode('CT'), nameAr: 'محكمة اختبار', nameEn: 'Test Court', type: 'GENERAL', city: 'Riyadh' } }),
    check: (r) => expect(r.id).toBeDefined(),
  },
  updateCourt: {
    does: "updates RYD-GEN's working calendar",
    may: ORG_MANAGERS,
    vars: () => sameCalendar(fx.court['RYD-GEN']),
    check: (r) => expect(r).toMatchObject({ id: fx.court['RYD-GEN'], workStart: expect.stringMatching(/^08:00/) }),
  },
  createCircuit: {
    does: 'creates a circuit in RYD-GEN',
    may: ORG_MANAGERS,
    vars: () => ({
      i: { courtId: fx.court['RYD-GEN'], code: uniqueCode('C'), nameAr: 'دائرة', nameEn: 'Circuit', specialization: 'CIVIL' },
    }),
    check: (r) => expect(r.courtId).toBe(fx.court['RYD-GEN']),
  },
  updateCircuit: {
    does: 'renames a circuit of RYD-GEN',
    may: ORG_MANAGERS,
    vars: async (who) => ({
      i: {
        id: fx.rydCircuitToRename,
        version: await circuitVersion(fx.court['RYD-GEN'], fx.rydCircuitToRename),
        nameEn: `Renamed by ${who}`,
      },
    }),
    check: (r, who) => expect(r.nameEn).toBe(`Renamed by ${who}`),
  },
  addHoliday: {
    does: 'adds a holiday of RYD-GEN',
    may: ORG_MANAGERS,
    vars: () => ({ i: farHoliday(fx.court['RYD-GEN']) }),
    check: (r) => expect(r.courtId).toBe(fx.court['RYD-GEN']),
  },
  removeHoliday: {
    does: 'removes a holiday of RYD-GEN',
    may: ORG_MANAGERS,
    vars: async () => ({ id: await freshHoliday(fx.court['RYD-GEN']) }),
    check: (r) => expect(r).toBe(true),
  },
  createProsecutionOffice: {
    does: 'creates a prosecution office',
    may: ['admin'],
    vars: () => ({ i: { code: uniqueCode('PP'), nameAr: 'نيابة اختبار', nameEn: 'Test Prosecution', city: 'Riyadh' } }),
    check: (r) => expect(r.id).toBeDefined(),
  },
  createNotaryOffice: {
    does: 'creates a notary office',
    may: ['admin'],
    vars: () => ({ i: { code: uniqueCode('NO'), nameAr: 'كتابة عدل اختبار', nameEn: 'Test Notary Office', city: 'Riyadh' } }),
    check: (r) => expect(r.id).toBeDefined(),
  },
};

type Outcome = 'succeeds' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

function expectedOutcome(op: Operation, who: Caller): Outcome {
  if (op.may === 'anyone') return 'succeeds';
  if (who === 'anonymous') return 'UNAUTHENTICATED';
  return op.may === 'signed-in' || op.may.includes(who) ? 'succeeds' : 'FORBIDDEN';
}

/** Asserts the outcome of one attempt: the data checked on success, or exactly the expected error code and no data. */
function expectOutcome(res: GqlResponse<Data>, field: string, outcome: Outcome, check?: (result: any) => void): void {
  if (outcome === 'succeeds') {
    expect(res.errors).toBeUndefined();
    check?.(res.data![field]);
  } else {
    expect(res.errors?.map((e) => e.extensions.code)).toEqual([outcome]);
    expect(res.data?.[field] ?? null).toBeNull();
  }
}

describe('every role against every operation', () => {
  const matrix = (Object.entries(OPERATIONS) as [OperationName, Operation][]).flatMap(([operation, op]) =>
    (Object.keys(CALLERS) as Caller[]).map((who) => ({ operation, op, who, role: CALLERS[who], outcome: expectedOutcome(op, who) })),
  );

  it.each(matrix)('$operation ($op.does) as $role: $outcome', async ({ operation, op, who, outcome }) => {
    const res = await gqlAs(who, Q[operation], await (op.vars?.(who) ?? {}));
    expectOutcome(res, operation, outcome, (r) => op.check?.(r, who));
  });
});

// ---- the record scope of a court administrator --------------------------------------------------

describe('a COURT_ADMIN acts on their own court only; SYSTEM_ADMIN on any', () => {
  interface Attempt {
    does: string;
    operation: OperationName;
    vars: () => Vars | Promise<Vars>;
    /** Also attempted by SYSTEM_ADMIN, who must succeed (not for changes the admin should not make to itself). */
    adminToo: boolean;
  }
  const attempts: Attempt[] = [
    {
      does: 'create a circuit in JED-GEN',
      operation: 'createCircuit',
      adminToo: true,
      vars: () => ({
        i: { courtId: fx.court['JED-GEN'], code: uniqueCode('C'), nameAr: 'دائرة', nameEn: 'Circuit', specialization: 'CIVIL' },
      }),
    },
    {
      does: 'rename a circuit of JED-GEN',
      operation: 'updateCircuit',
      adminToo: true,
      vars: async () => ({
        i: { id: fx.jedCircuitToRename, version: await circuitVersion(fx.court['JED-GEN'], fx.jedCircuitToRename), nameEn: 'Renamed' },
      }),
    },
    { does: "update JED-GEN's calendar", operation: 'updateCourt', adminToo: true, vars: () => sameCalendar(fx.court['JED-GEN']) },
    { does: 'add a holiday of JED-GEN', operation: 'addHoliday', adminToo: true, vars: () => ({ i: farHoliday(fx.court['JED-GEN']) }) },
    { does: 'add a nationwide holiday (no courtId)', operation: 'addHoliday', adminToo: true, vars: () => ({ i: farHoliday(null) }) },
    {
      does: 'remove a holiday of JED-GEN',
      operation: 'removeHoliday',
      adminToo: true,
      vars: async () => ({ id: await freshHoliday(fx.court['JED-GEN']) }),
    },
    {
      does: 'remove a nationwide holiday',
      operation: 'removeHoliday',
      adminToo: true,
      vars: async () => ({ id: await freshHoliday(null) }),
    },
    {
      does: 'seat a judge in a circuit of JED-GEN',
      operation: 'addMembership',
      adminToo: true,
      vars: async () => ({ i: { userId: await freshJudge(fx.rydCircuit), role: 'JUDGE', circuitId: fx.jedCircuit } }),
    },
    {
      does: 'make a citizen who is not a judge a judge of RYD-GEN',
      operation: 'addMembership',
      adminToo: true,
      vars: async () => ({ i: { userId: (await registerCitizen(t)).id, role: 'JUDGE', circuitId: fx.rydCircuit } }),
    },
    {
      does: 'add a CLERK membership of RYD-GEN',
      operation: 'addMembership',
      adminToo: true,
      vars: async () => ({ i: { userId: (await registerCitizen(t)).id, role: 'CLERK', courtId: fx.court['RYD-GEN'] } }),
    },
    {
      does: 'add a COURT_ADMIN membership of RYD-GEN',
      operation: 'addMembership',
      adminToo: true,
      vars: async () => ({ i: { userId: (await registerCitizen(t)).id, role: 'COURT_ADMIN', courtId: fx.court['RYD-GEN'] } }),
    },
    {
      does: 'remove a judge seat of JED-GEN',
      operation: 'removeMembership',
      adminToo: true,
      vars: async () => ({ id: await freshMembership({ role: 'JUDGE', circuitId: fx.jedCircuit }) }),
    },
    {
      does: 'remove a CLERK membership of RYD-GEN',
      operation: 'removeMembership',
      adminToo: true,
      vars: async () => ({ id: await freshMembership({ role: 'CLERK', courtId: fx.court['RYD-GEN'] }) }),
    },
    {
      does: 'disable a judge of RYD-GEN',
      operation: 'setUserStatus',
      adminToo: true,
      vars: async () => {
        const judge = await asAdmin(Q.createUser, {
          i: personInput({ roles: [], memberships: [{ role: 'JUDGE', circuitId: fx.rydCircuit }] }),
        });
        return { i: { userId: judge.createUser.id, status: 'DISABLED' } };
      },
    },
    {
      does: 'change their own account status',
      operation: 'setUserStatus',
      adminToo: false,
      vars: () => ({ i: { userId: fx.ids.courtAdmin, status: 'ACTIVE' } }),
    },
  ];
  const cases = attempts.flatMap((a) => [
    { ...a, who: 'courtAdmin' as const, role: 'COURT_ADMIN of RYD-GEN', outcome: 'FORBIDDEN' as Outcome },
    ...(a.adminToo ? [{ ...a, who: 'admin' as const, role: 'SYSTEM_ADMIN', outcome: 'succeeds' as Outcome }] : []),
  ]);

  it.each(cases)('$role tries to $does: $outcome', async ({ who, operation, vars, outcome }) => {
    expectOutcome(await gqlAs(who, Q[operation], await vars()), operation, outcome);
  });

  it.each(['citizen', 'judge', 'clerk'] as const)('a %s may not change their own account status either (FORBIDDEN)', async (who) => {
    const res = await gqlAs(who, Q.setUserStatus, { i: { userId: fx.ids[who], status: 'ACTIVE' } });
    expectOutcome(res, 'setUserStatus', 'FORBIDDEN');
  });
});

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

describe('separation of duties', () => {
  it('gives SYSTEM_ADMIN rules on users and organizations, but no blanket read or manage of "all"', () => {
    const ability = new AbilityFactory().createFor({
      id: '00000000-0000-4000-8000-000000000001',
      nationalId: SEED_ADMIN.nationalId,
      roles: [Role.SYSTEM_ADMIN],
      memberships: [],
      lawyerLicense: null,
      authLevel: 'mfa',
    });
    expect(ability.can('manage', 'User')).toBe(true);
    expect(ability.can('read', 'all')).toBe(false);
    expect(ability.can('manage', 'all')).toBe(false);
  });
});

describe('no one seats a system administrator in an organization', () => {
  it.each([
    ['a judge seat, by the court admin', 'courtAdmin' as const, () => ({ role: 'JUDGE', circuitId: fx.rydCircuit })],
    ['a judge seat, by the system administrator', 'admin' as const, () => ({ role: 'JUDGE', circuitId: fx.rydCircuit })],
    ['a clerk seat, by the system administrator', 'admin' as const, () => ({ role: 'CLERK', courtId: fx.court['RYD-GEN'] })],
    ['a notary seat, by the system administrator', 'admin' as const, () => ({ role: 'NOTARY', notaryOfficeId: fx.notaryOffice })],
  ])('refuses %s', async (_name, who, membership) => {
    const res = await t.gql(Q.addMembership, { i: { userId: fx.ids.admin, ...membership() } }, await t.token(who));
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const me = await t.ok('{ me { roles memberships { role } } }', {}, await t.token('admin'));
    expect(me.me).toEqual({ roles: ['SYSTEM_ADMIN'], memberships: [] });
  });
});
