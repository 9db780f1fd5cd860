/**
 * The lifecycle engine on real rows: every move is written at the version it was read at (a write
 * in between answers STALE on `version` and changes nothing), audited once under the transition's
 * action with the subject before and after, and refused by the lifecycle's own words — a sweep's
 * move starts from the state as stored, and a waiver's move belongs to its case's history.
 */
import { Transactions } from '../../src/core/database/transactions';
import { DomainError } from '../../src/core/errors/domain-error';
import { DocumentKind, DocumentsService } from '../../src/documents';
import { HearingsService } from '../../src/litigation/hearings/hearings.service';
import { PleadingsService } from '../../src/litigation/pleadings/pleadings.service';
import { ContractTransitions } from '../../src/notarization/contracts/contract-transitions';
import { Contract } from '../../src/notarization/contracts/contract.entity';
import { PoaTransitions } from '../../src/notarization/powers-of-attorney/poa-transitions';
import { PowerOfAttorney } from '../../src/notarization/powers-of-attorney/power-of-attorney.entity';
import { workingSlot } from '../factories/courts';
import { scenario } from '../scenario/scenario';
import { Medium, refusal, startMedium } from './medium';

interface AuditRow {
  action: string;
  subject_type: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

describe('the lifecycle engine on real rows', () => {
  let m: Medium;

  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());
  afterEach(() => m.clock.reset());

  const audits = (subjectId: string) =>
    m.db.query<AuditRow[]>('SELECT action, subject_type, before, after FROM audit_events WHERE subject_id = $1 ORDER BY created_at, id', [
      subjectId,
    ]);

  it('writes a move at the version read: a write in between is STALE and nothing of the move stays', async () => {
    const s = await scenario(m).awaitingSignatures();
    const read = await m.db.getRepository(Contract).findOneByOrFail({ id: s.contractId });
    await m.db.query('UPDATE contracts SET version = version + 1 WHERE id = $1', [s.contractId]);
    const move = m
      .get(Transactions)
      .run(await s.actors.drafter.ctx(), (tx) => m.get(ContractTransitions).apply(tx, read, 'amend', { patch: { freeText: 'late' } }));
    const err = await move.catch((e: DomainError) => e);
    expect(err).toMatchObject({ code: 'BAD_USER_INPUT', details: { fields: [expect.objectContaining({ field: 'version' })] } });
    const [row] = await m.db.query<{ state: string; free_text: string | null }[]>('SELECT state, free_text FROM contracts WHERE id = $1', [
      s.contractId,
    ]);
    expect(row.state).toBe('AWAITING_SIGNATURES');
    expect(row.free_text).not.toBe('late');
    expect((await audits(s.contractId)).map((a) => a.action)).not.toContain('contract.amend');
  });

  it('audits a move once under its action, with the subject before and after, and answers the row as written', async () => {
    const s = await scenario(m).hearingScheduled();
    const clerk = await (await s.clerk()).ctx();
    const next = await s.freeSlot(workingSlot(9, 10, 0, m.clock.now()), (startsAt) =>
      m.get(HearingsService).postpone(clerk, { hearingId: s.hearingId, startsAt, durationMinutes: 30, reason: 'سفر — travel' }),
    );
    const postponed = await audits(s.hearingId);
    expect(postponed.filter((a) => a.action === 'hearing.postponed')).toEqual([
      expect.objectContaining({
        subject_type: 'Hearing',
        before: expect.objectContaining({ state: 'SCHEDULED' }),
        after: expect.objectContaining({ state: 'POSTPONED', reason: 'سفر — travel' }),
      }),
    ]);
    // The new hearing enters the record linked to the one it replaces, and the old one points to it.
    expect(await audits(next.id)).toEqual([
      expect.objectContaining({ action: 'hearing.scheduled', after: expect.objectContaining({ previousHearingId: s.hearingId }) }),
    ]);
    const [old] = await m.db.query<{ state: string; next_hearing_id: string; version: number }[]>(
      'SELECT state, next_hearing_id, version FROM hearings WHERE id = $1',
      [s.hearingId],
    );
    expect(old).toMatchObject({ state: 'POSTPONED', next_hearing_id: next.id });
    // Cancelling the postponed hearing is the lifecycle's refusal, in its words.
    expect(await refusal(m.get(HearingsService).cancel(clerk, { hearingId: s.hearingId, reason: 'again' }))).toBe('INVALID_TRANSITION');
  });

  it('moves a sweep from the state as stored: a power of attorney past its end is expired once, then refused', async () => {
    const s = await scenario(m)
      .poa({ validTo: new Date(m.clock.now().getTime() + 30 * 86_400_000) })
      .poaIssuedByNotary();
    m.clock.advance(31 * 86_400_000);
    const expire = () =>
      m.get(Transactions).run(m.system(), async (tx) => {
        const poa = await tx.repo(PowerOfAttorney).findOneByOrFail({ id: s.poaId });
        return m.get(PoaTransitions).apply(tx, poa, 'expire', { endedAt: poa.validTo });
      });
    const expired = await expire();
    expect(expired.state).toBe('EXPIRED');
    expect((await audits(s.poaId)).filter((a) => a.action === 'poa.expire')).toEqual([
      expect.objectContaining({
        before: expect.objectContaining({ state: 'ACTIVE' }),
        after: expect.objectContaining({ state: 'EXPIRED' }),
      }),
    ]);
    expect(await refusal(expire())).toBe('INVALID_TRANSITION');
  });

  it('requests a failed document again through its lifecycle, and leaves one still pending as it is', async () => {
    const s = await scenario(m).contractNotarized();
    const docs = await m.db.query<{ id: string; language: string }[]>(
      `SELECT id, language FROM documents WHERE subject_id = $1 ORDER BY language`,
      [s.contractId],
    );
    expect(docs).toHaveLength(2);
    const [failed, pending] = docs;
    await m.db.query(`UPDATE documents SET state = 'FAILED', failure_reason = 'template missing' WHERE id = $1`, [failed.id]);
    await m.db.query(`UPDATE documents SET state = 'PENDING' WHERE id = $1`, [pending.id]);
    const again = await m
      .get(Transactions)
      .run(await m.as('notary'), (tx) => m.get(DocumentsService).issue(tx, DocumentKind.NOTARIZED_CONTRACT, s.contractId));
    expect(again.map((d) => [d.id, d.state])).toEqual([
      [failed.id, 'PENDING'],
      [pending.id, 'PENDING'],
    ]);
    expect((await audits(failed.id)).filter((a) => a.action === 'document.retried')).toEqual([
      expect.objectContaining({
        before: expect.objectContaining({ state: 'FAILED', failureReason: 'template missing' }),
        after: expect.objectContaining({ state: 'PENDING', failureReason: null }),
      }),
    ]);
    expect((await audits(pending.id)).map((a) => a.action)).not.toContain('document.retried');
  });

  it("records a waiver's answer in its case's history", async () => {
    const s = await scenario(m).waiverPending();
    await m.get(PleadingsService).respondToWaiver(await s.actors.defendant.ctx(), s.lawsuitId, false);
    const answered = (await audits(s.lawsuitId)).filter((a) => a.action === 'claim.waiver_refused');
    expect(answered).toEqual([
      expect.objectContaining({
        subject_type: 'Lawsuit',
        before: { state: 'PENDING' },
        after: expect.objectContaining({ state: 'REFUSED', waiverId: expect.any(String) }),
      }),
    ]);
    expect(await refusal(m.get(PleadingsService).respondToWaiver(await s.actors.defendant.ctx(), s.lawsuitId, true))).toBe(
      'INVALID_TRANSITION',
    );
  });
});
