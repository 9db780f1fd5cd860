import { PaymentBook } from './payments';
import { isSettlementDate, settlementReport } from './settlement';

describe('payment gateway: the settlement report', () => {
  let now = new Date('2026-05-01T23:59:00Z');
  const book = new PaymentBook({ baseUrl: 'http://gw', now: () => now });
  const request = { currency: 'SAR' as const, description: 'fee', callbackUrl: 'http://adl/hook', returnUrl: 'http://adl/back' };

  beforeAll(() => {
    const a = book.create({ ...request, amount: 10000, reference: 'B-1' });
    book.pay(a.id);
    const b = book.create({ ...request, amount: 5000, reference: 'B-2' });
    book.fail(b.id, 'card_declined');
    now = new Date('2026-05-02T00:00:30Z');
    const c = book.create({ ...request, amount: 7000, reference: 'B-3' });
    book.pay(c.id);
    book.refund(a.id, { amount: 2500 });
    book.create({ ...request, amount: 900, reference: 'B-4' });
    now = new Date('2026-05-02T10:00:00Z');
    book.refund(c.id, {});
  });

  it('counts the payments paid that UTC day at their whole amount, and the refunds made that day', () => {
    const day1 = settlementReport(book.all(), '2026-05-01');
    expect(day1.payments.map((p) => [p.reference, p.amount])).toEqual([['B-1', 10000]]);
    expect(day1.refunds).toEqual([]);
    expect(day1.totals).toEqual({ paid: 10000, refunded: 0, net: 10000 });

    const day2 = settlementReport(book.all(), '2026-05-02');
    expect(day2.payments.map((p) => [p.reference, p.amount, p.paidAt])).toEqual([['B-3', 7000, '2026-05-02T00:00:30.000Z']]);
    expect(day2.refunds.map((r) => [r.amount, r.refundedAt])).toEqual([
      [2500, '2026-05-02T00:00:30.000Z'],
      [7000, '2026-05-02T10:00:00.000Z'],
    ]);
    expect(day2.totals).toEqual({ paid: 7000, refunded: 9500, net: -2500 });
    expect(settlementReport(book.all(), '2026-05-03').totals).toEqual({ paid: 0, refunded: 0, net: 0 });
  });

  it('takes only real calendar dates', () => {
    expect(isSettlementDate('2026-02-28')).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-01', '26-02-01', '2026-2-1', '', undefined, 20260201])
      expect(isSettlementDate(bad)).toBe(false);
  });
});
