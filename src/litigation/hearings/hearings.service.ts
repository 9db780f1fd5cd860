/**
 * Hearings: scheduling (the database refuses overlaps for a circuit or a judge; the court's
 * working calendar is checked here), postponing with a linked new hearing, cancelling, minutes
 * and attendance, remote attendance registration. The parties are notified, with a calendar
 * invitation, of every hearing scheduled, moved or cancelled. Reads are in hearing-reads.service.ts.
 */
import { REMOTE_CHECK_IN_MS } from './hearing-reads.service';
import { CaseFiles, LawsuitSubject } from '../lawsuits/case-files';
import type { KnownCase } from '../lawsuit-document-subjects';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { CaseEnds, type CaseEnding } from '../lawsuits/case-ends';
import { authorize, can, unreadable } from '../../access/authorize';
import { HearingSubject } from '../litigation.subjects';
import type { RequestContext } from '../../access/context/request-context';
import { AgencyService } from '../../notarization';
import { PowerCode } from '../../access/power-codes';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError, DomainError, ForbiddenError, NotFoundError } from '../../core/errors/domain-error';
import { UserLookups } from '../../identity';
import { HearingNotices } from './hearing-notices';
import { LawsuitParty } from '../lawsuits/lawsuit-party.entity';
import { lawsuitMachine, LawsuitState } from '../lawsuits/lawsuit-state-machine';
import { Lawsuit } from '../lawsuits/lawsuit.entity';
import { LawsuitsService } from '../lawsuits/lawsuits.service';
import { OrganizationLookups } from '../../organizations';
import { Courtrooms, OrganizationsService } from '../../organizations';
import { nextFreeSlot } from './free-slot';
import { hearingMachine } from './hearing-state-machine';
import { run } from '../../core/lifecycle/lifecycle';
import { versionedStore, writeAtVersion } from '../../core/lifecycle/versioned-store';
import { HearingMode, HearingState } from './hearing.enums';
import { DocumentKind } from '../../documents';
import { DocumentsService } from '../../documents';
import { Hearing } from './hearing.entity';
import { CancelHearingInput, PostponeHearingInput, RecordMinutesInput, ScheduleHearingInput } from './hearing.inputs';
import { LITIGATION } from '../litigation-messages';

interface Slot {
  startsAt: Date;
  durationMinutes: number;
}

/** What a scheduling or postponement asked for: its slot, and what it books. */
type BookedSlot = Slot & { lawsuitId?: string; hearingId?: string; courtroomId?: string; room?: string };

export class HearingConflictError extends DomainError {
  constructor(nextFreeSlot: Date | null) {
    super(
      'HEARING_CONFLICT',
      nextFreeSlot ? LITIGATION.hearingConflictAt({ nextFreeSlot: nextFreeSlot.toISOString() }) : LITIGATION.hearingConflictNone(),
      { nextFreeSlot: nextFreeSlot?.toISOString() ?? null },
    );
  }
}

@Injectable()
export class HearingsService implements OnModuleInit {
  constructor(
    private readonly tx: Transactions,
    private readonly lawsuits: LawsuitsService,
    private readonly orgs: OrganizationsService,
    private readonly organizations: OrganizationLookups,
    private readonly people: UserLookups,
    private readonly hearingNotices: HearingNotices,
    private readonly caseFiles: CaseFiles,
    private readonly agency: AgencyService,
    private readonly documents: DocumentsService,
    private readonly caseEnds: CaseEnds,
    private readonly courtrooms: Courtrooms,
  ) {}

  onModuleInit(): void {
    this.caseEnds.on((tx, lawsuit, ending) => this.cancelAhead(tx, lawsuit, ending));
  }

  /**
   * A case that ended (case-ends.ts) keeps no hearing ahead of it: each one still scheduled is
   * cancelled, with a calendar cancellation to the parties and the bench saying why.
   */
  private async cancelAhead(tx: RequestContext, lawsuit: Lawsuit, ending: CaseEnding): Promise<void> {
    const scheduled = await tx
      .repo(Hearing)
      .createQueryBuilder('h')
      .setLock('pessimistic_write')
      .where('h.lawsuit_id = :id AND h.state = :state', { id: lawsuit.id, state: HearingState.SCHEDULED })
      .orderBy('h.starts_at')
      .getMany();
    for (const hearing of scheduled) {
      await run(tx, hearingMachine, this.store, hearing, 'cancel', {
        audit: { reason: `lawsuit.${ending}` },
        effects: (cancelled) => this.hearingNotices.changed(tx, cancelled, 'cancelled', { lawsuit, ending }),
      });
    }
  }

  async schedule(ctx: RequestContext, input: ScheduleHearingInput): Promise<Hearing> {
    return this.withConflictAnswer(ctx, input, async (tx) => {
      // The case is read once, here, and handed down. Hidden cases are not found; only then the
      // caller's right to schedule, and only then the case's state.
      const file = await this.caseFiles.open(tx, input.lawsuitId);
      let lawsuit = file.lawsuit;
      authorize(tx, 'schedule', 'Hearing', { courtId: lawsuit.courtId, circuitId: lawsuit.circuitId ?? '' });
      const circuitId = lawsuit.circuitId;
      if (!circuitId) throw BadUserInputError.field('input.lawsuitId', LITIGATION.notRegisteredWithCircuit());
      if (lawsuit.state === LawsuitState.REGISTERED)
        file.lawsuit = lawsuit = await this.lawsuits.applyEvent(tx, lawsuit, 'scheduleFirstHearing');
      else lawsuitMachine.next(lawsuit.state, 'scheduleHearing');
      if (input.mode === HearingMode.IN_PERSON && !input.room && !input.courtroomId)
        throw BadUserInputError.field('input.room', LITIGATION.roomRequired());
      if (input.mode === HearingMode.REMOTE && !input.meetingLink)
        throw BadUserInputError.field('input.meetingLink', LITIGATION.linkRequired());
      const judgeId = await this.presidingJudge(tx, circuitId, input.judgeId);
      // An in-person hearing books its courtroom: the database refuses two live hearings in one room at once.
      const room = input.mode === HearingMode.IN_PERSON ? await this.courtrooms.bookable(tx, lawsuit.courtId, input, 'input') : null;
      const hearing = await this.insert(tx, lawsuit, judgeId, input, {
        mode: input.mode,
        room: room?.name ?? null,
        courtroomId: room?.id ?? null,
        meetingLink: input.mode === HearingMode.REMOTE ? input.meetingLink! : null,
        previousHearingId: null,
      });
      this.auditScheduled(tx, hearing);
      await this.hearingNotices.changed(tx, hearing, 'scheduled', { lawsuit });
      await this.documents.issue(tx, DocumentKind.HEARING_SUMMONS, hearing.id, { file, hearing } satisfies KnownCase);
      return hearing;
    });
  }

  /** Postpones a scheduled hearing to a new one, linked both ways. */
  async postpone(ctx: RequestContext, input: PostponeHearingInput): Promise<Hearing> {
    return this.withConflictAnswer(ctx, input, async (tx) => {
      const { hearing, lawsuit } = await this.lockHearing(tx, input.hearingId, 'schedule');
      // Postponed first, so that the new hearing may take the old one's slot.
      const postponed = await run(tx, hearingMachine, this.store, hearing, 'postpone', {
        patch: { postponementReason: input.reason },
        audit: { reason: input.reason },
      });
      const next = await this.insert(tx, lawsuit, hearing.judgeId, input, {
        mode: hearing.mode,
        room: hearing.room,
        courtroomId: hearing.courtroomId,
        meetingLink: hearing.meetingLink,
        previousHearingId: hearing.id,
      });
      await writeAtVersion(tx, Hearing, postponed, { nextHearingId: next.id }, 'Hearing');
      this.auditScheduled(tx, next);
      await this.hearingNotices.changed(tx, next, 'postponed', { previous: hearing, reason: input.reason });
      // A new summons for the new date; the old one now verifies as postponed.
      await this.documents.issue(tx, DocumentKind.HEARING_SUMMONS, next.id);
      return next;
    });
  }

  async cancel(ctx: RequestContext, input: CancelHearingInput): Promise<Hearing> {
    return this.tx.run(ctx, async (tx) => {
      const { hearing } = await this.lockHearing(tx, input.hearingId, 'schedule');
      return run(tx, hearingMachine, this.store, hearing, 'cancel', {
        patch: { postponementReason: input.reason },
        audit: { reason: input.reason },
        effects: (cancelled) => this.hearingNotices.changed(tx, cancelled, 'cancelled', { reason: input.reason }),
      });
    });
  }

  /** A judge of the circuit records the minutes and who attended; the hearing is then HELD. */
  async recordMinutes(ctx: RequestContext, input: RecordMinutesInput): Promise<Hearing> {
    return this.tx.run(ctx, async (tx) => {
      const { hearing, lawsuit } = await this.lockHearing(tx, input.hearingId, 'record');
      // A cancelled hearing, or one of a case that has ended, takes no minutes (before any other check).
      const facts = { caseState: lawsuit.state };
      hearingMachine.next(hearing.state, 'hold', facts);
      if (tx.now() < hearing.startsAt) throw BadUserInputError.field('input.hearingId', LITIGATION.hearingNotStarted());
      const parties = await tx.repo(LawsuitParty).findBy({ lawsuitId: lawsuit.id });
      input.attendance.forEach((a, i) => {
        if (!parties.some((p) => p.id === a.partyId))
          throw BadUserInputError.field(`input.attendance.${i}.partyId`, LITIGATION.notAParty());
      });
      return run(tx, hearingMachine, this.store, hearing, 'hold', {
        facts,
        patch: { minutes: input.minutes, heldAt: tx.now() },
        audit: { attendance: input.attendance },
        effects: async () => {
          for (const a of input.attendance) {
            await tx.manager.query(
              `INSERT INTO hearing_attendance (hearing_id, party_id, present) VALUES ($1, $2, $3)
               ON CONFLICT (hearing_id, party_id) DO UPDATE SET present = EXCLUDED.present`,
              [hearing.id, a.partyId, a.present],
            );
          }
          await this.documents.issue(tx, DocumentKind.HEARING_MINUTES, hearing.id);
        },
      });
    });
  }

  /** A party registers attendance at a remote hearing, from 15 minutes before it; then sees the link. */
  async registerAttendance(ctx: RequestContext, hearingId: string): Promise<Hearing> {
    return this.tx.run(ctx, async (tx) => {
      const hearing = await tx.repo(Hearing).findOneBy({ id: hearingId });
      if (!hearing) throw new NotFoundError(LITIGATION.hearingNotFound());
      const lawsuit = await tx.repo(Lawsuit).findOneByOrFail({ id: hearing.lawsuitId });
      const shape = await this.lawsuits.shape(tx, lawsuit);
      if (!can(tx, 'read', 'Lawsuit', shape)) throw unreadable(tx, 'Lawsuit', shape, LITIGATION.hearingNotFound());
      authorize(tx, 'attend', 'Lawsuit', shape);
      if (hearing.mode !== HearingMode.REMOTE) throw BadUserInputError.field('hearingId', LITIGATION.notRemote());
      if (hearing.state !== HearingState.SCHEDULED)
        throw BadUserInputError.field('hearingId', LITIGATION.hearingInState({ state: hearing.state }));
      const opensAt = new Date(hearing.startsAt.getTime() - REMOTE_CHECK_IN_MS);
      if (tx.now() < opensAt)
        throw BadUserInputError.field('hearingId', LITIGATION.registrationOpensAt({ opensAt: opensAt.toISOString() }));
      const acting = await this.agency.actFor(tx, await tx.repo(LawsuitParty).findBy({ lawsuitId: lawsuit.id }), PowerCode.LIT_ATTEND);
      if (!acting) throw new ForbiddenError(LITIGATION.attendanceByParty());
      const party = acting.party;
      await tx.manager.query(
        `INSERT INTO hearing_attendance (hearing_id, party_id, registered_at, power_of_attorney_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (hearing_id, party_id) DO UPDATE
           SET registered_at = COALESCE(hearing_attendance.registered_at, EXCLUDED.registered_at),
               power_of_attorney_id = CASE WHEN hearing_attendance.registered_at IS NULL
                                           THEN EXCLUDED.power_of_attorney_id ELSE hearing_attendance.power_of_attorney_id END`,
        [hearing.id, party.id, tx.now(), acting.powerOfAttorneyId],
      );
      tx.audit({
        action: 'hearing.attendance_registered',
        subjectType: 'Hearing',
        subjectId: hearing.id,
        after: { partyId: party.id, powerOfAttorneyId: acting.powerOfAttorneyId },
      });
      return hearing;
    });
  }

  /** Runs `work`; when the database refuses an overlap, answers HEARING_CONFLICT with the next free slot. */
  private async withConflictAnswer(
    ctx: RequestContext,
    slot: BookedSlot,
    work: (tx: RequestContext) => Promise<Hearing>,
  ): Promise<Hearing> {
    if (slot.startsAt <= ctx.now()) throw BadUserInputError.field('input.startsAt', LITIGATION.mustBeFuture());
    try {
      return await this.tx.run(ctx, work);
    } catch (err) {
      const constraint = (err as { code?: string; constraint?: string }).code === '23P01';
      if (!constraint) throw err;
      throw new HearingConflictError(await this.findFreeSlot(ctx, slot));
    }
  }

  /** The courtroom a refused booking asked for: by id, by name, or the postponed hearing's. */
  private async roomOf(ctx: RequestContext, lawsuit: Lawsuit, slot: BookedSlot, hearing: Hearing | null): Promise<string | null> {
    if (slot.courtroomId ?? hearing?.courtroomId) return slot.courtroomId ?? hearing!.courtroomId;
    return slot.room ? ((await this.courtrooms.named(ctx, lawsuit.courtId, slot.room))?.id ?? null) : null;
  }

  private async findFreeSlot(ctx: RequestContext, slot: BookedSlot): Promise<Date | null> {
    const hearing = slot.hearingId ? await ctx.repo(Hearing).findOneBy({ id: slot.hearingId }) : null;
    const lawsuitId = slot.lawsuitId ?? hearing?.lawsuitId;
    const lawsuit = lawsuitId ? await ctx.repo(Lawsuit).findOneBy({ id: lawsuitId }) : null;
    if (!lawsuit?.circuitId) return null;
    const court = await this.organizations.courtOf(ctx, lawsuit.courtId);
    const horizon = new Date(slot.startsAt.getTime() + 60 * 24 * 3600_000);
    const busy = await ctx.manager.query<{ starts_at: Date; ends_at: Date }[]>(
      `SELECT starts_at, ends_at FROM hearings
        WHERE (circuit_id = $1 OR ($2::uuid IS NOT NULL AND judge_id = $2) OR ($6::uuid IS NOT NULL AND courtroom_id = $6))
          AND state IN ('SCHEDULED','HELD')
          AND ends_at > $3 AND starts_at < $4 AND id <> COALESCE($5::uuid, '00000000-0000-0000-0000-000000000000')`,
      [
        lawsuit.circuitId,
        hearing?.judgeId ?? null,
        slot.startsAt,
        horizon,
        slot.hearingId ?? null,
        await this.roomOf(ctx, lawsuit, slot, hearing),
      ],
    );
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const holidays = await this.orgs.holidays(ctx, court.id, day(slot.startsAt), day(horizon));
    return nextFreeSlot(
      court,
      holidays,
      busy.map((b) => ({ startsAt: b.starts_at, endsAt: b.ends_at })),
      slot.startsAt,
      slot.durationMinutes * 60_000,
    );
  }

  private async insert(
    tx: RequestContext,
    lawsuit: Lawsuit,
    judgeId: string | null,
    slot: Slot,
    details: Pick<Hearing, 'mode' | 'room' | 'courtroomId' | 'meetingLink' | 'previousHearingId'>,
  ): Promise<Hearing> {
    const endsAt = new Date(slot.startsAt.getTime() + slot.durationMinutes * 60_000);
    const court = await this.organizations.courtOf(tx, lawsuit.courtId);
    const problem = await this.orgs.calendarProblem(tx, court, slot.startsAt, endsAt);
    if (problem) throw BadUserInputError.field('input.startsAt', LITIGATION.outsideCalendar({ problem }));
    return tx.repo(Hearing).save(
      tx.repo(Hearing).create({
        lawsuitId: lawsuit.id,
        circuitId: lawsuit.circuitId!,
        courtId: lawsuit.courtId,
        judgeId,
        startsAt: slot.startsAt,
        endsAt,
        state: HearingState.SCHEDULED,
        postponementReason: null,
        nextHearingId: null,
        minutes: null,
        heldAt: null,
        ...details,
      }),
    );
  }

  private async presidingJudge(tx: RequestContext, circuitId: string, requested?: string): Promise<string | null> {
    const seats = await this.people.judgesOfCircuit(tx, circuitId);
    if (requested) {
      if (!seats.some((s) => s.userId === requested)) throw BadUserInputError.field('input.judgeId', LITIGATION.notACircuitJudge());
      return requested;
    }
    return seats[0]?.userId ?? null;
  }

  private async lockHearing(
    tx: RequestContext,
    id: string,
    action: 'schedule' | 'record',
  ): Promise<{ hearing: Hearing; lawsuit: Lawsuit }> {
    const hearing = await tx.repo(Hearing).createQueryBuilder('h').setLock('pessimistic_write').where('h.id = :id', { id }).getOne();
    if (!hearing) throw new NotFoundError(LITIGATION.hearingNotFound());
    const shape = HearingSubject.shapeOf(hearing);
    if (!can(tx, 'read', 'Hearing', shape) && !can(tx, action, 'Hearing', shape)) throw new NotFoundError(LITIGATION.hearingNotFound());
    authorize(tx, action, 'Hearing', shape);
    const lawsuit = await tx.repo(Lawsuit).findOneByOrFail({ id: hearing.lawsuitId });
    // Minutes of a sealed case are for those who may read it: of the circuit's judges, its own (docs/domain.md, "Sealed cases").
    if (action === 'record' && !can(tx, 'read', 'Lawsuit', LawsuitSubject.shapeOf(await this.caseFiles.of(tx, lawsuit)))) {
      throw new ForbiddenError();
    }
    return { hearing, lawsuit };
  }

  /** A hearing enters the record: the first of a case, or the one a postponement moved it to. */
  private auditScheduled(tx: RequestContext, hearing: Hearing): void {
    tx.audit({
      action: 'hearing.scheduled',
      subjectType: 'Hearing',
      subjectId: hearing.id,
      after: {
        lawsuitId: hearing.lawsuitId,
        startsAt: hearing.startsAt,
        endsAt: hearing.endsAt,
        mode: hearing.mode,
        ...(hearing.previousHearingId ? { previousHearingId: hearing.previousHearingId } : {}),
      },
    });
  }

  /** How the lifecycle engine writes and describes a hearing. */
  private readonly store = versionedStore<Hearing, HearingState>(Hearing, 'Hearing', (h) => ({
    state: h.state,
    startsAt: h.startsAt,
    version: h.version,
  }));
}
