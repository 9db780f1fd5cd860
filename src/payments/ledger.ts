/**
 * The ledger (docs/payments.md, "The ledger"): every movement of money is a set of entries over
 * three accounts that sums to zero, written in the transaction that moves the money and never
 * changed or deleted (the database refuses both, and refuses at commit a set that does not balance).
 *
 *   ISSUED     receivable +amount, revenue −amount   the payer owes
 *   PAID       gateway +amount, receivable −amount   the gateway holds the payer's money for us
 *   REFUNDED   revenue +amount, gateway −amount      money given back
 *   EXPIRED,
 *   CANCELLED  revenue +amount, receivable −amount   what was owed no longer is
 *
 * So a bill's receivable is zero once it is paid, expired or cancelled, and the gateway account
 * is what the gateway's settlement reports add up to (payments less refunds).
 */
import { randomUUID } from 'node:crypto';
import type { WorkContext } from '../core/context/work-context';

export type LedgerKind = 'ISSUED' | 'PAID' | 'REFUNDED' | 'EXPIRED' | 'CANCELLED';
export type LedgerAccount = 'RECEIVABLE' | 'REVENUE' | 'GATEWAY';

const LINES: Record<LedgerKind, [LedgerAccount, 1 | -1][]> = {
  ISSUED: [
    ['RECEIVABLE', 1],
    ['REVENUE', -1],
  ],
  PAID: [
    ['GATEWAY', 1],
    ['RECEIVABLE', -1],
  ],
  REFUNDED: [
    ['REVENUE', 1],
    ['GATEWAY', -1],
  ],
  EXPIRED: [
    ['REVENUE', 1],
    ['RECEIVABLE', -1],
  ],
  CANCELLED: [
    ['REVENUE', 1],
    ['RECEIVABLE', -1],
  ],
};

/** Records one movement of `halalas` for a bill; `reference` names the gateway's payment or refund. */
export async function post(
  tx: WorkContext,
  billId: string,
  kind: LedgerKind,
  halalas: number,
  reference: string | null = null,
  lines = LINES[kind],
): Promise<void> {
  if (!Number.isInteger(halalas) || halalas <= 0)
    throw new Error(`A ledger movement needs a positive whole number of halalas, got ${halalas}.`);
  const movement = randomUUID();
  await tx.manager.query(
    `INSERT INTO ledger_entries (movement, bill_id, kind, account, amount_halalas, reference, created_at)
     SELECT $1, $2, $3, l.account, l.amount, $4, $5 FROM unnest($6::text[], $7::bigint[]) AS l(account, amount)`,
    [movement, billId, kind, reference, tx.now(), lines.map(([a]) => a), lines.map(([, sign]) => sign * halalas)],
  );
}

/** A payment that came for a bill no longer owed: it is the payer's money, held until refunded. */
export const UNOWED_PAYMENT: [LedgerAccount, 1 | -1][] = [
  ['GATEWAY', 1],
  ['REVENUE', -1],
];
