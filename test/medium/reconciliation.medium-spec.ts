/**
 * The daily reconciliation (docs/payments.md, "Reconciliation") against a gateway stand-in of this
 * file's own, so that its settlement report holds this file's payments alone: a day that matches,
 * then a payment the gateway took that Adl never heard of, and one Adl recorded that the gateway
 * does not list, each flagged and kept.
 */
import { createServer, type AddressInfo } from 'node:net';
import { LawsuitsService } from '../../src/litigation/lawsuits/lawsuits.service';
import { ReviewDecision } from '../../src/litigation/lawsuits/lawsuit.enums';
import { BillsService, PaymentReconciliation, PaymentSettlement } from '../../src/payments';
import { type PaymentGatewayStandInHandle, startPaymentGatewayStandIn } from '../../src/payment-gateway-stand-in';
import { PAYING_CARD } from '../scenario/fees';
import { scenario } from '../scenario/scenario';
import { browse, card } from '../support/payment-gateway';
import { Medium, startMedium } from './medium';

const MERCHANT = { apiKey: 'reconciliation-merchant-key', webhookSecret: 'reconciliation-webhook-secret' };
const FEE = 370_000;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('the daily reconciliation with the settlement report', () => {
  let gateway: PaymentGatewayStandInHandle;
  let m: Medium;
  beforeAll(async () => {
    gateway = await startPaymentGatewayStandIn({ url: `http://127.0.0.1:${await freePort()}`, ...MERCHANT, webhookMaxAttempts: 1 });
    m = await startMedium({
      PAYMENT_GATEWAY_URL: gateway.url,
      PAYMENT_GATEWAY_API_KEY: MERCHANT.apiKey,
      PAYMENT_WEBHOOK_SECRET: MERCHANT.webhookSecret,
    });
  });
  afterAll(async () => {
    await m?.close();
    await gateway?.stop();
  });

  const today = () => new Date().toISOString().slice(0, 10);
  const reconcile = () => m.get(PaymentReconciliation).reconcile(m.system(), today());

  it('matches payments and refunds one by one, then flags what only one side has', async () => {
    const paid = await scenario(m).lawsuit({ amount: 80_000 }).submitted();
    const refunded = await scenario(m).lawsuit({ amount: 80_000 }).submitted();
    const clerk = await (await refunded.clerk()).ctx();
    await m
      .get(LawsuitsService)
      .review(clerk, { id: refunded.lawsuitId, decision: ReviewDecision.REJECT, reason: 'خارج الاختصاص — out of jurisdiction' });
    const [bill] = await m.get(BillsService).ofSubjects(await refunded.actors.claimant.ctx(), 'Lawsuit', [refunded.lawsuitId]);
    await m.get(PaymentSettlement).refund(m.system(), { billId: bill.id, halalas: null, reason: 'lawsuit.reject' });

    expect(await reconcile()).toEqual({
      day: today(),
      gatewayPaid: 2 * FEE,
      gatewayRefunded: FEE,
      adlPaid: 2 * FEE,
      adlRefunded: FEE,
      differences: [],
      matched: true,
    });

    // Money the gateway took for a payment no bill of Adl's opened…
    const basic = `Basic ${Buffer.from(`${MERCHANT.apiKey}:`).toString('base64')}`;
    const stray = (await (
      await fetch(`${gateway.url}/v1/payments`, {
        method: 'POST',
        headers: { authorization: basic, 'content-type': 'application/json' },
        body: JSON.stringify({
          amount: 12_345,
          currency: 'SAR',
          description: 'stray',
          reference: 'STRAY-1',
          callbackUrl: 'http://127.0.0.1:9/',
          returnUrl: 'http://127.0.0.1:9/',
        }),
      })
    ).json()) as { id: string; paymentUrl: string };
    expect((await browse(stray.paymentUrl, card(PAYING_CARD))).status).toBe(303);
    // …and a payment Adl holds as settled that the gateway does not list.
    const [{ bill_id: billId }] = await m.db.query<{ bill_id: string }[]>(
      `SELECT bill_id FROM bill_payments WHERE status = 'paid' AND bill_id IN (SELECT id FROM bills WHERE subject_id = $1)`,
      [paid.lawsuitId],
    );
    await m.db.query(
      `INSERT INTO bill_payments (bill_id, gateway_payment_id, status, payment_url, amount_halalas, settled_at)
       VALUES ($1, 'pay_not_at_the_gateway', 'paid', 'http://127.0.0.1:9/', 500, now())`,
      [billId],
    );

    const result = await reconcile();
    expect(result.matched).toBe(false);
    expect(result.differences).toEqual(
      expect.arrayContaining([
        { kind: 'payment_unknown_to_adl', id: stray.id, gateway: 12_345 },
        { kind: 'payment_not_settled', id: 'pay_not_at_the_gateway', adl: 500 },
      ]),
    );
    expect(result.differences).toHaveLength(2);
    const [kept] = await m.db.query<{ matched: boolean; differences: unknown[] }[]>(
      `SELECT matched, differences FROM payment_reconciliations WHERE day = $1`,
      [today()],
    );
    expect(kept).toMatchObject({ matched: false, differences: result.differences });
  });
});
