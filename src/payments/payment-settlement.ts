/**
 * What the gateway says happened to money, applied to bills exactly once (docs/payments.md): a
 * signed webhook (`receive`), the status query (`check`: for attempts no webhook spoke of in time,
 * for the browser's return, before a bill expires), refunds (`refund`), and expiry (`expireDue`).
 *
 * Exactly once, whatever the number and order of callbacks: each event id is recorded in the
 * transaction that applies it; an attempt only ever moves from initiated to paid or failed, under
 * its row's lock; a refund is recorded once by the gateway's refund id. The browser's return is
 * never proof of anything: it only prompts a status query.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RequestContext } from '../access/context/request-context';
import { RequestContextFactory } from '../access/context/request-context.factory';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import { verifySignature } from '../core/crypto/webhook-signature';
import { Transactions } from '../core/database/transactions';
import { run } from '../core/lifecycle/lifecycle';
import { versionedStore } from '../core/lifecycle/versioned-store';
import { DocumentKind, DocumentsService } from '../documents';
import { NotificationKind, Notifier } from '../notifications';
import { Bill, BillPayment } from './bill.entity';
import { billFacts, type Message, sar } from './bill-notices';
import { BillPurpose, BillState, billMachine } from './bill-state-machine';
import { BillSubjects } from './bill-subjects';
import { BillsService, type NewBill, snapshotOf } from './bills.service';
import { post, UNOWED_PAYMENT } from './ledger';
import { GatewayPayment, GatewayRefund, PaymentGateway } from './payment-gateway';
import { PAYMENTS } from './payments-messages';

/** The outbox topic of a refund to make at the gateway after the transaction that decided it. */
export const REFUND_TOPIC = 'payments.refund';
export interface RefundOrder {
  billId: string;
  /** Halalas to give back; null: all that is left. */
  halalas: number | null;
  reason: string;
}

const SETTLED = new Set(['paid', 'partially_refunded', 'refunded']);
const BATCH = 100;

@Injectable()
export class PaymentSettlement {
  private readonly logger = new Logger(PaymentSettlement.name);
  private readonly store = versionedStore<Bill, BillState>(Bill, 'Bill', snapshotOf);

  constructor(
    private readonly tx: Transactions,
    private readonly gateway: PaymentGateway,
    private readonly notifier: Notifier,
    private readonly subjects: BillSubjects,
    private readonly contexts: RequestContextFactory,
    private readonly documents: DocumentsService,
    private readonly bills: BillsService,
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
  ) {}

  /**
   * A webhook's raw body and signature: false when the signature or its time is wrong (nothing
   * read); true once the event is applied, or was before.
   */
  async receive(rawBody: string, signature: string | undefined): Promise<boolean> {
    // The signature's time is the gateway's wall clock, so the replay window is measured on this
    // machine's wall clock, not on the business clock (which tests move to reach deadlines).
    const now = Math.floor(Date.now() / 1000);
    if (!verifySignature(this.config.payments.webhookSecret, signature, rawBody, now)) return false;
    const event = JSON.parse(rawBody) as { id?: unknown; type?: unknown; data?: { payment?: GatewayPayment } };
    const payment = event.data?.payment;
    if (typeof event.id !== 'string' || typeof event.type !== 'string' || !payment || typeof payment.id !== 'string') return true;
    const ctx = this.contexts.forActor(`payment-webhook-${event.id}`, null);
    await this.tx.run(ctx, async (tx) => {
      const fresh = await tx.manager.query<unknown[]>(
        `INSERT INTO payment_events (event_id, type, received_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id`,
        [event.id, event.type, tx.now()],
      );
      if (fresh.length) await this.apply(tx, payment);
    });
    return true;
  }

  /** Asks the gateway how an attempt stands and applies the answer. */
  async check(ctx: RequestContext, gatewayPaymentId: string): Promise<void> {
    const payment = await this.gateway.payment(gatewayPaymentId);
    await this.tx.run(ctx, (tx) => this.apply(tx, payment));
  }

  /** The status query for attempts that waited longer than PAYMENT_STATUS_CHECK_SECONDS for their webhook. */
  async checkOpen(ctx: RequestContext): Promise<number> {
    const after = this.config.payments.statusCheckAfterMs;
    const since = new Date(ctx.now().getTime() - after);
    const rows = await ctx.manager.query<{ gateway_payment_id: string }[]>(
      `SELECT gateway_payment_id FROM bill_payments
        WHERE status = 'initiated' AND created_at <= $1 AND (checked_at IS NULL OR checked_at <= $1)
        ORDER BY created_at LIMIT ${BATCH}`,
      [since],
    );
    let checked = 0;
    for (const row of rows) {
      try {
        await this.check(ctx, row.gateway_payment_id);
        checked++;
      } catch (err) {
        this.logger.warn(`Status query of payment ${row.gateway_payment_id} failed: ${(err as Error).message}`);
      }
    }
    return checked;
  }

  /** Unpaid bills past their due date expire, each after its open attempts were asked about. */
  async expireDue(ctx: RequestContext): Promise<number> {
    const due = await ctx.manager.query<{ id: string }[]>(
      `SELECT id FROM bills WHERE state = 'UNPAID' AND due_at <= $1 ORDER BY due_at LIMIT ${BATCH}`,
      [ctx.now()],
    );
    let expired = 0;
    for (const { id } of due) {
      const open = await ctx.repo(BillPayment).findBy({ billId: id, status: 'initiated' });
      for (const attempt of open) await this.check(ctx, attempt.gatewayPaymentId);
      const moved = await this.tx.run(ctx, async (tx) => {
        const bill = await this.lock(tx, id);
        if (bill?.state !== BillState.UNPAID) return false;
        const written = await run(tx, billMachine, this.store, bill, 'expire', { patch: { closedAt: tx.now() } });
        await post(tx, bill.id, 'EXPIRED', bill.amountHalalas);
        const hooks = this.subjects.of(bill);
        const consequence = hooks.expiryConsequence ?? { ar: '', en: '' };
        await this.notify(tx, written, NotificationKind.BILL_EXPIRED, { consequence }, PAYMENTS.expiredTitle, PAYMENTS.expiredBody);
        await hooks.expired?.(tx, written);
        return true;
      });
      if (moved) expired++;
    }
    return expired;
  }

  /**
   * Makes the subject's open bill ask for what is owed now (`bill`): an open bill that asks exactly
   * that is kept; one that asks another amount is cancelled and `bill` issued in its place.
   */
  async billOwed(tx: RequestContext, open: Bill | null, bill: NewBill): Promise<void> {
    if (open?.amountHalalas === bill.amountHalalas) return;
    if (open) await this.cancel(tx, open.id);
    await this.bills.issue(tx, bill);
  }

  /** Cancels the subject's open bill of a purpose, if it has one: the subject no longer owes it. */
  async cancelOpen(tx: RequestContext, subjectType: string, subjectId: string, purpose: BillPurpose): Promise<void> {
    const open = await tx.repo(Bill).findOneBy({ subjectType, subjectId, purpose, state: BillState.UNPAID });
    if (open) await this.cancel(tx, open.id);
  }

  /** Cancels an unpaid bill its subject no longer owes, inside the caller's transaction. */
  async cancel(tx: RequestContext, billId: string): Promise<void> {
    const bill = await this.lock(tx, billId);
    if (bill?.state !== BillState.UNPAID) return;
    await run(tx, billMachine, this.store, bill, 'cancel', { patch: { closedAt: tx.now() } });
    await post(tx, bill.id, 'CANCELLED', bill.amountHalalas);
  }

  /**
   * Gives back money of a bill at the gateway and records it: `halalas` of it, or all that is left.
   * Run from the outbox (REFUND_TOPIC) after the transaction that decided it; a retry after a
   * lost answer uses the same idempotency key, so the gateway refunds once.
   */
  async refund(ctx: RequestContext, order: RefundOrder): Promise<void> {
    const bill = await ctx.repo(Bill).findOneBy({ id: order.billId });
    const attempt = await ctx.repo(BillPayment).findOneBy({ billId: order.billId, status: 'paid' });
    if (!bill || !attempt) return;
    const left = attempt.amountHalalas - bill.refundedHalalas;
    const halalas = Math.min(order.halalas ?? left, left);
    if (halalas <= 0) return;
    const refund = await this.gateway.refund(
      attempt.gatewayPaymentId,
      halalas,
      order.reason,
      `refund:${bill.id}:${bill.refundedHalalas}:${halalas}`,
    );
    await this.tx.run(ctx, (tx) => this.recordRefund(tx, attempt, refund));
  }

  /** Applies the gateway's view of one attempt, under the attempt's lock. */
  private async apply(tx: RequestContext, payment: GatewayPayment): Promise<void> {
    const attempt = (await this.lockAttempt(tx, payment.id)) ?? (await this.adopt(tx, payment));
    if (!attempt) {
      this.logger.warn(`The gateway spoke of payment ${payment.id}, which no bill knows.`);
      return;
    }
    const patch: Partial<BillPayment> = { checkedAt: tx.now() };
    if (attempt.status === 'initiated' && payment.status === 'failed') {
      Object.assign(patch, { status: 'failed', failureReason: payment.failureReason ?? null, settledAt: tx.now() });
    } else if (attempt.status === 'initiated' && SETTLED.has(payment.status)) {
      Object.assign(patch, { status: 'paid', settledAt: payment.paidAt ? new Date(payment.paidAt) : tx.now() });
    }
    await tx.repo(BillPayment).update({ id: attempt.id }, patch);
    if (patch.status === 'paid') await this.paid(tx, { ...attempt, ...patch });
    for (const refund of payment.refunds ?? []) await this.recordRefund(tx, attempt, refund);
  }

  private lockAttempt(tx: RequestContext, gatewayPaymentId: string): Promise<BillPayment | null> {
    return tx
      .repo(BillPayment)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.gateway_payment_id = :id', { id: gatewayPaymentId })
      .getOne();
  }

  /**
   * A payment the gateway made for one of our bills (its reference is the bill's number) that Adl
   * never recorded: the process that opened it stopped between the gateway's answer and its own
   * commit. The gateway's signed word (or its status query) records the attempt now, so the
   * payment is not lost.
   */
  private async adopt(tx: RequestContext, payment: GatewayPayment): Promise<BillPayment | null> {
    const bill = await tx.repo(Bill).findOneBy({ number: payment.reference });
    if (!bill) return null;
    await tx.manager.query(
      `INSERT INTO bill_payments (bill_id, gateway_payment_id, status, payment_url, amount_halalas, created_at, updated_at)
       VALUES ($1, $2, 'initiated', $3, $4, $5, $5) ON CONFLICT (gateway_payment_id) DO NOTHING`,
      [bill.id, payment.id, payment.paymentUrl, payment.amount, tx.now()],
    );
    return this.lockAttempt(tx, payment.id);
  }

  /** An attempt was paid: the bill is, if it was still owed; otherwise the money goes back. */
  private async paid(tx: RequestContext, attempt: BillPayment): Promise<void> {
    const bill = (await this.lock(tx, attempt.billId))!;
    if (bill.state !== BillState.UNPAID || attempt.amountHalalas !== bill.amountHalalas) {
      // Paid twice, after the bill expired or was cancelled, or not the bill's amount: the money is the payer's.
      await post(tx, bill.id, 'PAID', attempt.amountHalalas, attempt.gatewayPaymentId, UNOWED_PAYMENT);
      await tx.repo(BillPayment).update({ id: attempt.id }, { failureReason: 'not_owed' });
      tx.emit({
        topic: REFUND_TOPIC,
        payload: { billId: bill.id, halalas: null, reason: 'not_owed', paymentId: attempt.gatewayPaymentId },
        key: `${REFUND_TOPIC}:${attempt.gatewayPaymentId}`,
      });
      return;
    }
    const written = await run(tx, billMachine, this.store, bill, 'pay', { patch: { paidAt: attempt.settledAt ?? tx.now() } });
    await post(tx, bill.id, 'PAID', bill.amountHalalas, attempt.gatewayPaymentId);
    await this.notify(tx, written, NotificationKind.BILL_PAID, {}, PAYMENTS.paidTitle, PAYMENTS.paidBody);
    await this.documents.issue(tx, DocumentKind.PAYMENT_RECEIPT, bill.id);
    await this.subjects.of(bill).paid?.(tx, written);
  }

  private async recordRefund(tx: RequestContext, attempt: BillPayment, refund: GatewayRefund): Promise<void> {
    const fresh = await tx.manager.query<{ id: string }[]>(
      `INSERT INTO payment_refunds (bill_id, bill_payment_id, gateway_refund_id, amount_halalas, reason, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (gateway_refund_id) DO NOTHING RETURNING id`,
      // When the gateway made it: the day its settlement report lists it under (reconciliation.ts).
      [attempt.billId, attempt.id, refund.id, refund.amount, refund.reason ?? '', refund.createdAt ? new Date(refund.createdAt) : tx.now()],
    );
    if (!fresh.length) return;
    const bill = (await this.lock(tx, attempt.billId))!;
    await post(tx, bill.id, 'REFUNDED', refund.amount, refund.id);
    const refundedHalalas = Math.min(bill.amountHalalas, bill.refundedHalalas + refund.amount);
    let written: Bill;
    if (bill.state === BillState.PAID) {
      const whole = refundedHalalas >= bill.amountHalalas;
      written = await run(tx, billMachine, this.store, bill, whole ? 'refund' : 'refundPart', {
        patch: { refundedHalalas, ...(whole ? { closedAt: tx.now() } : {}) },
      });
    } else {
      written = await this.store.write(tx, bill, { refundedHalalas });
    }
    await this.notify(
      tx,
      written,
      NotificationKind.BILL_REFUNDED,
      { amount: sar(refund.amount), reason: refund.reason ?? '' },
      PAYMENTS.refundedTitle,
      PAYMENTS.refundedBody,
      refund.id,
    );
    await this.documents.issue(tx, DocumentKind.REFUND_RECEIPT, fresh[0].id);
  }

  private lock(tx: RequestContext, id: string): Promise<Bill | null> {
    return tx.repo(Bill).createQueryBuilder('b').setLock('pessimistic_write').where('b.id = :id', { id }).getOne();
  }

  private notify(
    tx: RequestContext,
    bill: Bill,
    kind: NotificationKind,
    extra: Record<string, string | { ar: string; en: string }>,
    title: Message,
    body: Message,
    key: string = bill.id,
  ) {
    return this.notifier.notify(tx, {
      kind,
      recipients: [{ nationalId: bill.payerNationalId }],
      lawsuitId: bill.subjectType === 'Lawsuit' ? bill.subjectId : null,
      dedupeKey: `${kind}:${key}`,
      data: { billId: bill.id, number: bill.number, state: bill.state },
      ...billFacts(bill, extra).notice(title, body),
    });
  }
}
