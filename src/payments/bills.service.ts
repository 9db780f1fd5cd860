/**
 * Bills (docs/payments.md): issued by another wing's use case inside its transaction (`issue`),
 * read by their payer, and paid through the payment gateway (`pay` opens an attempt and answers
 * the hosted page's address). Whether an attempt succeeded is never taken from the browser: the
 * gateway's signed webhook or its status query says so (payment-settlement.ts).
 */
import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '../access/context/request-context';
import { can, authorize, unreadable } from '../access/authorize';
import { applyAbility } from '../access/sql-filter';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import { Transactions } from '../core/database/transactions';
import { BadUserInputError, DomainError, InvalidTransitionError, NotFoundError } from '../core/errors/domain-error';
import { ConnectionShape, newestFirst } from '../core/graphql/pagination';
import type { Bilingual } from '../core/i18n/messages';
import { safeReturnTo, UserLookups } from '../identity';
import { NotificationKind, Notifier } from '../notifications';
import { Bill, BillPayment } from './bill.entity';
import { BillPurpose, BillState } from './bill-state-machine';
import { post } from './ledger';
import { PaymentGateway } from './payment-gateway';
import { PAYMENTS } from './payments-messages';
import { billFacts, sar } from './bill-notices';

export interface NewBill {
  purpose: BillPurpose;
  subjectType: string;
  subjectId: string;
  description: Bilingual;
  payerNationalId: string;
  amountHalalas: number;
  dueAt: Date;
}

/** Where the payer's browser goes to pay, and the attempt it pays. */
export interface PaymentSession {
  billId: string;
  paymentId: string;
  paymentUrl: string;
}

/** An open attempt is offered again for this long; after it, a new one is made. */
const ATTEMPT_REUSE_MS = 30 * 60_000;

@Injectable()
export class BillsService {
  constructor(
    private readonly tx: Transactions,
    private readonly gateway: PaymentGateway,
    private readonly notifier: Notifier,
    private readonly people: UserLookups,
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
  ) {}

  /** Issues a bill inside the caller's transaction: its number, the ledger's ISSUED movement, the audit, the payer's notice. */
  async issue(tx: RequestContext, input: NewBill): Promise<Bill> {
    const [{ number }] = await tx.manager.query<{ number: string }[]>(
      `SELECT to_char($1::timestamptz AT TIME ZONE 'Asia/Riyadh', 'YYYY') || lpad(nextval('bill_numbers')::text, 9, '0') AS number`,
      [tx.now()],
    );
    const payerIds = await this.people.userIdsOf(tx, [input.payerNationalId]);
    const repo = tx.repo(Bill);
    const bill = await repo.save(
      repo.create({
        number,
        purpose: input.purpose,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        descriptionAr: input.description.ar,
        descriptionEn: input.description.en,
        payerNationalId: input.payerNationalId,
        payerId: payerIds.get(input.payerNationalId) ?? null,
        amountHalalas: input.amountHalalas,
        refundedHalalas: 0,
        state: BillState.UNPAID,
        dueAt: input.dueAt,
        paidAt: null,
        closedAt: null,
        version: 1,
        createdAt: tx.now(),
      }),
    );
    await post(tx, bill.id, 'ISSUED', bill.amountHalalas);
    tx.audit({ action: 'bill.issue', subjectType: 'Bill', subjectId: bill.id, before: null, after: snapshotOf(bill) });
    const facts = billFacts(bill);
    await this.notifier.notify(tx, {
      kind: NotificationKind.BILL_ISSUED,
      recipients: [{ nationalId: bill.payerNationalId }],
      lawsuitId: bill.subjectType === 'Lawsuit' ? bill.subjectId : null,
      dedupeKey: `${NotificationKind.BILL_ISSUED}:${bill.id}`,
      data: { billId: bill.id, number: bill.number, amount: sar(bill.amountHalalas), dueAt: bill.dueAt.toISOString() },
      ...facts.notice(PAYMENTS.issuedTitle, PAYMENTS.issuedBody),
    });
    return bill;
  }

  /** One bill, if the caller may read it; otherwise NOT_FOUND (its existence is not revealed). */
  async get(ctx: RequestContext, id: string): Promise<Bill> {
    const bill = await ctx.repo(Bill).findOneBy({ id });
    if (!bill || !can(ctx, 'read', 'Bill', bill)) throw bill ? unreadable(ctx, 'Bill', bill, PAYMENTS.billNotFound()) : missing();
    return bill;
  }

  /** The caller's bills, newest first, filtered in SQL by the same rule. */
  list(ctx: RequestContext, filter: { states?: BillState[] }, first: number, after?: string): Promise<ConnectionShape<Bill>> {
    const qb = ctx.repo(Bill).createQueryBuilder('b');
    applyAbility(qb, ctx.ability, 'read', 'Bill', 'b');
    if (filter.states?.length) qb.andWhere('b.state IN (:...states)', { states: filter.states });
    return newestFirst(qb, 'b', first, after);
  }

  /** The bills of these subjects that the caller may read, oldest first (for a subject's `bills` field). */
  ofSubjects(ctx: RequestContext, subjectType: string, subjectIds: readonly string[]): Promise<Bill[]> {
    const qb = ctx.repo(Bill).createQueryBuilder('b');
    applyAbility(qb, ctx.ability, 'read', 'Bill', 'b');
    return qb
      .andWhere('b.subject_type = :subjectType AND b.subject_id = ANY(:ids::uuid[])', { subjectType, ids: [...subjectIds] })
      .orderBy('b.created_at', 'ASC')
      .getMany();
  }

  /** A subject's bills of a purpose, oldest first, for its own wing's use case (no read rule: the caller decided). */
  billsOf(tx: RequestContext, subjectType: string, subjectId: string, purpose: BillPurpose): Promise<Bill[]> {
    return tx.repo(Bill).find({ where: { subjectType, subjectId, purpose }, order: { createdAt: 'ASC' } });
  }

  /** What the subject's paid bills of a purpose came to, less refunds, in halalas, and its open bill. */
  async paidFor(
    tx: RequestContext,
    subjectType: string,
    subjectId: string,
    purpose: BillPurpose,
  ): Promise<{ paid: number; open: Bill | null }> {
    const bills = await this.billsOf(tx, subjectType, subjectId, purpose);
    const paid = bills
      .filter((b) => b.state === BillState.PAID || b.state === BillState.REFUNDED)
      .reduce((sum, b) => sum + b.amountHalalas - b.refundedHalalas, 0);
    return { paid, open: bills.find((b) => b.state === BillState.UNPAID) ?? null };
  }

  /**
   * Opens an attempt to pay the bill at the gateway and answers where the payer's browser goes. An
   * attempt still open is offered again; the gateway's idempotency key (bill and attempt number)
   * makes a retry after a lost answer return the same payment instead of a second one. The browser
   * comes back to /payments/return, and from there to `returnTo` when given (a path on Adl's site).
   */
  async pay(ctx: RequestContext, id: string, returnTo?: string): Promise<PaymentSession> {
    const back = returnTo ? safeReturnTo(returnTo) : null;
    if (returnTo !== undefined && !back) {
      throw BadUserInputError.field('returnTo', PAYMENTS.returnToLocal());
    }
    const bill = await this.get(ctx, id);
    authorize(ctx, 'pay', 'Bill', bill);
    if (bill.state !== BillState.UNPAID) {
      throw new InvalidTransitionError('Bill', bill.state, 'pay', PAYMENTS.notPayable({ state: bill.state }));
    }
    const attempts = await ctx.repo(BillPayment).find({ where: { billId: bill.id }, order: { createdAt: 'DESC' } });
    const open = attempts.find((a) => a.status === 'initiated' && ctx.now().getTime() - a.createdAt.getTime() < ATTEMPT_REUSE_MS);
    if (open) return { billId: bill.id, paymentId: open.gatewayPaymentId, paymentUrl: open.paymentUrl };
    const base = this.config.publicBaseUrl;
    // A gateway that does not answer is a fault outside the caller's hands (INTERNAL_SERVER_ERROR with a request id).
    const payment = await this.gateway.createPayment({
      amount: bill.amountHalalas,
      description: bill.descriptionEn.slice(0, 255),
      reference: bill.number,
      callbackUrl: `${this.config.payments.callbackBaseUrl}/payments/webhook`,
      returnUrl: `${base}/payments/return${back ? `?returnTo=${encodeURIComponent(back)}` : ''}`,
      idempotencyKey: `${bill.id}:${attempts.length + 1}`,
    });
    await this.tx.run(ctx, async (tx) => {
      await tx.manager.query(
        `INSERT INTO bill_payments (bill_id, gateway_payment_id, status, payment_url, amount_halalas, created_at, updated_at)
         VALUES ($1, $2, 'initiated', $3, $4, $5, $5) ON CONFLICT (gateway_payment_id) DO NOTHING`,
        [bill.id, payment.id, payment.paymentUrl, payment.amount, tx.now()],
      );
      tx.audit({ action: 'bill.payment-started', subjectType: 'Bill', subjectId: bill.id, before: null, after: { paymentId: payment.id } });
    });
    return { billId: bill.id, paymentId: payment.id, paymentUrl: payment.paymentUrl };
  }
}

/** What the audit trail keeps of a bill. */
export function snapshotOf(bill: Bill): Record<string, unknown> {
  return {
    number: bill.number,
    purpose: bill.purpose,
    subjectType: bill.subjectType,
    subjectId: bill.subjectId,
    amountHalalas: bill.amountHalalas,
    refundedHalalas: bill.refundedHalalas,
    state: bill.state,
    dueAt: bill.dueAt,
  };
}

function missing(): DomainError {
  return new NotFoundError(PAYMENTS.billNotFound());
}
