/**
 * Access control of the foundation, end to end, by role: every role against every operation on
 * users, courts, circuits, holidays and offices (one table); the record scope of a court
 * administrator (their own court only, SYSTEM_ADMIN any); SYSTEM_ADMIN's separation of duties; and
 * that no one seats a system administrator in an organization. The callers and records are in
 * support/access.ts.
 */
import { AbilityFactory } from '../src/access/ability.factory';
import { Role } from '../src/access/role.enum';
import { SEED_ADMIN, SEED_USERS } from '../src/seed/seed-data';
import { registerCitizen, uniqueCode } from './factories/people';
import {
  asAdmin,
  Caller,
  CALLERS,
  Data,
  expectOutcome,
  fx,
  gqlAs,
  OperationName,
  Outcome,
  personInput,
  Q,
  seedNationalId,
  setUpAccess,
  SignedInCaller,
  t,
  Vars,
} from './support/access';

setUpAccess();

/** A year far from any hearing another spec might schedule, so added holidays change nothing. */
let holidayDay = 0;
function farHoliday(courtId: string | null): Vars {
  holidayDay += 1;
  const date = `2091-${String(1 + (Math.floor(holidayDay / 28) % 12)).padStart(2, '0')}-${String(1 + (holidayDay % 28)).padStart(2, '0')}`;
  return { ...(courtId ? { courtId } : {}), startsOn: date, endsOn: date, nameAr: 'إجازة اختبار', nameEn: 'Test holiday' };
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

function expectedOutcome(op: Operation, who: Caller): Outcome {
  if (op.may === 'anyone') return 'succeeds';
  if (who === 'anonymous') return 'UNAUTHENTICATED';
  return op.may === 'signed-in' || op.may.includes(who) ? 'succeeds' : 'FORBIDDEN';
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
    /** NOT_FOUND where the court administrator may not even read the person or seat named (existence is not revealed). */
    hidden?: true;
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
      hidden: true,
      operation: 'addMembership',
      adminToo: true,
      vars: async () => ({ i: { userId: (await registerCitizen(t)).id, role: 'JUDGE', circuitId: fx.rydCircuit } }),
    },
    {
      does: 'add a CLERK membership of RYD-GEN',
      hidden: true,
      operation: 'addMembership',
      adminToo: true,
      vars: async () => ({ i: { userId: (await registerCitizen(t)).id, role: 'CLERK', courtId: fx.court['RYD-GEN'] } }),
    },
    {
      does: 'add a COURT_ADMIN membership of RYD-GEN',
      hidden: true,
      operation: 'addMembership',
      adminToo: true,
      vars: async () => ({ i: { userId: (await registerCitizen(t)).id, role: 'COURT_ADMIN', courtId: fx.court['RYD-GEN'] } }),
    },
    {
      does: 'remove a judge seat of JED-GEN',
      hidden: true,
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
    { ...a, who: 'courtAdmin' as const, role: 'COURT_ADMIN of RYD-GEN', outcome: (a.hidden ? 'NOT_FOUND' : 'FORBIDDEN') as Outcome },
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
    // The court administrator may not even read the system administrator: as for no one.
    expect(res.errors?.[0].extensions.code).toBe(who === 'courtAdmin' ? 'NOT_FOUND' : 'FORBIDDEN');
    const me = await t.ok('{ me { roles memberships { role } } }', {}, await t.token('admin'));
    expect(me.me).toEqual({ roles: ['SYSTEM_ADMIN'], memberships: [] });
  });
});
