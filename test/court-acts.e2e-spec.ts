/**
 * The court's own acts over HTTP (docs/domain.md, "The court's own acts"): a hundred requests at
 * once for one courtroom at one time, from two circuits, book it once; the judge seals and unseals
 * a case with a reason, and transfers one to the competent court, where it takes a new number and
 * keeps the old — each refusal with its code.
 */
import { workingSlot } from './factories/courts';
import { startApp, TestApp } from './harness';
import { clerkOf, twoCircuitCourt } from './scenario/courts';
import { Host } from './scenario/host';
import { scenario } from './scenario/scenario';

const SCHEDULE = `mutation($i: ScheduleHearingInput!) { scheduleHearing(input: $i) { id courtroomId room } }`;
const ROOMS = `query($id: ID!) { court(id: $id) { courtrooms { id name } } }`;
const SEAL = `mutation($i: SealLawsuitInput!) { sealLawsuit(input: $i) { id sealed } }`;
const UNSEAL = `mutation($i: SealLawsuitInput!) { unsealLawsuit(input: $i) { id sealed } }`;
const TRANSFER = `mutation($i: TransferLawsuitInput!) { transferLawsuit(input: $i) { id caseNumber courtId transfers { previousCaseNumber caseNumber reason } } }`;

describe('the court’s own acts, over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ JWT_TTL_SECONDS: String(30 * 86_400) });
  });
  afterAll(() => t?.close());

  it('books one courtroom once when a hundred requests from two circuits ask for it at once', async () => {
    const court = await twoCircuitCourt(Host.of(t.app));
    const clerk = await clerkOf(Host.of(t.app), court.id);
    const a = await scenario(t.app).court({ court }).registered();
    const b = await scenario(t.app).court({ court }).registered();
    expect(a.circuitId).not.toBe(b.circuitId);

    const startsAt = workingSlot(9, 11, 0, t.clock.now()).toISOString();
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.gql(
          SCHEDULE,
          {
            i: {
              lawsuitId: i % 2 ? a.lawsuitId : b.lawsuitId,
              startsAt,
              durationMinutes: 45,
              mode: 'IN_PERSON',
              room: 'القاعة الكبرى — Grand Hall',
            },
          },
          clerk.token,
        ),
      ),
    );
    const booked = outcomes.filter((o) => !o.errors?.length);
    expect(booked).toHaveLength(1);
    expect(outcomes.filter((o) => o.errors?.[0].extensions.code === 'HEARING_CONFLICT')).toHaveLength(99);
    const { court: read } = await t.ok(ROOMS, { id: court.id });
    expect(read.courtrooms).toEqual([
      {
        id: (booked[0].data as { scheduleHearing: { courtroomId: string } }).scheduleHearing.courtroomId,
        name: 'القاعة الكبرى — Grand Hall',
      },
    ]);
  });

  it('seals and unseals a case by its judge with a reason, and transfers it to the competent court', async () => {
    const s = await scenario(t.app).court('RYD-GEN').registered();
    const judge = await s.judge();
    const reason = { lawsuitId: s.lawsuitId, reason: 'حماية قاصر — a minor is concerned' };
    expect(await t.code(SEAL, { i: reason }, (await s.clerk()).token)).toBe('FORBIDDEN');
    expect(await t.code(SEAL, { i: { ...reason, reason: 'no' } }, judge.token)).toBe('BAD_USER_INPUT');
    expect((await t.ok(SEAL, { i: reason }, judge.token)).sealLawsuit.sealed).toBe(true);
    expect(await t.code(SEAL, { i: reason }, judge.token)).toBe('INVALID_TRANSITION');
    expect((await t.ok(UNSEAL, { i: reason }, judge.token)).unsealLawsuit.sealed).toBe(false);

    const { court: jeddah } = await t.ok(`{ court(code: "JED-GEN") { id } }`);
    const moved = (
      await t.ok(TRANSFER, { i: { lawsuitId: s.lawsuitId, courtId: jeddah.id, reason: 'عدم الاختصاص — no jurisdiction' } }, judge.token)
    ).transferLawsuit;
    expect(moved.caseNumber).toMatch(/-JED-GEN-/);
    expect(moved.transfers).toEqual([
      { previousCaseNumber: s.caseNumber, caseNumber: moved.caseNumber, reason: 'عدم الاختصاص — no jurisdiction' },
    ]);
  });
});
