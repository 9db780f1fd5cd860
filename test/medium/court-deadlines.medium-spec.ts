/**
 * Deadlines on the court's calendar (docs/domain.md, "Dates and deadlines"): a period that ends on
 * a weekend day or a holiday of the court moves to the next working day, by the court's own
 * holidays (a court administrator's data) and the nationwide ones, never another court's; each
 * deadline is explained with the rule that set it and the days it moved over.
 */
import { DomainError } from '../../src/core/errors/domain-error';
import { ObjectionClock } from '../../src/litigation/judgments/objection-clock.service';
import { LawsuitOutcomesService } from '../../src/litigation/lawsuits/lawsuit-outcomes.service';
import { PartySide } from '../../src/litigation/lawsuits/lawsuit.enums';
import { localParts, OrganizationsService } from '../../src/organizations';
import { PERIOD_EXTENSION } from '../../src/organizations/court-periods';
import { twoCircuitCourt } from '../scenario/courts';
import { Host } from '../scenario/host';
import { seated } from '../scenario/people';
import { Role } from '../../src/access/role.enum';
import { scenario, Scenario } from '../scenario/scenario';
import { Medium, startMedium } from './medium';

const DAY = 86_400_000;
const FRIDAY = 5;
const THURSDAY = 4;

describe('deadlines on the court’s calendar', () => {
  let m: Medium;

  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());
  afterEach(() => m.clock.reset());

  /** The first moment from `from` on, a whole number of days later, whose period of `days` days nominally ends on `weekday` in Riyadh. */
  function startEndingOn(from: Date, days: number, weekday: number): Date {
    for (let k = 0; k < 7; k++) {
      const start = new Date(from.getTime() + k * DAY);
      if (localParts(new Date(start.getTime() + days * DAY), 'Asia/Riyadh').weekday === weekday) return start;
    }
    throw new Error('unreachable');
  }

  const claimantWindow = async (s: Scenario) =>
    (await m.get(ObjectionClock).windowsOf(m.system(), [s.judgmentId])).find((w) => w.side === PartySide.CLAIMANT)!;

  it('moves an objection window that ends on a Friday to Sunday, and explains it', async () => {
    const s = await scenario(m).judgmentIssued();
    const servedAt = startEndingOn(new Date(m.clock.now().getTime() + DAY), 30, FRIDAY);
    m.clock.set(servedAt);
    await s.serve('CLAIMANT');
    const w = await claimantWindow(s);
    expect(w.objectionDeadline!.getTime() - w.servedAt!.getTime()).toBe(32 * DAY);
    expect(w.deadline).toMatchObject({
      days: 30,
      nominalDueAt: new Date(w.servedAt!.getTime() + 30 * DAY),
      dueAt: w.objectionDeadline,
      extension: PERIOD_EXTENSION,
      rule: { reference: expect.stringContaining('Article 187') },
    });
    expect(w.deadline!.movedOver.map((d) => [d.weekend, d.holidayNameEn])).toEqual([
      [true, null],
      [true, null],
    ]);
    expect(w.deadline!.dueOn).toBe(localParts(w.objectionDeadline!, 'Asia/Riyadh').date);
    expect(w.deadline!.dueOnHijriAr).toMatch(/^\d{1,2} \S.* 14\d\d هـ$/);
    expect(w.deadline!.dueOnHijriEn).toMatch(/^\d{1,2} \S.* 14\d\d AH$/);

    // In time on the Saturday the window would have closed without the rule, out of time after the Sunday.
    m.clock.set(new Date(w.deadline!.nominalDueAt.getTime() + DAY));
    const stillOpen = await claimantWindow(s);
    expect(stillOpen.state).toBe('OPEN');
    m.clock.set(new Date(w.objectionDeadline!.getTime() + 60_000));
    expect((await claimantWindow(s)).state).toBe('PASSED');
  });

  it('moves over a holiday the court’s administrator entered, and not over another court’s', async () => {
    const court = await twoCircuitCourt(Host.of(m.app));
    const other = await scenario(m).judgmentIssued();
    const s = await scenario(m).court({ court }).judgmentIssued();
    const servedAt = startEndingOn(new Date(m.clock.now().getTime() + DAY), 30, THURSDAY);
    const thursday = localParts(new Date(servedAt.getTime() + 30 * DAY), 'Asia/Riyadh').date;
    const administrator = await seated(Host.of(m.app), { role: Role.COURT_ADMIN, courtId: court.id }, 'Deadline Court Administrator');
    await m.get(OrganizationsService).addHoliday(await administrator.ctx(), {
      courtId: court.id,
      startsOn: thursday,
      endsOn: thursday,
      nameAr: 'إغلاق المحكمة للصيانة',
      nameEn: 'Court closed for maintenance',
    });
    m.clock.set(servedAt);
    await s.serve('CLAIMANT');
    await other.serve('CLAIMANT');

    const moved = await claimantWindow(s);
    expect(moved.objectionDeadline!.getTime() - moved.servedAt!.getTime()).toBe(33 * DAY);
    expect(moved.deadline!.movedOver.map((d) => [d.day, d.weekend, d.holidayNameEn])).toEqual([
      [thursday, false, 'Court closed for maintenance'],
      [expect.any(String), true, null],
      [expect.any(String), true, null],
    ]);
    const unmoved = await claimantWindow(other);
    expect(unmoved.objectionDeadline!.getTime() - unmoved.servedAt!.getTime()).toBe(30 * DAY);
    expect(unmoved.deadline).toMatchObject({ movedOver: [], extension: null });
  });

  describe('a struck-off case', () => {
    /** A case whose claimant missed a held hearing: struck off at `at`. */
    async function struckOffAt(pick: (from: Date) => Date): Promise<{ s: Scenario; due: Date; at: Date }> {
      const s = await scenario(m).hearingHeld({ claimantPresent: false });
      m.clock.set(pick(new Date(m.clock.now().getTime() + DAY)));
      await m.get(LawsuitOutcomesService).strikeOff(await (await s.judge()).ctx(), s.lawsuitId, s.hearingId);
      const [row] = await m.db.query('SELECT struck_off_at, resume_due_at FROM lawsuits WHERE id = $1', [s.lawsuitId]);
      return { s, due: row.resume_due_at, at: row.struck_off_at };
    }

    it('may be resumed until the working day after sixty days that end on a weekend', async () => {
      const { s, due, at } = await struckOffAt((from) => startEndingOn(from, 60, FRIDAY));
      expect(due.getTime() - at.getTime()).toBe(62 * DAY);
      m.clock.set(new Date(at.getTime() + 61 * DAY)); // the Saturday: in time only by the rule
      const resumed = await m.get(LawsuitOutcomesService).resume(await s.actors.claimant.ctx(), s.lawsuitId);
      expect(resumed.resumedAt).not.toBeNull();
    });

    it('is refused after its moved deadline, which the refusal names', async () => {
      const { s, due } = await struckOffAt((from) => startEndingOn(from, 60, FRIDAY));
      m.clock.set(new Date(due.getTime() + 60_000));
      const err = await m
        .get(LawsuitOutcomesService)
        .resume(await s.actors.claimant.ctx(), s.lawsuitId)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect(err).toMatchObject({ code: 'DEADLINE_PASSED', details: { deadline: due.toISOString() } });
    });
  });
});
