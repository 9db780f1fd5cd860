/**
 * Paying a subject's open bills over HTTP as its payer would (docs/payments.md): the bills read from
 * the subject's `bills` field, `payBill` for each, the gateway stand-in's hosted page with the card
 * that pays, then the wait for the gateway's signed webhook to mark them paid and move the subject on.
 */
import type { TestApp } from '../harness';
import { PAYING_CARD } from '../scenario/fees';
import { browse, card } from '../support/payment-gateway';

const LAWSUIT_BILLS = 'query($id: ID!) { lawsuit(id: $id) { state bills { id state } } }';
const CONTRACT_BILLS = 'query($id: ID!) { contract(id: $id) { state bills { id state } } }';
const POA_BILLS = 'query($id: ID!) { powerOfAttorney(id: $id) { state bills { id state } } }';
const PAY = 'mutation($id: ID!) { payBill(id: $id) { paymentId paymentUrl } }';

interface Billed {
  state: string;
  bills: { id: string; state: string }[];
}

/** Pays a lawsuit's filing fee; answers the state the filing moved to. */
export async function payFilingFee(t: TestApp, lawsuitId: string, token: string, cardNumber = PAYING_CARD): Promise<string> {
  await payUnpaid(t, (await t.ok(LAWSUIT_BILLS, { id: lawsuitId }, token)).lawsuit, token, cardNumber);
  return waitForState(t, lawsuitId, token, (state) => state !== 'AWAITING_PAYMENT');
}

/** Pays a contract's notary fee as its payer, and waits until no bill of it is left unpaid. */
export async function payNotaryFee(t: TestApp, contractId: string, token: string, cardNumber = PAYING_CARD): Promise<void> {
  const read = async (): Promise<Billed> => (await t.ok(CONTRACT_BILLS, { id: contractId }, token)).contract;
  await payUnpaid(t, await read(), token, cardNumber);
  await until(read, (c) => !c.bills.some((b) => b.state === 'UNPAID'), `contract ${contractId}'s bills stayed unpaid`);
}

/** Pays the fee of issuing a power of attorney as its principal; answers its state once no bill of it is left unpaid. */
export async function payPoaFee(t: TestApp, poaId: string, token: string, cardNumber = PAYING_CARD): Promise<string> {
  const read = async (): Promise<Billed> => (await t.ok(POA_BILLS, { id: poaId }, token)).powerOfAttorney;
  await payUnpaid(t, await read(), token, cardNumber);
  await until(read, (p) => !p.bills.some((b) => b.state === 'UNPAID'), `power of attorney ${poaId}'s bills stayed unpaid`);
  // Read once more: the answer that saw the bill paid may have read the row before that commit.
  return (await read()).state;
}

/** The lawsuit's state once `done` holds (the webhook is on its way), or a failure after 10 s. */
export async function waitForState(t: TestApp, lawsuitId: string, token: string, done: (state: string) => boolean): Promise<string> {
  const read = async (): Promise<Billed> => (await t.ok(LAWSUIT_BILLS, { id: lawsuitId }, token)).lawsuit;
  return (await until(read, (l) => done(l.state), `lawsuit ${lawsuitId} did not move on`)).state;
}

async function payUnpaid(t: TestApp, subject: Billed, token: string, cardNumber: string): Promise<void> {
  for (const bill of subject.bills.filter((b) => b.state === 'UNPAID')) {
    const { payBill } = await t.ok(PAY, { id: bill.id }, token);
    const page = await browse(payBill.paymentUrl, card(cardNumber));
    if (page.status !== 303) throw new Error(`The gateway's page answered ${page.status}: ${page.html.slice(0, 200)}`);
  }
}

async function until<T extends Billed>(read: () => Promise<T>, done: (subject: T) => boolean, failure: string): Promise<T> {
  const end = Date.now() + 10_000;
  for (;;) {
    const subject = await read();
    if (done(subject)) return subject;
    if (Date.now() > end) throw new Error(`${failure} (${subject.state})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
