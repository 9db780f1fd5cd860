/**
 * The daily reconciliation (docs/payments.md, "Reconciliation"): the gateway's settlement report
 * of a UTC day against what Adl recorded for that day, payment by payment and refund by refund,
 * and the ledger's balance. Each day's result is kept (payment_reconciliations, one row per day,
 * the latest check); a difference is logged as an error for the people who keep the books.
 */
import { Injectable, Logger } from '@nestjs/common';
import type { RequestContext } from '../access/context/request-context';
import { PaymentGateway } from './payment-gateway';

export interface Difference {
  kind:
    | 'payment_unknown_to_adl'
    | 'payment_not_settled'
    | 'payment_amount_differs'
    | 'refund_unknown_to_adl'
    | 'refund_not_settled'
    | 'refund_amount_differs'
    | 'ledger_unbalanced';
  id: string;
  gateway?: number;
  adl?: number;
}

export interface Reconciliation {
  day: string;
  gatewayPaid: number;
  gatewayRefunded: number;
  adlPaid: number;
  adlRefunded: number;
  differences: Difference[];
  matched: boolean;
}

type Row = { id: string; amount: string };

/** Compares two lists of (id, amount): what only one side has, and what both have at other amounts. */
function compare(
  gateway: Map<string, number>,
  adl: Map<string, number>,
  kinds: { unknown: Difference['kind']; unsettled: Difference['kind']; differs: Difference['kind'] },
): Difference[] {
  const out: Difference[] = [];
  for (const [id, amount] of gateway) {
    const ours = adl.get(id);
    if (ours === undefined) out.push({ kind: kinds.unknown, id, gateway: amount });
    else if (ours !== amount) out.push({ kind: kinds.differs, id, gateway: amount, adl: ours });
  }
  for (const [id, amount] of adl) if (!gateway.has(id)) out.push({ kind: kinds.unsettled, id, adl: amount });
  return out;
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

@Injectable()
export class PaymentReconciliation {
  private readonly logger = new Logger(PaymentReconciliation.name);

  constructor(private readonly gateway: PaymentGateway) {}

  /** Reconciles one UTC day (YYYY-MM-DD) and keeps the result. */
  async reconcile(ctx: RequestContext, day: string): Promise<Reconciliation> {
    const report = await this.gateway.settlement(day);
    const from = new Date(`${day}T00:00:00.000Z`);
    const to = new Date(from.getTime() + 86_400_000);
    const rows = (sql: string) => ctx.manager.query<Row[]>(sql, [from, to]);
    const [payments, refunds, [ledger]] = await Promise.all([
      rows(`SELECT gateway_payment_id AS id, amount_halalas AS amount FROM bill_payments
             WHERE status = 'paid' AND settled_at >= $1 AND settled_at < $2`),
      rows(`SELECT gateway_refund_id AS id, amount_halalas AS amount FROM payment_refunds
             WHERE created_at >= $1 AND created_at < $2`),
      ctx.manager.query<{ total: string | null }[]>(`SELECT sum(amount_halalas)::text AS total FROM ledger_entries`),
    ]);
    const mine = (list: Row[]) => new Map(list.map((r) => [r.id, Number(r.amount)]));
    const theirs = <T extends { id: string; amount: number }>(list: T[]) => new Map(list.map((p) => [p.id, p.amount]));
    const [adlPaid, adlRefunded] = [mine(payments), mine(refunds)];
    const [gatewayPaid, gatewayRefunded] = [theirs(report.payments), theirs(report.refunds)];
    const differences = [
      ...compare(gatewayPaid, adlPaid, {
        unknown: 'payment_unknown_to_adl',
        unsettled: 'payment_not_settled',
        differs: 'payment_amount_differs',
      }),
      ...compare(gatewayRefunded, adlRefunded, {
        unknown: 'refund_unknown_to_adl',
        unsettled: 'refund_not_settled',
        differs: 'refund_amount_differs',
      }),
      ...(Number(ledger?.total ?? 0) !== 0 ? [{ kind: 'ledger_unbalanced' as const, id: 'ledger', adl: Number(ledger.total) }] : []),
    ];
    const result: Reconciliation = {
      day,
      gatewayPaid: sum(gatewayPaid),
      gatewayRefunded: sum(gatewayRefunded),
      adlPaid: sum(adlPaid),
      adlRefunded: sum(adlRefunded),
      differences,
      matched: differences.length === 0,
    };
    await ctx.manager.query(
      `INSERT INTO payment_reconciliations (day, checked_at, gateway_paid, gateway_refunded, adl_paid, adl_refunded, differences, matched)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (day) DO UPDATE SET checked_at = EXCLUDED.checked_at, gateway_paid = EXCLUDED.gateway_paid,
         gateway_refunded = EXCLUDED.gateway_refunded, adl_paid = EXCLUDED.adl_paid, adl_refunded = EXCLUDED.adl_refunded,
         differences = EXCLUDED.differences, matched = EXCLUDED.matched`,
      [
        day,
        ctx.now(),
        result.gatewayPaid,
        result.gatewayRefunded,
        result.adlPaid,
        result.adlRefunded,
        JSON.stringify(differences),
        result.matched,
      ],
    );
    if (!result.matched) {
      this.logger.error(
        `Payments of ${day} do not reconcile with the gateway: ${differences.length} difference(s), e.g. ${JSON.stringify(differences[0])}`,
      );
    }
    return result;
  }
}
