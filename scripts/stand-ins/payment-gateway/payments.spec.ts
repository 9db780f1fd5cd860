import { MAX_AMOUNT, parseNewPayment, parseRefundRequest, PaymentBook } from './payments';

const REQUEST = {
  amount: 125050,
  currency: 'SAR' as const,
  description: 'Court fee',
  reference: 'BILL-1',
  callbackUrl: 'https://adl.example/payments/webhook',
  returnUrl: 'https://adl.example/bills/BILL-1',
};

function book() {
  let n = 0;
  return new PaymentBook({ baseUrl: 'http://gw', now: () => new Date('2026-05-01T10:00:00Z'), newId: (prefix) => `${prefix}_${++n}` });
}

describe('payment gateway: a payment request', () => {
  it('takes a well-formed request', () => {
    expect(parseNewPayment({ ...REQUEST, extra: true })).toEqual({ ok: true, value: REQUEST });
    expect(parseNewPayment({ ...REQUEST, amount: MAX_AMOUNT }).ok).toBe(true);
  });

  it('names every wrong field', () => {
    expect(parseNewPayment({})).toEqual({
      ok: false,
      fields: ['amount', 'currency', 'description', 'reference', 'callbackUrl', 'returnUrl'],
    });
    for (const amount of [0, -1, 1.5, '100', MAX_AMOUNT + 1, null])
      expect(parseNewPayment({ ...REQUEST, amount })).toEqual({ ok: false, fields: ['amount'] });
    expect(parseNewPayment({ ...REQUEST, currency: 'USD' })).toEqual({ ok: false, fields: ['currency'] });
    expect(parseNewPayment({ ...REQUEST, reference: ' ', description: 'x'.repeat(256) })).toEqual({
      ok: false,
      fields: ['description', 'reference'],
    });
    expect(parseNewPayment({ ...REQUEST, callbackUrl: 'ftp://x/y', returnUrl: 'not a url' })).toEqual({
      ok: false,
      fields: ['callbackUrl', 'returnUrl'],
    });
    expect(parseNewPayment(null).ok).toBe(false);
  });

  it('takes a refund request with an optional amount and reason', () => {
    expect(parseRefundRequest(undefined)).toEqual({ ok: true, value: {} });
    expect(parseRefundRequest({ amount: 100, reason: 'overpaid' })).toEqual({ ok: true, value: { amount: 100, reason: 'overpaid' } });
    expect(parseRefundRequest({ amount: 0, reason: '' })).toEqual({ ok: false, fields: ['amount', 'reason'] });
  });
});

describe('payment gateway: a payment from initiated to paid or failed', () => {
  it('starts initiated, with its page URL and nothing refunded', () => {
    const b = book();
    expect(b.view(b.create(REQUEST))).toEqual({
      id: 'pay_1',
      status: 'initiated',
      amount: 125050,
      currency: 'SAR',
      reference: 'BILL-1',
      description: 'Court fee',
      paymentUrl: 'http://gw/pay/pay_1',
      createdAt: '2026-05-01T10:00:00.000Z',
      refundedAmount: 0,
      refunds: [],
    });
  });

  it('is paid once, with a payment.paid event carrying the payment', () => {
    const b = book();
    const p = b.create(REQUEST);
    const paid = b.pay(p.id);
    expect(paid).toMatchObject({ ok: true, payment: { status: 'paid' } });
    expect(paid.ok && paid.event).toEqual({
      id: 'evt_2',
      type: 'payment.paid',
      createdAt: '2026-05-01T10:00:00.000Z',
      data: { payment: expect.objectContaining({ id: p.id, status: 'paid', paidAt: '2026-05-01T10:00:00.000Z' }) },
    });
    expect(b.pay(p.id)).toEqual({ ok: false, error: 'already_final' });
    expect(b.fail(p.id, 'card_declined')).toEqual({ ok: false, error: 'already_final' });
    expect(b.pay('pay_x')).toEqual({ ok: false, error: 'not_found' });
  });

  it('is paid without an event for the lost callback', () => {
    const b = book();
    expect(b.pay(b.create(REQUEST).id, false)).toMatchObject({ ok: true, payment: { status: 'paid' }, event: null });
  });

  it('fails with its reason, and cannot be paid after', () => {
    const b = book();
    const p = b.create(REQUEST);
    const failed = b.fail(p.id, 'card_declined');
    expect(failed.ok && failed.event).toMatchObject({
      type: 'payment.failed',
      data: { payment: { status: 'failed', failureReason: 'card_declined' } },
    });
    expect(b.pay(p.id)).toEqual({ ok: false, error: 'already_final' });
  });

  it('waits for the 3-D Secure code: the right one pays, a wrong one fails', () => {
    const b = book();
    const right = b.create(REQUEST);
    expect(b.answerChallenge(right.id, '123456', '123456')).toEqual({ ok: false, error: 'no_challenge' });
    b.challenge(right.id);
    expect(b.get(right.id)).toMatchObject({ status: 'initiated', challenged: true });
    expect(b.answerChallenge(right.id, '123456', '123456')).toMatchObject({ ok: true, payment: { status: 'paid', challenged: false } });
    const wrong = b.create(REQUEST);
    b.challenge(wrong.id);
    expect(b.answerChallenge(wrong.id, '000000', '123456')).toMatchObject({
      ok: true,
      payment: { status: 'failed', failureReason: 'authentication_failed' },
      event: { type: 'payment.failed' },
    });
    expect(b.challenge(wrong.id)).toEqual({ ok: false, error: 'already_final' });
  });
});

describe('payment gateway: refunds', () => {
  it('refunds part, then the rest by default, each with a refund.succeeded event', () => {
    const b = book();
    const p = b.create(REQUEST);
    b.pay(p.id);
    const part = b.refund(p.id, { amount: 50, reason: 'overpaid' });
    expect(part).toMatchObject({ ok: true, payment: { status: 'partially_refunded' }, refund: { amount: 50, reason: 'overpaid' } });
    expect(part.ok && part.event).toMatchObject({
      type: 'refund.succeeded',
      data: { payment: { refundedAmount: 50 }, refund: { paymentId: p.id, amount: 50, status: 'succeeded', reason: 'overpaid' } },
    });
    const rest = b.refund(p.id, {});
    expect(rest).toMatchObject({ ok: true, payment: { status: 'refunded' }, refund: { amount: 125000 } });
    expect(b.view(p)).toMatchObject({ status: 'refunded', refundedAmount: 125050, refunds: [{ amount: 50 }, { amount: 125000 }] });
    expect(b.refund(p.id, { amount: 1 })).toEqual({ ok: false, error: 'payment_not_refundable' });
  });

  it('refuses more than is left', () => {
    const b = book();
    const p = b.create(REQUEST);
    b.pay(p.id);
    expect(b.refund(p.id, { amount: 125051 })).toEqual({ ok: false, error: 'amount_exceeds_refundable' });
    b.refund(p.id, { amount: 125000 });
    expect(b.refund(p.id, { amount: 51 })).toEqual({ ok: false, error: 'amount_exceeds_refundable' });
    expect(b.refund(p.id, { amount: 50 })).toMatchObject({ ok: true, payment: { status: 'refunded' } });
  });

  it('refuses a payment that was not paid, and an unknown one', () => {
    const b = book();
    const initiated = b.create(REQUEST);
    expect(b.refund(initiated.id, {})).toEqual({ ok: false, error: 'payment_not_refundable' });
    const failed = b.create(REQUEST);
    b.fail(failed.id, 'card_declined');
    expect(b.refund(failed.id, { amount: 1 })).toEqual({ ok: false, error: 'payment_not_refundable' });
    expect(b.refund('pay_x', {})).toEqual({ ok: false, error: 'not_found' });
  });
});
