/**
 * A lawyer acts in a client's lawsuit only while a power of attorney from that client grants the
 * litigation power the act needs: filing (LIT_FILE), memos (LIT_SUBMIT_MEMOS), waiver (LIT_RECONCILE)…
 * Revocation, partial revocation, expiry and withdrawal cut access on the next request, and acts
 * record the power of attorney they relied on.
 */
import { DataSource } from 'typeorm';
import { RequestContextFactory } from '../src/access/context/request-context.factory';
import { JudgmentsService } from '../src/litigation/judgments/judgments.service';
import { AgencyService } from '../src/notarization/powers-of-attorney/agency.service';
import { PowerCode } from '../src/notarization/powers-of-attorney/powers';
import { courtWithStaff, CourtFixture, workingSlot } from './factories/courts';
import { lawsuitInput, serveJudgment } from './factories/lawsuits';
import { Citizen, registerCitizen } from './factories/people';
import { ISSUE, poaInput } from './factories/powers-of-attorney';
import { startApp, TestApp } from './harness';

const LAWYER = '1030507097';
const FILE =
  'mutation($i: FileLawsuitInput!) { fileLawsuit(input: $i) { id state parties { side nationalId representativeId powerOfAttorneyId } } }';
const SUBMIT = 'mutation($id: ID!) { submitLawsuit(id: $id) { id state } }';
const READ = 'query($id: ID!) { lawsuit(id: $id) { id state parties { side nationalId } } }';
const LIST = '{ lawsuits(first: 100) { edges { node { id } } } }';
const MEMO = 'mutation($i: SubmitMemoInput!) { submitMemo(input: $i) { id kind powerOfAttorneyId } }';
const WAIVE = 'mutation($id: ID!) { waiveClaim(lawsuitId: $id) { state } }';
const REVOKE = 'mutation($i: RevokePowerOfAttorneyInput!) { revokePowerOfAttorney(input: $i) { state } }';
const WITHDRAW = 'mutation($i: WithdrawFromPowerOfAttorneyInput!) { withdrawFromPowerOfAttorney(input: $i) { state } }';

describe('lawyers in lawsuits under powers of attorney', () => {
  let t: TestApp;
  let fx: CourtFixture;
  let officeId: string;
  let lawyer: string;
  let lawyerId: string;
  let week = 0;

  beforeAll(async () => {
    t = await startApp({ JWT_TTL_SECONDS: String(365 * 86_400) });
    fx = await courtWithStaff(t);
    officeId = (await t.ok('{ notaryOffices { id code } }')).notaryOffices.find((o: { code: string }) => o.code === 'RYD-NO1').id;
    lawyer = await t.token('lawyer');
    lawyerId = (await t.ok('{ me { id } }', {}, lawyer)).me.id;
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  async function poaFor(client: Citizen, powers: string[], overrides: Record<string, unknown> = {}): Promise<string> {
    return (
      await t.ok(
        ISSUE,
        { i: poaInput([client.nationalId], [LAWYER], { notaryOfficeId: officeId, powers, ...overrides }) },
        await t.token('notary'),
      )
    ).issuePowerOfAttorney.powerOfAttorney.id;
  }

  function filing(client: Citizen, poaId?: string) {
    return lawsuitInput(client.nationalId, { courtId: fx.court.id, city: undefined, ...(poaId ? { powerOfAttorneyId: poaId } : {}) });
  }

  /** The lawyer files and submits for the client; the clerk registers; a hearing puts it in hearings. */
  async function inHearings(client: Citizen, poaId: string): Promise<string> {
    const id = (await t.ok(FILE, { i: filing(client, poaId) }, lawyer)).fileLawsuit.id;
    await t.ok(SUBMIT, { id }, lawyer);
    await t.ok('mutation($i: ReviewLawsuitInput!) { reviewLawsuit(input: $i) { id } }', { i: { id, decision: 'ACCEPT' } }, fx.clerk.token);
    week += 1;
    await t.ok(
      'mutation($i: ScheduleHearingInput!) { scheduleHearing(input: $i) { id } }',
      {
        i: { lawsuitId: id, startsAt: workingSlot(7 * week + 2, 10).toISOString(), durationMinutes: 30, mode: 'IN_PERSON', room: 'Room 1' },
      },
      fx.clerk.token,
    );
    return id;
  }

  it('files for a client under a power of attorney, which the claimant party records', async () => {
    const client = await registerCitizen(t);
    const poaId = await poaFor(client, ['LIT_FILE', 'LIT_SUBMIT_MEMOS']);
    const filed = (await t.ok(FILE, { i: filing(client, poaId) }, lawyer)).fileLawsuit;
    expect(filed.state).toBe('DRAFT');
    const claimant = filed.parties.find((p: { side: string }) => p.side === 'CLAIMANT');
    expect(claimant).toMatchObject({ nationalId: client.nationalId, representativeId: lawyerId, powerOfAttorneyId: poaId });
    expect((await t.ok(SUBMIT, { id: filed.id }, lawyer)).submitLawsuit.state).toBe('SUBMITTED');
    expect((await t.ok(READ, { id: filed.id }, client.token)).lawsuit.state).toBe('SUBMITTED');
    expect((await t.ok(LIST, {}, lawyer)).lawsuits.edges.map((e: any) => e.node.id)).toContain(filed.id);

    // Without naming the power of attorney, or for someone who gave none, the filing is refused.
    const unnamed = await t.gql(FILE, { i: filing(client) }, lawyer);
    expect(unnamed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.claimants' }] });
    const stranger = await registerCitizen(t);
    expect(await t.code(FILE, { i: filing(stranger, poaId) }, lawyer)).toBe('FORBIDDEN');
    // Real-estate powers only: no filing, and the client's cases stay invisible.
    const other = await registerCitizen(t);
    const realEstate = await poaFor(other, ['RE_SELL']);
    expect(await t.code(FILE, { i: filing(other, realEstate) }, lawyer)).toBe('FORBIDDEN');
  });

  it('acts with the powers granted and records the power of attorney; is refused a power not granted', async () => {
    const client = await registerCitizen(t);
    const poaId = await poaFor(client, ['LIT_FILE', 'LIT_SUBMIT_MEMOS']);
    const id = await inHearings(client, poaId);
    const memo = (await t.ok(MEMO, { i: { lawsuitId: id, body: 'مذكرة من وكيل المدعي — memo by counsel' } }, lawyer)).submitMemo;
    expect(memo.powerOfAttorneyId).toBe(poaId);
    const [row] = await t.app.get(DataSource).query('SELECT submitted_by, power_of_attorney_id FROM memos WHERE id = $1', [memo.id]);
    expect(row).toEqual({ submitted_by: lawyerId, power_of_attorney_id: poaId });
    // Waiving the claim needs LIT_RECONCILE, which was not granted.
    expect(await t.code(WAIVE, { id }, lawyer)).toBe('FORBIDDEN');
  });

  it('registers attendance at a remote hearing for the client with the power to attend, recording the power of attorney', async () => {
    const client = await registerCitizen(t);
    const poaId = await poaFor(client, ['LIT_FILE', 'LIT_ATTEND']);
    const id = (await t.ok(FILE, { i: filing(client, poaId) }, lawyer)).fileLawsuit.id;
    await t.ok(SUBMIT, { id }, lawyer);
    await t.ok('mutation($i: ReviewLawsuitInput!) { reviewLawsuit(input: $i) { id } }', { i: { id, decision: 'ACCEPT' } }, fx.clerk.token);
    week += 1;
    const at = workingSlot(7 * week + 2, 11);
    const link = 'https://meet.adl.test/poa-attendance';
    const hearingId = (
      await t.ok(
        'mutation($i: ScheduleHearingInput!) { scheduleHearing(input: $i) { id } }',
        { i: { lawsuitId: id, startsAt: at.toISOString(), durationMinutes: 30, mode: 'REMOTE', meetingLink: link } },
        fx.clerk.token,
      )
    ).scheduleHearing.id;
    t.clock.set(new Date(at.getTime() - 10 * 60_000));
    const ATTEND =
      'mutation($id: ID!) { registerHearingAttendance(hearingId: $id) { meetingLink attendance { partyId powerOfAttorneyId } } }';
    const attended = (await t.ok(ATTEND, { id: hearingId }, lawyer)).registerHearingAttendance;
    expect(attended.meetingLink).toBe(link);
    expect(attended.attendance).toEqual([expect.objectContaining({ powerOfAttorneyId: poaId })]);

    // A lawyer whose power of attorney from this client does not include attending is refused.
    const other = await registerCitizen(t);
    t.clock.reset();
    const memosOnly = await poaFor(other, ['LIT_FILE', 'LIT_SUBMIT_MEMOS']);
    const otherId = (await t.ok(FILE, { i: filing(other, memosOnly) }, lawyer)).fileLawsuit.id;
    await t.ok(SUBMIT, { id: otherId }, lawyer);
    await t.ok(
      'mutation($i: ReviewLawsuitInput!) { reviewLawsuit(input: $i) { id } }',
      { i: { id: otherId, decision: 'ACCEPT' } },
      fx.clerk.token,
    );
    week += 1;
    const later = workingSlot(7 * week + 2, 11);
    const otherHearing = (
      await t.ok(
        'mutation($i: ScheduleHearingInput!) { scheduleHearing(input: $i) { id } }',
        { i: { lawsuitId: otherId, startsAt: later.toISOString(), durationMinutes: 30, mode: 'REMOTE', meetingLink: link } },
        fx.clerk.token,
      )
    ).scheduleHearing.id;
    t.clock.set(new Date(later.getTime() - 10 * 60_000));
    expect(await t.code(ATTEND, { id: otherHearing }, lawyer)).toBe('FORBIDDEN');
  });

  it('is refused at once after the client revokes: reads, acts and lists', async () => {
    const client = await registerCitizen(t);
    const poaId = await poaFor(client, ['LIT_FILE', 'LIT_SUBMIT_MEMOS']);
    const id = await inHearings(client, poaId);
    expect((await t.ok(READ, { id }, lawyer)).lawsuit.id).toBe(id);
    await t.ok(REVOKE, { i: { id: poaId, reason: 'changed counsel' } }, client.token);
    expect(await t.code(READ, { id }, lawyer)).toBe('POWER_OF_ATTORNEY_INACTIVE');
    expect(await t.code(MEMO, { i: { lawsuitId: id, body: 'too late to file this memo' } }, lawyer)).toBe('POWER_OF_ATTORNEY_INACTIVE');
    expect(await t.code(FILE, { i: filing(client, poaId) }, lawyer)).toBe('POWER_OF_ATTORNEY_INACTIVE');
    expect((await t.ok(LIST, {}, lawyer)).lawsuits.edges.map((e: any) => e.node.id)).not.toContain(id);
    // The client still reads their case.
    expect((await t.ok(READ, { id }, client.token)).lawsuit.id).toBe(id);
  });

  it('a partly revoked power stops that act only; expiry and withdrawal stop everything', async () => {
    const client = await registerCitizen(t);
    const poaId = await poaFor(client, ['LIT_FILE', 'LIT_SUBMIT_MEMOS'], { validTo: new Date(Date.now() + 60 * 86_400_000).toISOString() });
    const id = await inHearings(client, poaId);
    await t.ok(REVOKE, { i: { id: poaId, reason: 'I write my own memos', powers: ['LIT_SUBMIT_MEMOS'] } }, client.token);
    expect(await t.code(MEMO, { i: { lawsuitId: id, body: 'a memo not allowed any more' } }, lawyer)).toBe('POWER_OF_ATTORNEY_INACTIVE');
    expect((await t.ok(READ, { id }, lawyer)).lawsuit.id).toBe(id);

    t.clock.advance(61 * 86_400_000);
    expect(await t.code(READ, { id }, lawyer)).toBe('POWER_OF_ATTORNEY_INACTIVE');
    t.clock.reset();

    const second = await registerCitizen(t);
    const poa2 = await poaFor(second, ['LIT_FILE']);
    const draft = (await t.ok(FILE, { i: filing(second, poa2) }, lawyer)).fileLawsuit.id;
    await t.ok(WITHDRAW, { i: { id: poa2, reason: 'stepping down' } }, lawyer);
    expect(await t.code(SUBMIT, { id: draft }, lawyer)).toBe('POWER_OF_ATTORNEY_INACTIVE');
  });

  it('objects and requests execution for the client with those powers, recording the power of attorney', async () => {
    const client = await registerCitizen(t);
    const defendant = await registerCitizen(t);
    const poaId = await poaFor(client, ['LIT_FILE', 'LIT_OBJECT_APPEAL']);
    const input = {
      ...filing(client, poaId),
      defendants: [{ kind: 'PERSON', nationalId: defendant.nationalId, nameAr: 'المدعى عليه', nameEn: 'Defendant' }],
    };
    const judged = async (inFavourOf: string) => {
      const id = (await t.ok(FILE, { i: input }, lawyer)).fileLawsuit.id;
      await t.ok(SUBMIT, { id }, lawyer);
      await t.ok(
        'mutation($i: ReviewLawsuitInput!) { reviewLawsuit(input: $i) { id } }',
        { i: { id, decision: 'ACCEPT' } },
        fx.clerk.token,
      );
      week += 1;
      const at = workingSlot(7 * week + 2, 9);
      const hearingId = (
        await t.ok(
          'mutation($i: ScheduleHearingInput!) { scheduleHearing(input: $i) { id } }',
          { i: { lawsuitId: id, startsAt: at.toISOString(), durationMinutes: 30, mode: 'IN_PERSON', room: 'Room 1' } },
          fx.clerk.token,
        )
      ).scheduleHearing.id;
      t.clock.set(new Date(at.getTime() + 10 * 60_000));
      await t.ok(
        'mutation($i: RecordMinutesInput!) { recordHearingMinutes(input: $i) { state } }',
        { i: { hearingId, minutes: 'حضر الطرفان — both parties attended', attendance: [] } },
        fx.judge.token,
      );
      await t.ok(
        'mutation($i: IssueJudgmentInput!) { issueJudgment(input: $i) { id } }',
        {
          i: {
            lawsuitId: id,
            ruling: 'حكمت المحكمة — the court rules',
            summary: 'ملخص الحكم — summary of the ruling',
            reasoning: 'أسباب الحكم — reasons of the ruling',
            amountAwarded: 1000,
            inFavourOf,
          },
        },
        fx.judge.token,
      );
      return id;
    };

    const lost = await judged('DEFENDANT');
    const objection = (
      await t.ok(
        'mutation($i: FileObjectionInput!) { fileObjection(input: $i) { id powerOfAttorneyId } }',
        { i: { lawsuitId: lost, reasons: 'أسباب الاعتراض — the debt was proven' } },
        lawyer,
      )
    ).fileObjection;
    expect(objection.powerOfAttorneyId).toBe(poaId);

    // Execution needs LIT_REQUEST_EXECUTION, not granted here.
    const won = await judged('CLAIMANT');
    await serveJudgment(t, won, [client, defendant]);
    t.clock.advance(31 * 86_400_000);
    await t.app.get(JudgmentsService).finalizeExpired(t.app.get(RequestContextFactory).forActor('finalize', null));
    const EXECUTE = 'mutation($id: ID!) { requestExecution(lawsuitId: $id) { id powerOfAttorneyId } }';
    expect(await t.code(EXECUTE, { id: won }, lawyer)).toBe('FORBIDDEN');
    t.clock.reset();
    const more = await poaFor(client, ['LIT_REQUEST_EXECUTION']);
    t.clock.advance(120 * 86_400_000);
    const execution = (await t.ok(EXECUTE, { id: won }, lawyer)).requestExecution;
    expect(execution.powerOfAttorneyId).toBe(more);
  });

  it('answers other modules: the active power of attorney, or why not', async () => {
    const client = await registerCitizen(t);
    const poaId = await poaFor(client, ['RE_SELL', 'LIT_FILE']);
    const agency = t.app.get(AgencyService);
    const ctx = t.app.get(RequestContextFactory).forActor('agency-test', null);
    const q = { agentNationalId: (await t.ok('{ me { nationalId } }', {}, lawyer)).me.nationalId, principalNationalId: client.nationalId };
    await expect(agency.requireAgency(ctx, { ...q, power: PowerCode.RE_SELL })).resolves.toEqual({ powerOfAttorneyId: poaId });
    await expect(agency.requireAgency(ctx, { ...q, power: PowerCode.VEH_SELL })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await t.ok(REVOKE, { i: { id: poaId, reason: 'the sale is off', powers: ['RE_SELL'] } }, client.token);
    await expect(agency.requireAgency(ctx, { ...q, power: PowerCode.RE_SELL })).rejects.toMatchObject({
      code: 'POWER_OF_ATTORNEY_INACTIVE',
    });
    await expect(agency.requireAgency(ctx, { ...q, power: PowerCode.LIT_FILE })).resolves.toEqual({ powerOfAttorneyId: poaId });
  });
});
