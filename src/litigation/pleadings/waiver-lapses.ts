/**
 * A waiver the defendant did not answer before the next hearing lapses (docs/domain.md, "When a
 * case ends"): the case goes on, and the parties are told. The worker's sweep finds them; the
 * answer itself is refused from the hearing's start (pleadings.service.ts), so nothing waits for it.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import { Transactions } from '../../core/database/transactions';
import { run } from '../../core/lifecycle/lifecycle';
import { NotificationKind, Notifier } from '../../notifications';
import { LawsuitNotices } from '../lawsuits/lawsuit-notices';
import { Lawsuit } from '../lawsuits/lawsuit.entity';
import { ClaimWaiver } from './claim-waiver.entity';
import { WaiverState } from './pleading.enums';
import { answerDeadline, waiverMachine, waiverStore } from './waiver-lifecycle';

@Injectable()
export class WaiverLapses {
  constructor(
    private readonly tx: Transactions,
    private readonly notifier: Notifier,
    private readonly cases: LawsuitNotices,
  ) {}

  /** Lapses the pending waivers whose next hearing has begun, or whose case ended otherwise; answers how many. */
  async sweep(ctx: RequestContext, limit = 500): Promise<number> {
    const due = await ctx.manager.query<{ id: string }[]>(
      `SELECT w.id FROM claim_waivers w JOIN lawsuits l ON l.id = w.lawsuit_id
        WHERE w.state = 'PENDING'
          AND (l.state NOT IN ('REGISTERED','IN_HEARINGS')
               OR EXISTS (SELECT 1 FROM hearings h WHERE h.lawsuit_id = w.lawsuit_id AND h.state IN ('SCHEDULED','HELD')
                                                     AND h.starts_at > w.created_at AND h.starts_at <= $1))
        ORDER BY w.created_at LIMIT $2`,
      [ctx.now(), limit],
    );
    let lapsed = 0;
    for (const { id } of due) {
      await this.tx.run(ctx, async (tx) => {
        const waiver = await tx.repo(ClaimWaiver).createQueryBuilder('w').setLock('pessimistic_write').where('w.id = :id', { id }).getOne();
        if (waiver?.state !== WaiverState.PENDING) return;
        const lawsuit = await tx.repo(Lawsuit).findOneByOrFail({ id: waiver.lawsuitId });
        const deadline = await answerDeadline(tx, waiver);
        const ended = !['REGISTERED', 'IN_HEARINGS'].includes(lawsuit.state);
        if (!ended && !(deadline && deadline <= tx.now())) return;
        await run(tx, waiverMachine, waiverStore, waiver, 'lapse', {
          patch: { decidedAt: tx.now() },
          audit: { waiverId: waiver.id, deadline: deadline?.toISOString() ?? null },
          effects: () => this.notify(tx, lawsuit, waiver),
        });
        lapsed += 1;
      });
    }
    return lapsed;
  }

  private async notify(tx: RequestContext, lawsuit: Lawsuit, waiver: ClaimWaiver): Promise<void> {
    const no = lawsuit.caseNumber ?? '';
    await this.notifier.notify(tx, {
      kind: NotificationKind.CLAIM_WAIVER_LAPSED,
      recipients: await this.cases.recipients(tx, lawsuit, 'parties'),
      lawsuitId: lawsuit.id,
      data: { caseNumber: lawsuit.caseNumber, waiverId: waiver.id },
      titleAr: `سقوط ترك الدعوى رقم ${no}`,
      titleEn: `Waiver lapsed in lawsuit ${no}`,
      bodyAr: `لم يُجب المدعى عليه عن ترك المدعي الدعوى رقم ${no} قبل الجلسة، فسقط الترك وتستمر الدعوى.`,
      bodyEn: `The defendant did not answer the claimant's waiver of lawsuit ${no} before the hearing; the waiver lapsed and the case goes on.`,
      dedupeKey: `waiver:lapse:${waiver.id}`,
    });
  }
}
