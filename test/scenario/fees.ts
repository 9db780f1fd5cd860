/**
 * Paying a subject's open bills as its payer would (docs/payments.md): a payment opened at the
 * gateway stand-in, the hosted page's card form filled with the card that pays, then the status
 * query that a lost webhook would need, so that the step does not wait for a webhook. The
 * webhook may come too: it is applied once, whichever comes first.
 */
import type { RequestContext } from '../../src/access/context/request-context';
import { BillsService, BillState, PaymentSettlement } from '../../src/payments';
import { browse, card } from '../support/payment-gateway';
import type { Host } from './host';

export const PAYING_CARD = '4111111111111111';

export async function payOpenBills(host: Host, payer: RequestContext, subjectType: string, subjectId: string): Promise<number> {
  const bills = host.get(BillsService);
  const open = (await bills.ofSubjects(payer, subjectType, [subjectId])).filter((b) => b.state === BillState.UNPAID);
  for (const bill of open) {
    const session = await bills.pay(payer, bill.id);
    const page = await browse(session.paymentUrl, card(PAYING_CARD));
    if (page.status !== 303) throw new Error(`The gateway's page answered ${page.status} to a paying card: ${page.html.slice(0, 200)}`);
    await host.get(PaymentSettlement).check(payer, session.paymentId);
  }
  return open.length;
}
