/**
 * A sealed case's hearings: its content (minutes, attendance, the meeting link, a postponement's
 * reason, the case itself) reaches only its judges, the clerks of its court and its parties; a
 * judge of the circuit who does not sit on it sees, in the docket, the slot alone, and does not
 * record its minutes.
 */
import { Role } from '../../src/access/role.enum';
import { UsersService } from '../../src/identity/users.service';
import { HearingReads } from '../../src/litigation/hearings/hearing-reads.service';
import { HearingsService } from '../../src/litigation/hearings/hearings.service';
import type { RequestContext } from '../../src/access/context/request-context';
import { nationalId } from '../factories/people';
import { scenario, Scenario } from '../scenario/scenario';
import { Medium, refusal, startMedium } from './medium';

const MINUTES = 'محضر جلسة سرية — minutes of a sealed hearing';
const REASON = 'طلب المدعى عليه مهلة لسبب خاص — a private reason';
const FULL = { hearing: null, lawsuit: ['id', 'caseNumber', 'subject'], parties: ['id', 'nameEn'] };

const riyadhDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Riyadh' }).format(at);

describe('a sealed case in the docket', () => {
  let m: Medium;
  let sealed: Scenario;
  let open: Scenario;
  /** A judge of the same circuit who sits on neither case. */
  let otherJudge: RequestContext;

  beforeAll(async () => {
    m = await startMedium();
    sealed = await scenario(m).lawsuit({ sealed: true }).hearingPostponed({ reason: REASON }).hearingHeld({ minutes: MINUTES });
    open = await scenario(m).hearingHeld({ minutes: MINUTES });
    expect(open.circuitId).toBe(sealed.circuitId);
    const judge = await m.get(UsersService).createUser(await m.as('admin'), {
      nationalId: nationalId(),
      nameAr: 'قاض آخر',
      nameEn: 'Another Judge',
      password: 'Staff-Pass-2026',
      roles: [],
      memberships: [{ role: Role.JUDGE, circuitId: sealed.circuitId }],
    });
    otherJudge = await m.as(judge.id);
  });
  afterAll(() => m?.close());

  const reads = () => m.get(HearingReads);
  const docketOf = async (ctx: RequestContext, s: Scenario, hearingId: string) => {
    const [{ starts_at }] = await m.db.query<{ starts_at: Date }[]>('SELECT starts_at FROM hearings WHERE id = $1', [hearingId]);
    const lines = await reads().docket(ctx, { from: riyadhDay(starts_at), circuitId: s.circuitId }, FULL);
    return lines.find((l) => l.id === hearingId);
  };

  it('shows a judge of the circuit who does not sit on it the slot without content', async () => {
    const held = await docketOf(otherJudge, sealed, sealed.hearingId);
    expect(held).toMatchObject({
      id: sealed.hearingId,
      lawsuitId: sealed.lawsuitId,
      state: 'HELD',
      startsAt: sealed.hearingAt,
      caseReadable: false,
      minutes: null,
      meetingLink: null,
      preloadedLawsuit: null,
    });
    const postponed = await docketOf(otherJudge, sealed, sealed.postponedHearingId);
    expect(postponed).toMatchObject({ state: 'POSTPONED', postponementReason: null, caseReadable: false });
    // Nor through the fields a docket line resolves.
    expect(await reads().minutesOf(otherJudge, [sealed.hearingId])).toEqual([null]);
    expect(await reads().attendanceOf(otherJudge, [sealed.hearingId])).toEqual([]);
  });

  it('shows the same judge an unsealed case of the circuit in full', async () => {
    expect(await docketOf(otherJudge, open, open.hearingId)).toMatchObject({
      caseReadable: true,
      preloadedLawsuit: { id: open.lawsuitId },
    });
    expect(await reads().minutesOf(otherJudge, [open.hearingId])).toEqual([MINUTES]);
    expect((await reads().attendanceOf(otherJudge, [open.hearingId])).length).toBeGreaterThan(0);
  });

  it('shows the sealed case in full to its judge and the clerk of its court, and its minutes to its parties', async () => {
    const presiding = await (await sealed.judge()).ctx();
    const clerk = await (await sealed.clerk()).ctx();
    for (const ctx of [presiding, clerk]) {
      expect(await docketOf(ctx, sealed, sealed.hearingId)).toMatchObject({
        caseReadable: true,
        preloadedLawsuit: { id: sealed.lawsuitId, caseNumber: sealed.caseNumber },
      });
      expect((await docketOf(ctx, sealed, sealed.postponedHearingId))!.postponementReason).toBe(REASON);
      expect(await reads().minutesOf(ctx, [sealed.hearingId])).toEqual([MINUTES]);
      expect((await reads().attendanceOf(ctx, [sealed.hearingId])).length).toBeGreaterThan(0);
    }
    for (const party of [sealed.actors.claimant, sealed.actors.defendant]) {
      expect(await reads().minutesOf(await party.ctx(), [sealed.hearingId])).toEqual([MINUTES]);
    }
  });

  it('lets only its own judge record the minutes of a sealed hearing', async () => {
    const s = await scenario(m).lawsuit({ sealed: true }).hearingScheduled();
    m.clock.set(new Date(s.hearingAt.getTime() + 10 * 60_000));
    try {
      const record = (ctx: RequestContext) =>
        m.get(HearingsService).recordMinutes(ctx, { hearingId: s.hearingId, minutes: MINUTES, attendance: [] });
      expect(await refusal(record(otherJudge))).toBe('FORBIDDEN');
      expect((await record(await (await s.judge()).ctx())).state).toBe('HELD');
    } finally {
      m.clock.reset();
    }
  });
});
