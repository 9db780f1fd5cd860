/**
 * Records of every subject the rules look at, in the states and relations that make each access
 * fact vary (drafts and registered cases, sealed ones with and without a presiding judge, judgments
 * upheld, objected to and overturned on appeal, organizations as parties, a lawyer's filing for a
 * client, contracts drafted by a notary and by a party, powers of attorney in force and revoked),
 * and the people who act on them. Built through the public API.
 */
import { courtWithStaff, workingSlot } from './courts';
import { DRAFT, finalJudgment, officeId, person as contractParty, saleInput, signer, SUBMIT } from './contracts';
import { lawsuitInput, serveJudgment } from './lawsuits';
import { Citizen, nationalId, registerCitizen, uniqueCode } from './people';
import { freshCode, ISSUE, poaInput, twoFactorCitizen } from './powers-of-attorney';
import type { TestApp } from '../harness';

const LAWYER = '1030507097';
const PASSWORD = 'Staff-Pass-2026';
const FILE = 'mutation($i: FileLawsuitInput!) { fileLawsuit(input: $i) { id } }';
const SUBMIT_LAWSUIT = 'mutation($id: ID!) { submitLawsuit(id: $id) { id } }';
const REVIEW = 'mutation($i: ReviewLawsuitInput!) { reviewLawsuit(input: $i) { id } }';
const SCHEDULE = 'mutation($i: ScheduleHearingInput!) { scheduleHearing(input: $i) { id } }';
const OBJECT = 'mutation($i: FileObjectionInput!) { fileObjection(input: $i) { id } }';
const DECIDE = 'mutation($i: DecideAppealInput!) { decideAppeal(input: $i) { id } }';
const REVOKE = 'mutation($i: RevokePowerOfAttorneyInput!) { revokePowerOfAttorney(input: $i) { state } }';
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
  const notary = await t.token('notary');
  const office = await officeId(t);
  const fx = await courtWithStaff(t);
  const claimant = await signer(t, 'Access Claimant');
  const defendant = await signer(t, 'Access Defendant');

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
  await t.ok(
    'mutation($i: CreateOfficeInput!) { createProsecutionOffice(input: $i) { id } }',
    { i: officeInput('Second Prosecution') },
    admin,
  );
  const office2 = (
    await t.ok('mutation($i: CreateOfficeInput!) { createNotaryOffice(input: $i) { id } }', { i: officeInput('Second Notary') }, admin)
  ).createNotaryOffice.id as string;
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
  const client = await registerCitizen(t);
  const lawyersPoa = await issuedByNotary(t, notary, office, client.nationalId, LAWYER, [
    'LIT_FILE',
    'LIT_ATTEND',
    'LIT_SUBMIT_MEMOS',
    'LIT_OBJECT_APPEAL',
  ]);
  const endedAgent = await registerCitizen(t);
  const ended = await issuedByNotary(t, notary, office, claimant.nationalId, endedAgent.nationalId, ['LIT_ATTEND', 'LIT_PLEAD']);
  await t.ok(REVOKE, { i: { id: ended, reason: 'changed counsel' } }, claimant.token);
  const principal = await twoFactorCitizen(t);
  const selfAgent = await registerCitizen(t);
  await t.ok(
    ISSUE,
    { i: poaInput([principal.nationalId], [selfAgent.nationalId], { canDelegate: true, otp: await freshCode(t, principal.secret) }) },
    principal.token,
  );

  // Contracts: drafted by a notary (one with an organization signing through the defendant), and by a party.
  const sale = (await t.ok(DRAFT, { i: saleInput(office, claimant.nationalId, nationalId()) }, notary)).draftContract.id;
  await t.ok(SUBMIT, { id: sale }, notary);
  const withOrganization = saleInput(office, claimant.nationalId, claimant.nationalId, {
    parties: [
      contractParty('SELLER', nationalId()),
      {
        role: 'BUYER',
        kind: 'ORGANIZATION',
        organizationNumber: '1010123456',
        signatoryNationalId: defendant.nationalId,
        nameAr: 'شركة',
        nameEn: 'Co.',
      },
    ],
  });
  await t.ok(DRAFT, { i: withOrganization }, notary);
  await t.ok(DRAFT, { i: saleInput(office, claimant.nationalId, defendant.nationalId) }, claimant.token);
  await t.ok(DRAFT, { i: saleInput(office2, defendant.nationalId, nationalId()) }, defendant.token);

  // Lawsuits before the clock moves: a draft, a submitted one against an organization, a lawyer's for a client, a criminal case.
  const fileAs = async (token: string, overrides: Record<string, unknown>, submit = true): Promise<string> => {
    const id = (await t.ok(FILE, { i: lawsuitInput(claimant.nationalId, { courtId: fx.court.id, city: undefined, ...overrides }) }, token))
      .fileLawsuit.id as string;
    if (submit) await t.ok(SUBMIT_LAWSUIT, { id }, token);
    return id;
  };
  const against = (who: Citizen) => ({
    defendants: [{ kind: 'PERSON', nationalId: who.nationalId, nameAr: 'مدعى عليه', nameEn: 'Defendant' }],
  });
  await fileAs(claimant.token, against(defendant), false);
  await fileAs(claimant.token, {
    defendants: [{ kind: 'ORGANIZATION', organizationNumber: '7001234567', nameAr: 'شركة', nameEn: 'Company' }],
  });
  // The defendant of the other cases sues the claimant: each stands on both sides.
  const counterclaim = lawsuitInput(defendant.nationalId, { courtId: fx.court.id, city: undefined, ...against(claimant) });
  await t.ok(SUBMIT_LAWSUIT, { id: (await t.ok(FILE, { i: counterclaim }, defendant.token)).fileLawsuit.id }, defendant.token);
  const lawyer = await t.token('lawyer');
  await t.ok(
    SUBMIT_LAWSUIT,
    {
      id: (
        await t.ok(
          FILE,
          {
            i: lawsuitInput(client.nationalId, {
              courtId: fx.court.id,
              city: undefined,
              powerOfAttorneyId: lawyersPoa,
              ...against(defendant),
            }),
          },
          lawyer,
        )
      ).fileLawsuit.id,
    },
    lawyer,
  );
  const prosecutor = await t.token('prosecutor');
  const criminal = lawsuitInput('1080808080', {
    category: 'CRIMINAL',
    claimants: [{ kind: 'ORGANIZATION', organizationNumber: 'PP-RYD-01', nameAr: 'النيابة العامة', nameEn: 'Public Prosecution' }],
    claims: [{ description: 'إيقاع العقوبة — impose the penalty' }],
  });
  await t.ok(SUBMIT_LAWSUIT, { id: (await t.ok(FILE, { i: criminal }, prosecutor)).fileLawsuit.id }, prosecutor);

  // Registered, sealed without a hearing, and sealed with a hearing the circuit's judge presides over.
  const registered = async (sealed: boolean): Promise<string> => {
    const id = await fileAs(claimant.token, { sealed, ...against(defendant) });
    await t.ok(REVIEW, { i: { id, decision: 'ACCEPT' } }, fx.clerk.token);
    return id;
  };
  await registered(false);
  await registered(true);
  const sealedHeard = await registered(true);
  await t.ok(
    SCHEDULE,
    {
      i: {
        lawsuitId: sealedHeard,
        startsAt: workingSlot(3, 11, 0, t.clock.now()).toISOString(),
        durationMinutes: 30,
        mode: 'IN_PERSON',
        room: 'Room 2',
      },
    },
    fx.clerk.token,
  );

  // Judgments: final; objected to and pending before the court's appeal court; in another court,
  // overturned on appeal (the other side wins).
  await finalJudgment(t, fx, claimant, defendant);
  const pending = await finalJudgment(t, fx, claimant, defendant, { final: false });
  await objectTo(t, pending.lawsuitId, defendant);
  const overturned = await finalJudgment(t, otherCourt, claimant, defendant, { final: false });
  await objectTo(t, overturned.lawsuitId, defendant);
  const decision = { lawsuitId: overturned.lawsuitId, decision: 'OVERTURN', reasoning: 'نقض — overturned' };
  await t.ok(DECIDE, { i: decision }, await t.token('appealJudge'));

  // A second judge of the circuit, seated after every hearing was set: they preside over none.
  const judgeOfCircuit = (await staff('Access Second Judge', [{ role: 'JUDGE', circuitId: fx.circuitId }])).id;
  t.clock.reset();
  return {
    claimant: claimant.id,
    defendant: defendant.id,
    presidingJudge: fx.judge.id,
    judgeOfCircuit,
    clerk: fx.clerk.id,
    courtAdmin: courtAdmin.id,
    lawyersClient: client.id,
    agentOfEndedPower: endedAgent.id,
    selfIssuedAgent: selfAgent.id,
    clerkAndNotary: clerkAndNotary.id,
    appealJudge: appealJudge.id,
    judgeOfAnotherCourt: otherCourt.judge.id,
  };
}

async function issuedByNotary(
  t: TestApp,
  notary: string,
  office: string,
  principal: string,
  agent: string,
  powers: string[],
): Promise<string> {
  return (await t.ok(ISSUE, { i: poaInput([principal], [agent], { notaryOfficeId: office, powers }) }, notary)).issuePowerOfAttorney
    .powerOfAttorney.id;
}

/** The party is served (opens the judgment's notice) and objects. */
async function objectTo(t: TestApp, lawsuitId: string, party: Citizen): Promise<void> {
  await serveJudgment(t, lawsuitId, [party]);
  await t.ok(OBJECT, { i: { lawsuitId, reasons: 'لم يثبت الدين — the debt is not proven' } }, party.token);
}
