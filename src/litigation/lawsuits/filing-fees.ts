/**
 * The filing fee as a bill (docs/payments.md): what of a lawsuit's court fee is still unpaid when
 * it is submitted (a correction that raised the claim owes the difference), the bill for it,
 * due within the days the fee schedule gives, and what a paid or expired bill does to the filing:
 * paid, it goes to review (SUBMITTED); expired unpaid, back to DRAFT. Exempt categories and
 * lawsuits without a fee go straight to review.
 */
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import { Transactions } from '../../core/database/transactions';
import { toHalalas } from '../../core/validation/money';
import { UserLookups } from '../../identity';
import { Bill, BillPurpose, BillsService, BillSubjects, PaymentSettlement } from '../../payments';
import { feeScheduleOn } from './fee-rules';
import { LawsuitState } from './lawsuit-state-machine';
import type { Lawsuit } from './lawsuit.entity';
import { LawsuitsService } from './lawsuits.service';

const DAY_MS = 86_400_000;

@Injectable()
export class FilingFees implements OnModuleInit {
  constructor(
    private readonly tx: Transactions,
    private readonly bills: BillsService,
    private readonly settlement: PaymentSettlement,
    private readonly subjects: BillSubjects,
    private readonly lawsuits: LawsuitsService,
    private readonly people: UserLookups,
  ) {}

  onModuleInit(): void {
    this.subjects.on('Lawsuit', BillPurpose.FILING_FEE, {
      paid: (tx, bill) => this.paid(tx, bill),
      expired: (tx, bill) => this.expired(tx, bill),
      expiryConsequence: {
        ar: 'أعيدت صحيفة الدعوى إلى المسودة، ولك أن تقدمها من جديد.',
        en: 'The filing went back to draft; you may submit it again.',
      },
    });
  }

  /**
   * Submits a filing: to review when nothing is owed, else to AWAITING_PAYMENT with a bill for
   * what is (the open one, when it asks exactly that).
   */
  submit(ctx: RequestContext, id: string): Promise<Lawsuit> {
    return this.tx.run(ctx, async (tx) => this.submitOpened(tx, await this.lawsuits.opened(tx, id, 'submit', 'submit')));
  }

  private async submitOpened(tx: RequestContext, lawsuit: Lawsuit): Promise<Lawsuit> {
    const due = await this.due(tx, lawsuit);
    const returnCleared = { returnReason: null, returnFields: [] };
    if (due.halalas <= 0) return this.lawsuits.applyEvent(tx, lawsuit, 'submit', { submittedAt: tx.now(), ...returnCleared });
    const moved = await this.lawsuits.applyEvent(tx, lawsuit, 'awaitFee', returnCleared);
    const filer = (await this.people.nationalIdsOf(tx, [lawsuit.filedBy])).get(lawsuit.filedBy)!;
    const schedule = feeScheduleOn(tx.now().toISOString().slice(0, 10))!;
    const reference = lawsuit.caseNumber ?? lawsuit.id.slice(0, 8);
    await this.settlement.billOwed(tx, due.open, {
      purpose: BillPurpose.FILING_FEE,
      subjectType: 'Lawsuit',
      subjectId: lawsuit.id,
      description: { ar: `رسوم قيد الدعوى ${reference}`, en: `Court fee of the filing ${reference}` },
      payerNationalId: filer,
      amountHalalas: due.halalas,
      dueAt: new Date(tx.now().getTime() + schedule.payment.payWithinDays * DAY_MS),
    });
    return moved;
  }

  /**
   * Legal aid: the court spares the filer the fee of a filing awaiting it. The open bill is
   * cancelled and the filing goes to review; nothing more is billed for it.
   */
  waive(ctx: RequestContext, input: { lawsuitId: string; reason: string }): Promise<Lawsuit> {
    return this.tx.run(ctx, async (tx) => {
      const lawsuit = await this.lawsuits.opened(tx, input.lawsuitId, 'review', 'waiveFee');
      await this.settlement.cancelOpen(tx, 'Lawsuit', lawsuit.id, BillPurpose.FILING_FEE);
      return this.lawsuits.applyEvent(tx, lawsuit, 'waiveFee', { feeWaiverReason: input.reason, submittedAt: tx.now() });
    });
  }

  private async due(tx: RequestContext, lawsuit: Lawsuit): Promise<{ halalas: number; open: Bill | null }> {
    const { paid, open } = await this.bills.paidFor(tx, 'Lawsuit', lawsuit.id, BillPurpose.FILING_FEE);
    const fee = lawsuit.feeExempt || lawsuit.feeWaiverReason ? 0 : toHalalas(lawsuit.feeAmount);
    return { halalas: fee - paid, open };
  }

  private async paid(tx: RequestContext, bill: Bill): Promise<void> {
    const lawsuit = await this.lawsuits.loadForUpdate(tx, bill.subjectId);
    if (lawsuit.state !== LawsuitState.AWAITING_PAYMENT || (await this.due(tx, lawsuit)).halalas > 0) return;
    await this.lawsuits.applyEvent(tx, lawsuit, 'feePaid', { submittedAt: tx.now() });
  }

  private async expired(tx: RequestContext, bill: Bill): Promise<void> {
    const lawsuit = await this.lawsuits.loadForUpdate(tx, bill.subjectId);
    if (lawsuit.state !== LawsuitState.AWAITING_PAYMENT) return;
    await this.lawsuits.applyEvent(tx, lawsuit, 'feeLapsed');
  }
}
