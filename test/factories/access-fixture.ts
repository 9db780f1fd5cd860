/**
 * Records of every subject the rules look at, in the states and relations that make each access
 * fact vary (drafts and registered cases, sealed ones with and without a presiding judge, judgments
 * upheld, objected to and overturned on appeal, organizations as parties, a lawyer's filing for a
 * client, contracts drafted by a notary and by a party, powers of attorney in force and revoked),
 * and the people who act on them. Courts, offices and staff are made through the public API; the
 * records reach their states through the scenario builder.
 */
import { PartyKind } from '../../src/litigation/lawsuits/lawsuit.enums';
import type { TestApp } from '../harness';
import type { Person } from '../scenario/people';
import { scenario } from '../scenario/scenario';
import { courtWithStaff, CourtFixture, workingSlot } from './courts';
import { officeId } from './contracts';
import { nationalId, uniqueCode } from './people';

const LAWYER = '1030507097';
const PASSWORD = 'Staff-Pass-2026';
const CREATE_USER = 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }';

/** The people made here, by what they are to the records (user ids). */
export interface AccessPeople {
  claimant: string;
  defendant: string;
  presidingJudge: string;
  judgeOfCircuit: string;
  clerk: string;
  courtAdmin: string;
  lawyersClient: string;
  agentOfEndedPower: string;
  selfIssuedAgent: string;
  clerkAndNotary: string;
  appealJudge: string;
  judgeOfAnotherCourt: string;
}

export async function buildAccessFixture(t: TestApp): Promise<AccessPeople> {
  const admin = await t.token('admin');
  const office = await officeId(t);
  const fx = await courtWithStaff(t);
  // Registered citizens; no one-time codes here, so the clock stays today's for the powers of attorney.
  const { claimant, defendant } = (await scenario(t.app).claimant({ nameEn: 'Access Claimant' }).defendant({ nameEn: 'Access Defendant' }))
    .actors;

  const staff = async (nameEn: string, memberships: Record<string, unknown>[]): Promise<{ id: string; token: string }> => {
    const nid = nationalId();
    const user = (
      await t.ok(CREATE_USER, { i: { nationalId: nid, nameAr: 'موظف', nameEn, password: PASSWORD, roles: [], memberships } }, admin)
    ).createUser;
    return { id: user.id as string, token: await t.login(nid, PASSWORD) };
  };
  const courtAdmin = await staff('Access Court Admin', [{ role: 'COURT_ADMIN', courtId: fx.court.id }]);
  const clerkAndNotary = await staff('Access Clerk Notary', [
    { role: 'CLERK', courtId: fx.court.id },
    { role: 'NOTARY', notaryOfficeId: office },
  ]);
  const disabled = await staff('Access Disabled', [{ role: 'CLERK', courtId: fx.court.id }]);
  await t.ok(
    'mutation($i: SetUserStatusInput!) { setUserStatus(input: $i) { id } }',
    { i: { userId: disabled.id, status: 'DISABLED' } },
    admin,
  );
  const holiday = { courtId: fx.court.id, startsOn: '2027-01-05', endsOn: '2027-01-05', nameAr: 'إجازة المحكمة', nameEn: 'Court holiday' };
  await t.ok('mutation($i: AddHolidayInput!) { addHoliday(input: $i) { id } }', { i: holiday }, courtAdmin.token);

  // A second prosecution and notary office, and an appeal court in the court's city with its judge
  // (its code sorts after every other: courts of other cities keep going to the first appeal court).
  const officeInput = (nameEn: string) => ({ code: uniqueCode('Z'), nameAr: 'مكتب', nameEn, city: 'Riyadh' });
  const office2 = officeInput('Second Notary');
  await t.ok(
    'mutation($i: CreateOfficeInput!) { createProsecutionOffice(input: $i) { id } }',
    { i: officeInput('Second Prosecution') },
    admin,
  );
  await t.ok('mutation($i: CreateOfficeInput!) { createNotaryOffice(input: $i) { id } }', { i: office2 }, admin);
  const city = (await t.ok('query($c: String!) { court(code: $c) { city } }', { c: fx.court.code })).court.city as string;
  const appealCourt = (
    await t.ok(
      'mutation($i: CreateCourtInput!) { createCourt(input: $i) { id } }',
      { i: { code: uniqueCode('Z'), nameAr: 'محكمة الاستئناف', nameEn: 'Access Court of Appeal', type: 'APPEAL', city } },
      admin,
    )
  ).createCourt.id as string;
  const appealCircuit = (
    await t.ok(
      'mutation($i: CreateCircuitInput!) { createCircuit(input: $i) { id } }',
      { i: { courtId: appealCourt, code: 'APL-1', nameAr: 'دائرة الاستئناف', nameEn: 'Appeal Circuit', specialization: 'APPEAL' } },
      admin,
    )
  ).createCircuit.id as string;
  const appealJudge = await staff('Access Appeal Judge', [{ role: 'JUDGE', circuitId: appealCircuit }]);
  const otherCourt = await courtWithStaff(t);

  // Powers of attorney, while the clock is today's: a lawyer's for a client, one revoked, one self-issued.
  const lawyerId = (await t.ok('{ me { id } }', {}, await t.token('lawyer'))).me.id as string;
  const lawyers = await scenario(t.app)
    .agent({ id: lawyerId, nationalId: LAWYER })
    .poa({ powers: ['LIT_FILE', 'LIT_ATTEND', 'LIT_SUBMIT_MEMOS', 'LIT_OBJECT_APPEAL'] })
    .poaIssuedByNotary();
  const client = lawyers.actors.principal;
  const ended = await scenario(t.app)
    .principal(claimant)
    .poa({ powers: ['LIT_ATTEND', 'LIT_PLEAD'] })
    .poaRevoked({ reason: 'changed counsel' });
  const selfIssued = await scenario(t.app).poa({ canDelegate: true }).poaSelfIssued();

  // Contracts: drafted by a notary (one with an organization signing through the defendant), and by a party.
  const noAccount = { account: false };
  await scenario(t.app).seller(claimant).buyer(noAccount).contract({ draftedBy: 'notary' }).awaitingSignatures();
  await scenario(t.app)
    .seller(noAccount)
    .buyer(defendant)
    .contract({ draftedBy: 'notary', buyerFor: { organizationNumber: '1010123456', nameAr: 'شركة', nameEn: 'Co.' } })
    .contractDrafted();
  await scenario(t.app).seller(claimant).buyer(defendant).contractDrafted();
  await scenario(t.app).seller(defendant).buyer(noAccount).contract({ office: office2.code }).contractDrafted();

  // Lawsuits before the clock moves: a draft, a submitted one against an organization, a lawyer's for a client, a criminal case.
  const between = (court: CourtFixture, plaintiff: Person, against: Person) =>
    scenario(t.app).court(court).claimant(plaintiff).defendant(against);
  await between(fx, claimant, defendant).lawsuit();
  const company = { kind: PartyKind.ORGANIZATION, organizationNumber: '7001234567', nameAr: 'شركة', nameEn: 'Company' };
  await scenario(t.app)
    .court(fx)
    .claimant(claimant)
    .lawsuit({ defendants: [company] })
    .submitted();
  // The defendant of the other cases sues the claimant: each stands on both sides.
  await between(fx, defendant, claimant).submitted();
  await lawyers.court(fx).claimant(client).defendant(defendant).lawsuit({ byAgent: true }).submitted();
  const prosecutorId = (await t.ok('{ me { id } }', {}, await t.token('prosecutor'))).me.id as string;
  await scenario(t.app)
    .court('RYD-CRM')
    .claimant({ id: prosecutorId })
    .defendant(noAccount)
    .lawsuit({
      category: 'CRIMINAL',
      claimants: [
        { kind: PartyKind.ORGANIZATION, organizationNumber: 'PP-RYD-01', nameAr: 'النيابة العامة', nameEn: 'Public Prosecution' },
      ],
      claims: [{ description: 'إيقاع العقوبة — impose the penalty' }],
    })
    .submitted();

  // Registered, sealed without a hearing, and sealed with a hearing the circuit's judge presides over.
  await between(fx, claimant, defendant).lawsuit({ sealed: false }).registered();
  await between(fx, claimant, defendant).lawsuit({ sealed: true }).registered();
  await between(fx, claimant, defendant)
    .lawsuit({ sealed: true })
    .hearingScheduled({ at: workingSlot(3, 11, 0, t.clock.now()), room: 'Room 2' });

  // Judgments: final; objected to and pending before the court's appeal court; in another court,
  // overturned on appeal (the other side wins). The defendant is served, and objects.
  const judged = (court: CourtFixture) =>
    between(court, claimant, defendant).judgmentIssued({ ruling: 'بطلان عقد البيع — the sale contract is void' });
  const objection = { by: 'defendant', reasons: 'لم يثبت الدين — the debt is not proven' } as const;
  await judged(fx).final();
  await judged(fx).served({ only: 'DEFENDANT' }).objected(objection);
  await judged(otherCourt)
    .served({ only: 'DEFENDANT' })
    .objected(objection)
    .appealDecided({ decision: 'OVERTURN', reasoning: 'نقض — overturned' });

  // A second judge of the circuit, seated after every hearing was set: they preside over none.
  const judgeOfCircuit = (await staff('Access Second Judge', [{ role: 'JUDGE', circuitId: fx.circuitId }])).id;
  t.clock.reset();
  return {
    claimant: claimant.id!,
    defendant: defendant.id!,
    presidingJudge: fx.judge.id,
    judgeOfCircuit,
    clerk: fx.clerk.id,
    courtAdmin: courtAdmin.id,
    lawyersClient: client.id!,
    agentOfEndedPower: ended.actors.agent.id!,
    selfIssuedAgent: selfIssued.actors.agent.id!,
    clerkAndNotary: clerkAndNotary.id,
    appealJudge: appealJudge.id,
    judgeOfAnotherCourt: otherCourt.judge.id,
  };
}
