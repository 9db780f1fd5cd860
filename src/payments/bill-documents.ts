/**
 * Receipts (docs/payments.md, "Receipts"): a payment receipt when a bill is paid, a refund receipt
 * for each refund, in Arabic and English, rendered, signed and verifiable through the documents
 * pipeline. Their instrument is the bill: its payer reads them; the verification page shows the
 * bill's state now.
 */
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { RequestContext } from '../access/context/request-context';
import { can } from '../access/authorize';
import { DocumentKind, DocumentSubjects, type InstrumentStatus, type SubjectSnapshot } from '../documents';
import { UserLookups } from '../identity';
import { Bill, BillPayment } from './bill.entity';
import { BillState } from './bill-state-machine';

const STATE: Record<BillState, { ar: string; en: string }> = {
  [BillState.UNPAID]: { ar: 'غير مسددة', en: 'Unpaid' },
  [BillState.PAID]: { ar: 'مسددة', en: 'Paid' },
  [BillState.EXPIRED]: { ar: 'انتهت مهلة سدادها', en: 'Expired unpaid' },
  [BillState.CANCELLED]: { ar: 'ملغاة', en: 'Cancelled' },
  [BillState.REFUNDED]: { ar: 'مستردة', en: 'Refunded' },
};

/** Why money went back, in words, by the reason a refund was ordered with. */
const REASONS: Record<string, { ar: string; en: string }> = {
  'lawsuit.reject': { ar: 'رُفضت صحيفة الدعوى', en: 'The filing was rejected' },
  'lawsuit.withdraw': { ar: 'تُركت الدعوى قبل قيدها', en: 'The filing was withdrawn before registration' },
  'lawsuit.settle': { ar: 'انتهت الدعوى صلحاً', en: 'The case was settled' },
  'poa.lapse': { ar: 'سقطت مسودة الوكالة قبل سداد مقابلها', en: 'The draft power of attorney lapsed before its fee arrived' },
  'judgment.costs': { ar: 'تحمّل المحكوم عليه التكاليف القضائية', en: 'The party judged against bore the court costs' },
  not_owed: { ar: 'مبلغ لم يكن مستحقاً', en: 'An amount that was not owed' },
};

interface RefundRow {
  id: string;
  bill_id: string;
  gateway_refund_id: string;
  amount_halalas: string;
  reason: string;
  created_at: Date;
}

@Injectable()
export class BillDocuments implements OnModuleInit {
  constructor(
    private readonly subjects: DocumentSubjects,
    private readonly people: UserLookups,
  ) {}

  onModuleInit(): void {
    const common = {
      canRead: (ctx: RequestContext, billId: string) => this.canRead(ctx, billId),
      status: (ctx: RequestContext, d: { instrumentId: string }) => this.status(ctx, d.instrumentId),
    };
    this.subjects.register({ kind: DocumentKind.PAYMENT_RECEIPT, ...common, load: (tx, id) => this.payment(tx, id) });
    this.subjects.register({ kind: DocumentKind.REFUND_RECEIPT, ...common, load: (tx, id) => this.refund(tx, id) });
  }

  private async canRead(ctx: RequestContext, billId: string): Promise<boolean> {
    const bill = await ctx.repo(Bill).findOneBy({ id: billId });
    return !!bill && can(ctx, 'read', 'Bill', bill);
  }

  private async status(ctx: RequestContext, billId: string): Promise<InstrumentStatus> {
    const bill = await ctx.repo(Bill).findOneByOrFail({ id: billId });
    const state = STATE[bill.state];
    return {
      active: bill.state === BillState.PAID || bill.state === BillState.REFUNDED,
      stateAr: state.ar,
      stateEn: state.en,
      labelAr: 'فاتورة',
      labelEn: 'Bill',
      reference: bill.number,
    };
  }

  private async common(tx: RequestContext, bill: Bill) {
    const payer = await this.people.findByNationalId(tx, bill.payerNationalId);
    return {
      billNumber: bill.number,
      description: { ar: bill.descriptionAr, en: bill.descriptionEn },
      payer: { nameAr: payer?.nameAr ?? '—', nameEn: payer?.nameEn ?? '—', identifier: bill.payerNationalId },
      amount: bill.amountHalalas / 100,
    };
  }

  /** The receipt of a bill's payment: subject and instrument are the bill. */
  private async payment(tx: RequestContext, billId: string): Promise<SubjectSnapshot | null> {
    const bill = await tx.repo(Bill).findOneBy({ id: billId });
    const attempt = await tx.repo(BillPayment).findOneBy({ billId, status: 'paid' });
    if (!bill?.paidAt || !attempt) return null;
    return {
      version: 1,
      instrument: { type: 'Bill', id: bill.id },
      data: { ...(await this.common(tx, bill)), paidAt: bill.paidAt.toISOString(), paymentReference: attempt.gatewayPaymentId },
    };
  }

  /** The receipt of one refund: the subject is the refund, the instrument its bill. */
  private async refund(tx: RequestContext, refundId: string): Promise<SubjectSnapshot | null> {
    const [row] = await tx.manager.query<RefundRow[]>(`SELECT * FROM payment_refunds WHERE id = $1`, [refundId]);
    const bill = row ? await tx.repo(Bill).findOneBy({ id: row.bill_id }) : null;
    if (!row || !bill) return null;
    return {
      version: 1,
      instrument: { type: 'Bill', id: bill.id },
      data: {
        ...(await this.common(tx, bill)),
        refundedAmount: Number(row.amount_halalas) / 100,
        refundedAt: row.created_at.toISOString(),
        reason: REASONS[row.reason] ?? { ar: row.reason || '—', en: row.reason || '—' },
        refundReference: row.gateway_refund_id,
      },
    };
  }
}
