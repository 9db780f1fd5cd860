/**
 * Settlement (صلح) of a case (docs/domain.md, "Settlement"): a party (or an agent with
 * LIT_RECONCILE) or the circuit's judge proposes the terms — text, an amount and its instalments;
 * every party consents as it would sign a contract, with a fresh one-time code; the judge of the
 * circuit approves it once all have, and the case is settled with its fee recomputed by the
 * schedule; the approved settlement is an enforceable document (settlement-document-subject.ts).
 * A new proposal supersedes the one before it; a case that ends otherwise lapses it.
 */
import { Injectable, OnModuleInit } from '@nestjs/common';
import { can } from '../../access/authorize';
import type { RequestContext } from '../../access/context/request-context';
import { localDay } from '../../core/clock/hijri';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../../core/errors/domain-error';
import { run } from '../../core/lifecycle/lifecycle';
import { PowerCode } from '../../access/power-codes';
import { AuthService } from '../../identity';
import { AgencyService } from '../../notarization';
import { CaseEnds } from '../lawsuits/case-ends';
import { LawsuitOutcomesService } from '../lawsuits/lawsuit-outcomes.service';
import { LawsuitParty } from '../lawsuits/lawsuit-party.entity';
import { lawsuitMachine } from '../lawsuits/lawsuit-state-machine';
import { LawsuitsService } from '../lawsuits/lawsuits.service';
import { LITIGATION } from '../litigation-messages';
import { settlementMachine, settlementStore } from './settlement-lifecycle';
import { Settlement, SettlementConsent, SettlementState } from './settlement.entity';
import type { ConsentToSettlementInput, ProposeSettlementInput } from './settlement.inputs';

const halalas = (sar: number) => Math.round(sar * 100);

@Injectable()
export class SettlementsService implements OnModuleInit {
  constructor(
    private readonly tx: Transactions,
    private readonly lawsuits: LawsuitsService,
    private readonly outcomes: LawsuitOutcomesService,
    private readonly auth: AuthService,
    private readonly agency: AgencyService,
    private readonly ends: CaseEnds,
  ) {}

  onModuleInit(): void {
    // A case that ends otherwise (a transfer only moves it) takes its pending settlement with it.
    this.ends.on(async (tx, lawsuit, ending) => {
      if (ending === 'transfer') return;
      const pending = await tx.repo(Settlement).findOneBy({ lawsuitId: lawsuit.id, state: SettlementState.PROPOSED });
      if (pending) await run(tx, settlementMachine, settlementStore, pending, 'lapse', { audit: { ending } });
    });
  }

  async propose(ctx: RequestContext, input: ProposeSettlementInput): Promise<Settlement> {
    return this.tx.run(ctx, async (tx) => {
      const lawsuit = await this.lawsuits.lockReadable(tx, input.lawsuitId);
      const shape = await this.lawsuits.shape(tx, lawsuit);
      if (!can(tx, 'settle', 'Lawsuit', shape) && !can(tx, 'judge', 'Lawsuit', shape)) throw new ForbiddenError();
      lawsuitMachine.next(lawsuit.state, 'settle');
      const instalments = this.instalments(tx, input);
      const previous = await tx.repo(Settlement).findOneBy({ lawsuitId: lawsuit.id, state: SettlementState.PROPOSED });
      if (previous) await run(tx, settlementMachine, settlementStore, previous, 'supersede');
      const settlement = await tx.repo(Settlement).save(
        tx.repo(Settlement).create({
          lawsuitId: lawsuit.id,
          state: SettlementState.PROPOSED,
          terms: input.terms.trim(),
          amount: input.amount ?? null,
          instalments,
          proposedBy: tx.actor!.id,
          approvedBy: null,
          approvedAt: null,
        }),
      );
      tx.audit({
        action: 'settlement.proposed',
        subjectType: 'Lawsuit',
        subjectId: lawsuit.id,
        after: {
          settlementId: settlement.id,
          amount: settlement.amount,
          instalments: instalments.length,
          supersedes: previous?.id ?? null,
        },
      });
      return settlement;
    });
  }

  /** The instalments as given, checked: in order of date from today, adding up to the amount. */
  private instalments(tx: RequestContext, input: ProposeSettlementInput): { dueOn: string; amount: number }[] {
    const list = (input.instalments ?? []).map((i) => ({ dueOn: i.dueOn, amount: i.amount }));
    if (!list.length) return list;
    if (input.amount === undefined || input.amount === null)
      throw BadUserInputError.field('input.instalments', LITIGATION.instalmentsWithoutAmount());
    const today = localDay(tx.now());
    const ordered = list.every(
      (i, k) => i.dueOn >= today && (k === 0 || list[k - 1].dueOn <= i.dueOn) && !Number.isNaN(Date.parse(i.dueOn)),
    );
    if (!ordered) throw BadUserInputError.field('input.instalments', LITIGATION.instalmentsOrder());
    if (list.reduce((sum, i) => sum + halalas(i.amount), 0) !== halalas(input.amount)) {
      throw BadUserInputError.field('input.instalments', LITIGATION.instalmentsSum());
    }
    return list;
  }

  /** A party (or its agent, or its representative of record) consents, with a fresh one-time code. */
  async consent(ctx: RequestContext, input: ConsentToSettlementInput): Promise<Settlement> {
    return this.tx.run(ctx, async (tx) => {
      const settlement = await this.lock(tx, input.settlementId);
      const lawsuit = await this.caseOf(tx, settlement);
      const parties = await tx.repo(LawsuitParty).find({ where: { lawsuitId: lawsuit.id }, order: { side: 'ASC', createdAt: 'ASC' } });
      const actor = tx.actor!;
      let mine: LawsuitParty[];
      let powerOfAttorneyId: string | null = null;
      if (input.onBehalfOfNationalId && input.onBehalfOfNationalId !== actor.nationalId) {
        const principals = parties.filter((p) => p.nationalId?.trim() === input.onBehalfOfNationalId);
        const acting = principals.length ? await this.agency.actFor(tx, principals, PowerCode.LIT_RECONCILE) : null;
        if (!acting) throw new ForbiddenError(LITIGATION.settlementNotYours());
        mine = principals;
        powerOfAttorneyId = acting.powerOfAttorneyId;
      } else {
        // Themselves, or an organization they represent of record; a person's lawyer consents as an agent, above.
        mine = parties.filter((p) => p.nationalId?.trim() === actor.nationalId || (!p.nationalId && p.representativeId === actor.id));
        if (!mine.length) throw new ForbiddenError(LITIGATION.settlementNotYours());
      }
      const done = new Set((await tx.repo(SettlementConsent).findBy({ settlementId: settlement.id })).map((c) => c.partyId));
      const todo = mine.filter((p) => !done.has(p.id));
      settlementMachine.next(settlement.state, 'consent', { toConsent: todo.length, missing: 0 }); // refused before the code is spent
      await this.auth.verifyStepUp(tx, input.otp, 'input.otp');
      const now = tx.now();
      await tx
        .repo(SettlementConsent)
        .insert(
          todo.map((p) => ({ settlementId: settlement.id, partyId: p.id, consentedBy: actor.id, powerOfAttorneyId, consentedAt: now })),
        );
      return run(tx, settlementMachine, settlementStore, settlement, 'consent', {
        facts: { toConsent: todo.length, missing: 0 },
        audit: {
          partyIds: todo.map((p) => p.id),
          consentedBy: actor.id,
          powerOfAttorneyId,
          remaining: parties.length - done.size - todo.length,
        },
      });
    });
  }

  /** The judge of the circuit approves a settlement every party consented to: the case is settled. */
  async approve(ctx: RequestContext, settlementId: string): Promise<Settlement> {
    return this.tx.run(ctx, async (tx) => {
      const settlement = await this.lock(tx, settlementId);
      const lawsuit = await this.caseOf(tx, settlement, 'judge');
      const [{ missing }] = await tx.manager.query<{ missing: number }[]>(
        `SELECT count(*)::int AS missing FROM lawsuit_parties p
          WHERE p.lawsuit_id = $1 AND NOT EXISTS (SELECT 1 FROM settlement_consents c WHERE c.settlement_id = $2 AND c.party_id = p.id)`,
        [lawsuit.id, settlement.id],
      );
      lawsuitMachine.next(lawsuit.state, 'settle');
      const approved = await run(tx, settlementMachine, settlementStore, settlement, 'approve', {
        facts: { toConsent: 0, missing },
        patch: { approvedBy: tx.actor!.id, approvedAt: tx.now() },
      });
      await this.outcomes.settleLocked(tx, lawsuit);
      return approved;
    });
  }

  /** The settlement's case, locked; a case the caller may not read answers as a missing settlement does. */
  private caseOf(tx: RequestContext, settlement: Settlement, action?: 'judge') {
    return this.lawsuits.lockReadable(tx, settlement.lawsuitId, action).catch((err: unknown) => {
      if (err instanceof NotFoundError) throw new NotFoundError(LITIGATION.settlementNotFound());
      throw err;
    });
  }

  /** The settlement, locked; NOT_FOUND for one that does not exist. */
  private async lock(tx: RequestContext, id: string): Promise<Settlement> {
    const settlement = await tx.repo(Settlement).createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
    if (!settlement) throw new NotFoundError(LITIGATION.settlementNotFound());
    return settlement;
  }

  /** The settlements of these cases the caller may read (they read the case), newest first. */
  async ofLawsuits(ctx: RequestContext, lawsuitIds: readonly string[]): Promise<Settlement[]> {
    return ctx
      .repo(Settlement)
      .createQueryBuilder('s')
      .where('s.lawsuit_id = ANY(:ids)', { ids: [...lawsuitIds] })
      .orderBy('s.created_at', 'DESC')
      .getMany();
  }

  async consentsOf(ctx: RequestContext, settlementIds: readonly string[]): Promise<SettlementConsent[]> {
    return ctx
      .repo(SettlementConsent)
      .createQueryBuilder('c')
      .where('c.settlement_id = ANY(:ids)', { ids: [...settlementIds] })
      .orderBy('c.consented_at')
      .getMany();
  }
}
