/**
 * Two live hearings of one circuit, or of one judge, never overlap: PostgreSQL refuses it (the
 * exclusion constraints of the hearings table), however the row is written and however many
 * clerks schedule at once; the service answers HEARING_CONFLICT with the circuit's next free slot,
 * and the refused scheduling leaves nothing behind, not even the case's move into hearings.
 */
import { HearingMode } from '../../src/litigation/hearings/hearing.enums';
import { HearingsService } from '../../src/litigation/hearings/hearings.service';
import { DomainError } from '../../src/core/errors/domain-error';
import { workingSlot } from '../factories/courts';
import { scenario, Scenario } from '../scenario/scenario';
import { Medium, refusal, startMedium } from './medium';

const MINUTE = 60_000;

describe('hearings that would overlap', () => {
  let m: Medium;
  let week = 0;

  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());

  /** A working morning of a week no other test of this file uses, at 10:00 Riyadh. */
  const freshDay = () => workingSlot(7 * ++week, 10, 0, m.clock.now());
  const schedule = async (s: Scenario, startsAt: Date) =>
    m.get(HearingsService).schedule(await (await s.clerk()).ctx(), {
      lawsuitId: s.lawsuitId,
      startsAt,
      durationMinutes: 30,
      mode: HearingMode.IN_PERSON,
      room: 'قاعة ٢ — Room 2',
    });
  const lawsuitState = async (id: string) => (await m.db.query('SELECT state FROM lawsuits WHERE id = $1', [id]))[0].state;
  const hearingsOf = async (id: string) => (await m.db.query('SELECT id FROM hearings WHERE lawsuit_id = $1', [id])).length;

  it('refuses a second hearing of the circuit during the first, naming the next free slot, and writes nothing', async () => {
    const at = freshDay();
    const first = await scenario(m).hearingScheduled({ at });
    const second = await scenario(m).registered();
    expect(second.circuitId).toBe(first.circuitId);

    const err = await schedule(second, new Date(at.getTime() + 15 * MINUTE)).catch((e: DomainError) => e);
    expect(err).toMatchObject({ code: 'HEARING_CONFLICT', details: { nextFreeSlot: new Date(at.getTime() + 30 * MINUTE).toISOString() } });
    expect(await lawsuitState(second.lawsuitId)).toBe('REGISTERED');
    expect(await hearingsOf(second.lawsuitId)).toBe(0);

    // Back to back is no overlap.
    expect((await schedule(second, new Date(at.getTime() + 30 * MINUTE))).state).toBe('SCHEDULED');
    expect(await lawsuitState(second.lawsuitId)).toBe('IN_HEARINGS');
  });

  it('is refused by the database itself, whatever writes the row', async () => {
    const at = freshDay();
    const first = await scenario(m).hearingScheduled({ at });
    const copy = m.db.query(
      `INSERT INTO hearings (lawsuit_id, circuit_id, court_id, judge_id, starts_at, ends_at, mode, room, state)
       SELECT lawsuit_id, circuit_id, court_id, NULL, starts_at + interval '10 minutes', ends_at, mode, room, 'SCHEDULED'
         FROM hearings WHERE id = $1`,
      [first.hearingId],
    );
    await expect(copy).rejects.toMatchObject({ code: '23P01', constraint: 'hearings_circuit_no_overlap' });
  });

  it('refuses a judge two hearings at once in two circuits', async () => {
    const at = freshDay();
    const civil = await scenario(m).hearingScheduled({ at });
    const labour = await scenario(m).lawsuit({ category: 'LABOR' }).registered();
    expect(labour.circuitId).not.toBe(civil.circuitId);
    expect(civil.hearingJudgeId).toBe((await labour.judge()).id);
    expect(await refusal(schedule(labour, at))).toBe('HEARING_CONFLICT');
    expect(await lawsuitState(labour.lawsuitId)).toBe('REGISTERED');
  });

  it('gives a contested slot to exactly one of two clerks scheduling at once', async () => {
    const at = freshDay();
    const [a, b] = await Promise.all([scenario(m).registered(), scenario(m).registered()]);
    const outcomes = await Promise.allSettled([schedule(a, at), schedule(b, at)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
    expect(refused.reason).toMatchObject({ code: 'HEARING_CONFLICT' });
    const [{ n }] = await m.db.query(`SELECT count(*)::int AS n FROM hearings WHERE lawsuit_id = ANY($1) AND state = 'SCHEDULED'`, [
      [a.lawsuitId, b.lawsuitId],
    ]);
    expect(n).toBe(1);
  });

  it('frees the slot of a cancelled or postponed hearing', async () => {
    const at = freshDay();
    await scenario(m).hearingScheduled({ at }).hearingCancelled();
    const postponed = await scenario(m)
      .hearingScheduled({ at: new Date(at.getTime() + 60 * MINUTE) })
      .hearingPostponed();
    const next = await scenario(m).registered();
    expect((await schedule(next, at)).state).toBe('SCHEDULED');
    const again = await scenario(m).registered();
    expect((await schedule(again, new Date(at.getTime() + 60 * MINUTE))).state).toBe('SCHEDULED');
    expect(postponed.hearingIds).toHaveLength(2);
  });
});
