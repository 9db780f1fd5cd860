/**
 * The payment gateway stand-in (docs/payments.md) as the process the global set-up started, over
 * real HTTP: the merchant's API with its key and idempotency, the hosted page posted as a browser
 * posts it with each test card (3-D Secure with the right and a wrong code), signed webhooks to a
 * receiver on this machine that refuses twice before it accepts, the lost callback, refunds and the
 * settlement report. Adl is not started: the stand-in is tested alone.
 */
import { api, browse, card, Delivery, GATEWAY, signatureValid, WebhookReceiver } from './support/payment-gateway';

const SECRET = process.env.PAYMENT_WEBHOOK_SECRET!;
const CARDS = { paid: '4111111111111111', declined: '4000000000000002', threeDS: '4000000000003220', lost: '4000000000000077' };

describe('payment gateway stand-in', () => {
  const receiver = new WebhookReceiver();
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());

  let n = 0;
  async function createPayment(over: Record<string, unknown> = {}, statuses: number[] = []) {
    const request = {
      amount: 125050,
      currency: 'SAR',
      description: 'رسوم قيد دعوى / Filing fee',
      reference: `BILL-E2E-${++n}`,
      callbackUrl: receiver.callbackUrl(statuses),
      returnUrl: 'https://adl.example/bills/back?from=gateway',
      ...over,
    };
    const res = await api('POST', '/v1/payments', request);
    expect(res.status).toBe(201);
    return { ...(res.body as { id: string; paymentUrl: string }), request };
  }

  /** The outcome the browser is sent back to the merchant with. */
  function backAt(location: URL | null, id: string, status: string) {
    expect(location?.origin).toBe('https://adl.example');
    expect(location?.pathname).toBe('/bills/back');
    expect(Object.fromEntries(location!.searchParams)).toEqual({ from: 'gateway', paymentId: id, status });
  }

  function validlySigned(deliveries: Delivery[]) {
    for (const d of deliveries) expect(signatureValid(SECRET, d)).toBe(true);
  }

  it('answers its health, and the API only to the merchant key with an empty password', async () => {
    expect(await (await fetch(`${GATEWAY()}/health`)).json()).toEqual({ status: 'ok' });
    const none = await api('GET', '/v1/payments/pay_x', undefined, { authorization: null });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic /);
    const basic = (user: string) => `Basic ${Buffer.from(user).toString('base64')}`;
    for (const authorization of [basic('adl-wrong-key:'), basic(`${process.env.PAYMENT_GATEWAY_API_KEY}:password`), 'Bearer x']) {
      expect((await api('POST', '/v1/payments', { amount: 1 }, { authorization })).status).toBe(401);
    }
    expect(await api('GET', '/v1/payments/pay_x')).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });

  it('creates a payment, refuses bad input field by field, and honours Idempotency-Key', async () => {
    const { id, paymentUrl, request } = await createPayment();
    expect(paymentUrl).toBe(`${GATEWAY()}/pay/${id}`);
    expect((await api('GET', `/v1/payments/${id}`)).body).toMatchObject({
      id,
      status: 'initiated',
      amount: 125050,
      currency: 'SAR',
      reference: request.reference,
      refundedAmount: 0,
      refunds: [],
    });
    expect(await api('POST', '/v1/payments', { ...request, amount: 12.5, currency: 'USD', returnUrl: 'nowhere' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', fields: ['amount', 'currency', 'returnUrl'] },
    });

    const key = `bill-${request.reference}-attempt-1`;
    const first = await api('POST', '/v1/payments', request, { idempotencyKey: key });
    expect(first.status).toBe(201);
    const reordered = Object.fromEntries(Object.entries(request).reverse());
    const again = await api('POST', '/v1/payments', reordered, { idempotencyKey: key });
    expect(again).toMatchObject({ status: 201, body: { id: first.body.id } });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await api('POST', '/v1/payments', { ...request, amount: 1 }, { idempotencyKey: key })).toMatchObject({
      status: 409,
      body: { error: 'idempotency_key_reused' },
    });
    expect((await api('POST', '/v1/payments', request, { idempotencyKey: `${key}-2` })).body.id).not.toBe(first.body.id);
  });

  it('shows a bilingual, labelled page and asks again for an expired card', async () => {
    const { id } = await createPayment();
    const page = await browse(`/pay/${id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="ar" dir="rtl">');
    expect(page.html).toContain('lang="en" dir="ltr"');
    for (const field of ['cardNumber', 'expiry', 'cvc', 'holder']) {
      expect(page.html).toContain(`<label for="${field}">`);
      expect(page.html).toContain(`<input id="${field}" name="${field}"`);
    }
    expect(page.html).toContain('1,250.50');
    expect(page.html).toContain('BILL-E2E-');
    expect(page.html).not.toMatch(/<(script|link|img)\b|\bsrc=/);

    const expired = await browse(`/pay/${id}`, card(CARDS.paid, { expiry: '01/20' }));
    expect(expired.status).toBe(400);
    expect(expired.html).toContain('role="alert"');
    expect(expired.html).toContain('انتهت صلاحية البطاقة');
    expect(expired.html).toContain('The card has expired.');
    // The number and the code are never shown back; the expiry and the name are, to correct.
    expect(expired.html).toMatch(/<input id="cardNumber"[^>]* value=""/);
    expect(expired.html).toMatch(/<input id="expiry"[^>]* value="01\/20"/);
    expect((await api('GET', `/v1/payments/${id}`)).body.status).toBe('initiated');
  });

  it('pays with the good card, retries the webhook the receiver refused twice, and will not take the card again', async () => {
    const { id, request } = await createPayment({}, [500, 500]);
    const paid = await browse(`/pay/${id}`, card(CARDS.paid));
    expect(paid.status).toBe(303);
    backAt(paid.location, id, 'paid');

    const deliveries = await receiver.waitFor(request.callbackUrl, 3);
    expect(deliveries.map((d) => d.answered)).toEqual([500, 500, 200]);
    validlySigned(deliveries);
    expect(new Set(deliveries.map((d) => d.event.id)).size).toBe(1);
    expect(deliveries[0].event).toMatchObject({ type: 'payment.paid', data: { payment: { id, status: 'paid', amount: 125050 } } });
    expect(deliveries[0].event.id).toMatch(/^evt_/);

    expect((await api('GET', `/v1/payments/${id}`)).body).toMatchObject({ status: 'paid', paidAt: expect.any(String) });
    const again = await browse(`/pay/${id}`, card(CARDS.paid));
    expect(again.status).toBe(409);
    expect(again.html).toContain('This payment has already been paid and cannot be paid again.');
    expect((await browse(`/pay/${id}`)).status).toBe(409);
  });

  it('fails a declined card and any other number, with card_declined', async () => {
    for (const number of [CARDS.declined, '5555555555554444']) {
      const { id, request } = await createPayment();
      const declined = await browse(`/pay/${id}`, card(number));
      backAt(declined.location, id, 'failed');
      const [delivery] = await receiver.waitFor(request.callbackUrl, 1);
      validlySigned([delivery]);
      expect(delivery.event).toMatchObject({
        type: 'payment.failed',
        data: { payment: { id, status: 'failed', failureReason: 'card_declined' } },
      });
      expect((await api('GET', `/v1/payments/${id}`)).body).toMatchObject({ status: 'failed', failureReason: 'card_declined' });
      expect((await browse(`/pay/${id}`, card(CARDS.paid))).html).toContain('has already failed');
    }
  });

  it('asks the 3-D Secure card for its code: the right one pays, a wrong one fails', async () => {
    for (const [code, status] of [
      ['123456', 'paid'],
      ['654321', 'failed'],
    ]) {
      const { id, request } = await createPayment();
      expect((await browse(`/pay/${id}/3ds`)).location?.pathname).toBe(`/pay/${id}`);
      const challenged = await browse(`/pay/${id}`, card(CARDS.threeDS));
      expect(challenged.status).toBe(303);
      expect(challenged.location?.toString()).toBe(`${GATEWAY()}/pay/${id}/3ds`);
      const page = await browse(challenged.location!.pathname);
      expect(page.status).toBe(200);
      expect(page.html).toContain('<label for="code">');
      expect((await api('GET', `/v1/payments/${id}`)).body.status).toBe('initiated');

      backAt((await browse(`/pay/${id}/3ds`, { code })).location, id, status);
      const [delivery] = await receiver.waitFor(request.callbackUrl, 1);
      validlySigned([delivery]);
      expect(delivery.event.type).toBe(`payment.${status}`);
      const payment = (await api('GET', `/v1/payments/${id}`)).body;
      expect(payment.status).toBe(status);
      if (status === 'failed') expect(payment.failureReason).toBe('authentication_failed');
    }
  });

  it('pays the lost-callback card without a webhook: only the status query tells', async () => {
    const lost = await createPayment();
    backAt((await browse(`/pay/${lost.id}`, card(CARDS.lost))).location, lost.id, 'paid');
    // A payment paid after it does get its webhook; by then the lost one would have come too.
    const witness = await createPayment();
    await browse(`/pay/${witness.id}`, card(CARDS.paid));
    await receiver.waitFor(witness.request.callbackUrl, 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.at(lost.request.callbackUrl)).toEqual([]);
    expect((await api('GET', `/v1/payments/${lost.id}`)).body).toMatchObject({ id: lost.id, status: 'paid' });
  });

  it('refunds part, then the rest, never more than was paid, and only a paid payment', async () => {
    const unpaid = await createPayment();
    expect(await api('POST', `/v1/payments/${unpaid.id}/refunds`, { amount: 100 })).toMatchObject({
      status: 400,
      body: { error: 'payment_not_refundable' },
    });
    const { id, request } = await createPayment({ amount: 10000 });
    await browse(`/pay/${id}`, card(CARDS.paid));
    await receiver.waitFor(request.callbackUrl, 1);

    const part = await api('POST', `/v1/payments/${id}/refunds`, { amount: 3000, reason: 'overpaid' }, { idempotencyKey: `refund-${id}` });
    expect(part).toMatchObject({ status: 201, body: { paymentId: id, amount: 3000, status: 'succeeded' } });
    expect(part.body.id).toMatch(/^rf_/);
    const replay = await api(
      'POST',
      `/v1/payments/${id}/refunds`,
      { reason: 'overpaid', amount: 3000 },
      { idempotencyKey: `refund-${id}` },
    );
    expect(replay.body.id).toBe(part.body.id);
    expect((await api('POST', `/v1/payments/${id}/refunds`, { amount: 1 }, { idempotencyKey: `refund-${id}` })).status).toBe(409);
    expect((await api('GET', `/v1/payments/${id}`)).body).toMatchObject({ status: 'partially_refunded', refundedAmount: 3000 });

    expect(await api('POST', `/v1/payments/${id}/refunds`, { amount: 7001 })).toMatchObject({
      status: 400,
      body: { error: 'amount_exceeds_refundable', fields: ['amount'] },
    });
    const rest = await api('POST', `/v1/payments/${id}/refunds`, {});
    expect(rest).toMatchObject({ status: 201, body: { amount: 7000 } });
    const payment = (await api('GET', `/v1/payments/${id}`)).body;
    expect(payment).toMatchObject({ status: 'refunded', refundedAmount: 10000 });
    expect(payment.refunds.map((r: { id: string }) => r.id)).toEqual([part.body.id, rest.body.id]);
    expect((await api('POST', `/v1/payments/${id}/refunds`, { amount: 1 })).status).toBe(400);

    const events = (await receiver.waitFor(request.callbackUrl, 3)).map((d) => d.event);
    validlySigned(receiver.at(request.callbackUrl));
    expect(
      events
        .slice(1)
        .map((e) => [e.type, e.data.refund.amount, e.data.payment.status])
        .sort(),
    ).toEqual([
      ['refund.succeeded', 3000, 'partially_refunded'],
      ['refund.succeeded', 7000, 'refunded'],
    ]);
  });

  it("reports the day's settlement: payments paid, refunds made, and the totals", async () => {
    const a = await createPayment({ amount: 20000 });
    const b = await createPayment({ amount: 5050 });
    await browse(`/pay/${a.id}`, card(CARDS.paid));
    await browse(`/pay/${b.id}`, card(CARDS.paid));
    const refund = (await api('POST', `/v1/payments/${a.id}/refunds`, { amount: 1500 })).body;
    const paidAt: string = (await api('GET', `/v1/payments/${a.id}`)).body.paidAt;
    const date = paidAt.slice(0, 10);

    const report = await api('GET', `/v1/settlements?date=${date}`);
    expect(report.status).toBe(200);
    expect(report.body.date).toBe(date);
    expect(report.body.payments).toEqual(
      expect.arrayContaining([
        { id: a.id, reference: a.request.reference, amount: 20000, paidAt },
        expect.objectContaining({ id: b.id, amount: 5050 }),
      ]),
    );
    expect(report.body.refunds).toEqual(
      expect.arrayContaining([{ id: refund.id, paymentId: a.id, amount: 1500, refundedAt: refund.createdAt }]),
    );
    const sum = (rows: { amount: number }[]) => rows.reduce((s, r) => s + r.amount, 0);
    const { paid, refunded, net } = report.body.totals;
    expect([paid, refunded, net]).toEqual([sum(report.body.payments), sum(report.body.refunds), paid - refunded]);
    expect((await api('GET', '/v1/settlements?date=1999-01-01')).body).toEqual({
      date: '1999-01-01',
      payments: [],
      refunds: [],
      totals: { paid: 0, refunded: 0, net: 0 },
    });
    expect(await api('GET', '/v1/settlements?date=2026-02-30')).toMatchObject({ status: 400, body: { fields: ['date'] } });
  });
});
