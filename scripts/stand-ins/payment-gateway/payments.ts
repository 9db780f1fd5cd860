/**
 * The payment gateway's state and rules (docs/payments.md): payments from `initiated` to `paid` or
 * `failed`, refunds of a paid payment up to its amount, and the events each change makes. Pure and
 * in memory: the clock and the ids are given, the routes answer over HTTP and the webhook sender
 * delivers the events.
 */
import { randomBytes } from 'node:crypto';

export type PaymentStatus = 'initiated' | 'paid' | 'failed' | 'partially_refunded' | 'refunded';
export type FailureReason = 'card_declined' | 'authentication_failed';
export type EventType = 'payment.paid' | 'payment.failed' | 'refund.succeeded';

/** The most a payment may ask: SAR 9,999,999.99. */
export const MAX_AMOUNT = 999_999_999;

export interface NewPayment {
  amount: number;
  currency: 'SAR';
  description: string;
  reference: string;
  callbackUrl: string;
  returnUrl: string;
}

export interface Refund {
  id: string;
  paymentId: string;
  amount: number;
  reason: string | null;
  status: 'succeeded';
  createdAt: Date;
}

export interface Payment extends NewPayment {
  id: string;
  status: PaymentStatus;
  createdAt: Date;
  paidAt: Date | null;
  failureReason: FailureReason | null;
  refunds: Refund[];
  /** A 3-D Secure challenge is waiting for its code. */
  challenged: boolean;
}

export interface RefundView {
  id: string;
  paymentId: string;
  amount: number;
  status: 'succeeded';
  reason?: string;
  createdAt: string;
}

export interface PaymentView {
  id: string;
  status: PaymentStatus;
  amount: number;
  currency: 'SAR';
  reference: string;
  description: string;
  paymentUrl: string;
  createdAt: string;
  paidAt?: string;
  failureReason?: FailureReason;
  refundedAmount: number;
  refunds: RefundView[];
}

export interface GatewayEvent {
  id: string;
  type: EventType;
  createdAt: string;
  data: { payment: PaymentView; refund?: RefundView };
}

/** A change: the payment as it now is, and the event to deliver (none when its webhook is lost on purpose). */
export type Change = { ok: true; payment: Payment; event: GatewayEvent | null };
export type Refusal = { ok: false; error: 'not_found' | 'already_final' | 'no_challenge' };
export type RefundRefusal = { ok: false; error: 'not_found' | 'payment_not_refundable' | 'amount_exceeds_refundable' };

export type Parsed<T> = { ok: true; value: T } | { ok: false; fields: string[] };

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= max;
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_AMOUNT;
}

/** The body of `POST /v1/payments`, or the names of the fields that are wrong. */
export function parseNewPayment(body: unknown): Parsed<NewPayment> {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const fields: string[] = [];
  if (!isAmount(b.amount)) fields.push('amount');
  if (b.currency !== 'SAR') fields.push('currency');
  if (!isText(b.description, 255)) fields.push('description');
  if (!isText(b.reference, 64)) fields.push('reference');
  if (!isHttpUrl(b.callbackUrl)) fields.push('callbackUrl');
  if (!isHttpUrl(b.returnUrl)) fields.push('returnUrl');
  if (fields.length) return { ok: false, fields };
  const { amount, description, reference, callbackUrl, returnUrl } = b as unknown as NewPayment;
  return { ok: true, value: { amount, currency: 'SAR', description, reference, callbackUrl, returnUrl } };
}

/** The body of `POST /v1/payments/:id/refunds` (all optional), or the names of the fields that are wrong. */
export function parseRefundRequest(body: unknown): Parsed<{ amount?: number; reason?: string }> {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const fields: string[] = [];
  if (b.amount !== undefined && !isAmount(b.amount)) fields.push('amount');
  if (b.reason !== undefined && !isText(b.reason, 255)) fields.push('reason');
  if (fields.length) return { ok: false, fields };
  return { ok: true, value: { amount: b.amount as number | undefined, reason: b.reason as string | undefined } };
}

export function refundedAmount(payment: Payment): number {
  return payment.refunds.reduce((sum, r) => sum + r.amount, 0);
}

export function refundView(refund: Refund): RefundView {
  const { id, paymentId, amount, status, reason, createdAt } = refund;
  return { id, paymentId, amount, status, ...(reason === null ? {} : { reason }), createdAt: createdAt.toISOString() };
}

/** `pay_`, `rf_`, `evt_` and 24 hexadecimal digits. */
export function randomId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

export interface PaymentBookOptions {
  /** The gateway's base URL: a payment's page is `<baseUrl>/pay/<id>`. */
  baseUrl: string;
  now?: () => Date;
  newId?: (prefix: 'pay' | 'rf' | 'evt') => string;
}

export class PaymentBook {
  private readonly payments = new Map<string, Payment>();
  private readonly now: () => Date;
  private readonly newId: (prefix: 'pay' | 'rf' | 'evt') => string;

  constructor(private readonly options: PaymentBookOptions) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomId;
  }

  create(input: NewPayment): Payment {
    const payment: Payment = {
      ...input,
      id: this.newId('pay'),
      status: 'initiated',
      createdAt: this.now(),
      paidAt: null,
      failureReason: null,
      refunds: [],
      challenged: false,
    };
    this.payments.set(payment.id, payment);
    return payment;
  }

  get(id: string): Payment | undefined {
    return this.payments.get(id);
  }

  all(): IterableIterator<Payment> {
    return this.payments.values();
  }

  view(payment: Payment): PaymentView {
    const { id, status, amount, currency, reference, description, createdAt, paidAt, failureReason } = payment;
    return {
      id,
      status,
      amount,
      currency,
      reference,
      description,
      paymentUrl: `${this.options.baseUrl}/pay/${id}`,
      createdAt: createdAt.toISOString(),
      ...(paidAt ? { paidAt: paidAt.toISOString() } : {}),
      ...(failureReason ? { failureReason } : {}),
      refundedAmount: refundedAmount(payment),
      refunds: payment.refunds.map(refundView),
    };
  }

  /** The card was accepted: paid, with a `payment.paid` event unless `webhook` is false (the lost callback). */
  pay(id: string, webhook = true): Change | Refusal {
    const payment = this.open(id);
    if (!('id' in payment)) return payment;
    Object.assign(payment, { status: 'paid', paidAt: this.now(), challenged: false });
    const event = this.event('payment.paid', payment);
    return { ok: true, payment, event: webhook ? event : null };
  }

  fail(id: string, reason: FailureReason): Change | Refusal {
    const payment = this.open(id);
    if (!('id' in payment)) return payment;
    Object.assign(payment, { status: 'failed', failureReason: reason, challenged: false });
    return { ok: true, payment, event: this.event('payment.failed', payment) };
  }

  /** The 3-D Secure card: the payment waits for the one-time code. */
  challenge(id: string): { ok: true; payment: Payment } | Refusal {
    const payment = this.open(id);
    if (!('id' in payment)) return payment;
    payment.challenged = true;
    return { ok: true, payment };
  }

  /** The one-time code of a waiting challenge: the right one pays, any other fails the payment. */
  answerChallenge(id: string, code: string, expected: string): Change | Refusal {
    const payment = this.open(id);
    if (!('id' in payment)) return payment;
    if (!payment.challenged) return { ok: false, error: 'no_challenge' };
    return code === expected ? this.pay(id) : this.fail(id, 'authentication_failed');
  }

  /** A refund of a paid payment: `amount` or, without it, all that is left. */
  refund(
    id: string,
    request: { amount?: number; reason?: string },
  ): { ok: true; payment: Payment; refund: Refund; event: GatewayEvent } | RefundRefusal {
    const payment = this.payments.get(id);
    if (!payment) return { ok: false, error: 'not_found' };
    if (payment.status !== 'paid' && payment.status !== 'partially_refunded') return { ok: false, error: 'payment_not_refundable' };
    const left = payment.amount - refundedAmount(payment);
    const amount = request.amount ?? left;
    if (amount > left) return { ok: false, error: 'amount_exceeds_refundable' };
    const refund: Refund = {
      id: this.newId('rf'),
      paymentId: id,
      amount,
      reason: request.reason ?? null,
      status: 'succeeded',
      createdAt: this.now(),
    };
    payment.refunds.push(refund);
    payment.status = amount === left ? 'refunded' : 'partially_refunded';
    return { ok: true, payment, refund, event: this.event('refund.succeeded', payment, refund) };
  }

  /** A payment still open to a card: known and neither paid nor failed. */
  private open(id: string): Payment | Refusal {
    const payment = this.payments.get(id);
    if (!payment) return { ok: false, error: 'not_found' };
    if (payment.status !== 'initiated') return { ok: false, error: 'already_final' };
    return payment;
  }

  private event(type: EventType, payment: Payment, refund?: Refund): GatewayEvent {
    const data = { payment: this.view(payment), ...(refund ? { refund: refundView(refund) } : {}) };
    return { id: this.newId('evt'), type, createdAt: this.now().toISOString(), data };
  }
}
