/**
 * The scenario builder reaches every state of each lifecycle through the services, in one chain,
 * and only the steps not yet run: what the other specs build on.
 */
import { AuditService } from '../../src/audit/audit.service';
import { TokenService } from '../../src/identity/tokens';
import { JudgmentsService } from '../../src/litigation/judgments/judgments.service';
import { PartySide } from '../../src/litigation/lawsuits/lawsuit.enums';
import type { Person } from '../scenario/people';
import { Chain, scenario, Scenario } from '../scenario/scenario';
import { Medium, startMedium } from './medium';

describe('the scenario builder', () => {
  let m: Medium;
  /** One claimant and one defendant for the table of lawsuit states (people with many cases). */
  let alice: Person;
  let bob: Person;

  beforeAll(async () => {
    m = await startMedium();
    ({ claimant: alice, defendant: bob } = (await scenario(m).claimant().defendant()).actors);
  });
  afterAll(() => m?.close());
  afterEach(() => m.clock.reset());

  const state = async (table: string, id: string): Promise<string> =>
    (await m.db.query<{ state: string }[]>(`SELECT state FROM ${table} WHERE id = $1`, [id]))[0].state;
  const hearings = async (lawsuitId: string): Promise<string[]> =>
    (await m.db.query<{ state: string }[]>('SELECT state FROM hearings WHERE lawsuit_id = $1 ORDER BY created_at', [lawsuitId])).map(
      (h) => h.state,
    );
  const between = () => scenario(m).claimant(alice).defendant(bob);

  const LAWSUIT_STATES: [string, string, string[], (c: Chain) => Chain][] = [
    ['lawsuit', 'DRAFT', [], (c) => c.lawsuit()],
    ['submitted', 'SUBMITTED', [], (c) => c.submitted()],
    ['returned', 'RETURNED', [], (c) => c.returned()],
    ['rejected', 'REJECTED', [], (c) => c.rejected()],
    ['registered', 'REGISTERED', [], (c) => c.registered()],
    ['hearingScheduled', 'IN_HEARINGS', ['SCHEDULED'], (c) => c.hearingScheduled()],
    ['hearingPostponed', 'IN_HEARINGS', ['POSTPONED', 'SCHEDULED'], (c) => c.hearingPostponed()],
    ['hearingCancelled', 'IN_HEARINGS', ['CANCELLED'], (c) => c.hearingCancelled()],
    ['hearingHeld', 'IN_HEARINGS', ['HELD'], (c) => c.hearingHeld()],
    ['struckOff', 'STRUCK_OFF', ['HELD'], (c) => c.struckOff()],
    ['resumed', 'IN_HEARINGS', ['HELD'], (c) => c.resumed()],
    ['waived', 'WITHDRAWN', [], (c) => c.waived()],
    ['waiverPending', 'REGISTERED', [], (c) => c.waiverPending()],
    ['withdrawn', 'WITHDRAWN', [], (c) => c.withdrawn()],
    ['settled', 'SETTLED', [], (c) => c.settled()],
    ['judgmentIssued', 'JUDGMENT_ISSUED', ['HELD'], (c) => c.judgmentIssued()],
    ['served', 'JUDGMENT_ISSUED', ['HELD'], (c) => c.served()],
    ['objected', 'OBJECTED', ['HELD'], (c) => c.objected()],
    ['appealDecided', 'FINAL', ['HELD'], (c) => c.appealDecided()],
    ['final', 'FINAL', ['HELD'], (c) => c.final()],
    ['executionRequested', 'EXECUTION_REQUESTED', ['HELD'], (c) => c.executionRequested()],
  ];

  it.each(LAWSUIT_STATES)('.%s() alone brings a new case to %s', async (_name, expected, hearingStates, step) => {
    const s = await step(between().lawsuit());
    expect(await state('lawsuits', s.lawsuitId)).toBe(expected);
    expect(await hearings(s.lawsuitId)).toEqual(hearingStates);
  });

  it('runs only the steps not yet run, so an awaited scenario can be taken further', async () => {
    const s = await between().registered();
    const { lawsuitId, caseNumber } = s;
    expect(caseNumber).toMatch(/^\d{4}-S/);
    // Registered again: nothing happens (a second review would be refused).
    await s.submitted().registered();
    await s.hearingHeld();
    const held = s.hearingId;
    await s.judgmentIssued({ inFavourOf: 'DEFENDANT' }).served().final();
    expect(s).toMatchObject({ lawsuitId, hearingId: held });
    expect(await state('lawsuits', lawsuitId)).toBe('FINAL');
    // The judgment favoured the defendant: they ask for its execution.
    await s.executionRequested();
    const [request] = await m.db.query('SELECT requested_by FROM execution_requests WHERE id = $1', [s.executionRequestId]);
    expect(request.requested_by).toBe(bob.id);
  });

  it('makes an objected case final on appeal, and goes on from a stage the spec reached itself', async () => {
    const appealed = await between().objected().final().executionRequested();
    expect(await state('lawsuits', appealed.lawsuitId)).toBe('EXECUTION_REQUESTED');
    expect((await m.db.query('SELECT decision FROM objections WHERE id = $1', [appealed.objectionId]))[0].decision).toBe('UPHOLD');

    const s = await between().hearingHeld();
    const issued = await m.get(JudgmentsService).issue(await (await s.judge()).ctx(), {
      lawsuitId: s.lawsuitId,
      ruling: 'رفض الدعوى — the claim is dismissed',
      summary: 'لم يثبت الدين — the debt is not proven',
      reasoning: 'لعدم البينة — for want of evidence',
      inFavourOf: PartySide.DEFENDANT,
    });
    await s.final();
    expect(s.judgmentId).toBe(issued.id);
    expect(await state('lawsuits', s.lawsuitId)).toBe('FINAL');
  });

  it('serves every party in their account, or by the clerk’s record when no notice can reach them', async () => {
    const s = await scenario(m).claimant(alice).defendant({ account: false }).served();
    const windows = await m.db.query<{ party_id: string; served_at: Date; objection_deadline: Date; method: string }[]>(
      'SELECT party_id, served_at, objection_deadline, method FROM judgment_party_services WHERE judgment_id = $1 ORDER BY party_id',
      [s.judgmentId],
    );
    expect(windows.map((w) => [w.party_id, w.method]).sort()).toEqual(
      [
        [s.claimantPartyId, 'ELECTRONIC'],
        [s.defendantPartyId, 'RECORDED'],
      ].sort(),
    );
  });

  it('hears a case in a seeded court, with a judge of whichever circuit registration chose', async () => {
    const s = await between().court('RYD-GEN').lawsuit({ amount: 80000 }).judgmentIssued();
    expect(s.caseNumber).toContain('RYD-GEN');
    const judge = await s.judge();
    const [seat] = await m.db.query('SELECT 1 FROM memberships WHERE user_id = $1 AND circuit_id = $2', [judge.id, s.circuitId]);
    expect(seat).toBeDefined();
  });

  it('hears a labour case in a labour circuit of the app’s own court', async () => {
    const s = await between().lawsuit({ category: 'LABOR' }).judgmentIssued();
    const [circuit] = await m.db.query('SELECT specialization FROM circuits WHERE id = $1', [s.circuitId]);
    expect(circuit.specialization).toBe('LABOR');
    expect((await m.db.query('SELECT urgent FROM judgments WHERE id = $1', [s.judgmentId]))[0].urgent).toBe(true);
  });

  it('issues powers of attorney by a notary and by the principal, and revokes them', async () => {
    const notarized = await scenario(m).poaIssuedByNotary();
    expect(await m.db.query('SELECT state, issuance FROM powers_of_attorney WHERE id = $1', [notarized.poaId])).toEqual([
      { state: 'ACTIVE', issuance: 'NOTARY' },
    ]);
    expect(notarized.poaCode).toHaveLength(12);
    const self = await scenario(m)
      .poa({ powers: ['LIT_FILE'] })
      .poaSelfIssued()
      .poaRevoked();
    expect(await m.db.query('SELECT state, issuance FROM powers_of_attorney WHERE id = $1', [self.poaId])).toEqual([
      { state: 'REVOKED', issuance: 'SELF' },
    ]);
    await notarized.poaRevoked({ by: 'notary' });
    expect(await state('powers_of_attorney', notarized.poaId)).toBe('REVOKED');
  });

  it('files through the claimant’s agent under a power of attorney, and lets the agent step down', async () => {
    const lawyer = await m.seeded('lawyer');
    const s = await scenario(m).agent(lawyer).lawsuit({ byAgent: true }).submitted();
    expect(await state('lawsuits', s.lawsuitId)).toBe('SUBMITTED');
    expect(
      await m.db.query(`SELECT representative_id, power_of_attorney_id FROM lawsuit_parties WHERE lawsuit_id = $1 AND side = 'CLAIMANT'`, [
        s.lawsuitId,
      ]),
    ).toEqual([{ representative_id: lawyer.id, power_of_attorney_id: s.poaId }]);
    await s.poaWithdrawn();
    expect(await state('powers_of_attorney', s.poaId)).toBe('WITHDRAWN');
  });

  it('takes a contract from draft through signatures to notarization, and a document of it is requested', async () => {
    const stages: [(s: Scenario) => Chain, string, number][] = [
      [(s) => s.contractDrafted(), 'DRAFT', 0],
      [(s) => s.awaitingSignatures(), 'AWAITING_SIGNATURES', 0],
      [(s) => s.contractSigned(), 'AWAITING_SIGNATURES', 2],
      [(s) => s.contractNotarized(), 'NOTARIZED', 2],
    ];
    const s = await scenario(m).contract();
    for (const [step, expected, signatures] of stages) {
      await step(s);
      expect(await state('contracts', s.contractId)).toBe(expected);
      const [{ n }] = await m.db.query('SELECT count(*)::int AS n FROM contract_signatures WHERE contract_id = $1', [s.contractId]);
      expect(n).toBe(signatures);
    }
    await s.documentRequested({ language: 'EN' });
    expect(await m.db.query('SELECT kind, subject_id, language FROM documents WHERE id = $1', [s.documentIds[0]])).toEqual([
      { kind: 'NOTARIZED_CONTRACT', subject_id: s.contractId, language: 'EN' },
    ]);
  });

  it('gives each actor a context and a bearer token, and leaves an audit chain that verifies', async () => {
    const s = await between().registered();
    expect((await s.actors.claimant.ctx()).actor?.nationalId).toBe(alice.nationalId);
    expect(m.get(TokenService).verify(s.tokens.defendant, m.clock.now())?.sub).toBe(bob.id);
    expect(await m.get(AuditService).verify()).toMatchObject({ valid: true });
  });
});
