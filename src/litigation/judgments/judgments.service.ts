/**
 * Judgments and what follows: issuing after a held hearing, objections within the computed
 * window, appeal decisions, finality (when the window passes unused, or on appeal) and execution
 * requests by the party the judgment favours.
 */
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { authorize } from '../../access/authorize';
import { ObjectionSubject } from '../litigation.subjects';
import type { RequestContext } from '../../access/context/request-context';
import { AgencyService } from '../../notarization';
import { PowerCode } from '../../access/power-codes';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError, DomainError, ForbiddenError } from '../../core/errors/domain-error';
import { HearingState } from '../hearings/hearing.enums';
import { Hearing } from '../hearings/hearing.entity';
import { LawsuitParty } from '../lawsuits/lawsuit-party.entity';
import { lawsuitMachine, LawsuitState } from '../lawsuits/lawsuit-state-machine';
import { Lawsuit } from '../lawsuits/lawsuit.entity';
import { LawsuitsService } from '../lawsuits/lawsuits.service';
import { type Court, OrganizationLookups } from '../../organizations';
import { DocumentKind } from '../../documents';
import { DocumentsService } from '../../documents';
import { ExecutionRequest } from './execution-request.entity';
import { JudgmentCosts } from './judgment-costs';
import { AppealDecision } from './judgment.enums';
import { Judgment } from './judgment.entity';
import { DecideAppealInput, FileObjectionInput, IssueJudgmentInput, RecordJudgmentServiceInput } from './judgment.inputs';
import { ObjectionClock, PartyWindow } from './objection-clock.service';
import { mayObject, objectionDays, URGENT_CATEGORIES } from './objection-window';
import { Objection } from './objection.entity';
import { LITIGATION } from '../litigation-messages';

@Injectable()
export class JudgmentsService {
  constructor(
    private readonly tx: Transactions,
    private readonly lawsuits: LawsuitsService,
    private readonly clock: ObjectionClock,
    private readonly agency: AgencyService,
    private readonly documents: DocumentsService,
    private readonly organizations: OrganizationLookups,
    private readonly costs: JudgmentCosts,
  ) {}

  async issue(ctx: RequestContext, input: IssueJudgmentInput): Promise<Judgment> {
    return this.tx.run(ctx, async (tx) => {
      const lawsuit = await this.lawsuits.lockReadable(tx, input.lawsuitId, 'judge');
      const held = await tx
        .repo(Hearing)
        .findOne({ where: { lawsuitId: lawsuit.id, state: HearingState.HELD }, order: { heldAt: 'DESC' } });
      const facts = { heldHearing: !!held };
      lawsuitMachine.next(lawsuit.state, 'issueJudgment', facts);
      const now = tx.now();
      const urgent = URGENT_CATEGORIES.includes(lawsuit.category);
      // No clock starts here: each party's window runs from their own service of the notice (ObjectionClock).
      await this.lawsuits.applyEvent(
        tx,
        lawsuit,
        'issueJudgment',
        { decidedAt: now },
        { judgment: { inFavourOf: input.inFavourOf, objectionDays: objectionDays(urgent), urgent } },
        facts,
      );
      const judgment = await tx.repo(Judgment).save(
        tx.repo(Judgment).create({
          lawsuitId: lawsuit.id,
          hearingId: held!.id,
          judgeId: tx.actor!.id,
          ruling: input.ruling,
          summary: input.summary,
          reasoning: input.reasoning,
          amountAwarded: input.amountAwarded ?? null,
          inFavourOf: input.inFavourOf,
          urgent,
          issuedAt: now,
          notifiedAt: null,
          objectionDeadline: null,
          finalAt: null,
        }),
      );
      tx.audit({
        action: 'judgment.issued',
        subjectType: 'Judgment',
        subjectId: judgment.id,
        after: {
          lawsuitId: lawsuit.id,
          inFavourOf: input.inFavourOf,
          amountAwarded: judgment.amountAwarded,
          urgent,
        },
      });
      await this.documents.issue(tx, DocumentKind.JUDGMENT, judgment.id);
      return judgment;
    });
  }

  async fileObjection(ctx: RequestContext, input: FileObjectionInput): Promise<Objection> {
    return this.tx.run(ctx, async (tx) => {
      const lawsuit = await this.lawsuits.lockReadable(tx, input.lawsuitId, 'object');
      const judgment = await this.openJudgment(tx, lawsuit, 'object');
      const { acting, deadline, facts } = await this.answering(tx, lawsuit, judgment);
      const party = acting.party;
      refuseAfter(deadline, tx.now());
      lawsuitMachine.next(lawsuit.state, 'object', facts);
      const appealCourt = await this.appealCourtFor(tx, lawsuit);
      await this.lawsuits.applyEvent(tx, lawsuit, 'object', {}, { side: party.side, appealCourt }, facts);
      const objection = await tx.repo(Objection).save(
        tx.repo(Objection).create({
          judgmentId: judgment.id,
          lawsuitId: lawsuit.id,
          partyId: party.id,
          filedBy: tx.actor!.id,
          powerOfAttorneyId: acting.powerOfAttorneyId,
          reasons: input.reasons,
          appealCourtId: appealCourt.id,
          decision: null,
          decisionReasoning: null,
          amendedAmount: null,
          decidedBy: null,
          decidedAt: null,
        }),
      );
      tx.audit({
        action: 'objection.filed',
        subjectType: 'Objection',
        subjectId: objection.id,
        after: { lawsuitId: lawsuit.id, partyId: party.id, appealCourtId: appealCourt.id },
      });
      return objection;
    });
  }

  /**
   * A judge of the appeal court decides every objection to the judgment together, once each party
   * has objected or let its window pass; the judgment is then final.
   */
  async decideAppeal(ctx: RequestContext, input: DecideAppealInput): Promise<Objection> {
    if (input.decision === AppealDecision.AMEND && input.amendedAmount === undefined) {
      throw BadUserInputError.field('input.amendedAmount', LITIGATION.amendedAmountRequired());
    }
    return this.tx.run(ctx, async (tx) => {
      const lawsuit = await this.lawsuits.lockReadable(tx, input.lawsuitId);
      const objections = await tx.repo(Objection).find({ where: { lawsuitId: lawsuit.id }, order: { createdAt: 'DESC' } });
      const [latest] = objections;
      // The right to decide first, so that a judge without it learns nothing of the case's state.
      authorize(
        tx,
        'decide',
        'Objection',
        latest ? ObjectionSubject.shapeOf(latest) : { appealCourtId: (await this.appealCourtFor(tx, lawsuit)).id },
      );
      const pending = objections.filter((o) => o.decision === null);
      const facts = { pendingObjection: pending.length > 0, windowsClosed: await this.clock.everyWindowClosed(tx, lawsuit.id, tx.now()) };
      lawsuitMachine.next(lawsuit.state, 'decideAppeal', facts);
      const now = tx.now();
      const amendedAmount = input.decision === AppealDecision.AMEND ? input.amendedAmount! : null;
      await tx.repo(Objection).update(
        pending.map((o) => o.id),
        { decision: input.decision, decisionReasoning: input.reasoning, amendedAmount, decidedBy: tx.actor!.id, decidedAt: now },
      );
      const decided = await this.lawsuits.applyEvent(
        tx,
        lawsuit,
        'decideAppeal',
        {},
        { appeal: { decision: input.decision, amendedAmount } },
        facts,
      );
      const final = await this.lawsuits.applyEvent(tx, decided, 'finalize');
      await tx.repo(Judgment).update({ lawsuitId: lawsuit.id }, { finalAt: now });
      await this.costs.finalized(tx, final);
      for (const objection of pending) {
        tx.audit({
          action: 'appeal.decided',
          subjectType: 'Objection',
          subjectId: objection.id,
          after: { decision: input.decision, amendedAmount: input.amendedAmount ?? null },
        });
      }
      return tx.repo(Objection).findOneByOrFail({ id: pending[0].id });
    });
  }

  /**
   * A clerk of the court records that a party was served with the judgment outside the platform;
   * that party's window runs from then, and once every party is served the judgment's window is known.
   */
  async recordService(ctx: RequestContext, input: RecordJudgmentServiceInput): Promise<PartyWindow> {
    return this.tx.run(ctx, async (tx) => {
      const lawsuit = await this.lawsuits.lockReadable(tx, input.lawsuitId, 'serve');
      const judgment = await this.openJudgment(tx, lawsuit, 'recordService');
      const party = await tx.repo(LawsuitParty).findOneBy({ id: input.partyId, lawsuitId: lawsuit.id });
      if (!party) throw BadUserInputError.field('input.partyId', LITIGATION.notAParty());
      if (input.servedAt > tx.now()) throw BadUserInputError.field('input.servedAt', LITIGATION.servedInFuture());
      if (input.servedAt < judgment.issuedAt) throw BadUserInputError.field('input.servedAt', LITIGATION.servedBeforeJudgment());
      if (!(await this.clock.record(tx, judgment, party, input.servedAt, input.reference))) {
        throw BadUserInputError.field('input.partyId', LITIGATION.servedAlready());
      }
      const windows = await this.clock.windowsOf(tx, [judgment.id]);
      return windows.find((w) => w.partyId === party.id)!;
    });
  }

  /**
   * Judgments whose every party let its window pass or accepted them become final.
   * `objection_deadline` is set only once every party was served (the last party's deadline), so
   * an unserved party who has not accepted keeps the judgment open. Run by the worker's schedule.
   */
  async finalizeExpired(ctx: RequestContext, limit = 500): Promise<number> {
    const due = await ctx.manager.query<{ lawsuit_id: string }[]>(
      `SELECT j.lawsuit_id FROM judgments j JOIN lawsuits l ON l.id = j.lawsuit_id
        WHERE j.final_at IS NULL AND l.state = 'JUDGMENT_ISSUED'
          AND (j.objection_deadline < $1 OR EXISTS (SELECT 1 FROM judgment_acceptances a WHERE a.judgment_id = j.id))
        ORDER BY j.objection_deadline NULLS LAST LIMIT $2`,
      [ctx.now(), limit],
    );
    let finalized = 0;
    for (const { lawsuit_id } of due) {
      await this.tx.run(ctx, async (tx) => {
        const lawsuit = await this.lawsuits.loadForUpdate(tx, lawsuit_id);
        if (await this.finalizeIfClosed(tx, lawsuit)) finalized += 1;
      });
    }
    return finalized;
  }

  /**
   * A party (or their agent with the power to object) accepts the judgment (القناعة بالحكم): their
   * window closes unused; when it was the last one open and no one objected, the judgment is final.
   */
  async acceptJudgment(ctx: RequestContext, lawsuitId: string): Promise<PartyWindow> {
    return this.tx.run(ctx, async (tx) => {
      const lawsuit = await this.lawsuits.lockReadable(tx, lawsuitId, 'object');
      const judgment = await this.openJudgment(tx, lawsuit, 'acceptJudgment');
      const { acting, deadline, facts } = await this.answering(tx, lawsuit, judgment);
      lawsuitMachine.next(lawsuit.state, 'acceptJudgment', facts);
      refuseAfter(deadline, tx.now());
      await tx.manager.query(
        `INSERT INTO judgment_acceptances (judgment_id, party_id, accepted_by, power_of_attorney_id, accepted_at) VALUES ($1, $2, $3, $4, $5)`,
        [judgment.id, acting.party.id, tx.actor!.id, acting.powerOfAttorneyId, tx.now()],
      );
      const moved = await this.lawsuits.applyEvent(tx, lawsuit, 'acceptJudgment', {}, {}, facts);
      tx.audit({
        action: 'judgment.accepted',
        subjectType: 'Judgment',
        subjectId: judgment.id,
        after: { partyId: acting.party.id, powerOfAttorneyId: acting.powerOfAttorneyId },
      });
      if (moved.state === LawsuitState.JUDGMENT_ISSUED) await this.finalizeIfClosed(tx, moved);
      return (await this.clock.windowsOf(tx, [judgment.id])).find((w) => w.partyId === acting.party.id)!;
    });
  }

  /**
   * The party who objects to the judgment or accepts it: the caller, or the party their power of
   * attorney (with LIT_OBJECT_APPEAL) lets them act for, bound by that party's own clock; with what
   * it did about the judgment already (each party answers once).
   */
  private async answering(tx: RequestContext, lawsuit: Lawsuit, judgment: Judgment) {
    const acting = await this.agency.actFor(tx, await tx.repo(LawsuitParty).findBy({ lawsuitId: lawsuit.id }), PowerCode.LIT_OBJECT_APPEAL);
    if (!acting) throw new ForbiddenError(LITIGATION.objectionByParty());
    const deadline = await this.clock.deadlineOf(tx, judgment.id, acting.party.id);
    return { acting, deadline, facts: { answered: await this.clock.answerOf(tx, judgment.id, acting.party.id) } };
  }

  /** A case whose judgment no one objected to becomes final once every party's window is closed; true when it did. */
  private async finalizeIfClosed(tx: RequestContext, lawsuit: Lawsuit): Promise<boolean> {
    if (lawsuit.state !== LawsuitState.JUDGMENT_ISSUED || !(await this.clock.everyWindowClosed(tx, lawsuit.id, tx.now()))) return false;
    const final = await this.lawsuits.applyEvent(tx, lawsuit, 'finalize');
    await tx.repo(Judgment).update({ lawsuitId: lawsuit.id }, { finalAt: tx.now() });
    await this.costs.finalized(tx, final);
    return true;
  }

  /** The party the final judgment favours asks for its execution. */
  async requestExecution(ctx: RequestContext, lawsuitId: string): Promise<ExecutionRequest> {
    return this.tx.run(ctx, async (tx) => {
      const lawsuit = await this.lawsuits.lockReadable(tx, lawsuitId, 'execute');
      const judgment = await tx.repo(Judgment).findOneByOrFail({ lawsuitId: lawsuit.id });
      const acting = await this.agency.actFor(
        tx,
        await tx.repo(LawsuitParty).findBy({ lawsuitId: lawsuit.id }),
        PowerCode.LIT_REQUEST_EXECUTION,
      );
      if (!acting) throw new ForbiddenError(LITIGATION.executionByParty());
      const party = acting.party;
      await this.lawsuits.applyEvent(tx, lawsuit, 'requestExecution', {}, { side: party.side });
      const request = await tx.repo(ExecutionRequest).save(
        tx.repo(ExecutionRequest).create({
          lawsuitId: lawsuit.id,
          judgmentId: judgment.id,
          partyId: party.id,
          requestedBy: tx.actor!.id,
          powerOfAttorneyId: acting.powerOfAttorneyId,
        }),
      );
      tx.audit({
        action: 'execution.requested',
        subjectType: 'Lawsuit',
        subjectId: lawsuit.id,
        after: { executionRequestId: request.id, partyId: party.id },
      });
      await this.documents.issue(tx, DocumentKind.EXECUTION_ORDER, request.id);
      return request;
    });
  }

  /**
   * The party the judgment favours (or their agent with the power to request execution)
   * acknowledges it fulfilled: the execution ends and the case is closed.
   */
  async acknowledgeFulfilment(ctx: RequestContext, lawsuitId: string): Promise<Lawsuit> {
    return this.tx.run(ctx, async (tx) => {
      const lawsuit = await this.lawsuits.lockReadable(tx, lawsuitId, 'execute');
      lawsuitMachine.next(lawsuit.state, 'close');
      const acting = await this.agency.actFor(
        tx,
        await tx.repo(LawsuitParty).findBy({ lawsuitId: lawsuit.id }),
        PowerCode.LIT_REQUEST_EXECUTION,
      );
      if (!acting) throw new ForbiddenError(LITIGATION.executionByParty());
      tx.audit({
        action: 'execution.fulfilled',
        subjectType: 'Lawsuit',
        subjectId: lawsuit.id,
        after: { partyId: acting.party.id, powerOfAttorneyId: acting.powerOfAttorneyId },
      });
      return this.lawsuits.applyEvent(tx, lawsuit, 'close', { closedAt: tx.now() });
    });
  }

  judgmentsOf(ctx: RequestContext, lawsuitIds: readonly string[]): Promise<Judgment[]> {
    return ctx.repo(Judgment).findBy({ lawsuitId: In([...lawsuitIds]) });
  }

  objectionsOf(ctx: RequestContext, lawsuitIds: readonly string[]): Promise<Objection[]> {
    return ctx.repo(Objection).find({ where: { lawsuitId: In([...lawsuitIds]) }, order: { createdAt: 'ASC' } });
  }

  executionRequestsOf(ctx: RequestContext, lawsuitIds: readonly string[]): Promise<ExecutionRequest[]> {
    return ctx.repo(ExecutionRequest).find({ where: { lawsuitId: In([...lawsuitIds]) }, order: { createdAt: 'ASC' } });
  }

  /** The lawsuit's judgment while its objection windows run (JUDGMENT_ISSUED); the lifecycle refuses `event` otherwise. */
  private async openJudgment(
    tx: RequestContext,
    lawsuit: Lawsuit,
    event: 'object' | 'recordService' | 'acceptJudgment',
  ): Promise<Judgment> {
    lawsuitMachine.next(lawsuit.state, event);
    return tx.repo(Judgment).findOneByOrFail({ lawsuitId: lawsuit.id });
  }

  /** An appeal court of the lawsuit's city, or else the first appeal court. */
  private async appealCourtFor(tx: RequestContext, lawsuit: Lawsuit): Promise<Court> {
    const court = await this.organizations.courtOf(tx, lawsuit.courtId);
    const appeal = await this.organizations.appealCourtFor(tx, court.city);
    if (!appeal) throw BadUserInputError.field('input.lawsuitId', LITIGATION.noAppealCourt());
    return appeal;
  }
}

/** DEADLINE_PASSED once the party's window has closed (an unserved party's has not started). */
function refuseAfter(deadline: Date | null, now: Date): void {
  if (mayObject(deadline, now)) return;
  throw new DomainError('DEADLINE_PASSED', LITIGATION.objectionClosed({ deadline: deadline!.toISOString() }), {
    deadline: deadline!.toISOString(),
  });
}
