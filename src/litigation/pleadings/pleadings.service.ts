/**
 * Pleadings and the claimant's waiver:
 * - a defendant files a statement of defence only before the first hearing (once);
 * - parties file memos while the case is in hearings;
 * - the claimant may waive the claim once, at least a day before the next hearing: accepted at
 *   once when no defence was filed, otherwise only when a defendant accepts before the next hearing
 *   (unanswered then, it lapses: waiver-lapses.ts).
 */
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../access/context/request-context';
import { AgencyService } from '../../notarization';
import { PowerCode } from '../../access/power-codes';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError, DomainError, ForbiddenError } from '../../core/errors/domain-error';
import { run } from '../../core/lifecycle/lifecycle';
import { HearingState } from '../hearings/hearing.enums';
import { Hearing } from '../hearings/hearing.entity';
import { LawsuitParty } from '../lawsuits/lawsuit-party.entity';
import { lawsuitMachine, LawsuitState } from '../lawsuits/lawsuit-state-machine';
import { Lawsuit } from '../lawsuits/lawsuit.entity';
import { PartySide } from '../lawsuits/lawsuit.enums';
import { LawsuitsService } from '../lawsuits/lawsuits.service';
import { ClaimWaiver } from './claim-waiver.entity';
import { Memo } from './memo.entity';
import { AttachmentsService } from '../../evidence';
import { MemoKind, WaiverState } from './pleading.enums';
import { answerDeadline, waiverMachine, waiverStore } from './waiver-lifecycle';
import { LITIGATION } from '../litigation-messages';

/** The waiver must come at least this long before the next hearing. */
export const WAIVER_NOTICE_MS = 24 * 3600_000;

@Injectable()
export class PleadingsService {
  constructor(
    private readonly tx: Transactions,
    private readonly lawsuits: LawsuitsService,
    private readonly agency: AgencyService,
    private readonly attachments: AttachmentsService,
  ) {}

  async submitDefence(ctx: RequestContext, lawsuitId: string, body: string, attachmentIds: readonly string[] = []): Promise<Memo> {
    return this.tx.run(ctx, async (tx) => {
      const { lawsuit, party, powerOfAttorneyId } = await this.asParty(tx, lawsuitId);
      if (party.side !== PartySide.DEFENDANT) throw new ForbiddenError(LITIGATION.defenceByDefendant());
      const first = await tx.repo(Hearing).findOne({ where: { lawsuitId: lawsuit.id }, order: { startsAt: 'ASC' } });
      const beforeFirstHearing =
        lawsuit.state === LawsuitState.REGISTERED || (lawsuit.state === LawsuitState.IN_HEARINGS && !!first && tx.now() < first.startsAt);
      if (!beforeFirstHearing) {
        throw new DomainError('DEADLINE_PASSED', LITIGATION.defenceBeforeFirstHearing(), {
          firstHearingAt: first?.startsAt?.toISOString() ?? null,
        });
      }
      return this.insertMemo(tx, lawsuit, party, MemoKind.DEFENCE, body, powerOfAttorneyId, attachmentIds).catch((err) => {
        if ((err as { code?: string }).code === '23505') throw BadUserInputError.field('input.lawsuitId', LITIGATION.defenceFiled());
        throw err;
      });
    });
  }

  async submitMemo(ctx: RequestContext, lawsuitId: string, body: string, attachmentIds: readonly string[] = []): Promise<Memo> {
    return this.tx.run(ctx, async (tx) => {
      const { lawsuit, party, powerOfAttorneyId } = await this.asParty(tx, lawsuitId);
      lawsuitMachine.next(lawsuit.state, 'submitMemo');
      return this.insertMemo(tx, lawsuit, party, MemoKind.MEMO, body, powerOfAttorneyId, attachmentIds);
    });
  }

  async waiveClaim(ctx: RequestContext, lawsuitId: string): Promise<ClaimWaiver> {
    return this.tx.run(ctx, async (tx) => {
      const lawsuit = await this.lawsuits.lockReadable(tx, lawsuitId, 'waive');
      lawsuitMachine.next(lawsuit.state, 'waive');
      if (await tx.repo(ClaimWaiver).exists({ where: { lawsuitId: lawsuit.id } }))
        throw BadUserInputError.field('lawsuitId', LITIGATION.waivedOnce());
      const next = await tx
        .repo(Hearing)
        .findOne({ where: { lawsuitId: lawsuit.id, state: HearingState.SCHEDULED }, order: { startsAt: 'ASC' } });
      if (next && next.startsAt.getTime() - tx.now().getTime() < WAIVER_NOTICE_MS) {
        throw new DomainError('DEADLINE_PASSED', LITIGATION.waiverDayBefore(), {
          nextHearingAt: next.startsAt.toISOString(),
        });
      }
      const claimants = await tx.repo(LawsuitParty).findBy({ lawsuitId: lawsuit.id, side: PartySide.CLAIMANT });
      const acting = await this.agency.actFor(tx, claimants, PowerCode.LIT_RECONCILE);
      if (!acting) throw new ForbiddenError(LITIGATION.waiverByClaimant());
      const party = acting.party;
      const defended = await tx.repo(Memo).exists({ where: { lawsuitId: lawsuit.id, kind: MemoKind.DEFENCE } });
      const waiver = await tx.repo(ClaimWaiver).save(
        tx.repo(ClaimWaiver).create({
          lawsuitId: lawsuit.id,
          partyId: party.id,
          requestedBy: tx.actor!.id,
          powerOfAttorneyId: acting.powerOfAttorneyId,
          state: defended ? WaiverState.PENDING : WaiverState.ACCEPTED,
          decidedBy: null,
          decidedAt: defended ? null : tx.now(),
        }),
      );
      tx.audit({
        action: 'claim.waived',
        subjectType: 'Lawsuit',
        subjectId: lawsuit.id,
        after: { waiverId: waiver.id, state: waiver.state },
      });
      if (!defended) await this.lawsuits.applyEvent(tx, lawsuit, 'withdraw', { closedAt: tx.now() });
      return waiver;
    });
  }

  /** A defendant who filed a defence accepts or refuses the claimant's waiver. */
  async respondToWaiver(ctx: RequestContext, lawsuitId: string, accept: boolean): Promise<ClaimWaiver> {
    return this.tx.run(ctx, async (tx) => {
      const { lawsuit, party } = await this.asParty(tx, lawsuitId);
      if (party.side !== PartySide.DEFENDANT) throw new ForbiddenError(LITIGATION.waiverAnsweredByDefendant());
      const found = await tx.repo(ClaimWaiver).findOneBy({ lawsuitId: lawsuit.id });
      const waiver = found ?? tx.repo(ClaimWaiver).create({ lawsuitId: lawsuit.id, state: WaiverState.PENDING });
      // The answer comes before the hearing; after it, the waiver lapsed (waiver-lapses.ts), whether or not the sweep ran yet.
      const deadline = found?.state === WaiverState.PENDING ? await answerDeadline(tx, found) : null;
      if (deadline && tx.now() >= deadline) {
        throw new DomainError('DEADLINE_PASSED', LITIGATION.waiverAnswerClosed({ deadline: deadline.toISOString() }), {
          deadline: deadline.toISOString(),
        });
      }
      return run(tx, waiverMachine, waiverStore, waiver, accept ? 'accept' : 'refuse', {
        patch: { decidedBy: tx.actor!.id, decidedAt: tx.now() },
        facts: { exists: !!found },
        audit: { waiverId: waiver.id },
        effects: async () => {
          if (accept) await this.lawsuits.applyEvent(tx, lawsuit, 'withdraw', { closedAt: tx.now() });
        },
      });
    });
  }

  memosOf(ctx: RequestContext, lawsuitIds: readonly string[]): Promise<Memo[]> {
    return ctx.repo(Memo).find({ where: { lawsuitId: In([...lawsuitIds]) }, order: { createdAt: 'ASC' } });
  }

  /** The latest memo of each lawsuit, in one query (for dockets). */
  async lastMemos(ctx: RequestContext, lawsuitIds: readonly string[]): Promise<(Memo | null)[]> {
    const rows = await ctx
      .repo(Memo)
      .createQueryBuilder('m')
      .distinctOn(['m.lawsuit_id'])
      .where('m.lawsuit_id IN (:...ids)', { ids: [...lawsuitIds] })
      .orderBy('m.lawsuit_id')
      .addOrderBy('m.created_at', 'DESC')
      .getMany();
    return lawsuitIds.map((id) => rows.find((m) => m.lawsuitId === id) ?? null);
  }

  waiverOf(ctx: RequestContext, lawsuitIds: readonly string[]): Promise<ClaimWaiver[]> {
    return ctx.repo(ClaimWaiver).findBy({ lawsuitId: In([...lawsuitIds]) });
  }

  private async insertMemo(
    tx: RequestContext,
    lawsuit: Lawsuit,
    party: LawsuitParty,
    kind: MemoKind,
    body: string,
    powerOfAttorneyId: string | null,
    attachmentIds: readonly string[],
  ): Promise<Memo> {
    const memo = await tx
      .repo(Memo)
      .save(
        tx
          .repo(Memo)
          .create({ lawsuitId: lawsuit.id, partyId: party.id, kind, body: body.trim(), submittedBy: tx.actor!.id, powerOfAttorneyId }),
      );
    // The files are the case's (its read rule decides who reads them), attached as this memo's.
    const files = await this.attachments.attach(
      tx,
      attachmentIds,
      { type: 'Lawsuit', id: lawsuit.id, purpose: kind === MemoKind.DEFENCE ? 'defence' : 'memo', contextId: memo.id },
      'input.attachmentIds',
    );
    tx.audit({
      action: kind === MemoKind.DEFENCE ? 'defence.filed' : 'memo.filed',
      subjectType: 'Lawsuit',
      subjectId: lawsuit.id,
      after: { memoId: memo.id, partyId: party.id, powerOfAttorneyId, attachments: files.map((f) => ({ id: f.id, sha256: f.sha256 })) },
    });
    return memo;
  }

  /** The party the caller pleads as: themselves, or a client under a power of attorney granting LIT_SUBMIT_MEMOS. */
  private async asParty(
    tx: RequestContext,
    lawsuitId: string,
  ): Promise<{ lawsuit: Lawsuit; party: LawsuitParty; powerOfAttorneyId: string | null }> {
    const lawsuit = await this.lawsuits.lockReadable(tx, lawsuitId, 'plead');
    const acting = await this.agency.actFor(tx, await tx.repo(LawsuitParty).findBy({ lawsuitId: lawsuit.id }), PowerCode.LIT_SUBMIT_MEMOS);
    if (!acting) throw new ForbiddenError(LITIGATION.pleadingsByParty());
    return { lawsuit, ...acting };
  }
}
