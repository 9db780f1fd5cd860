/**
 * A lawyer acts in a client's lawsuit only while a power of attorney from that client grants the
 * litigation power the act needs: filing (LIT_FILE), memos (LIT_SUBMIT_MEMOS), waiver (LIT_RECONCILE)…
 * Revocation, partial revocation, expiry and withdrawal cut access on the next request, and acts
 * record the power of attorney they relied on.
 */
import { payFilingFee } from './factories/fees';
import { DataSource } from 'typeorm';
import { RequestContextFactory } from '../src/access/context/request-context.factory';
import { AgencyService } from '../src/notarization/powers-of-attorney/agency.service';
import { PowerCode } from '../src/notarization/powers-of-attorney/powers';
import { lawsuitInput } from './factories/lawsuits';
import { registerCitizen } from './factories/people';
import { startApp, TestApp } from './harness';
import type { PoaOptions } from './scenario/notarization';
import type { Person } from './scenario/people';
import { scenario } from './scenario/scenario';

type Powers = NonNullable<PoaOptions['powers']>;

const FILE =
  'mutation($i: FileLawsuitInput!) { fileLawsuit(input: $i) { id state parties { side nationalId representativeId powerOfAttorneyId } } }';
const SUBMIT = 'mutation($id: ID!) { submitLawsuit(id: $id) { id state } }';
const READ = 'query($id: ID!) { lawsuit(id: $id) { id state parties { side nationalId } } }';
const LIST = '{ lawsuits(first: 100) { edges { node { id } } } }';
const MEMO = 'mutation($i: SubmitMemoInput!) { submitMemo(input: $i) { id kind powerOfAttorneyId } }';
const WAIVE = 'mutation($id: ID!) { waiveClaim(lawsuitId: $id) { state } }';
const ATTEND = 'mutation($id: ID!) { registerHearingAttendance(hearingId: $id) { meetingLink attendance { partyId powerOfAttorneyId } } }';

describe('lawyers in lawsuits under powers of attorney', () => {
  let t: TestApp;
  let courtId: string;
  let lawyer: string;
  let lawyerId: string;
  /** The seeded lawyer, as the agent of the scenarios. */
  let counsel: Person;

  beforeAll(async () => {
    t = await startApp({ JWT_TTL_SECONDS: String(365 * 86_400) });
    lawyer = await t.token('lawyer');
    lawyerId = (await t.ok('{ me { id } }', {}, lawyer)).me.id;
    const s = await scenario(t.app).court().agent({ id: lawyerId });
    courtId = s.courtId;
    counsel = s.actors.agent;
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  /** A client who has just registered. */
  async function newClient(): Promise<Person> {
    return (await scenario(t.app).principal()).actors.principal;
  }

  /** The client appoints the lawyer for `powers`, before a notary of RYD-NO1. */
  function poaFor(client: Person, powers: Powers, options: PoaOptions = {}) {
    return scenario(t.app)
      .principal(client)
      .agent(counsel)
      .poa({ powers, ...options })
      .poaIssuedByNotary();
  }

  /** The lawyer files a case for the client (a draft) under a power of attorney the client gives now. */
  function filedByLawyer(client: Person, powers: Powers, options: PoaOptions = {}, defendant?: Person) {
    return poaFor(client, powers, options)
      .court()
      .claimant(client)
      .defendant(defendant ?? { account: false })
      .lawsuit({ byAgent: true });
  }

  function filing(client: { nationalId: string }, poaId?: string) {
    return lawsuitInput(client.nationalId, { courtId, city: undefined, ...(poaId ? { powerOfAttorneyId: poaId } : {}) });
  }

  it('files for a client under a power of attorney, which the claimant party records', async () => {
    const client = await newClient();
    const { poaId } = await poaFor(client, ['LIT_FILE', 'LIT_SUBMIT_MEMOS']);
    const filed = (await t.ok(FILE, { i: filing(client, poaId) }, lawyer)).fileLawsuit;
    expect(filed.state).toBe('DRAFT');
    const claimant = filed.parties.find((p: { side: string }) => p.side === 'CLAIMANT');
    expect(claimant).toMatchObject({ nationalId: client.nationalId, representativeId: lawyerId, powerOfAttorneyId: poaId });
    // The lawyer who filed pays the court fee.
    expect((await t.ok(SUBMIT, { id: filed.id }, lawyer)).submitLawsuit.state).toBe('AWAITING_PAYMENT');
    expect(await payFilingFee(t, filed.id, lawyer)).toBe('SUBMITTED');
    expect((await t.ok(READ, { id: filed.id }, client.token)).lawsuit.state).toBe('SUBMITTED');
    expect((await t.ok(LIST, {}, lawyer)).lawsuits.edges.map((e: any) => e.node.id)).toContain(filed.id);

    // Without naming the power of attorney, or for someone who gave none, the filing is refused.
    const unnamed = await t.gql(FILE, { i: filing(client) }, lawyer);
    expect(unnamed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.claimants' }] });
    const stranger = await registerCitizen(t);
    expect(await t.code(FILE, { i: filing(stranger, poaId) }, lawyer)).toBe('FORBIDDEN');
    // Real-estate powers only: no filing, and the client's cases stay invisible.
    const other = await newClient();
    const realEstate = (await poaFor(other, ['RE_SELL'])).poaId;
    expect(await t.code(FILE, { i: filing(other, realEstate) }, lawyer)).toBe('FORBIDDEN');
  });

  it('acts with the powers granted and records the power of attorney; is refused a power not granted', async () => {
    const { lawsuitId: id, poaId } = await filedByLawyer(await newClient(), ['LIT_FILE', 'LIT_SUBMIT_MEMOS']).hearingScheduled();
    const memo = (await t.ok(MEMO, { i: { lawsuitId: id, body: 'مذكرة من وكيل المدعي — memo by counsel' } }, lawyer)).submitMemo;
    expect(memo.powerOfAttorneyId).toBe(poaId);
    const [row] = await t.app.get(DataSource).query('SELECT submitted_by, power_of_attorney_id FROM memos WHERE id = $1', [memo.id]);
    expect(row).toEqual({ submitted_by: lawyerId, power_of_attorney_id: poaId });
    // Waiving the claim needs LIT_RECONCILE, which was not granted.
    expect(await t.code(WAIVE, { id }, lawyer)).toBe('FORBIDDEN');
  });

  it('registers attendance at a remote hearing for the client with the power to attend, recording the power of attorney', async () => {
    const link = 'https://meet.adl.test/poa-attendance';
    const s = await filedByLawyer(await newClient(), ['LIT_FILE', 'LIT_ATTEND']).hearingScheduled({ remote: true, meetingLink: link });
    t.clock.set(new Date(s.hearingAt.getTime() - 10 * 60_000));
    const attended = (await t.ok(ATTEND, { id: s.hearingId }, lawyer)).registerHearingAttendance;
    expect(attended.meetingLink).toBe(link);
    expect(attended.attendance).toEqual([expect.objectContaining({ powerOfAttorneyId: s.poaId })]);

    // A lawyer whose power of attorney from this client does not include attending is refused.
    t.clock.reset();
    const other = await filedByLawyer(await newClient(), ['LIT_FILE', 'LIT_SUBMIT_MEMOS']).hearingScheduled({
      remote: true,
      meetingLink: link,
    });
    t.clock.set(new Date(other.hearingAt.getTime() - 10 * 60_000));
    expect(await t.code(ATTEND, { id: other.hearingId }, lawyer)).toBe('FORBIDDEN');
  });

  it('is refused at once after the client revokes: reads, acts and lists', async () => {
    const client = await newClient();
    const s = await filedByLawyer(client, ['LIT_FILE', 'LIT_SUBMIT_MEMOS']).hearingScheduled();
    const id = s.lawsuitId;
    expect((await t.ok(READ, { id }, lawyer)).lawsuit.id).toBe(id);
    await s.poaRevoked({ reason: 'changed counsel' });
    expect(await t.code(READ, { id }, lawyer)).toBe('POWER_OF_ATTORNEY_INACTIVE');
    expect(await t.code(MEMO, { i: { lawsuitId: id, body: 'too late to file this memo' } }, lawyer)).toBe('POWER_OF_ATTORNEY_INACTIVE');
    expect(await t.code(FILE, { i: filing(client, s.poaId) }, lawyer)).toBe('POWER_OF_ATTORNEY_INACTIVE');
    expect((await t.ok(LIST, {}, lawyer)).lawsuits.edges.map((e: any) => e.node.id)).not.toContain(id);
    // The client still reads their case.
    expect((await t.ok(READ, { id }, client.token)).lawsuit.id).toBe(id);
  });

  it('a partly revoked power stops that act only; expiry and withdrawal stop everything', async () => {
    const validTo = new Date(Date.now() + 60 * 86_400_000);
    const s = await filedByLawyer(await newClient(), ['LIT_FILE', 'LIT_SUBMIT_MEMOS'], { validTo }).hearingScheduled();
    const id = s.lawsuitId;
    await s.poaRevoked({ reason: 'I write my own memos', powers: ['LIT_SUBMIT_MEMOS'] });
    expect(await t.code(MEMO, { i: { lawsuitId: id, body: 'a memo not allowed any more' } }, lawyer)).toBe('POWER_OF_ATTORNEY_INACTIVE');
    expect((await t.ok(READ, { id }, lawyer)).lawsuit.id).toBe(id);

    t.clock.advance(61 * 86_400_000);
    expect(await t.code(READ, { id }, lawyer)).toBe('POWER_OF_ATTORNEY_INACTIVE');
    t.clock.reset();

    const draft = await filedByLawyer(await newClient(), ['LIT_FILE']);
    await draft.poaWithdrawn('stepping down');
    expect(await t.code(SUBMIT, { id: draft.lawsuitId }, lawyer)).toBe('POWER_OF_ATTORNEY_INACTIVE');
  });

  it('objects and requests execution for the client with those powers, recording the power of attorney', async () => {
    const client = await newClient();
    const defendant = (await scenario(t.app).defendant()).actors.defendant;
    // Each case is filed under a power of attorney given for it; the one for the second case is issued
    // after the objection, so the objection can only rely on the first.
    const judged = (inFavourOf: 'CLAIMANT' | 'DEFENDANT') =>
      filedByLawyer(client, ['LIT_FILE', 'LIT_OBJECT_APPEAL'], {}, defendant).judgmentIssued({ inFavourOf, amountAwarded: 1000 });

    const lost = await judged('DEFENDANT');
    const objection = (
      await t.ok(
        'mutation($i: FileObjectionInput!) { fileObjection(input: $i) { id powerOfAttorneyId } }',
        { i: { lawsuitId: lost.lawsuitId, reasons: 'أسباب الاعتراض — the debt was proven' } },
        lawyer,
      )
    ).fileObjection;
    expect(objection.powerOfAttorneyId).toBe(lost.poaId);

    // Execution needs LIT_REQUEST_EXECUTION, not granted here.
    const won = (await judged('CLAIMANT').final()).lawsuitId;
    const EXECUTE = 'mutation($id: ID!) { requestExecution(lawsuitId: $id) { id powerOfAttorneyId } }';
    expect(await t.code(EXECUTE, { id: won }, lawyer)).toBe('FORBIDDEN');
    t.clock.reset();
    const more = (await poaFor(client, ['LIT_REQUEST_EXECUTION'])).poaId;
    t.clock.advance(120 * 86_400_000);
    const execution = (await t.ok(EXECUTE, { id: won }, lawyer)).requestExecution;
    expect(execution.powerOfAttorneyId).toBe(more);
  });

  it('answers other modules: the active power of attorney, or why not', async () => {
    const client = await newClient();
    const s = await poaFor(client, ['RE_SELL', 'LIT_FILE']);
    const agency = t.app.get(AgencyService);
    const ctx = t.app.get(RequestContextFactory).forActor('agency-test', null);
    const q = { agentNationalId: (await t.ok('{ me { nationalId } }', {}, lawyer)).me.nationalId, principalNationalId: client.nationalId };
    await expect(agency.requireAgency(ctx, { ...q, power: PowerCode.RE_SELL })).resolves.toEqual({ powerOfAttorneyId: s.poaId });
    await expect(agency.requireAgency(ctx, { ...q, power: PowerCode.VEH_SELL })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await s.poaRevoked({ reason: 'the sale is off', powers: ['RE_SELL'] });
    await expect(agency.requireAgency(ctx, { ...q, power: PowerCode.RE_SELL })).rejects.toMatchObject({
      code: 'POWER_OF_ATTORNEY_INACTIVE',
    });
    await expect(agency.requireAgency(ctx, { ...q, power: PowerCode.LIT_FILE })).resolves.toEqual({ powerOfAttorneyId: s.poaId });
  });
});
