/**
 * Access control of the judicial workflow, end to end: every caller against every operation on
 * lawsuits, hearings, pleadings, judgments, statistics and notices (one table), each attempt on a
 * case in the state the operation needs; the same refusals on cases where the operation is illegal
 * (a refused caller learns nothing about the state); and the lists that must not leak (lawsuits,
 * docket, cause list, notices). Expectations follow docs/domain.md ("People and roles"), not the code.
 *
 * One rule for refusals, so that an answer never tells whether a hidden case exists or how far it got:
 * - anonymous → UNAUTHENTICATED (public reads excepted);
 * - a caller holding no rule at all for the operation → FORBIDDEN, before any case is looked at;
 * - a caller from whom the case is hidden → NOT_FOUND, exactly as for a case that does not exist;
 * - a caller who sees the case but may not do this to it → FORBIDDEN (never INVALID_TRANSITION and
 *   the like, whatever the state).
 *
 * The cases are a claimant's against a defendant (both registered citizens) in a court of the
 * spec's own, whose civil circuit has the judge; its clerk and its court administrator, and a judge
 * of its labour circuit ("another circuit"), are created here. The seeded clerk of RYD-GEN is "the
 * clerk of another court"; the seeded LAWYER holds no power of attorney, so is only a citizen here.
 * Every seeded staff member is also a CITIZEN (files in their own name); SYSTEM_ADMIN is not.
 */
import { maskNationalId } from '../src/core/validation/national-id';
import { courtWithStaff, CourtFixture, workingSlot } from './factories/courts';
import { lawsuitInput } from './factories/lawsuits';
import { nationalId, registerCitizen } from './factories/people';
import { GqlResponse, startApp, TestApp } from './harness';
import { Chain, scenario, Scenario } from './scenario/scenario';

type Vars = Record<string, unknown>;
type Data = Record<string, any>;

const CALLERS = {
  anonymous: 'anonymous',
  claimant: 'CITIZEN (claimant)',
  defendant: 'CITIZEN (defendant)',
  stranger: 'CITIZEN (unrelated)',
  lawyer: 'LAWYER (no power of attorney)',
  judge: 'JUDGE of the circuit',
  otherJudge: 'JUDGE of another circuit',
  clerk: 'CLERK of the court',
  otherClerk: 'CLERK of another court',
  courtAdmin: 'COURT_ADMIN of the court',
  prosecutor: 'PROSECUTOR',
  notary: 'NOTARY',
  admin: 'SYSTEM_ADMIN',
  appealJudge: 'JUDGE of the appeal court',
} as const;
type Caller = keyof typeof CALLERS;
type SignedIn = Exclude<Caller, 'anonymous'>;
/** Callers, and a second judge of the circuit who presides over none of the sealed case's hearings (lists only). */
type Who = Caller | 'judge2';

const SIGNED_IN = (Object.keys(CALLERS) as Caller[]).filter((c): c is SignedIn => c !== 'anonymous');
/** Everyone holding the CITIZEN role: all but the system administrator (staff are citizens in their own name). */
const CITIZENS = SIGNED_IN.filter((c) => c !== 'admin');
const CLERKS: SignedIn[] = ['clerk', 'otherClerk'];
/** Judges sitting in a circuit (the appeal judge sits in APL-1 of RYD-APL). */
const JUDGES: SignedIn[] = ['judge', 'otherJudge', 'appealJudge'];

/**
 * Who may read a case, by how far it got (docs/domain.md): the filer always; the defendant and the clerk
 * of the court once submitted; the judges of the circuit once registered (sealed: only a presiding
 * one); the judges of the appeal court once objected to. No one else.
 */
const SEEN: Record<'draft' | 'filed' | 'registered' | 'appealed', SignedIn[]> = {
  draft: ['claimant'],
  filed: ['claimant', 'defendant', 'clerk'],
  registered: ['claimant', 'defendant', 'clerk', 'judge'],
  appealed: ['claimant', 'defendant', 'clerk', 'judge', 'appealJudge'],
};

/** The shared cases (refused attempts change nothing, so every refused caller tries the same one), and who sees each. */
const SEEN_OF = {
  draft: SEEN.draft,
  returned: SEEN.filed,
  submitted: SEEN.filed,
  rejected: SEEN.filed,
  registered: SEEN.registered,
  inHearings: SEEN.registered,
  remote: SEEN.registered,
  heard: SEEN.registered,
  cancelled: SEEN.registered,
  struckOff: SEEN.registered,
  waiverPending: SEEN.registered,
  judged: SEEN.registered,
  objected: SEEN.appealed,
  final: SEEN.appealed,
  executed: SEEN.appealed,
  /** Sealed, with a hearing the judge presides over. */
  sealedHeard: SEEN.registered,
  /** Sealed, no hearing yet: no judge sees it. */
  sealedRegistered: SEEN.filed,
};
type Fixture = keyof typeof SEEN_OF;

/** A case the tests act on, and its hearing (the latest scheduled); `fresh` when made for one attempt. */
interface Case {
  id: string;
  caseNumber?: string;
  hearingId?: string;
  hearingAt?: Date;
  fresh?: boolean;
}
const NO_CASE: Case = { id: '' };

const NAMES = {
  claimantAr: 'مدعٍ وفاء',
  claimantEn: 'Wafa Claimantperson',
  defendantAr: 'مدعى عليه وفاء',
  defendantEn: 'Wafa Defendantperson',
};
const LINK = 'https://meet.adl.example/wf-access';
const STAFF_PASSWORD = 'Staff-Pass-2026';

// ---- GraphQL documents -------------------------------------------------------------------------

const DOC = {
  fileLawsuit: 'mutation($i: FileLawsuitInput!) { fileLawsuit(input: $i) { id state category filedBy feeExempt } }',
  correctLawsuit: 'mutation($i: CorrectLawsuitInput!) { correctLawsuit(input: $i) { id state subject } }',
  submitLawsuit: 'mutation($id: ID!) { submitLawsuit(id: $id) { id state } }',
  reviewLawsuit: 'mutation($i: ReviewLawsuitInput!) { reviewLawsuit(input: $i) { id state caseNumber circuitId } }',
  withdrawLawsuit: 'mutation($id: ID!) { withdrawLawsuit(id: $id) { id state } }',
  lawsuit: 'query($id: ID!) { lawsuit(id: $id) { id state version parties { id side nationalId } } }',
  lawsuits: `query($first: Int, $after: String, $filter: LawsuitsFilter) {
    lawsuits(first: $first, after: $after, filter: $filter) {
      edges { node { id state caseNumber circuitId sealed objections { id } hearings { id judgeId startsAt state } } }
      pageInfo { hasNextPage endCursor } } }`,
  scheduleHearing: 'mutation($i: ScheduleHearingInput!) { scheduleHearing(input: $i) { id lawsuitId state judgeId } }',
  postponeHearing: 'mutation($i: PostponeHearingInput!) { postponeHearing(input: $i) { id state previousHearingId } }',
  cancelHearing: 'mutation($i: CancelHearingInput!) { cancelHearing(input: $i) { id state } }',
  recordHearingMinutes: 'mutation($i: RecordMinutesInput!) { recordHearingMinutes(input: $i) { id state } }',
  registerHearingAttendance: 'mutation($id: ID!) { registerHearingAttendance(hearingId: $id) { id meetingLink } }',
  docket: 'query($i: DocketInput!) { docket(input: $i) { id lawsuitId lawsuit { id } } }',
  causeList:
    'query($c: String!, $d: String!) { causeList(courtCode: $c, date: $d) { startsAt endsAt caseNumber circuitCode mode room state } }',
  submitStatementOfDefence: 'mutation($i: SubmitMemoInput!) { submitStatementOfDefence(input: $i) { id kind lawsuitId } }',
  submitMemo: 'mutation($i: SubmitMemoInput!) { submitMemo(input: $i) { id kind lawsuitId } }',
  waiveClaim: 'mutation($id: ID!) { waiveClaim(lawsuitId: $id) { lawsuitId state } }',
  respondToWaiver: 'mutation($i: RespondToWaiverInput!) { respondToWaiver(input: $i) { lawsuitId state } }',
  settleLawsuit: 'mutation($id: ID!) { settleLawsuit(lawsuitId: $id) { id state } }',
  strikeOffLawsuit: 'mutation($id: ID!, $h: ID!) { strikeOffLawsuit(lawsuitId: $id, hearingId: $h) { id state } }',
  resumeLawsuit: 'mutation($id: ID!) { resumeLawsuit(lawsuitId: $id) { id state } }',
  issueJudgment: 'mutation($i: IssueJudgmentInput!) { issueJudgment(input: $i) { id lawsuitId inFavourOf } }',
  fileObjection: 'mutation($i: FileObjectionInput!) { fileObjection(input: $i) { id lawsuitId appealCourtId } }',
  decideAppeal: 'mutation($i: DecideAppealInput!) { decideAppeal(input: $i) { id lawsuitId decision } }',
  requestExecution: 'mutation($id: ID!) { requestExecution(lawsuitId: $id) { id lawsuitId } }',
  recordJudgmentService:
    'mutation($i: RecordJudgmentServiceInput!) { recordJudgmentService(input: $i) { partyId side serviceMethod serviceReference state } }',
  sendCourtNotice:
    'mutation($i: SendCourtNoticeInput!) { sendCourtNotice(input: $i) { lawsuitId recipients partyIds unreachablePartyIds } }',
  courtStatistics: `query($f: CourtStatisticsFilter) { courtStatistics(filter: $f) {
    courtId courtCode courtNameAr courtNameEn category month filed registered disposed pending hearings postponedHearings } }`,
  notifications: `query($first: Int, $after: String) { notifications(first: $first, after: $after) {
    edges { node { id lawsuitId kind } } pageInfo { hasNextPage endCursor } } }`,
  markNotificationRead: 'mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }',
} as const;
type OperationName = keyof typeof DOC;

// ---- the app, the people and the cases -----------------------------------------------------------

let t: TestApp;
let court: CourtFixture;
let appealCourtId = '';
interface Person {
  id: string;
  nationalId: string;
  token: string;
}
const people = {} as Record<SignedIn | 'judge2', Person>;
/** Every case the claimant filed, and a criminal case of the prosecution. */
const claimantCases: string[] = [];
let criminalCase = '';

const fx = {} as Record<Fixture, Case>;
/** A slot no successful attempt takes (refused scheduling and postponing name it). */
let spareSlot: Date;

const tokenOf = (who: Who): string | undefined => (who === 'anonymous' ? undefined : people[who].token);
const gqlAs = (who: Who, doc: string, vars: Vars = {}): Promise<GqlResponse<Data>> => t.gql<Data>(doc, vars, tokenOf(who));
const okAs = (who: Who, doc: string, vars: Vars = {}): Promise<Data> => t.ok<Data>(doc, vars, tokenOf(who));

/** Distinct half-hour slots of the court's working days, 12 a day, days a week apart. */
let slots = 0;
function nextSlot(): Date {
  const n = slots++;
  const i = n % 12;
  return workingSlot(7 * (1 + Math.floor(n / 12)), 8 + Math.floor(i / 2), (i % 2) * 30);
}

const riyadhDay = (d: Date | string): string => new Date(new Date(d).getTime() + 3 * 3600_000).toISOString().slice(0, 10);

function caseInput(overrides: Vars = {}): Vars {
  return lawsuitInput(people.claimant.nationalId, {
    courtId: court.court.id,
    city: undefined,
    claimants: [{ kind: 'PERSON', nationalId: people.claimant.nationalId, nameAr: NAMES.claimantAr, nameEn: NAMES.claimantEn }],
    defendants: [{ kind: 'PERSON', nationalId: people.defendant.nationalId, nameAr: NAMES.defendantAr, nameEn: NAMES.defendantEn }],
    ...overrides,
  });
}

function criminalInput(): Vars {
  return lawsuitInput(people.prosecutor.nationalId, {
    category: 'CRIMINAL',
    claimants: [{ kind: 'ORGANIZATION', organizationNumber: 'PP-RYD-01', nameAr: 'النيابة العامة', nameEn: 'Public Prosecution' }],
    defendants: [{ kind: 'PERSON', nationalId: nationalId(), nameAr: 'متهم', nameEn: 'Accused' }],
    claims: [{ description: 'إيقاع العقوبة — impose the penalty' }],
  });
}

const judgmentInput = (lawsuitId: string): Vars => ({
  lawsuitId,
  ruling: 'ألزمت المحكمة المدعى عليه بالسداد — the defendant shall pay',
  summary: 'ثبوت الدين — the debt is proven',
  reasoning: 'لما ثبت من سند القرض — as the loan contract shows',
  amountAwarded: 80000,
  inFavourOf: 'CLAIMANT',
});

// ---- case builders: each takes a fresh case of the claimant as far as its name says --------------

/**
 * A fresh case of the claimant against the defendant in the spec's court, taken by a scenario as
 * far as `to` says, then (the clock back to now, as a judgment is given now) as far as `then` says.
 */
async function caseAt(to: (c: Chain) => Chain, overrides: Vars = {}, then?: (s: Scenario) => Chain): Promise<Case> {
  const filing = scenario(t.app)
    .court(court)
    .claimant({ id: people.claimant.id, nationalId: people.claimant.nationalId, nameAr: NAMES.claimantAr, nameEn: NAMES.claimantEn })
    .defendant({ id: people.defendant.id, nationalId: people.defendant.nationalId, nameAr: NAMES.defendantAr, nameEn: NAMES.defendantEn })
    .lawsuit(overrides);
  let s: Scenario;
  try {
    s = await to(filing);
    t.clock.reset();
    if (then) await then(s);
  } finally {
    t.clock.reset();
  }
  claimantCases.push(s.lawsuitId);
  return { id: s.lawsuitId, caseNumber: s.caseNumber, hearingId: s.hearingId, hearingAt: s.hearingAt };
}

const drafted = (overrides: Vars = {}): Promise<Case> => caseAt((c) => c, overrides);
const submitted = (overrides: Vars = {}): Promise<Case> => caseAt((c) => c.submitted(), overrides);
const reviewed = (decision: 'RETURN' | 'REJECT'): Promise<Case> => caseAt((c) => (decision === 'RETURN' ? c.returned() : c.rejected()));
const registered = (overrides: Vars = {}): Promise<Case> => caseAt((c) => c.registered(), overrides);

function hearingInput(lawsuitId: string, at: Date, remote = false): Vars {
  return {
    lawsuitId,
    startsAt: at.toISOString(),
    durationMinutes: 30,
    ...(remote ? { mode: 'REMOTE', meetingLink: LINK } : { mode: 'IN_PERSON', room: 'قاعة ٤ — Room 4' }),
  };
}

/** The first hearing at the next slot of the spec, in person or remote. */
const hearing = (c: Chain, remote = false): Chain =>
  c.hearingScheduled({ at: nextSlot(), remote, meetingLink: LINK, room: 'قاعة ٤ — Room 4' });

const scheduled = (options: { sealed?: boolean; remote?: boolean } = {}): Promise<Case> =>
  caseAt((c) => hearing(c, options.remote), options.sealed ? { sealed: true } : {});

/** A case whose hearing was held (minutes recorded by the judge), the claimant present or absent. */
const heard = (claimantPresent = true, options: { sealed?: boolean } = {}, then?: (s: Scenario) => Chain): Promise<Case> =>
  caseAt((c) => hearing(c).hearingHeld({ claimantPresent }), options.sealed ? { sealed: true } : {}, then);

const struckOff = (): Promise<Case> => heard(false, {}, (s) => s.struckOff());
const waiverPending = (): Promise<Case> => caseAt((c) => c.waiverPending());
const judged = (): Promise<Case> => heard(true, {}, (s) => s.judgmentIssued());
const objected = (): Promise<Case> => heard(true, {}, (s) => s.judgmentIssued().objected());
/** Final on appeal, upheld: the claimant is the winning party. */
const final = (): Promise<Case> => heard(true, {}, (s) => s.judgmentIssued().objected().appealDecided({ decision: 'UPHOLD' }));
const executed = (): Promise<Case> => heard(true, {}, (s) => s.judgmentIssued().objected().final().executionRequested());
const cancelled = (): Promise<Case> => caseAt((c) => hearing(c).hearingCancelled());

/** The signed-in user of `token`. */
async function person(token: string): Promise<Person> {
  const { me } = await t.ok<Data>('{ me { id nationalId } }', {}, token);
  return { id: me.id, nationalId: me.nationalId, token };
}

/** A staff member of the fixture court, created by the administrator. */
async function staff(nameEn: string, membership: Vars): Promise<Person> {
  const id = nationalId();
  await t.ok(
    'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
    { i: { nationalId: id, nameAr: 'موظف', nameEn, password: STAFF_PASSWORD, roles: [], memberships: [membership] } },
    people.admin.token,
  );
  return person(await t.login(id, STAFF_PASSWORD));
}

async function allPages(who: Who, field: 'lawsuits' | 'notifications', vars: Vars = {}): Promise<Data[]> {
  const nodes: Data[] = [];
  let after: string | undefined;
  for (;;) {
    const data = await okAs(who, DOC[field], { ...vars, first: 100, after });
    nodes.push(...data[field].edges.map((e: Data) => e.node));
    if (!data[field].pageInfo.hasNextPage) return nodes;
    after = data[field].pageInfo.endCursor;
  }
}

beforeAll(async () => {
  // Tokens that outlive the clocks moved to the hearings.
  t = await startApp({ JWT_TTL_SECONDS: String(365 * 86_400) });
  people.admin = await person(await t.token('admin'));
  court = await courtWithStaff(t);
  const citizen = async (nameAr: string, nameEn: string) => person((await registerCitizen(t, { nameAr, nameEn })).token);
  people.claimant = await citizen(NAMES.claimantAr, NAMES.claimantEn);
  people.defendant = await citizen(NAMES.defendantAr, NAMES.defendantEn);
  people.stranger = await citizen('مواطن آخر', 'Unrelated Citizen');
  for (const key of ['lawyer', 'prosecutor', 'notary', 'appealJudge'] as const) people[key] = await person(await t.token(key));
  people.otherClerk = await person(await t.token('clerk'));
  people.judge = await person(court.judge.token);
  people.clerk = await person(court.clerk.token);
  const labour = (
    await t.ok<Data>(
      'mutation($i: CreateCircuitInput!) { createCircuit(input: $i) { id } }',
      { i: { courtId: court.court.id, code: 'LAB-1', nameAr: 'الدائرة العمالية', nameEn: 'Labour Circuit', specialization: 'LABOR' } },
      people.admin.token,
    )
  ).createCircuit.id;
  people.otherJudge = await staff('Judge of the Labour Circuit', { role: 'JUDGE', circuitId: labour });
  people.courtAdmin = await staff('Court Administrator', { role: 'COURT_ADMIN', courtId: court.court.id });
  // Seated after the judge: the judge presides by default.
  people.judge2 = await staff('Second Judge of the Circuit', { role: 'JUDGE', circuitId: court.circuitId });
  appealCourtId = (await t.ok<Data>('{ court(code: "RYD-APL") { id } }')).court.id;

  fx.inHearings = await scheduled();
  fx.sealedHeard = await heard(true, { sealed: true });
  fx.remote = await scheduled({ remote: true });
  fx.draft = await drafted();
  fx.returned = await reviewed('RETURN');
  fx.submitted = await submitted();
  fx.rejected = await reviewed('REJECT');
  fx.registered = await registered();
  fx.sealedRegistered = await registered({ sealed: true });
  fx.heard = await heard(false);
  fx.cancelled = await cancelled();
  fx.struckOff = await struckOff();
  fx.waiverPending = await waiverPending();
  fx.judged = await judged();
  fx.objected = await objected();
  fx.final = await final();
  fx.executed = await executed();
  spareSlot = nextSlot();

  criminalCase = (await okAs('prosecutor', DOC.fileLawsuit, { i: criminalInput() })).fileLawsuit.id;
  await okAs('prosecutor', DOC.submitLawsuit, { id: criminalCase });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

afterEach(() => t.clock.reset());

// ---- every caller against every operation -------------------------------------------------------

interface Operation {
  name: OperationName;
  /** What the attempt does, for the test name. */
  does: string;
  /** A public read: everyone succeeds. */
  public?: true;
  /** Who holds any rule for the operation; the others are refused before any case is looked at. All signed-in by default. */
  rule?: SignedIn[];
  /** Who succeeds. */
  may: SignedIn[];
  /** The shared case refused callers try (none: the operation is about no case, and every refusal is FORBIDDEN). */
  target?: Fixture;
  /** A fresh case for a caller who must succeed, where success changes the case. */
  fresh?: () => Promise<Case>;
  /** The variables of one attempt on case `c` (setting the clock when the operation depends on it). */
  vars: (c: Case, who: Caller) => Vars | Promise<Vars>;
  check?: (result: any, who: SignedIn, c: Case) => void | Promise<void>;
  /** Cases in a state where the operation is illegal: refused callers must be refused there just the same. */
  wrongState?: Fixture[];
}

const lawsuitId = (c: Case): Vars => ({ id: c.id });
/** A draft (never filed), a rejected filing, a case whose execution was requested: the operations below are illegal in these states. */
const ILLEGAL_STATES: Fixture[] = ['draft', 'rejected', 'executed'];

const OPERATIONS: Operation[] = [
  {
    name: 'fileLawsuit',
    does: 'files a civil claim in their own name',
    rule: CITIZENS,
    may: CITIZENS,
    vars: (_c, who) => ({
      i:
        who === 'anonymous' || who === 'admin' || who === 'claimant'
          ? caseInput()
          : lawsuitInput(people[who].nationalId, { courtId: court.court.id, city: undefined }),
    }),
    check: (r, who) => {
      expect(r).toMatchObject({ state: 'DRAFT', category: 'CIVIL', filedBy: people[who].id });
      if (who === 'claimant') claimantCases.push(r.id);
    },
  },
  {
    name: 'fileLawsuit',
    does: 'files a criminal case',
    rule: CITIZENS,
    may: ['prosecutor'],
    vars: () => ({ i: criminalInput() }),
    check: (r) => expect(r).toMatchObject({ state: 'DRAFT', category: 'CRIMINAL', feeExempt: true, filedBy: people.prosecutor.id }),
  },
  {
    name: 'correctLawsuit',
    does: 'corrects a filing returned for correction',
    rule: CITIZENS,
    may: ['claimant'],
    target: 'returned',
    vars: async (c) => ({
      i: {
        ...caseInput({ subject: 'مطالبة مصححة — corrected claim' }),
        id: c.id,
        version: (await okAs('claimant', DOC.lawsuit, { id: c.id })).lawsuit.version,
      },
    }),
    check: (r, _who, c) => expect(r).toEqual({ id: c.id, state: 'RETURNED', subject: 'مطالبة مصححة — corrected claim' }),
    wrongState: ['rejected', 'executed'],
  },
  {
    name: 'submitLawsuit',
    does: 'submits a draft',
    rule: CITIZENS,
    may: ['claimant'],
    target: 'draft',
    fresh: () => drafted(),
    vars: lawsuitId,
    check: (r) => expect(r.state).toBe('SUBMITTED'),
    wrongState: ['rejected', 'executed'],
  },
  {
    name: 'reviewLawsuit',
    does: 'accepts a submitted filing',
    rule: CLERKS,
    may: ['clerk'],
    target: 'submitted',
    fresh: () => submitted(),
    vars: (c) => ({ i: { id: c.id, decision: 'ACCEPT' } }),
    check: (r) =>
      expect(r).toMatchObject({ state: 'REGISTERED', circuitId: court.circuitId, caseNumber: expect.stringContaining(court.court.code) }),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'withdrawLawsuit',
    does: 'withdraws a registered case',
    rule: CITIZENS,
    may: ['claimant'],
    target: 'registered',
    fresh: () => registered(),
    vars: lawsuitId,
    check: (r) => expect(r.state).toBe('WITHDRAWN'),
    wrongState: ['rejected', 'executed'],
  },
  {
    name: 'lawsuit',
    does: 'reads a case in hearings (national IDs in full to the party themselves and to court staff only)',
    rule: CITIZENS,
    may: SEEN.registered,
    target: 'inHearings',
    vars: lawsuitId,
    check: (r, who, c) => {
      expect(r.id).toBe(c.id);
      const staffOfCase = who === 'judge' || who === 'clerk';
      for (const p of r.parties) {
        const own = p.side === 'CLAIMANT' ? people.claimant.nationalId : people.defendant.nationalId;
        const party = (p.side === 'CLAIMANT' ? 'claimant' : 'defendant') === who;
        expect(p.nationalId).toBe(staffOfCase || party ? own : maskNationalId(own));
      }
    },
  },
  {
    name: 'lawsuits',
    does: 'lists cases in hearings of the court',
    rule: CITIZENS,
    may: CITIZENS,
    vars: () => ({ first: 100, filter: { courtId: court.court.id, states: ['IN_HEARINGS'] } }),
    check: (r, who) => {
      const ids = r.edges.map((e: Data) => e.node.id);
      expect(ids.includes(fx.inHearings.id)).toBe(SEEN_OF.inHearings.includes(who));
    },
  },
  {
    name: 'scheduleHearing',
    does: 'schedules the first hearing of a registered case',
    rule: CLERKS,
    may: ['clerk'],
    target: 'registered',
    fresh: () => registered(),
    vars: (c) => ({ i: hearingInput(c.id, c.fresh ? nextSlot() : spareSlot) }),
    check: (r, _who, c) => expect(r).toMatchObject({ lawsuitId: c.id, state: 'SCHEDULED', judgeId: people.judge.id }),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'postponeHearing',
    does: 'postpones a scheduled hearing',
    rule: CLERKS,
    may: ['clerk'],
    target: 'inHearings',
    fresh: () => scheduled(),
    vars: (c) => ({
      i: {
        hearingId: c.hearingId,
        reason: 'طلب المدعى عليه مهلة — the defendant asked for time',
        startsAt: (c.fresh ? nextSlot() : spareSlot).toISOString(),
        durationMinutes: 30,
      },
    }),
    check: (r, _who, c) => expect(r).toMatchObject({ state: 'SCHEDULED', previousHearingId: c.hearingId }),
    wrongState: ['heard', 'cancelled'],
  },
  {
    name: 'cancelHearing',
    does: 'cancels a scheduled hearing',
    rule: CLERKS,
    may: ['clerk'],
    target: 'inHearings',
    fresh: () => scheduled(),
    vars: (c) => ({ i: { hearingId: c.hearingId, reason: 'اعتذار الدائرة — the circuit cannot sit' } }),
    check: (r, _who, c) => expect(r).toEqual({ id: c.hearingId, state: 'CANCELLED' }),
    wrongState: ['heard', 'cancelled'],
  },
  {
    name: 'recordHearingMinutes',
    does: 'records the minutes of a hearing under way',
    rule: JUDGES,
    may: ['judge'],
    target: 'inHearings',
    fresh: () => scheduled(),
    vars: (c) => {
      t.clock.set(new Date(c.hearingAt!.getTime() + 10 * 60_000));
      return { i: { hearingId: c.hearingId, minutes: 'حضر الطرفان — both parties attended', attendance: [] } };
    },
    check: (r, _who, c) => expect(r).toEqual({ id: c.hearingId, state: 'HELD' }),
    wrongState: ['heard', 'cancelled'],
  },
  {
    name: 'registerHearingAttendance',
    does: 'registers for a remote hearing 10 minutes before it',
    may: ['claimant', 'defendant'],
    target: 'remote',
    vars: (c) => {
      t.clock.set(new Date(c.hearingAt!.getTime() - 10 * 60_000));
      return { id: c.hearingId };
    },
    check: (r, _who, c) => expect(r).toEqual({ id: c.hearingId, meetingLink: LINK }),
    wrongState: ['heard', 'cancelled'],
  },
  {
    name: 'docket',
    does: 'reads the docket of the day of a hearing (the hearing only for staff of its circuit and court)',
    rule: [...JUDGES, ...CLERKS],
    may: [...JUDGES, ...CLERKS],
    vars: () => ({ i: { from: riyadhDay(fx.inHearings.hearingAt!) } }),
    check: (r, who) => expect(r.some((h: Data) => h.id === fx.inHearings.hearingId)).toBe(who === 'judge' || who === 'clerk'),
  },
  {
    name: 'causeList',
    does: 'reads the public cause list of the day of a hearing (case numbers, nothing sealed)',
    public: true,
    may: SIGNED_IN,
    vars: () => ({ c: court.court.code, d: riyadhDay(fx.inHearings.hearingAt!) }),
    check: (r) => {
      const numbers = r.map((e: Data) => e.caseNumber);
      expect(numbers).toContain(fx.inHearings.caseNumber);
      expect(numbers).not.toContain(fx.sealedHeard.caseNumber);
    },
  },
  {
    name: 'submitStatementOfDefence',
    does: 'files a statement of defence before the first hearing',
    rule: CITIZENS,
    may: ['defendant'],
    target: 'registered',
    fresh: () => registered(),
    vars: (c) => ({ i: { lawsuitId: c.id, body: 'أنكر الدعوى جملة وتفصيلاً — I deny the claim' } }),
    check: (r, _who, c) => expect(r).toMatchObject({ kind: 'DEFENCE', lawsuitId: c.id }),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'submitMemo',
    does: 'files a memo while the case is in hearings',
    rule: CITIZENS,
    may: ['claimant', 'defendant'],
    target: 'inHearings',
    vars: (c) => ({ i: { lawsuitId: c.id, body: 'مذكرة إلحاقية — a further memo' } }),
    check: (r, _who, c) => expect(r).toMatchObject({ kind: 'MEMO', lawsuitId: c.id }),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'waiveClaim',
    does: 'waives the claim of a registered case',
    rule: CITIZENS,
    may: ['claimant'],
    target: 'registered',
    fresh: () => registered(),
    vars: lawsuitId,
    check: (r, _who, c) => expect(r).toEqual({ lawsuitId: c.id, state: 'ACCEPTED' }),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'respondToWaiver',
    does: 'accepts a pending waiver',
    rule: CITIZENS,
    may: ['defendant'],
    target: 'waiverPending',
    fresh: () => waiverPending(),
    vars: (c) => ({ i: { lawsuitId: c.id, accept: true } }),
    check: (r, _who, c) => expect(r).toEqual({ lawsuitId: c.id, state: 'ACCEPTED' }),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'settleLawsuit',
    does: 'records a settlement of a registered case',
    rule: JUDGES,
    may: ['judge'],
    target: 'registered',
    fresh: () => registered(),
    vars: lawsuitId,
    check: (r) => expect(r.state).toBe('SETTLED'),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'strikeOffLawsuit',
    does: 'strikes off a case whose claimant was absent',
    rule: JUDGES,
    may: ['judge'],
    target: 'heard',
    fresh: () => heard(false),
    vars: (c) => ({ id: c.id, h: c.hearingId ?? fx.heard.hearingId }),
    check: (r) => expect(r.state).toBe('STRUCK_OFF'),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'resumeLawsuit',
    does: 'resumes a struck-off case',
    rule: CITIZENS,
    may: ['claimant'],
    target: 'struckOff',
    fresh: () => struckOff(),
    vars: lawsuitId,
    check: (r) => expect(r.state).toBe('IN_HEARINGS'),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'issueJudgment',
    does: 'issues the judgment after a held hearing',
    rule: JUDGES,
    may: ['judge'],
    target: 'heard',
    fresh: () => heard(),
    vars: (c) => ({ i: judgmentInput(c.id) }),
    check: (r, _who, c) => expect(r).toMatchObject({ lawsuitId: c.id, inFavourOf: 'CLAIMANT' }),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'fileObjection',
    does: 'objects to a judgment within the window',
    rule: CITIZENS,
    may: ['claimant', 'defendant'],
    target: 'judged',
    fresh: () => judged(),
    vars: (c) => ({ i: { lawsuitId: c.id, reasons: 'الحكم خالف الثابت — the judgment contradicts the record' } }),
    check: (r, _who, c) => expect(r).toMatchObject({ lawsuitId: c.id, appealCourtId }),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'decideAppeal',
    does: 'decides the appeal of an objected case',
    rule: JUDGES,
    may: ['appealJudge'],
    target: 'objected',
    fresh: () => objected(),
    vars: (c) => ({ i: { lawsuitId: c.id, decision: 'UPHOLD', reasoning: 'الحكم موافق للأصول — the judgment stands' } }),
    check: (r, _who, c) => expect(r).toMatchObject({ lawsuitId: c.id, decision: 'UPHOLD' }),
    // Also judged but not objected to: no appeal pending.
    wrongState: [...ILLEGAL_STATES, 'judged'],
  },
  {
    name: 'requestExecution',
    does: 'requests execution of a final judgment in their favour',
    rule: CITIZENS,
    may: ['claimant'],
    target: 'final',
    fresh: () => final(),
    vars: lawsuitId,
    check: (r, _who, c) => expect(r.lawsuitId).toBe(c.id),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'recordJudgmentService',
    does: 'records a party’s service of the judgment outside the platform',
    rule: CLERKS,
    may: ['clerk'],
    target: 'judged',
    fresh: () => judged(),
    // No worker runs here, so no notice served the defendant on the platform.
    vars: async (c) => ({
      i: {
        lawsuitId: c.id,
        partyId: (await okAs('claimant', DOC.lawsuit, { id: c.id })).lawsuit.parties.find((p: Data) => p.side === 'DEFENDANT').id,
        servedAt: new Date().toISOString(),
        reference: 'محضر تبليغ — process server report',
      },
    }),
    check: (r) =>
      expect(r).toMatchObject({
        side: 'DEFENDANT',
        serviceMethod: 'RECORDED',
        serviceReference: 'محضر تبليغ — process server report',
        state: 'OPEN',
      }),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'sendCourtNotice',
    does: 'sends the parties a notice from the court',
    rule: CLERKS,
    may: ['clerk'],
    target: 'inHearings',
    vars: (c) => ({
      i: { lawsuitId: c.id, titleAr: 'إشعار من المحكمة', titleEn: 'Notice from the court', bodyAr: 'نص الإشعار', bodyEn: 'The notice' },
    }),
    check: (r, _who, c) => expect(r).toMatchObject({ lawsuitId: c.id, recipients: 2, unreachablePartyIds: [] }),
    wrongState: ['draft', 'rejected'],
  },
  {
    name: 'courtStatistics',
    does: "reads the court's public statistics (no party data)",
    public: true,
    may: SIGNED_IN,
    vars: () => ({ f: { courtId: court.court.id } }),
    check: (r) => {
      expect(r.length).toBeGreaterThan(0);
      expect(r.every((row: Data) => row.courtId === court.court.id)).toBe(true);
      expect(r.reduce((sum: number, row: Data) => sum + row.filed, 0)).toBeGreaterThan(0);
      const body = JSON.stringify(r);
      for (const secret of [people.claimant.nationalId, people.defendant.nationalId, 'Wafa', fx.inHearings.caseNumber!, fx.inHearings.id])
        expect(body).not.toContain(secret);
    },
  },
  {
    name: 'notifications',
    does: 'reads their own notices (about their own cases only)',
    may: SIGNED_IN,
    vars: () => ({ first: 100 }),
    check: (r, who) => {
      const about = r.edges.map((e: Data) => e.node.lawsuitId).filter(Boolean);
      if (who === 'claimant' || who === 'defendant') {
        expect(about.length).toBeGreaterThan(0);
        for (const id of about) expect(claimantCases).toContain(id);
      } else if (who === 'judge') {
        // The presiding judge hears of the hearings of the cases, and of nothing else about them.
        const kinds = r.edges.filter((e: Data) => claimantCases.includes(e.node.lawsuitId)).map((e: Data) => e.node.kind as string);
        expect(kinds.length).toBeGreaterThan(0);
        for (const kind of kinds) expect(kind).toMatch(/^HEARING_/);
      } else {
        expect(about.filter((id: string) => claimantCases.includes(id))).toEqual([]);
      }
    },
  },
];

type Outcome = 'succeeds' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

/** How `who` is refused `op` on the `target` case (or 'succeeds' for a public read). */
function refusal(op: Operation, who: Caller, target: Fixture | undefined): Outcome {
  if (op.public) return 'succeeds';
  if (who === 'anonymous') return 'UNAUTHENTICATED';
  if (op.rule && !op.rule.includes(who)) return 'FORBIDDEN';
  return !target || SEEN_OF[target].includes(who) ? 'FORBIDDEN' : 'NOT_FOUND';
}

function expectedOutcome(op: Operation, who: Caller): Outcome {
  if (who !== 'anonymous' && op.may.includes(who)) return 'succeeds';
  return refusal(op, who, op.target);
}

/** Asserts the outcome of one attempt: the data checked on success, or exactly the expected error code and no data. */
async function expectOutcome(res: GqlResponse<Data>, field: string, outcome: Outcome, check?: (result: any) => void | Promise<void>) {
  if (outcome === 'succeeds') {
    expect(res.errors).toBeUndefined();
    await check?.(res.data![field]);
  } else {
    expect(res.errors?.map((e) => e.extensions.code)).toEqual([outcome]);
    expect(res.data?.[field] ?? null).toBeNull();
  }
}

describe('every caller against every workflow operation, on a case in the state the operation needs', () => {
  const matrix = OPERATIONS.flatMap((op) =>
    (Object.keys(CALLERS) as Caller[]).map((who) => ({ name: op.name, op, who, role: CALLERS[who], outcome: expectedOutcome(op, who) })),
  );

  it.each(matrix)('$name ($op.does) as $role: $outcome', async ({ op, who, outcome }) => {
    const c = outcome === 'succeeds' && op.fresh ? { ...(await op.fresh()), fresh: true } : op.target ? fx[op.target] : NO_CASE;
    const res = await gqlAs(who, DOC[op.name], await op.vars(c, who));
    await expectOutcome(res, op.name, outcome, (r) => op.check?.(r, who as SignedIn, c));
  });
});

describe('a refused caller is refused alike on a case where the operation is illegal (the state is not revealed)', () => {
  const cases = OPERATIONS.flatMap((op) =>
    (op.wrongState ?? []).flatMap((target) =>
      SIGNED_IN.filter((who) => (!op.rule || op.rule.includes(who)) && !(op.may.includes(who) && SEEN_OF[target].includes(who))).map(
        (who) => ({
          name: op.name,
          op,
          who,
          role: CALLERS[who],
          target,
          outcome: refusal(op, who, target),
        }),
      ),
    ),
  );

  // Left out: callers holding no rule for the operation (refused before any case is looked at, as in the
  // table above), and those who may act and see the case (rightly told why the state forbids it).
  it.each(cases)('$name on the $target case as $role: $outcome', async ({ op, who, target, outcome }) => {
    const res = await gqlAs(who, DOC[op.name], await op.vars(fx[target], who));
    await expectOutcome(res, op.name, outcome);
  });
});

// ---- lists that must not leak -------------------------------------------------------------------

describe('lists hold exactly what the caller may see', () => {
  /** Every case of the claimant, as the claimant (who sees them all) lists them. */
  let all: Data[] = [];
  beforeAll(async () => {
    all = await allPages('claimant', 'lawsuits');
  });

  const presides = (l: Data, who: Person) => l.hearings.some((h: Data) => h.judgeId === who.id);
  /** Who sees which of the claimant's cases (docs/domain.md), from what the claimant sees of them. */
  const VISIBLE: Record<Exclude<Who, 'anonymous' | 'admin'>, (l: Data) => boolean> = {
    claimant: () => true,
    defendant: (l) => l.state !== 'DRAFT',
    stranger: () => false,
    lawyer: () => false,
    judge: (l) => l.circuitId === court.circuitId && (!l.sealed || presides(l, people.judge)),
    judge2: (l) => l.circuitId === court.circuitId && (!l.sealed || presides(l, people.judge2)),
    otherJudge: () => false,
    clerk: (l) => l.state !== 'DRAFT',
    otherClerk: () => false,
    courtAdmin: () => false,
    prosecutor: () => false,
    notary: () => false,
    appealJudge: (l) => l.objections.length > 0,
  };

  it('gives the claimant every case they filed (the oracle of the other lists)', () => {
    expect(all.map((l) => l.id).sort()).toEqual([...claimantCases].sort());
    expect(all.filter((l) => l.sealed)).toHaveLength(2);
    expect(all.some((l) => l.objections.length > 0)).toBe(true);
  });

  it.each(Object.keys(VISIBLE) as (keyof typeof VISIBLE)[])('lawsuits as %s: exactly the fixture cases they may see', async (who) => {
    const ours = new Set([...claimantCases, criminalCase]);
    const seen = (await allPages(who, 'lawsuits')).map((l) => l.id).filter((id) => ours.has(id));
    const expected = all.filter(VISIBLE[who]).map((l) => l.id);
    if (who === 'prosecutor') expected.push(criminalCase);
    expect(seen.sort()).toEqual(expected.sort());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses the lawsuit list to SYSTEM_ADMIN (no case contents) and to anonymous callers', async () => {
    expect((await gqlAs('admin', DOC.lawsuits, { first: 100 })).errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    expect((await gqlAs('anonymous', DOC.lawsuits, { first: 100 })).errors?.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('shows a sealed case to the judge presiding over its hearing, not to another judge of the circuit; one with no hearing to neither', async () => {
    expect(all.find((l) => l.id === fx.sealedHeard.id)?.hearings.map((h: Data) => h.judgeId)).toEqual([people.judge.id]);
    expect((await okAs('judge', DOC.lawsuit, { id: fx.sealedHeard.id })).lawsuit.id).toBe(fx.sealedHeard.id);
    expect((await gqlAs('judge2', DOC.lawsuit, { id: fx.sealedHeard.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    for (const judge of ['judge', 'judge2'] as const)
      expect((await gqlAs(judge, DOC.lawsuit, { id: fx.sealedRegistered.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    // The other judge of the circuit sees the open cases of the circuit all the same.
    expect((await okAs('judge2', DOC.lawsuit, { id: fx.inHearings.id })).lawsuit.id).toBe(fx.inHearings.id);
    // Court staff and the parties see sealed cases.
    for (const who of ['clerk', 'claimant', 'defendant'] as const)
      expect((await okAs(who, DOC.lawsuit, { id: fx.sealedRegistered.id })).lawsuit.id).toBe(fx.sealedRegistered.id);
  });

  describe('docket and cause list', () => {
    let hearings: (Data & { lawsuitId: string; sealed: boolean; caseNumber: string })[] = [];
    let days: string[] = [];
    beforeAll(() => {
      hearings = all.flatMap((l) => l.hearings.map((h: Data) => ({ ...h, lawsuitId: l.id, sealed: l.sealed, caseNumber: l.caseNumber })));
      days = [...new Set(hearings.map((h) => riyadhDay(h.startsAt)))].sort();
    });
    const docketOf = async (who: Who) => (await okAs(who, DOC.docket, { i: { from: days[0], to: days.at(-1) } })).docket as Data[];

    it.each(['judge', 'judge2', 'clerk'] as const)(
      'gives the %s every live hearing of the fixture cases, with the case only where they may read it',
      async (who) => {
        expect(days.length).toBeGreaterThan(1);
        const docket = await docketOf(who);
        const live = hearings.filter((h) => h.state !== 'CANCELLED');
        expect(docket.map((h) => h.id).sort()).toEqual(live.map((h) => h.id).sort());
        const readable = new Set(all.filter(VISIBLE[who]).map((l) => l.id));
        for (const h of docket) expect(h.lawsuit?.id ?? null).toBe(readable.has(h.lawsuitId) ? h.lawsuitId : null);
      },
    );

    it('hides the sealed case from the docket entry of a judge not presiding over it', async () => {
      const entry = (await docketOf('judge2')).find((h) => h.id === fx.sealedHeard.hearingId);
      expect(entry).toMatchObject({ lawsuitId: fx.sealedHeard.id, lawsuit: null });
      const presiding = (await docketOf('judge')).find((h) => h.id === fx.sealedHeard.hearingId);
      expect(presiding?.lawsuit).toEqual({ id: fx.sealedHeard.id });
    });

    it.each(['otherJudge', 'otherClerk', 'appealJudge'] as const)('gives the %s none of the fixture hearings', async (who) => {
      const ours = new Set(hearings.map((h) => h.id));
      expect((await docketOf(who)).filter((h) => ours.has(h.id))).toEqual([]);
    });

    it('publishes on the cause list every open scheduled or held hearing by case number only: no names, no national IDs, nothing sealed', async () => {
      const secrets = [people.claimant.nationalId, people.defendant.nationalId, 'Wafa', 'وفاء', ...all.map((l) => l.id)];
      for (const day of days) {
        const answers = await Promise.all(
          (['anonymous', 'claimant', 'clerk', 'judge'] as const).map((who) => okAs(who, DOC.causeList, { c: court.court.code, d: day })),
        );
        const list = answers[0].causeList as Data[];
        for (const other of answers.slice(1)) expect(other.causeList).toEqual(list);
        const expected = hearings.filter((h) => riyadhDay(h.startsAt) === day && !h.sealed && ['SCHEDULED', 'HELD'].includes(h.state));
        expect(list.map((e) => e.caseNumber).sort()).toEqual(expected.map((h) => h.caseNumber).sort());
        for (const entry of list)
          expect(Object.keys(entry).sort()).toEqual(['caseNumber', 'circuitCode', 'endsAt', 'mode', 'room', 'startsAt', 'state']);
        const body = JSON.stringify(list);
        for (const secret of secrets) expect(body).not.toContain(secret);
        for (const sealed of [fx.sealedHeard, fx.sealedRegistered]) expect(body).not.toContain(sealed.caseNumber);
      }
    });
  });

  describe('notifications', () => {
    const notified = {} as Record<SignedIn, Data[]>;
    beforeAll(async () => {
      for (const who of SIGNED_IN) notified[who] = await allPages(who, 'notifications');
    });

    it('gives each caller only their own notices: no notice shows in two lists', () => {
      const owners = new Map<string, SignedIn>();
      for (const who of SIGNED_IN)
        for (const n of notified[who]) {
          expect(owners.get(n.id) ?? who).toBe(who);
          owners.set(n.id, who);
        }
    });

    it('tells the parties about their cases (the defendant never about a draft), and no one else about them', () => {
      const about = (who: SignedIn) => new Set(notified[who].map((n) => n.lawsuitId).filter(Boolean));
      expect(about('claimant').has(fx.inHearings.id)).toBe(true);
      expect(about('defendant').has(fx.inHearings.id)).toBe(true);
      for (const id of about('claimant')) expect(claimantCases).toContain(id);
      for (const id of about('defendant')) expect(all.find((l) => l.id === id)?.state).not.toBe('DRAFT');
      for (const who of SIGNED_IN.filter((w) => w !== 'claimant' && w !== 'defendant' && w !== 'judge'))
        expect([...about(who)].filter((id) => claimantCases.includes(id as string))).toEqual([]);
      // The presiding judge: of the hearings only.
      const judgeKinds = notified.judge.filter((n) => claimantCases.includes(n.lawsuitId as string)).map((n) => n.kind as string);
      expect(judgeKinds.length).toBeGreaterThan(0);
      for (const kind of judgeKinds) expect(kind).toMatch(/^HEARING_/);
    });

    it.each(SIGNED_IN.filter((w) => w !== 'claimant'))("refuses to mark the claimant's notice read as %s (NOT_FOUND)", async (who) => {
      const notice = notified.claimant[0];
      const res = await gqlAs(who, DOC.markNotificationRead, { id: notice.id });
      expect(res.errors?.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
    });
  });
});
