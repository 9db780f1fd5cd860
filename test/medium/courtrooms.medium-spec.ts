/**
 * Courtrooms are resources (docs/domain.md, "The court's own acts"): an in-person hearing books
 * one, by id or by name, and the database refuses two live hearings in one room at once, as it
 * does for a circuit and a judge — here two circuits with judges of their own, one room. A room
 * out of use, or of another court, books nothing; the court's administrator keeps the rooms.
 */
import { DomainError } from '../../src/core/errors/domain-error';
import { HearingMode } from '../../src/litigation/hearings/hearing.enums';
import { HearingsService } from '../../src/litigation/hearings/hearings.service';
import { Courtrooms } from '../../src/organizations';
import { workingSlot } from '../factories/courts';
import { twoCircuitCourt } from '../scenario/courts';
import { Host } from '../scenario/host';
import { scenario, Scenario } from '../scenario/scenario';
import { Medium, refusal, startMedium } from './medium';

const MINUTE = 60_000;

describe('courtrooms', () => {
  let m: Medium;
  let court: { id: string; code: string };
  let week = 0;

  beforeAll(async () => {
    m = await startMedium();
    court = await twoCircuitCourt(Host.of(m.app));
  });
  afterAll(() => m?.close());

  /** Two registered cases of the court, in its two circuits. */
  async function twoCircuits(): Promise<[Scenario, Scenario]> {
    const a = await scenario(m).court({ court }).registered();
    const b = await scenario(m).court({ court }).registered();
    expect(a.circuitId).not.toBe(b.circuitId);
    return [a, b];
  }
  const freshDay = () => workingSlot(7 * ++week, 10, 0, m.clock.now());
  const schedule = async (s: Scenario, startsAt: Date, where: { room?: string; courtroomId?: string }) =>
    m.get(HearingsService).schedule(await (await s.clerk()).ctx(), {
      lawsuitId: s.lawsuitId,
      startsAt,
      durationMinutes: 30,
      mode: HearingMode.IN_PERSON,
      ...where,
    });

  it('books one room once at a time across circuits, by name or by id, and names the room’s next free slot', async () => {
    const [a, b] = await twoCircuits();
    const at = freshDay();
    const first = await schedule(a, at, { room: 'قاعة ١ — Room 1' });
    expect(first).toMatchObject({ room: 'قاعة ١ — Room 1', courtroomId: expect.any(String) });
    const err = (await schedule(b, new Date(at.getTime() + 10 * MINUTE), { courtroomId: first.courtroomId! }).catch(
      (e: DomainError) => e,
    )) as DomainError;
    expect(err).toMatchObject({ code: 'HEARING_CONFLICT', details: { nextFreeSlot: new Date(at.getTime() + 30 * MINUTE).toISOString() } });
    // By name too, with the name's spaces trimmed: the same room.
    expect(await refusal(schedule(b, at, { room: '  قاعة ١ — Room 1 ' }))).toBe('HEARING_CONFLICT');
    // Another room at that time is free for the other circuit.
    expect((await schedule(b, at, { room: 'قاعة ٢ — Room 2' })).state).toBe('SCHEDULED');
    const rooms = await m.get(Courtrooms).ofCourts(m.system(), [court.id]);
    expect(rooms.map((r) => r.name).sort()).toEqual(['قاعة ١ — Room 1', 'قاعة ٢ — Room 2']);
  });

  it('is refused by the database itself, whatever writes the row', async () => {
    const [a, b] = await twoCircuits();
    const first = await schedule(a, freshDay(), { room: 'قاعة ٣ — Room 3' });
    const copy = m.db.query(
      `INSERT INTO hearings (lawsuit_id, circuit_id, court_id, judge_id, starts_at, ends_at, mode, room, courtroom_id, state)
       SELECT $2, $3, court_id, NULL, starts_at + interval '5 minutes', ends_at, mode, room, courtroom_id, 'SCHEDULED'
         FROM hearings WHERE id = $1`,
      [first.id, b.lawsuitId, b.circuitId],
    );
    await expect(copy).rejects.toMatchObject({ code: '23P01', constraint: 'hearings_courtroom_no_overlap' });
  });

  it('books no room out of use, nor a room of another court; only the court’s administrator keeps rooms', async () => {
    const [a] = await twoCircuits();
    const rooms = m.get(Courtrooms);
    expect(await refusal(rooms.add(await (await a.clerk()).ctx(), court.id, 'قاعة ٩ — Room 9'))).toBe('FORBIDDEN');
    const admin = await m.as('admin');
    const closed = await rooms.add(admin, court.id, 'قاعة ٤ — Room 4');
    await rooms.setActive(admin, closed.id, false);
    const out = (await schedule(a, freshDay(), { courtroomId: closed.id }).catch((e: DomainError) => e)) as DomainError;
    expect(out).toMatchObject({ code: 'BAD_USER_INPUT', details: { fields: [expect.objectContaining({ field: 'input.courtroomId' })] } });
    expect(await refusal(schedule(a, freshDay(), { room: 'قاعة ٤ — Room 4' }))).toBe('BAD_USER_INPUT');
    const [elsewhere] = await rooms
      .ofCourts(m.system(), [(await m.db.query(`SELECT id FROM courts WHERE code = 'RYD-GEN'`))[0].id])
      .then(async (found) =>
        found.length ? found : [await rooms.add(admin, (await m.db.query(`SELECT id FROM courts WHERE code = 'RYD-GEN'`))[0].id, 'Hall A')],
      );
    expect(await refusal(schedule(a, freshDay(), { courtroomId: elsewhere.id }))).toBe('BAD_USER_INPUT');
  });
});
