/**
 * The shared world of the foundation access specs (access-roles and access-users): the callers (one
 * seeded user per role), the GraphQL documents, and the records the tests act on, looked up or
 * created as SYSTEM_ADMIN before the tests. Expectations follow docs/domain.md ("People and
 * roles"), not the code.
 */
import { SEED_ADMIN, SEED_USERS } from '../../src/seed/seed-data';
import { nationalId, uniqueCode } from '../factories/people';
import { GqlResponse, startApp, TestApp } from '../harness';

export type Vars = Record<string, unknown>;
export type Data = Record<string, any>;

/** The callers of the matrix: anonymous, and one seeded user per role (COURT_ADMIN, CLERK and JUDGE of RYD-GEN). */
export const CALLERS = {
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
export type Caller = keyof typeof CALLERS;
export type SignedInCaller = Exclude<Caller, 'anonymous'>;
/** Callers and the second seeded citizen, who looks at the first. */
export type Who = Caller | 'citizen2';

export const MASKED = /^[12]\*{5}[0-9]{4}$/;
export const PASSWORD = 'Access-Pass-2026';

// ---- GraphQL documents -------------------------------------------------------------------------

export const Q = {
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
export type OperationName = keyof typeof Q;

export const CIRCUIT_JUDGES = `query($code: String!) { court(code: $code) {
  circuits { id code judges { id nameEn nationalId phone email } } } }`;

// ---- the app and the records the tests act on ---------------------------------------------------

export let t: TestApp;

/** Records looked up or created (as SYSTEM_ADMIN) before the tests. */
export const fx = {
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

export const tokenOf = async (who: Who): Promise<string | undefined> => (who === 'anonymous' ? undefined : t.token(who));
export const gqlAs = async (who: Who, doc: string, vars: Vars = {}): Promise<GqlResponse<Data>> =>
  t.gql<Data>(doc, vars, await tokenOf(who));
export const asAdmin = async (doc: string, vars: Vars = {}): Promise<Data> => t.ok(doc, vars, await t.token('admin'));

export const seedNationalId = (who: SignedInCaller): string =>
  who === 'admin' ? SEED_ADMIN.nationalId : SEED_USERS.find((u) => u.key === who)!.nationalId;

export function personInput(extra: Vars = {}): Vars {
  return { nationalId: nationalId(), nameAr: 'موظف تجريبي', nameEn: 'Test Person', password: PASSWORD, ...extra };
}

/** Starts the app and looks up or creates the records of the tests. */
export function setUpAccess(): void {
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
}

export type Outcome = 'succeeds' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

/** Asserts the outcome of one attempt: the data checked on success, or exactly the expected error code and no data. */
export function expectOutcome(res: GqlResponse<Data>, field: string, outcome: Outcome, check?: (result: any) => void): void {
  if (outcome === 'succeeds') {
    expect(res.errors).toBeUndefined();
    check?.(res.data![field]);
  } else {
    expect(res.errors?.map((e) => e.extensions.code)).toEqual([outcome]);
    expect(res.data?.[field] ?? null).toBeNull();
  }
}
