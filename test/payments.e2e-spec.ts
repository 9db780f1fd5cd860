/**
 * Fees paid over HTTP against the real processes (docs/payments.md): the API with a worker, the
 * gateway stand-in and its signed webhooks. A filing waits for its fee; a card that pays, one
 * declined, one that needs 3-D Secure; a webhook duplicated, out of order, forged or replayed; a
 * lost webhook recovered by the status query when the browser comes back; a refund when the
 * filing is withdrawn; and the ledger, which sums to zero and matches the gateway.
 */
import { randomUUID } from 'node:crypto';
import { signatureHeader } from '../src/core/crypto/webhook-signature';
import { payFilingFee, waitForState } from './factories/fees';
import { type AppWithWorker, startAppWithWorker } from './harness';
import { scenario, Scenario } from './scenario/scenario';
import { PAYING_CARD } from './scenario/fees';
import { api, browse, card } from './support/payment-gateway';

const SUBMIT = 'mutation($id: ID!) { submitLawsuit(id: $id) { id state } }';
const BILLS = 'query($id: ID!) { lawsuit(id: $id) { state bills { id number state amount refundedAmount description } } }';
const BILL = 'query($id: ID!) { bill(id: $id) { id state amount refundedAmount } }';
const PAY = 'mutation($id: ID!) { payBill(id: $id) { billId paymentId paymentUrl } }';
const WITHDRAW = 'mutation($id: ID!) { withdrawLawsuit(id: $id) { id state } }';
const RECEIPTS = 'query($id: ID!) { documents(instrumentId: $id) { kind language state verifyUrl } }';

describe('fees paid through the payment gateway', () => {
  let app: AppWithWorker;
  beforeAll(async () => {
    app = await startAppWithWorker('payments');
  }, 60_000);
  afterAll(() => app?.close());

  const t = () => app.t;
  /** A filing of 80,000 SAR (a fee of 3,700) submitted by its claimant: it waits for its bill. */
  async function awaiting(): Promise<{
    s: Scenario;
    token: string;
    bill: { id: string; number: string; amount: number; description: string };
  }> {
    const s = await scenario(t().app).court('RYD-GEN').lawsuit({ amount: 80_000 });
    const token = s.actors.claimant.token;
    expect((await t().ok(SUBMIT, { id: s.lawsuitId }, token)).submitLawsuit.state).toBe('AWAITING_PAYMENT');
    const { lawsuit } = await t().ok(BILLS, { id: s.lawsuitId }, token);
    expect(lawsuit.bills).toHaveLength(1);
    return { s, token, bill: lawsuit.bills[0] };
  }
  const pay = async (token: string, billId: string) => (await t().ok(PAY, { id: billId }, token)).payBill;
  const pathOf = (url: string) => new URL(url).pathname;
  const stateOf = async (s: Scenario, token: string) => (await t().ok(BILLS, { id: s.lawsuitId }, token)).lawsuit.state;

  /** A webhook as the gateway would send it, signed with the shared secret at `t` (unix seconds). */
  async function webhook(event: unknown, at = Math.floor(Date.now() / 1000), secret = process.env.PAYMENT_WEBHOOK_SECRET!) {
    const body = JSON.stringify(event);
    const res = await fetch(`${t().url}/payments/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': signatureHeader(secret, body, at) },
      body,
    });
    return res.status;
  }
  /** The bill's receipts of a kind, once the worker rendered both languages; each verified on the public page. */
  async function receipts(billId: string, token: string, kind: string): Promise<string[]> {
    const end = Date.now() + 60_000;
    for (;;) {
      const docs = (await t().ok(RECEIPTS, { id: billId }, token)).documents.filter((d: { kind: string }) => d.kind === kind);
      if (docs.length === 2 && docs.every((d: { state: string }) => d.state === 'READY')) {
        const pages: string[] = [];
        for (const doc of docs) {
          const page = await fetch(`${t().url}${new URL(doc.verifyUrl).pathname}`, { headers: { 'accept-language': 'en' } });
          expect(page.status).toBe(200);
          pages.push(await page.text());
        }
        return docs
          .map((d: { language: string }) => d.language)
          .sort()
          .concat(pages);
      }
      if (Date.now() > end) throw new Error(`${kind} of bill ${billId}: ${JSON.stringify(docs)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const ledger = async (billId: string) =>
    Object.fromEntries(
      (
        await app.db.query<{ account: string; total: string }[]>(
          `SELECT account, sum(amount_halalas)::text AS total FROM ledger_entries WHERE bill_id = $1 GROUP BY account`,
          [billId],
        )
      ).map((r) => [r.account, Number(r.total)]),
    );

  it('bills the fee in both languages and sends the filing to review once the webhook confirms a paying card', async () => {
    const { s, token, bill } = await awaiting();
    expect(bill).toMatchObject({ state: 'UNPAID', amount: 3700, refundedAmount: 0 });
    const ar = await t().gql<any>(BILLS, { id: s.lawsuitId }, token, { 'accept-language': 'ar' });
    expect(ar.data.lawsuit.bills[0].description).toMatch(/^رسوم قيد الدعوى/);
    expect(bill.description).toMatch(/^Court fee of the filing/);
    expect(await payFilingFee(t(), s.lawsuitId, token)).toBe('SUBMITTED');
    expect((await t().ok(BILL, { id: bill.id }, token)).bill.state).toBe('PAID');
    expect(await ledger(bill.id)).toEqual({ RECEIVABLE: 0, REVENUE: -370_000, GATEWAY: 370_000 });
    // A payment receipt, in Arabic and English, signed and verifiable; nobody else reads it.
    const [first, second, ...pages] = await receipts(bill.id, token, 'PAYMENT_RECEIPT');
    expect([first, second]).toEqual(['AR', 'EN']);
    for (const page of pages) expect(page).toContain(bill.number);
    expect((await t().ok(RECEIPTS, { id: bill.id }, await t().token('citizen2'))).documents).toEqual([]);
  });

  it('keeps the filing waiting after a declined card, and pays after the 3-D Secure code', async () => {
    const { s, token, bill } = await awaiting();
    const declined = await pay(token, bill.id);
    const back = await browse(pathOf(declined.paymentUrl), card('4000000000000002'));
    expect(back.location?.searchParams.get('status')).toBe('failed');
    // The browser's return shows what Adl knows, after asking the gateway.
    const page = await fetch(`${t().url}/payments/return?paymentId=${declined.paymentId}&status=paid`, {
      headers: { 'accept-language': 'en' },
    });
    expect(await page.text()).toContain('did not go through');
    expect(await stateOf(s, token)).toBe('AWAITING_PAYMENT');

    const secure = await pay(token, bill.id);
    expect(secure.paymentId).not.toBe(declined.paymentId);
    const challenged = await browse(pathOf(secure.paymentUrl), card('4000000000003220'));
    expect(challenged.location?.pathname).toBe(`/pay/${secure.paymentId}/3ds`);
    await browse(`/pay/${secure.paymentId}/3ds`, { code: '123456' });
    expect(await waitForState(t(), s.lawsuitId, token, (state) => state === 'SUBMITTED')).toBe('SUBMITTED');
  });

  it('learns of a payment whose webhook never came when the browser comes back, never from the return alone', async () => {
    const { s, token, bill } = await awaiting();
    const forged = await pay(token, bill.id);
    // Someone types the return address of a payment not made: it proves nothing.
    const typed = await fetch(`${t().url}/payments/return?paymentId=${forged.paymentId}&status=paid`, {
      headers: { 'accept-language': 'en' },
    });
    expect(await typed.text()).toContain('has not confirmed');
    expect(await stateOf(s, token)).toBe('AWAITING_PAYMENT');

    const silent = await browse(pathOf(forged.paymentUrl), card('4000000000000077'));
    await new Promise((r) => setTimeout(r, 300));
    expect(await stateOf(s, token)).toBe('AWAITING_PAYMENT'); // no webhook comes for this card
    const returned = await fetch(silent.location!.toString().replace(/^https?:\/\/[^/]+/, t().url), {
      headers: { 'accept-language': 'ar' },
    });
    expect(await returned.text()).toContain('استلمنا المبلغ');
    expect(await stateOf(s, token)).toBe('SUBMITTED');
  });

  it('sends the browser on to the page of Adl that opened the payment, with what Adl knows, and nowhere else', async () => {
    const { s, token, bill } = await awaiting();
    const PAY_BACK = 'mutation($id: ID!, $r: String) { payBill(id: $id, returnTo: $r) { paymentId paymentUrl } }';
    expect(await t().code(PAY_BACK, { id: bill.id, r: '//elsewhere.example/x' }, token)).toBe('BAD_USER_INPUT');
    const session = (await t().ok(PAY_BACK, { id: bill.id, r: `/file/receipt/${s.lawsuitId}` }, token)).payBill;
    const paid = await browse(pathOf(session.paymentUrl), card(PAYING_CARD));
    expect(paid.location?.pathname).toBe('/payments/return');
    const back = await fetch(paid.location!.toString().replace(/^https?:\/\/[^/]+/, t().url), { redirect: 'manual' });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe(`/file/receipt/${s.lawsuitId}?payment=paid`);
    expect(await stateOf(s, token)).toBe('SUBMITTED');
    // A returnTo typed into the return address leaves the site no more than one given to payBill.
    const typed = await fetch(`${t().url}/payments/return?paymentId=${session.paymentId}&returnTo=%2F%2Felsewhere.example`, {
      redirect: 'manual',
    });
    expect(typed.status).toBe(200);
  });

  it('applies a duplicated webhook once, and one out of order without moving the bill back', async () => {
    const { s, token, bill } = await awaiting();
    const session = await pay(token, bill.id);
    const payment = (await api('GET', `/v1/payments/${session.paymentId}`)).body;
    const paidAt = new Date().toISOString();
    const paidPayment = { ...payment, status: 'paid', paidAt };
    const refund = { id: `rf_${randomUUID()}`, paymentId: payment.id, amount: 50_000, createdAt: paidAt, reason: 'test' };
    const refundEvent = {
      id: `evt_${randomUUID()}`,
      type: 'refund.succeeded',
      createdAt: paidAt,
      data: { payment: { ...paidPayment, status: 'partially_refunded', refundedAmount: 50_000, refunds: [refund] }, refund },
    };
    const paidEvent = { id: `evt_${randomUUID()}`, type: 'payment.paid', createdAt: paidAt, data: { payment: paidPayment } };
    // The refund's event first, then the payment's, then the payment's again.
    expect(await webhook(refundEvent)).toBe(200);
    expect(await webhook(paidEvent)).toBe(200);
    expect(await webhook(paidEvent)).toBe(200);
    expect(await webhook(refundEvent)).toBe(200);
    expect((await t().ok(BILL, { id: bill.id }, token)).bill).toMatchObject({ state: 'PAID', refundedAmount: 500 });
    expect(await stateOf(s, token)).toBe('SUBMITTED');
    expect(await ledger(bill.id)).toEqual({ RECEIVABLE: 0, REVENUE: -320_000, GATEWAY: 320_000 });
    const notices = await app.db.query<{ kind: string }[]>(
      `SELECT kind FROM notifications WHERE lawsuit_id = $1 AND kind IN ('BILL_PAID','BILL_REFUNDED','LAWSUIT_SUBMITTED') ORDER BY kind`,
      [s.lawsuitId],
    );
    expect(notices.map((n) => n.kind)).toEqual(['BILL_PAID', 'BILL_REFUNDED', 'LAWSUIT_SUBMITTED']);
  });

  it('refuses a forged or replayed webhook with 401 and applies nothing', async () => {
    const { s, token, bill } = await awaiting();
    const session = await pay(token, bill.id);
    const payment = (await api('GET', `/v1/payments/${session.paymentId}`)).body;
    const event = {
      id: `evt_${randomUUID()}`,
      type: 'payment.paid',
      createdAt: new Date().toISOString(),
      data: { payment: { ...payment, status: 'paid' } },
    };
    expect(await webhook(event, undefined, 'not-the-secret')).toBe(401);
    expect(await webhook(event, Math.floor(Date.now() / 1000) - 600)).toBe(401);
    const unsigned = await fetch(`${t().url}/payments/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
    });
    expect(unsigned.status).toBe(401);
    expect((await t().ok(BILL, { id: bill.id }, token)).bill.state).toBe('UNPAID');
    expect(await stateOf(s, token)).toBe('AWAITING_PAYMENT');
  });

  it('refunds the fee at the gateway when the filing is withdrawn before registration', async () => {
    const { s, token, bill } = await awaiting();
    const session = await pay(token, bill.id);
    await browse(pathOf(session.paymentUrl), card(PAYING_CARD));
    await waitForState(t(), s.lawsuitId, token, (state) => state === 'SUBMITTED');
    expect((await t().ok(WITHDRAW, { id: s.lawsuitId }, token)).withdrawLawsuit.state).toBe('WITHDRAWN');
    const end = Date.now() + 10_000;
    while ((await t().ok(BILL, { id: bill.id }, token)).bill.state !== 'REFUNDED') {
      if (Date.now() > end) throw new Error('the refund did not come');
      await new Promise((r) => setTimeout(r, 100));
    }
    const atGateway = (await api('GET', `/v1/payments/${session.paymentId}`)).body;
    expect(atGateway).toMatchObject({ status: 'refunded', refundedAmount: 370_000 });
    expect(await ledger(bill.id)).toEqual({ RECEIVABLE: 0, REVENUE: 0, GATEWAY: 0 });
    expect((await receipts(bill.id, token, 'REFUND_RECEIPT')).slice(0, 2)).toEqual(['AR', 'EN']);
  });

  it('shows a bill to its payer alone', async () => {
    const { s, bill } = await awaiting();
    const other = await t().token('citizen2');
    expect(await t().code(BILL, { id: bill.id }, other)).toBe('NOT_FOUND');
    expect(await t().code(PAY, { id: bill.id }, other)).toBe('NOT_FOUND');
    expect(await t().code(BILL, { id: bill.id })).toBe('UNAUTHENTICATED');
    const defendantView = await t().gql<any>(BILLS, { id: s.lawsuitId }, s.actors.defendant.token);
    expect(defendantView.data?.lawsuit?.bills ?? []).toEqual([]);
  });
});
