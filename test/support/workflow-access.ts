/**
 * The shared world of the workflow access specs (workflow-access-*.e2e-spec.ts): the callers, the
 * GraphQL documents, and the cases the attempts are made on. Expectations follow docs/domain.md
 * ("People and roles"), not the code.
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
import { courtWithStaff, CourtFixture, workingSlot } from '../factories/courts';
import { lawsuitInput } from '../factories/lawsuits';
import { nationalId, registerCitizen } from '../factories/people';
import { GqlResponse, startApp, TestApp } from '../harness';
import { Chain, scenario, Scenario } from '../scenario/scenario';

export type Vars = Record<string, unknown>;
export type Data = Record<string, any>;

export const CALLERS = {
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
export type Caller = keyof typeof CALLERS;
export type SignedIn = Exclude<Caller, 'anonymous'>;
/** Callers, and a second judge of the circuit who presides over none of the sealed case's hearings (lists only). */
export type Who = Caller | 'judge2';

export const SIGNED_IN = (Object.keys(CALLERS) as Caller[]).filter((c): c is SignedIn => c !== 'anonymous');
/** Everyone holding the CITIZEN role: all but the system administrator (staff are citizens in their own name). */
export const CITIZENS = SIGNED_IN.filter((c) => c !== 'admin');
export const CLERKS: SignedIn[] = ['clerk', 'otherClerk'];
/** Judges sitting in a circuit (the appeal judge sits in APL-1 of RYD-APL). */
export const JUDGES: SignedIn[] = ['judge', 'otherJudge', 'appealJudge'];

/**
 * Who may read a case, by how far it got (docs/domain.md): the filer always; the defendant and the clerk
 * of the court once submitted; the judges of the circuit once registered (sealed: only a presiding
 * one); the judges of the appeal court once objected to. No one else.
 */
export const SEEN: Record<'draft' | 'filed' | 'registered' | 'appealed', SignedIn[]> = {
  draft: ['claimant'],
  filed: ['claimant', 'defendant', 'clerk'],
  registered: ['claimant', 'defendant', 'clerk', 'judge'],
  appealed: ['claimant', 'defendant', 'clerk', 'judge', 'appealJudge'],
};

/** The shared cases (refused attempts change nothing, so every refused caller tries the same one), and who sees each. */
export const SEEN_OF = {
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
export type Fixture = keyof typeof SEEN_OF;

/** A case the tests act on, and its hearing (the latest scheduled); `fresh` when made for one attempt. */
export interface Case {
  id: string;
  caseNumber?: string;
  hearingId?: string;
  hearingAt?: Date;
  fresh?: boolean;
}
export const NO_CASE: Case = { id: '' };

export const NAMES = {
  claimantAr: 'مدعٍ وفاء',
  claimantEn: 'Wafa Claimantperson',
  defendantAr: 'مدعى عليه وفاء',
  defendantEn: 'Wafa Defendantperson',
};
export const LINK = 'https://meet.adl.example/wf-access';
export const STAFF_PASSWORD = 'Staff-Pass-2026';

// ---- GraphQL documents -------------------------------------------------------------------------

export const DOC = {
  fileLawsuit: 'mutation($i: FileLawsuitInput!) { fileLawsuit(input: $i) { id state category filedBy feeExempt } }',
  correctLawsuit: 'mutation($i: CorrectLawsuitInput!) { correctLawsuit(input: $i) { id state subject } }',
  submitLawsuit: 'mutation($id: ID!) { submitLawsuit(id: $id) { id state } }',
  waiveFilingFee: 'mutation($i: WaiveFilingFeeInput!) { waiveFilingFee(input: $i) { id state feeWaiverReason } }',
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
export type OperationName = keyof typeof DOC;

// ---- the app, the people and the cases -----------------------------------------------------------

export let t: TestApp;
export let court: CourtFixture;
export let appealCourtId = '';
export interface Person {
  id: string;
  nationalId: string;
  token: string;
}
export const people = {} as Record<SignedIn | 'judge2', Person>;
/** Every case the claimant filed, and a criminal case of the prosecution. */
export const claimantCases: string[] = [];
export let criminalCase = '';

export const fx = {} as Record<Fixture, Case>;
/** A slot no successful attempt takes (refused scheduling and postponing name it). */
export let spareSlot: Date;

export const tokenOf = (who: Who): string | undefined => (who === 'anonymous' ? undefined : people[who].token);
export const gqlAs = (who: Who, doc: string, vars: Vars = {}): Promise<GqlResponse<Data>> => t.gql<Data>(doc, vars, tokenOf(who));
export const okAs = (who: Who, doc: string, vars: Vars = {}): Promise<Data> => t.ok<Data>(doc, vars, tokenOf(who));

/** Distinct half-hour slots of the court's working days, 12 a day, days a week apart. */
export let slots = 0;
export function nextSlot(): Date {
  const n = slots++;
  const i = n % 12;
  return workingSlot(7 * (1 + Math.floor(n / 12)), 8 + Math.floor(i / 2), (i % 2) * 30);
}

export const riyadhDay = (d: Date | string): string => new Date(new Date(d).getTime() + 3 * 3600_000).toISOString().slice(0, 10);

export function caseInput(overrides: Vars = {}): Vars {
  return lawsuitInput(people.claimant.nationalId, {
    courtId: court.court.id,
    city: undefined,
    claimants: [{ kind: 'PERSON', nationalId: people.claimant.nationalId, nameAr: NAMES.claimantAr, nameEn: NAMES.claimantEn }],
    defendants: [{ kind: 'PERSON', nationalId: people.defendant.nationalId, nameAr: NAMES.defendantAr, nameEn: NAMES.defendantEn }],
    ...overrides,
  });
}

export function criminalInput(): Vars {
  return lawsuitInput(people.prosecutor.nationalId, {
    category: 'CRIMINAL',
    claimants: [{ kind: 'ORGANIZATION', organizationNumber: 'PP-RYD-01', nameAr: 'النيابة العامة', nameEn: 'Public Prosecution' }],
    defendants: [{ kind: 'PERSON', nationalId: nationalId(), nameAr: 'متهم', nameEn: 'Accused' }],
    claims: [{ description: 'إيقاع العقوبة — impose the penalty' }],
  });
}

export const judgmentInput = (lawsuitId: string): Vars => ({
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
export async function caseAt(to: (c: Chain) => Chain, overrides: Vars = {}, then?: (s: Scenario) => Chain): Promise<Case> {
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

export const drafted = (overrides: Vars = {}): Promise<Case> => caseAt((c) => c, overrides);
export const submitted = (overrides: Vars = {}): Promise<Case> => caseAt((c) => c.submitted(), overrides);
export const reviewed = (decision: 'RETURN' | 'REJECT'): Promise<Case> =>
  caseAt((c) => (decision === 'RETURN' ? c.returned() : c.rejected()));
export const registered = (overrides: Vars = {}): Promise<Case> => caseAt((c) => c.registered(), overrides);

export function hearingInput(lawsuitId: string, at: Date, remote = false): Vars {
  return {
    lawsuitId,
    startsAt: at.toISOString(),
    durationMinutes: 30,
    ...(remote ? { mode: 'REMOTE', meetingLink: LINK } : { mode: 'IN_PERSON', room: 'قاعة ٤ — Room 4' }),
  };
}

/** The first hearing at the next slot of the spec, in person or remote. */
export const hearing = (c: Chain, remote = false): Chain =>
  c.hearingScheduled({ at: nextSlot(), remote, meetingLink: LINK, room: 'قاعة ٤ — Room 4' });

export const scheduled = (options: { sealed?: boolean; remote?: boolean } = {}): Promise<Case> =>
  caseAt((c) => hearing(c, options.remote), options.sealed ? { sealed: true } : {});

/** A case whose hearing was held (minutes recorded by the judge), the claimant present or absent. */
export const heard = (claimantPresent = true, options: { sealed?: boolean } = {}, then?: (s: Scenario) => Chain): Promise<Case> =>
  caseAt((c) => hearing(c).hearingHeld({ claimantPresent }), options.sealed ? { sealed: true } : {}, then);

export const struckOff = (): Promise<Case> => heard(false, {}, (s) => s.struckOff());
export const waiverPending = (): Promise<Case> => caseAt((c) => c.waiverPending());
export const judged = (): Promise<Case> => heard(true, {}, (s) => s.judgmentIssued());
/** Objected to by the defendant; the claimant accepted the judgment, so the appeal court may decide. */
export const objected = (): Promise<Case> => heard(true, {}, (s) => s.judgmentIssued().objected().everyWindowClosed());
/** Final on appeal, upheld: the claimant is the winning party. */
export const final = (): Promise<Case> => heard(true, {}, (s) => s.judgmentIssued().objected().appealDecided({ decision: 'UPHOLD' }));
export const executed = (): Promise<Case> => heard(true, {}, (s) => s.judgmentIssued().objected().final().executionRequested());
export const cancelled = (): Promise<Case> => caseAt((c) => hearing(c).hearingCancelled());

/** The signed-in user of `token`. */
export async function person(token: string): Promise<Person> {
  const { me } = await t.ok<Data>('{ me { id nationalId } }', {}, token);
  return { id: me.id, nationalId: me.nationalId, token };
}

/** A staff member of the fixture court, created by the administrator. */
export async function staff(nameEn: string, membership: Vars): Promise<Person> {
  const id = nationalId();
  await t.ok(
    'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
    { i: { nationalId: id, nameAr: 'موظف', nameEn, password: STAFF_PASSWORD, roles: [], memberships: [membership] } },
    people.admin.token,
  );
  return person(await t.login(id, STAFF_PASSWORD));
}

export async function allPages(who: Who, field: 'lawsuits' | 'notifications', vars: Vars = {}): Promise<Data[]> {
  const nodes: Data[] = [];
  let after: string | undefined;
  for (;;) {
    const data = await okAs(who, DOC[field], { ...vars, first: 100, after });
    nodes.push(...data[field].edges.map((e: Data) => e.node));
    if (!data[field].pageInfo.hasNextPage) return nodes;
    after = data[field].pageInfo.endCursor;
  }
}

/** Starts the app, creates the people and takes every shared case as far as its name says (one spec file's world). */
export function setUpWorkflowCases(): void {
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
}
