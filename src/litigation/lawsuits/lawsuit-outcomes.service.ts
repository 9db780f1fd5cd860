/**
 * Ends other than judgment: settlement (صلح) recorded by the circuit's judge, with the court fee
 * reduced when settled after the first hearing; striking off (شطب) when the claimant was absent
 * from a held hearing; and the claimant's one resumption within the window of struck-off-rules.ts.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError, DomainError } from '../../core/errors/domain-error';
import { courtFee } from './court-fees';
import { feeRulesOn } from './fee-rules';
import { lawsuitMachine, LawsuitState } from './lawsuit-state-machine';
import { Lawsuit } from './lawsuit.entity';
import { LawsuitsService } from './lawsuits.service';
import { STRUCK_OFF_RESUMPTION } from './struck-off-rules';
import { LITIGATION } from '../litigation-messages';
import { CourtDeadlines } from '../../organizations';

@Injectable()
export class LawsuitOutcomesService {
  constructor(
    private readonly tx: Transactions,
    private readonly lawsuits: LawsuitsService,
    private readonly deadlines: CourtDeadlines,
  ) {}

  async settle(ctx: RequestContext, lawsuitId: string): Promise<Lawsuit> {
    return this.tx.run(ctx, async (tx) => this.settleLocked(tx, await this.lawsuits.lockReadable(tx, lawsuitId, 'judge')));
  }

  /** Settles a case the caller locked and may judge: SETTLED, its fee recomputed by the schedule of its filing date. */
  async settleLocked(tx: RequestContext, lawsuit: Lawsuit): Promise<Lawsuit> {
    const [{ held }] = await tx.manager.query<{ held: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM hearings WHERE lawsuit_id = $1 AND state = 'HELD') AS held`,
      [lawsuit.id],
    );
    const fee = courtFee(feeRulesOn(lawsuit.createdAt.toISOString().slice(0, 10)), lawsuit.category, lawsuit.claimedAmount, held);
    return this.lawsuits.applyEvent(tx, lawsuit, 'settle', { settledAt: tx.now(), closedAt: tx.now(), feeAmount: fee.amount });
  }

  /** The claimant was absent from a held hearing: the judge strikes the case off. */
  async strikeOff(ctx: RequestContext, lawsuitId: string, hearingId: string): Promise<Lawsuit> {
    return this.tx.run(ctx, async (tx) => {
      const lawsuit = await this.lawsuits.lockReadable(tx, lawsuitId, 'judge');
      const [row] = await tx.manager.query<{ state: string; claimants: number; absent: number }[]>(
        `SELECT h.state,
                (SELECT count(*) FROM lawsuit_parties p WHERE p.lawsuit_id = h.lawsuit_id AND p.side = 'CLAIMANT')::int AS claimants,
                (SELECT count(*) FROM hearing_attendance a JOIN lawsuit_parties p ON p.id = a.party_id
                  WHERE a.hearing_id = h.id AND p.side = 'CLAIMANT' AND a.present = false)::int AS absent
           FROM hearings h WHERE h.id = $1 AND h.lawsuit_id = $2`,
        [hearingId, lawsuit.id],
      );
      if (!row) throw BadUserInputError.field('hearingId', LITIGATION.notAHearingOfLawsuit());
      if (row.state !== 'HELD' || row.absent < row.claimants || row.claimants === 0) {
        throw BadUserInputError.field('hearingId', LITIGATION.claimantNotAbsent());
      }
      const now = tx.now();
      const { dueAt } = await this.deadlines.periodEnd(tx, lawsuit.courtId, now, STRUCK_OFF_RESUMPTION.days);
      return this.lawsuits.applyEvent(tx, lawsuit, 'strikeOff', { struckOffAt: now, resumeDueAt: dueAt });
    });
  }

  /**
   * Struck-off cases no one may resume any more are closed, deemed never filed (struck-off-rules.ts):
   * the window passed unused, or the claimant was absent again after resuming. The worker runs it.
   */
  async lapseStruckOff(ctx: RequestContext, limit = 500): Promise<number> {
    const due = await ctx.manager.query<{ id: string }[]>(
      `SELECT id FROM lawsuits
        WHERE state = 'STRUCK_OFF' AND (resume_due_at < $1 OR resumed_at < struck_off_at)
        ORDER BY struck_off_at LIMIT $2`,
      [ctx.now(), limit],
    );
    let closed = 0;
    for (const { id } of due) {
      await this.tx.run(ctx, async (tx) => {
        const lawsuit = await this.lawsuits.loadForUpdate(tx, id);
        if (lawsuit.state !== LawsuitState.STRUCK_OFF || !lawsuit.struckOffAt) return;
        const windowPassed = !!lawsuit.resumeDueAt && tx.now() > lawsuit.resumeDueAt;
        const absentAgain = !!lawsuit.resumedAt && lawsuit.resumedAt < lawsuit.struckOffAt;
        if (!windowPassed && !absentAgain) return;
        await this.lawsuits.applyEvent(tx, lawsuit, 'lapse', { closedAt: tx.now() });
        closed += 1;
      });
    }
    return closed;
  }

  /** The claimant resumes a struck-off case: once, within the window of STRUCK_OFF_RESUMPTION. */
  async resume(ctx: RequestContext, lawsuitId: string): Promise<Lawsuit> {
    return this.tx.run(ctx, async (tx) => {
      const lawsuit = await this.lawsuits.lockReadable(tx, lawsuitId, 'resume');
      lawsuitMachine.next(lawsuit.state, 'resume', { resumedBefore: !!lawsuit.resumedAt });
      if (lawsuit.resumeDueAt && tx.now() > lawsuit.resumeDueAt) {
        const deadline = lawsuit.resumeDueAt;
        throw new DomainError('DEADLINE_PASSED', LITIGATION.resumptionClosed({ deadline: deadline.toISOString() }), {
          deadline: deadline.toISOString(),
        });
      }
      return this.lawsuits.applyEvent(tx, lawsuit, 'resume', { resumedAt: tx.now() });
    });
  }
}
