/**
 * Filing, correcting, submitting, reviewing and withdrawing lawsuits, and reading them. Every
 * transition asks the state machine and the caller's ability, and commits with its audit event
 * and its notices to the people concerned (lawsuit-notices.ts).
 */
import type { WorkContext } from '../../core/context/work-context';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { authorize, can, unreadable } from '../../access/authorize';
import type { Action } from '../../access/ability.types';
import { accessibleCondition, applyAbility } from '../../access/sql-filter';
import type { RequestContext } from '../../access/context/request-context';
import { plainRows, selectionOf } from '../../core/database/plain-rows';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError, FieldError, NotFoundError, StaleVersionError } from '../../core/errors/domain-error';
import { ConnectionShape, newestFirst } from '../../core/graphql/pagination';
import { Role } from '../../access/role.enum';
import { AgencyService } from '../../notarization';
import { PowerCode } from '../../access/power-codes';
import { type Court, OrganizationLookups } from '../../organizations';
import { allocateCaseNumber } from './case-numbers';
import { courtFee } from './court-fees';
import { feeRulesOn } from './fee-rules';
import { LawsuitAttachment } from './lawsuit-attachment.entity';
import { LawsuitClaim } from './lawsuit-claim.entity';
import { LawsuitNotices, TransitionDetails } from './lawsuit-notices';
import { LawsuitParty } from './lawsuit-party.entity';
import { CaseFiles, type LawsuitShape, shapeOf } from './case-files';
import { LawsuitEvent, type LawsuitFacts, lawsuitMachine, LawsuitState } from './lawsuit-state-machine';
import { type LifecycleStore, run } from '../../core/lifecycle/lifecycle';
import { DocumentKind } from '../../documents';
import { DocumentsService } from '../../documents';
import { Lawsuit } from './lawsuit.entity';
import { LawsuitCategory, PartyKind, PartySide, ReviewDecision } from './lawsuit.enums';
import {
  CorrectLawsuitInput,
  FileLawsuitInput,
  LawsuitContentInput,
  LawsuitsFilter,
  PartyInput,
  ReviewLawsuitInput,
} from './lawsuit.inputs';
import { ACTIVE_STATES, COURT_TYPES_FOR, SPECIALIZATION_FOR } from './routing';

function snapshot(l: Lawsuit) {
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
  ) {}

  async file(ctx: RequestContext, input: FileLawsuitInput): Promise<Lawsuit> {
    // Who may file this category (and for which office) is decided before the content is examined.
    authorize(ctx, 'create', 'Lawsuit', { category: input.category, prosecutionOfficeId: this.filingOffice(ctx, input) });
    return this.tx.run(ctx, async (tx) => {
      const content = await this.checkContent(tx, input);
      const lawsuit = await tx.repo(Lawsuit).save(
        tx.repo(Lawsuit).create({
          ...content.columns,
          state: LawsuitState.DRAFT,
          filedBy: tx.actor!.id,
          caseNumber: null,
          caseYear: null,
          caseSeq: null,
          circuitId: null,
          returnReason: null,
          rejectReason: null,
          submittedAt: null,
          registeredAt: null,
          decidedAt: null,
          closedAt: null,
        }),
      );
      await this.writeDetails(tx, lawsuit.id, input, content.representation);
      tx.audit({
        action: 'lawsuit.filed',
        subjectType: 'Lawsuit',
        subjectId: lawsuit.id,
        after: { ...snapshot(lawsuit), category: lawsuit.category, feeAmount: lawsuit.feeAmount },
      });
      return lawsuit;
    });
  }

  /** Replaces the content of a draft or of a filing returned for correction. */
  async correct(ctx: RequestContext, input: CorrectLawsuitInput): Promise<Lawsuit> {
    return this.tx.run(ctx, async (tx) => {
      const lawsuit = await this.loadForUpdate(tx, input.id);
      const shape = await this.shape(tx, lawsuit);
      if (!can(tx, 'read', 'Lawsuit', shape)) throw unreadable(tx, 'Lawsuit', shape, 'Lawsuit');
      authorize(tx, 'update', 'Lawsuit', shape);
      if (![LawsuitState.DRAFT, LawsuitState.RETURNED].includes(lawsuit.state)) {
        throw BadUserInputError.field('input.id', `a ${lawsuit.state} lawsuit cannot be corrected`);
      }
      if (lawsuit.version !== input.version) throw new StaleVersionError('Lawsuit');
      const content = await this.checkContent(tx, input);
      if (
        content.columns.category !== lawsuit.category &&
        (lawsuit.category === LawsuitCategory.CRIMINAL || content.columns.category === LawsuitCategory.CRIMINAL)
      ) {
        throw BadUserInputError.field('input.category', 'cannot change to or from CRIMINAL');
      }
      await tx.repo(LawsuitParty).delete({ lawsuitId: lawsuit.id });
      await tx.repo(LawsuitClaim).delete({ lawsuitId: lawsuit.id });
      await tx.repo(LawsuitAttachment).delete({ lawsuitId: lawsuit.id });
      await this.writeDetails(tx, lawsuit.id, input, content.representation);
      await this.update(tx, lawsuit, content.columns);
      tx.audit({
        action: 'lawsuit.corrected',
        subjectType: 'Lawsuit',
        subjectId: lawsuit.id,
        before: snapshot(lawsuit),
        after: { ...content.columns },
      });
      return tx.repo(Lawsuit).findOneByOrFail({ id: lawsuit.id });
    });
  }

  submit(ctx: RequestContext, id: string): Promise<Lawsuit> {
    return this.transition(ctx, id, 'submit', 'submit', (l) => ({ submittedAt: ctx.now(), returnReason: null, state: l.state }));
  }

  withdraw(ctx: RequestContext, id: string): Promise<Lawsuit> {
    return this.transition(ctx, id, 'withdraw', 'withdraw', () => ({ closedAt: ctx.now() }));
  }

  async review(ctx: RequestContext, input: ReviewLawsuitInput): Promise<Lawsuit> {
    if (input.decision !== ReviewDecision.ACCEPT && !input.reason) {
      throw BadUserInputError.field('input.reason', `is required to ${input.decision.toLowerCase()} a filing`);
    }
    switch (input.decision) {
      case ReviewDecision.RETURN:
        return this.transition(ctx, input.id, 'review', 'return', () => ({ returnReason: input.reason! }));
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
    if (!lawsuit) throw new NotFoundError('Lawsuit');
    const shape = await this.shape(ctx, lawsuit);
    if (!can(ctx, 'read', 'Lawsuit', shape)) throw unreadable(ctx, 'Lawsuit', shape, 'Lawsuit');
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
    return shapeOf(await this.caseFiles.of(ctx, l));
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
      const lawsuit = await this.loadForUpdate(tx, id);
      const shape = await this.shape(tx, lawsuit);
      if (!can(tx, 'read', 'Lawsuit', shape) && !can(tx, action, 'Lawsuit', shape)) throw unreadable(tx, 'Lawsuit', shape, 'Lawsuit');
      authorize(tx, action, 'Lawsuit', shape);
      lawsuitMachine.next(lawsuit.state, event); // refuses an illegal move before any work
      return this.applyEvent(tx, lawsuit, event, await changes(lawsuit, tx));
    });
  }

  /**
   * Moves a lawsuit, locked by the caller inside its transaction and already authorized, through
   * one event of the state machine, with `patch`, audits it and notifies the people concerned
   * (`details`: what the notice needs beyond the lawsuit row). Other modules' use cases (the first
   * hearing, a judgment) call this; the state itself is only ever set here.
   */
  async applyEvent(
    tx: RequestContext,
    lawsuit: Lawsuit,
    event: LawsuitEvent,
    patch: Partial<Lawsuit> = {},
    details: TransitionDetails = {},
    facts?: LawsuitFacts,
  ): Promise<Lawsuit> {
    return run(tx, lawsuitMachine, this.store, lawsuit, event, {
      patch,
      facts,
      effects: async (moved) => {
        await this.notices.lawsuitMoved(tx, lawsuit, moved, event, details);
        // Registration issues the filing receipt (rendered by the worker after commit).
        if (event === 'register') await this.documents.issue(tx, DocumentKind.LAWSUIT_RECEIPT, lawsuit.id);
      },
    });
  }

  /** How the lifecycle engine writes and describes a lawsuit. */
  private readonly store: LifecycleStore<Lawsuit, LawsuitState> = {
    stateOf: (l) => l.state,
    idOf: (l) => l.id,
    write: (tx, l, change) => this.update(tx, l, change),
    snapshot,
  };

  /** The lawsuit locked for a change, NOT_FOUND unless readable, FORBIDDEN unless `action` is allowed (see CaseFiles.open). */
  async lockReadable(tx: RequestContext, id: string, action?: Action): Promise<Lawsuit> {
    return (await this.caseFiles.open(tx, id, action)).lawsuit;
  }

  async loadForUpdate(tx: RequestContext, id: string): Promise<Lawsuit> {
    return (await this.caseFiles.lock(tx, id)).lawsuit;
  }

  /** Writes `patch` over the row at its version and answers the row as written (no second read). */
  private async update(tx: WorkContext, lawsuit: Lawsuit, patch: Partial<Lawsuit>): Promise<Lawsuit> {
    const result = await tx
      .repo(Lawsuit)
      .createQueryBuilder()
      .update()
      .set(patch)
      .where('id = :id AND version = :version', { id: lawsuit.id, version: lawsuit.version })
      .returning(['version', 'updatedAt'])
      .execute();
    if (result.affected !== 1) throw new StaleVersionError('Lawsuit');
    const [written] = result.raw as { version: number; updated_at: Date }[];
    return Object.assign(tx.repo(Lawsuit).create(), lawsuit, patch, { version: written.version, updatedAt: written.updated_at });
  }

  private async leastLoadedCircuit(tx: RequestContext, lawsuit: Lawsuit): Promise<string> {
    // The court's circuits come by code, so the least loaded with the lowest code wins a tie.
    const circuits = await this.organizations.activeCircuits(tx, lawsuit.courtId, SPECIALIZATION_FOR[lawsuit.category]);
    const loads = await tx.manager.query<{ circuit_id: string; load: number }[]>(
      `SELECT circuit_id, count(*)::int AS load FROM lawsuits WHERE circuit_id = ANY($1::uuid[]) AND state = ANY($2) GROUP BY circuit_id`,
      [circuits.map((c) => c.id), ACTIVE_STATES],
    );
    const loadOf = new Map(loads.map((l) => [l.circuit_id, l.load]));
    const row = circuits.reduce<(typeof circuits)[number] | undefined>(
      (best, c) => (!best || (loadOf.get(c.id) ?? 0) < (loadOf.get(best.id) ?? 0) ? c : best),
      undefined,
    );
    if (!row)
      throw BadUserInputError.field(
        'input.id',
        `the court has no active ${SPECIALIZATION_FOR[lawsuit.category]} circuit to refer the case to`,
      );
    return row.id;
  }

  /** Validates what a filing says and derives court, fees and office from it. */
  private async checkContent(tx: RequestContext, input: LawsuitContentInput) {
    const problems: FieldError[] = [];
    const checkParty = (p: PartyInput, path: string) => {
      if (p.kind === PartyKind.PERSON && !p.nationalId) problems.push({ field: `${path}.nationalId`, message: 'is required for a person' });
      if (p.kind === PartyKind.ORGANIZATION && !p.organizationNumber)
        problems.push({ field: `${path}.organizationNumber`, message: 'is required for an organization' });
    };
    input.claimants.forEach((p, i) => checkParty(p, `input.claimants.${i}`));
    input.defendants.forEach((p, i) => checkParty(p, `input.defendants.${i}`));
    const claimantIds = new Set(input.claimants.map((p) => p.nationalId).filter(Boolean));
    input.defendants.forEach((p, i) => {
      if (p.nationalId && claimantIds.has(p.nationalId))
        problems.push({ field: `input.defendants.${i}.nationalId`, message: 'is also a claimant' });
    });
    const actor = tx.actor!;
    /** Claimants represented by the filer: national ID → the power of attorney relied on. */
    const representation = new Map<string, string>();
    const prosecutionOfficeId = this.filingOffice(tx, input);
    if (input.category === LawsuitCategory.CRIMINAL) {
      if (!prosecutionOfficeId) problems.push({ field: 'input.prosecutionOfficeId', message: 'is required for a criminal case' });
    } else {
      if (input.prosecutionOfficeId) problems.push({ field: 'input.prosecutionOfficeId', message: 'applies to criminal cases only' });
      // A citizen files in their own name, or for clients under a power of attorney granting LIT_FILE.
      if (claimantIds.has(actor.nationalId)) {
        if (input.powerOfAttorneyId) problems.push({ field: 'input.powerOfAttorneyId', message: 'applies only when filing for others' });
      } else if (!input.powerOfAttorneyId) {
        problems.push({ field: 'input.claimants', message: 'must include the filer, or name the power of attorney you file under' });
      } else {
        input.claimants.forEach((p, i) => {
          if (p.kind !== PartyKind.PERSON)
            problems.push({ field: `input.claimants.${i}.kind`, message: 'a client under a power of attorney is a person' });
        });
        if (!problems.length) {
          for (const p of input.claimants) {
            const { powerOfAttorneyId } = await this.agency.requireAgency(tx, {
              agentNationalId: actor.nationalId,
              principalNationalId: p.nationalId!,
              power: PowerCode.LIT_FILE,
              powerOfAttorneyId: input.powerOfAttorneyId,
            });
            representation.set(p.nationalId!, powerOfAttorneyId);
          }
        }
      }
    }
    input.claims.forEach((c, i) => {
      if (c.amount !== undefined && Math.round(c.amount * 100) !== c.amount * 100)
        problems.push({ field: `input.claims.${i}.amount`, message: 'has more than two decimals' });
    });
    const court = await this.routeCourt(tx, input, problems);
    if (problems.length) throw new BadUserInputError(problems);
    const claimed = input.claims.reduce((sum, c) => sum + Math.round((c.amount ?? 0) * 100), 0) / 100;
    const fee = courtFee(feeRulesOn(tx.now().toISOString().slice(0, 10)), input.category, claimed);
    return {
      prosecutionOfficeId,
      representation,
      columns: {
        courtId: court!.id,
        category: input.category,
        subject: input.subject.trim(),
        facts: input.facts.trim(),
        sealed: input.sealed,
        prosecutionOfficeId,
        claimedAmount: claimed,
        feeAmount: fee.amount,
        feeExempt: fee.exempt,
      },
    };
  }

  /** The prosecution office filing a criminal case: as given, or the prosecutor's only office. */
  private filingOffice(ctx: RequestContext, input: LawsuitContentInput): string | null {
    if (input.category !== LawsuitCategory.CRIMINAL) return null;
    const offices = ctx.actor!.memberships.filter((m) => m.role === Role.PROSECUTOR).map((m) => m.prosecutionOfficeId as string);
    return input.prosecutionOfficeId ?? (offices.length === 1 ? offices[0] : null);
  }

  private async routeCourt(tx: RequestContext, input: LawsuitContentInput, problems: FieldError[]): Promise<Court | null> {
    const spec = SPECIALIZATION_FOR[input.category];
    const hears = (courtId: string) => this.organizations.activeCircuits(tx, courtId, spec);
    if (input.courtId) {
      const court = await this.organizations.findCourt(tx, input.courtId);
      if (!court) problems.push({ field: 'input.courtId', message: 'no such court' });
      else if (!(await hears(court.id)).length)
        problems.push({ field: 'input.courtId', message: `this court does not hear ${input.category} cases` });
      return court;
    }
    if (!input.city) {
      problems.push({ field: 'input.courtId', message: 'give a court or a city' });
      return null;
    }
    for (const type of COURT_TYPES_FOR[input.category]) {
      const courts = await this.organizations.courtsInCity(tx, input.city, type);
      for (const court of courts) if ((await hears(court.id)).length) return court;
    }
    problems.push({ field: 'input.city', message: `no court in this city hears ${input.category} cases` });
    return null;
  }

  private async writeDetails(
    tx: RequestContext,
    lawsuitId: string,
    input: LawsuitContentInput,
    representation: Map<string, string>,
  ): Promise<void> {
    const represented = (p: PartyInput) => (p.nationalId ? representation.get(p.nationalId) : undefined);
    const party = (side: PartySide) => (p: PartyInput) =>
      tx.repo(LawsuitParty).create({
        lawsuitId,
        side,
        kind: p.kind,
        userId: null,
        nationalId: p.kind === PartyKind.PERSON ? p.nationalId! : null,
        organizationNumber: p.kind === PartyKind.ORGANIZATION ? p.organizationNumber! : null,
        nameAr: p.nameAr.trim(),
        nameEn: p.nameEn.trim(),
        representativeId: side === PartySide.CLAIMANT && represented(p) ? tx.actor!.id : null,
        powerOfAttorneyId: side === PartySide.CLAIMANT ? (represented(p) ?? null) : null,
      });
    await tx
      .repo(LawsuitParty)
      .save([...input.claimants.map(party(PartySide.CLAIMANT)), ...input.defendants.map(party(PartySide.DEFENDANT))]);
    await tx
      .repo(LawsuitClaim)
      .save(
        input.claims.map((c, i) =>
          tx.repo(LawsuitClaim).create({ lawsuitId, position: i + 1, description: c.description.trim(), amount: c.amount ?? null }),
        ),
      );
    if (input.attachments.length)
      await tx.repo(LawsuitAttachment).save(input.attachments.map((a) => tx.repo(LawsuitAttachment).create({ lawsuitId, ...a })));
  }
}
