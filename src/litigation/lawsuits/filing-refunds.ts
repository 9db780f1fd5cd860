/**
 * What a filing's fee bills owe back when the case ends early (docs/payments.md, "Refunds"):
 *
 *   rejected at review                 all that was paid
 *   withdrawn before registration      all that was paid
 *   settled                            what was paid above the fee as recomputed for the settlement
 *                                      (the schedule's reduction after the first hearing)
 *
 * An open bill is cancelled; each refund goes to the gateway through the outbox, after the
 * transaction that ended the case commits (a killed process loses none).
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import { toHalalas } from '../../core/validation/money';
import { BillPurpose, BillsService, BillState, PaymentSettlement, REFUND_TOPIC } from '../../payments';
import type { LawsuitEvent } from './lawsuit-state-machine';
import type { Lawsuit } from './lawsuit.entity';

@Injectable()
export class FilingRefunds {
  constructor(
    private readonly bills: BillsService,
    private readonly settlement: PaymentSettlement,
  ) {}

  /** The fee still owed after `event` ended the case, in halalas; null when the event changes nothing owed. */
  static owedAfter(event: LawsuitEvent, before: Lawsuit, after: Lawsuit): number | null {
    if (event === 'reject') return 0;
    if (event === 'withdraw' && !before.caseNumber) return 0;
    if (event === 'settle') return after.feeExempt ? 0 : toHalalas(after.feeAmount);
    return null;
  }

  async afterEnd(tx: RequestContext, event: LawsuitEvent, before: Lawsuit, after: Lawsuit): Promise<void> {
    const owed = FilingRefunds.owedAfter(event, before, after);
    if (owed === null) return;
    const bills = await this.bills.billsOf(tx, 'Lawsuit', after.id, BillPurpose.FILING_FEE);
    await this.settlement.cancelOpen(tx, 'Lawsuit', after.id, BillPurpose.FILING_FEE);
    let left = owed;
    // The fee still owed is kept from the oldest payments; the rest of each goes back.
    for (const bill of bills.filter((b) => b.state === BillState.PAID)) {
      const held = bill.amountHalalas - bill.refundedHalalas;
      const kept = Math.min(held, left);
      left -= kept;
      if (held - kept <= 0) continue;
      tx.emit({
        topic: REFUND_TOPIC,
        payload: { billId: bill.id, halalas: held - kept, reason: `lawsuit.${event}` },
        key: `${REFUND_TOPIC}:${bill.id}:${event}`,
      });
    }
  }
}
