/**
 * Paying a lawsuit's filing fee over HTTP as its filer would (docs/payments.md): the case's open
 * bills read from `lawsuit { bills }`, `payBill` for each, the gateway stand-in's hosted page with
 * the card that pays, then the wait for the gateway's signed webhook to move the filing on.
 */
import type { TestApp } from '../harness';
import { PAYING_CARD } from '../scenario/fees';
import { browse, card } from '../support/payment-gateway';

const BILLS = 'query($id: ID!) { lawsuit(id: $id) { state bills { id state } } }';
const PAY = 'mutation($id: ID!) { payBill(id: $id) { paymentId paymentUrl } }';

export async function payFilingFee(t: TestApp, lawsuitId: string, token: string, cardNumber = PAYING_CARD): Promise<string> {
  const { lawsuit } = await t.ok(BILLS, { id: lawsuitId }, token);
  for (const bill of lawsuit.bills.filter((b: { state: string }) => b.state === 'UNPAID')) {
    const { payBill } = await t.ok(PAY, { id: bill.id }, token);
    const page = await browse(payBill.paymentUrl, card(cardNumber));
    if (page.status !== 303) throw new Error(`The gateway's page answered ${page.status}: ${page.html.slice(0, 200)}`);
  }
  return waitForState(t, lawsuitId, token, (state) => state !== 'AWAITING_PAYMENT');
}

/** The lawsuit's state once `done` holds (the webhook is on its way), or a failure after 10 s. */
export async function waitForState(t: TestApp, lawsuitId: string, token: string, done: (state: string) => boolean): Promise<string> {
  const end = Date.now() + 10_000;
  for (;;) {
    const { lawsuit } = await t.ok(BILLS, { id: lawsuitId }, token);
    if (done(lawsuit.state)) return lawsuit.state;
    if (Date.now() > end) throw new Error(`lawsuit ${lawsuitId} stayed ${lawsuit.state}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
