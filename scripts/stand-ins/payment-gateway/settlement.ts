/**
 * The settlement report of one UTC day (docs/payments.md): the payments paid that day (at their
 * full amount, whatever was refunded later), the refunds made that day, and the totals in halalas.
 */
import type { Payment } from './payments';

export interface SettlementReport {
  date: string;
  payments: { id: string; reference: string; amount: number; paidAt: string }[];
  refunds: { id: string; paymentId: string; amount: number; refundedAt: string }[];
  totals: { paid: number; refunded: number; net: number };
}

/** A calendar date, YYYY-MM-DD, that exists. */
export function isSettlementDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

export function settlementReport(payments: Iterable<Payment>, date: string): SettlementReport {
  const onDay = (at: Date) => at.toISOString().slice(0, 10) === date;
  const report: SettlementReport = { date, payments: [], refunds: [], totals: { paid: 0, refunded: 0, net: 0 } };
  for (const p of payments) {
    if (p.paidAt && onDay(p.paidAt)) {
      report.payments.push({ id: p.id, reference: p.reference, amount: p.amount, paidAt: p.paidAt.toISOString() });
    }
    for (const r of p.refunds) {
      if (onDay(r.createdAt)) report.refunds.push({ id: r.id, paymentId: p.id, amount: r.amount, refundedAt: r.createdAt.toISOString() });
    }
  }
  report.payments.sort((a, b) => a.paidAt.localeCompare(b.paidAt));
  report.refunds.sort((a, b) => a.refundedAt.localeCompare(b.refundedAt));
  const paid = report.payments.reduce((sum, p) => sum + p.amount, 0);
  const refunded = report.refunds.reduce((sum, r) => sum + r.amount, 0);
  report.totals = { paid, refunded, net: paid - refunded };
  return report;
}
