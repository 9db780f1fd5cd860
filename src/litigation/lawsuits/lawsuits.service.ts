/**
 * Submitting, reviewing and withdrawing lawsuits, and reading them; every move of a lawsuit goes
 * through `applyEvent`, which runs it through the lifecycle engine with its audit event, its
 * notices to the people concerned (lawsuit-notices.ts) and its documents. Filing and correction
 * are in lawsuit-filings.service.ts.
 */
import type { WorkContext } from '../../core/context/work-context';
import { FilingRefunds } from './filing-refunds';
import { CaseEnds } from './case-ends';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { authorize, can, unreadable } from '../../access/authorize';
import type { Action } from '../../access/ability.types';
import { accessibleCondition, applyAbility } from '../../access/sql-filter';
import type { RequestContext } from '../../access/context/request-context';
import { plainRows, selectionOf } from '../../core/database/plain-rows';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError, NotFoundError } from '../../core/errors/domain-error';
import { ConnectionShape, newestFirst } from '../../core/graphql/pagination';
import { AgencyService } from '../../notarization';
import { OrganizationLookups } from '../../organizations';
import { allocateCaseNumber } from './case-numbers';
import { LawsuitAttachment } from './lawsuit-attachment.entity';
import { LawsuitClaim } from './lawsuit-claim.entity';
import { LawsuitNotices, TransitionDetails } from './lawsuit-notices';
import { LawsuitParty } from './lawsuit-party.entity';
import { CaseFiles, type LawsuitShape, LawsuitSubject } from './case-files';
import { LawsuitEvent, type LawsuitFacts, lawsuitMachine, LawsuitState } from './lawsuit-state-machine';
import { run } from '../../core/lifecycle/lifecycle';
import { versionedStore, writeAtVersion } from '../../core/lifecycle/versioned-store';
import { DocumentKind } from '../../documents';
import { DocumentsService } from '../../documents';
import { Lawsuit } from './lawsuit.entity';
import { ReviewDecision } from './lawsuit.enums';
import { LawsuitsFilter, ReviewLawsuitInput } from './lawsuit.inputs';
import { ACTIVE_STATES, SPECIALIZATION_FOR } from './routing';
import { LITIGATION } from '../litigation-messages';

/** What the audit trail keeps of a lawsuit before and after a change. */
export function lawsuitSnapshot(l: Lawsuit) {
  return { state: l.state, caseNumber: l.caseNumber, circuitId: l.circuitId, courtId: l.courtId, version: l.version };
}

@Injectable()
export class LawsuitsService {
  constructor(
    private readonly tx: Transactions,
    private readonly notices: LawsuitNotices,
    private readonly agency: AgencyService,
    private readonly documents: DocumentsService,
    private readonly organizations: OrganizationLookups,
    private readonly caseFiles: CaseFiles,
    private readonly refunds: FilingRefunds,
    private readonly ends: CaseEnds,
  ) {}

  withdraw(ctx: RequestContext, id: string): Promise<Lawsuit> {
    return this.transition(ctx, id, 'withdraw', 'withdraw', () => ({ closedAt: ctx.now() }));
  }

  async review(ctx: RequestContext, input: ReviewLawsuitInput): Promise<Lawsuit> {
    if (input.decision !== ReviewDecision.ACCEPT && !input.reason) {
      throw BadUserInputError.field(
        'input.reason',
        input.decision === ReviewDecision.RETURN ? LITIGATION.reasonToReturn() : LITIGATION.reasonToReject(),
      );
    }
    if (input.fields?.length && input.decision !== ReviewDecision.RETURN) {
      throw BadUserInputError.field('input.fields', LITIGATION.fieldsToReturnOnly());
    }
    switch (input.decision) {
      case ReviewDecision.RETURN:
        return this.transition(ctx, input.id, 'review', 'return', () => ({
          returnReason: input.reason!,
          returnFields: [...new Set(input.fields ?? [])],
        }));
      case ReviewDecision.REJECT:
        return this.transition(ctx, input.id, 'review', 'reject', () => ({ rejectReason: input.reason!, closedAt: ctx.now() }));
      case ReviewDecision.ACCEPT:
        return this.transition(ctx, input.id, 'review', 'register', async (lawsuit, tx) => {
          const court = await this.organizations.courtOf(tx, lawsuit.courtId);
          const circuitId = await this.leastLoadedCircuit(tx, lawsuit);
          const caseNumber = await allocateCaseNumber(tx, court);
          return { caseNumber: caseNumber.number, caseYear: caseNumber.year, caseSeq: caseNumber.seq, circuitId, registeredAt: tx.now() };
        });
      default: {
        const unknown: never = input.decision;
        throw new Error(`unknown decision ${String(unknown)}`);
      }
    }
  }

  /** One lawsuit, if the caller may read it; otherwise NOT_FOUND (existence is not revealed). */
  async get(ctx: RequestContext, id: string): Promise<Lawsuit> {
    const lawsuit = await ctx.repo(Lawsuit).findOneBy({ id });
    if (!lawsuit) throw new NotFoundError(LITIGATION.lawsuitNotFound());
    const shape = await this.shape(ctx, lawsuit);
    if (!can(ctx, 'read', 'Lawsuit', shape)) throw unreadable(ctx, 'Lawsuit', shape, LITIGATION.lawsuitNotFound());
    return lawsuit;
  }

  /** Lawsuits the caller may read, newest first, filtered in SQL by the ability and the filter. */
  async list(ctx: RequestContext, filter: LawsuitsFilter, first: number, after?: string): Promise<ConnectionShape<Lawsuit>> {
    const qb = ctx.repo(Lawsuit).createQueryBuilder('l');
    applyAbility(qb, ctx.ability, 'read', 'Lawsuit', 'l');
    if (filter.states?.length) qb.andWhere('l.state IN (:...states)', { states: filter.states });
    if (filter.category) qb.andWhere('l.category = :category', { category: filter.category });
    if (filter.courtId) qb.andWhere('l.court_id = :courtId', { courtId: filter.courtId });
    if (filter.circuitId) qb.andWhere('l.circuit_id = :circuitId', { circuitId: filter.circuitId });
    if (filter.partyNationalId) {
      qb.andWhere('EXISTS (SELECT 1 FROM lawsuit_parties fp WHERE fp.lawsuit_id = l.id AND fp.national_id = :pnid)', {
        pnid: filter.partyNationalId,
      });
    }
    if (filter.filedFrom) qb.andWhere('l.created_at >= :from', { from: filter.filedFrom });
    if (filter.filedTo) qb.andWhere('l.created_at < :to', { to: filter.filedTo });
    if (filter.text) qb.andWhere(`l.search @@ plainto_tsquery('simple', :text)`, { text: filter.text });
    return newestFirst(qb, 'l', first, after);
  }

  /** Of these lawsuits, those the caller may read (one query, filtered by the ability): for nested fields. */
  /** The lawsuits among `ids` the caller may read, as plain rows (a hot read: every docket line nests one). */
  readableByIds(ctx: RequestContext, ids: readonly string[]): Promise<Lawsuit[]> {
    const selection = selectionOf(ctx, Lawsuit, 'l');
    const access = accessibleCondition(ctx.ability, 'read', 'Lawsuit', 'l');
    return plainRows<Lawsuit>(
      ctx,
      `SELECT ${selection.sql} FROM lawsuits l WHERE l.id = ANY(:ids::uuid[]) AND ${access.sql}`,
      { ...access.params, ids: [...ids] },
      selection,
    );
  }

  /** The parties of these lawsuits, claimants first, as plain rows. */
  partiesOf(ctx: RequestContext, lawsuitIds: readonly string[]): Promise<LawsuitParty[]> {
    const selection = selectionOf(ctx, LawsuitParty, 'p');
    return plainRows<LawsuitParty>(
      ctx,
      `SELECT ${selection.sql} FROM lawsuit_parties p WHERE p.lawsuit_id = ANY(:ids::uuid[]) ORDER BY p.side, p.created_at`,
      { ids: [...lawsuitIds] },
      selection,
    );
  }

  claimsOf(ctx: RequestContext, lawsuitIds: readonly string[]): Promise<LawsuitClaim[]> {
    return ctx.repo(LawsuitClaim).find({ where: { lawsuitId: In([...lawsuitIds]) }, order: { position: 'ASC' } });
  }

  attachmentsOf(ctx: RequestContext, lawsuitIds: readonly string[]): Promise<LawsuitAttachment[]> {
    return ctx.repo(LawsuitAttachment).find({ where: { lawsuitId: In([...lawsuitIds]) }, order: { createdAt: 'ASC' } });
  }

  /** What the lawsuit rules look at: the row plus its parties, representatives and presiding judges. */
  async shape(ctx: RequestContext, l: Lawsuit): Promise<LawsuitShape> {
    return LawsuitSubject.shapeOf(await this.caseFiles.of(ctx, l));
  }

  /**
   * Applies one event of the state machine: locks the row, checks the ability for `action`, computes
   * the next state, applies `changes`, and audits, all in one transaction.
   */
  private async transition(
    ctx: RequestContext,
    id: string,
    action: 'submit' | 'withdraw' | 'review',
    event: LawsuitEvent,
    changes: (l: Lawsuit, tx: RequestContext) => Partial<Lawsuit> | Promise<Partial<Lawsuit>>,
  ): Promise<Lawsuit> {
    return this.tx.run(ctx, async (tx) => {
      const lawsuit = await this.opened(tx, id, action, event);
      return this.applyEvent(tx, lawsuit, event, await changes(lawsuit, tx));
    });
  }

  /** The lawsuit locked, readable (else NOT_FOUND), `action` allowed (else FORBIDDEN) and `event` possible from its state. */
  async opened(tx: RequestContext, id: string, action: 'submit' | 'withdraw' | 'review', event: LawsuitEvent): Promise<Lawsuit> {
    const lawsuit = await this.loadForUpdate(tx, id);
    const shape = await this.shape(tx, lawsuit);
    if (!can(tx, 'read', 'Lawsuit', shape) && !can(tx, action, 'Lawsuit', shape))
      throw unreadable(tx, 'Lawsuit', shape, LITIGATION.lawsuitNotFound());
    authorize(tx, action, 'Lawsuit', shape);
    lawsuitMachine.next(lawsuit.state, event); // refuses an illegal move before any work
    return lawsuit;
  }

  /**
   * Moves a lawsuit, locked by the caller inside its transaction and already authorized, through
   * one event of the state machine, with `patch`, audits it and notifies the people concerned
   * (`details`: what the notice needs beyond the lawsuit row; `audit`: what the audit event adds,
   * such as a reason). Other modules' use cases (the first
   * hearing, a judgment) call this; the state itself is only ever set here.
   */
  async applyEvent(
    tx: RequestContext,
    lawsuit: Lawsuit,
    event: LawsuitEvent,
    patch: Partial<Lawsuit> = {},
    details: TransitionDetails = {},
    facts?: LawsuitFacts,
    audit?: Record<string, unknown>,
  ): Promise<Lawsuit> {
    return run(tx, lawsuitMachine, this.store, lawsuit, event, {
      patch,
      facts,
      audit,
      effects: async (moved) => {
        await this.notices.lawsuitMoved(tx, lawsuit, moved, event, details);
        // A case ended before its fee was earned gives money back (filing-refunds.ts).
        await this.refunds.afterEnd(tx, event, lawsuit, moved);
        // A case that ends cancels what was ahead of it (case-ends.ts).
        await this.ends.moved(tx, moved, event);
        // Registration issues the filing receipt (rendered by the worker after commit).
        if (event === 'register') await this.documents.issue(tx, DocumentKind.LAWSUIT_RECEIPT, lawsuit.id);
      },
    });
  }

  /** How the lifecycle engine writes and describes a lawsuit. */
  private readonly store = versionedStore<Lawsuit, LawsuitState>(Lawsuit, 'Lawsuit', lawsuitSnapshot);

  /** The lawsuit locked for a change, NOT_FOUND unless readable, FORBIDDEN unless `action` is allowed (see CaseFiles.open). */
  async lockReadable(tx: RequestContext, id: string, action?: Action): Promise<Lawsuit> {
    return (await this.caseFiles.open(tx, id, action)).lawsuit;
  }

  async loadForUpdate(tx: RequestContext, id: string): Promise<Lawsuit> {
    return (await this.caseFiles.lock(tx, id)).lawsuit;
  }

  /** Writes `patch` over the row at its version and answers the row as written (no second read). */
  update(tx: WorkContext, lawsuit: Lawsuit, patch: Partial<Lawsuit>): Promise<Lawsuit> {
    return writeAtVersion(tx, Lawsuit, lawsuit, patch, 'Lawsuit');
  }

  /**
   * The circuit of `courtId` for the lawsuit's category with the fewest active cases (a tie to the
   * lowest code): where registration refers a case, and where a transfer sends it by default.
   */
  async leastLoadedCircuit(tx: RequestContext, lawsuit: Lawsuit, courtId = lawsuit.courtId, field = 'input.id'): Promise<string> {
    // The court's circuits come by code, so the least loaded with the lowest code wins a tie.
    const circuits = await this.organizations.activeCircuits(tx, courtId, SPECIALIZATION_FOR[lawsuit.category]);
    const loads = await tx.manager.query<{ circuit_id: string; load: number }[]>(
      `SELECT circuit_id, count(*)::int AS load FROM lawsuits WHERE circuit_id = ANY($1::uuid[]) AND state = ANY($2) GROUP BY circuit_id`,
      [circuits.map((c) => c.id), ACTIVE_STATES],
    );
    const loadOf = new Map(loads.map((l) => [l.circuit_id, l.load]));
    const row = circuits.reduce<(typeof circuits)[number] | undefined>(
      (best, c) => (!best || (loadOf.get(c.id) ?? 0) < (loadOf.get(best.id) ?? 0) ? c : best),
      undefined,
    );
    if (!row) throw BadUserInputError.field(field, LITIGATION.noCircuitToRefer({ specialization: SPECIALIZATION_FOR[lawsuit.category] }));
    return row.id;
  }
}
