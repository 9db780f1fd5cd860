/**
 * Fees that are paid (docs/payments.md), through the services against the gateway stand-in: a
 * filing with a fee waits for its bill; the bill is paid only when the gateway says so (the status
 * query here: this tier has no HTTP server for webhooks), expires unpaid and sends the filing back
 * to draft, is refunded when the case ends early; every movement is in a ledger that balances
 * and that nobody may change; a bill is its payer's alone.
 */
import type { RequestContext } from '../../src/access/context/request-context';
import { FilingFees } from '../../src/litigation/lawsuits/filing-fees';
import { LawsuitsService } from '../../src/litigation/lawsuits/lawsuits.service';
import { LawsuitCategory, PartyKind, ReviewDecision } from '../../src/litigation/lawsuits/lawsuit.enums';
import { LawsuitFilings } from '../../src/litigation/lawsuits/lawsuit-filings.service';
import { BillsService, BillState, PaymentSettlement } from '../../src/payments';
import { api, browse, card } from '../support/payment-gateway';
import { PAYING_CARD } from '../scenario/fees';
import { scenario, Scenario } from '../scenario/scenario';
import { Medium, refusal, startMedium } from './medium';

const DECLINED_CARD = '4000000000000002';
const SILENT_CARD = '4000000000000077';
const DAY = 86_400_000;

describe('fees that are paid', () => {
  let m: Medium;
  beforeAll(async () => {
    m = await startMedium({ PAYMENT_STATUS_CHECK_SECONDS: '60' });
  });
  afterAll(() => m?.close());

  const bills = () => m.get(BillsService);
  const settlement = () => m.get(PaymentSettlement);
  const claimant = (s: Scenario) => s.actors.claimant.ctx();
  const stateOf = async (s: Scenario) =>
    (await m.db.query<{ state: string }[]>('SELECT state FROM lawsuits WHERE id = $1', [s.lawsuitId]))[0].state;
  const billsOf = async (s: Scenario) => bills().ofSubjects(await claimant(s), 'Lawsuit', [s.lawsuitId]);

  /** Files (80,000 SAR claimed, a fee of 3,700 by the tiers) and submits: the filing waits for its bill. */
  async function awaitingFee(options = {}): Promise<Scenario> {
    const s = await scenario(m).lawsuit({ amount: 80_000, ...options });
    await m.get(FilingFees).submit(await claimant(s), s.lawsuitId);
    return s;
  }

  /** Pays at the hosted page with `cardNumber`; answers the gateway's payment id. */
  async function payWith(ctx: RequestContext, billId: string, cardNumber: string): Promise<string> {
    const session = await bills().pay(ctx, billId);
    const page = await browse(new URL(session.paymentUrl).pathname, card(cardNumber));
    expect(page.status).toBe(303);
    return session.paymentId;
  }

  async function ledger(billId?: string) {
    const rows = await m.db.query<{ account: string; total: string }[]>(
      `SELECT account, sum(amount_halalas)::text AS total FROM ledger_entries ${billId ? 'WHERE bill_id = $1' : ''} GROUP BY account`,
      billId ? [billId] : [],
    );
    return Object.fromEntries(rows.map((r) => [r.account, Number(r.total)]));
  }

  it('bills the fee at submission and keeps the filing from review until the gateway confirms the payment', async () => {
    const s = await awaitingFee();
    expect(await stateOf(s)).toBe('AWAITING_PAYMENT');
    const [bill] = await billsOf(s);
    expect(bill).toMatchObject({ state: BillState.UNPAID, amountHalalas: 370_000, payerNationalId: s.actors.claimant.nationalId });
    expect(bill.number).toMatch(/^20[0-9]{2}[0-9]{9}$/);
    expect(Math.round((bill.dueAt.getTime() - bill.createdAt.getTime()) / 1000)).toBe((5 * DAY) / 1000);
    // The clerk cannot take it up while it waits.
    const clerk = await (await s.clerk()).ctx();
    expect(await refusal(m.get(LawsuitsService).review(clerk, { id: s.lawsuitId, decision: ReviewDecision.ACCEPT }))).toBe(
      'INVALID_TRANSITION',
    );

    // A declined card pays nothing; the filing still waits.
    const declined = await payWith(await claimant(s), bill.id, DECLINED_CARD);
    await settlement().check(m.system(), declined);
    expect((await bills().get(await claimant(s), bill.id)).state).toBe(BillState.UNPAID);
    expect(await stateOf(s)).toBe('AWAITING_PAYMENT');

    const paid = await payWith(await claimant(s), bill.id, PAYING_CARD);
    expect(paid).not.toBe(declined);
    expect(await stateOf(s)).toBe('AWAITING_PAYMENT'); // the browser's return proves nothing
    await settlement().check(m.system(), paid);
    await settlement().check(m.system(), paid); // asked twice, applied once
    expect((await bills().get(await claimant(s), bill.id)).state).toBe(BillState.PAID);
    expect(await stateOf(s)).toBe('SUBMITTED');
    expect(await ledger(bill.id)).toEqual({ RECEIVABLE: 0, REVENUE: -370_000, GATEWAY: 370_000 });
    const kinds = await m.db.query<{ kind: string }[]>(
      `SELECT kind FROM notifications WHERE national_id = $1 AND kind LIKE 'BILL_%' OR (lawsuit_id = $2 AND kind = 'LAWSUIT_SUBMITTED') ORDER BY created_at`,
      [s.actors.claimant.nationalId, s.lawsuitId],
    );
    expect(kinds.map((k) => k.kind)).toEqual(['BILL_ISSUED', 'BILL_PAID', 'LAWSUIT_SUBMITTED']);
  });

  it('bills only the difference when a returned filing is corrected to claim more', async () => {
    const s = await scenario(m).lawsuit({ amount: 80_000 }).returned();
    const [{ version }] = await m.db.query<{ version: number }[]>('SELECT version FROM lawsuits WHERE id = $1', [s.lawsuitId]);
    const { claimant: c, defendant: d } = s.actors;
    const party = (p: typeof c) => ({ kind: PartyKind.PERSON, nationalId: p.nationalId, nameAr: p.nameAr, nameEn: p.nameEn });
    const corrected = await m.get(LawsuitFilings).correct(await claimant(s), {
      id: s.lawsuitId,
      version,
      category: LawsuitCategory.CIVIL,
      subject: 'مطالبة مصححة — a corrected claim',
      facts: 'وقائع الدعوى بعد التصحيح — the facts, corrected',
      claims: [{ description: 'إلزام المدعى عليه بالسداد — repay', amount: 100_000 }],
      claimants: [party(c)],
      defendants: [party(d)],
      courtId: s.courtId,
      sealed: false,
      attachments: [],
    });
    expect(corrected.feeAmount).toBe(4500);
    await m.get(FilingFees).submit(await claimant(s), s.lawsuitId);
    expect(await stateOf(s)).toBe('AWAITING_PAYMENT');
    expect((await billsOf(s)).map((b) => [b.state, b.amountHalalas])).toEqual([
      [BillState.PAID, 370_000],
      [BillState.UNPAID, 80_000],
    ]);
  });

  it('sends an exempt category straight to review, with no bill', async () => {
    const s = await scenario(m).lawsuit({ category: 'PERSONAL_STATUS', amount: 50_000 });
    await m.get(FilingFees).submit(await claimant(s), s.lawsuitId);
    expect(await stateOf(s)).toBe('SUBMITTED');
    expect(await billsOf(s)).toEqual([]);
  });

  it('learns of a payment whose webhook never came by the status query, once the attempt has waited', async () => {
    const s = await awaitingFee();
    const [bill] = await billsOf(s);
    await payWith(await claimant(s), bill.id, SILENT_CARD);
    expect(await settlement().checkOpen(m.system())).toBe(0); // too soon: the webhook may still come
    m.clock.advance(61_000);
    try {
      expect(await settlement().checkOpen(m.system())).toBeGreaterThanOrEqual(1);
    } finally {
      m.clock.reset();
    }
    expect(await stateOf(s)).toBe('SUBMITTED');
  });

  it('records a payment the gateway made for a bill though Adl stopped before recording its attempt, and refuses a wrong amount', async () => {
    const s = await awaitingFee();
    const [bill] = await billsOf(s);
    const opened = async (amount: number, key: string) =>
      (
        await api(
          'POST',
          '/v1/payments',
          {
            amount,
            currency: 'SAR',
            description: 'fee',
            reference: bill.number,
            callbackUrl: 'http://127.0.0.1:9/',
            returnUrl: 'http://127.0.0.1:9/',
          },
          { idempotencyKey: key },
        )
      ).body as { id: string; paymentUrl: string };
    // Less than the bill: the gateway's word is recorded, the money goes back, the bill stays owed.
    const short = await opened(1_000, `${bill.id}:short`);
    expect((await browse(short.paymentUrl, card(PAYING_CARD))).status).toBe(303);
    await settlement().check(m.system(), short.id);
    expect((await bills().get(await claimant(s), bill.id)).state).toBe(BillState.UNPAID);
    const [order] = await m.db.query<{ payload: { reason: string } }[]>(
      `SELECT payload FROM outbox WHERE topic = 'payments.refund' AND payload->>'paymentId' = $1`,
      [short.id],
    );
    expect(order.payload.reason).toBe('not_owed');
    // The bill's amount, opened at the gateway by a process that died before its commit: paid all the same.
    const whole = await opened(bill.amountHalalas, `${bill.id}:whole`);
    expect((await browse(whole.paymentUrl, card(PAYING_CARD))).status).toBe(303);
    await settlement().check(m.system(), whole.id);
    expect((await bills().get(await claimant(s), bill.id)).state).toBe(BillState.PAID);
    expect(await stateOf(s)).toBe('SUBMITTED');
  });

  it('expires an unpaid bill after its days, sending the filing back to draft with a notice; a new submission bills again', async () => {
    const s = await awaitingFee();
    const [bill] = await billsOf(s);
    m.clock.set(new Date(bill.dueAt.getTime() + 1000));
    try {
      expect(await settlement().expireDue(m.system())).toBeGreaterThanOrEqual(1);
    } finally {
      m.clock.reset();
    }
    expect((await bills().get(await claimant(s), bill.id)).state).toBe(BillState.EXPIRED);
    expect(await stateOf(s)).toBe('DRAFT');
    expect(await ledger(bill.id)).toEqual({ RECEIVABLE: 0, REVENUE: 0 });
    const [notice] = await m.db.query<{ body_en: string }[]>(
      `SELECT body_en FROM notifications WHERE kind = 'BILL_EXPIRED' AND lawsuit_id = $1`,
      [s.lawsuitId],
    );
    expect(notice.body_en).toContain('went back to draft');

    await m.get(FilingFees).submit(await claimant(s), s.lawsuitId);
    expect((await billsOf(s)).map((b) => b.state)).toEqual([BillState.EXPIRED, BillState.UNPAID]);
  });

  it('takes no payment for an expired bill: money that comes after the expiry goes back to the payer', async () => {
    const s = await awaitingFee();
    const [bill] = await billsOf(s);
    const session = await bills().pay(await claimant(s), bill.id); // the payer opens the page, then leaves it
    m.clock.set(new Date(bill.dueAt.getTime() + 1000));
    try {
      await settlement().expireDue(m.system());
    } finally {
      m.clock.reset();
    }
    expect((await bills().get(await claimant(s), bill.id)).state).toBe(BillState.EXPIRED);
    expect((await browse(new URL(session.paymentUrl).pathname, card(PAYING_CARD))).status).toBe(303);
    await settlement().check(m.system(), session.paymentId);
    expect((await bills().get(await claimant(s), bill.id)).state).toBe(BillState.EXPIRED);
    expect(await stateOf(s)).toBe('DRAFT');
    const [order] = await m.db.query<{ payload: { billId: string; halalas: null; reason: string } }[]>(
      `SELECT payload FROM outbox WHERE topic = 'payments.refund' AND payload->>'billId' = $1`,
      [bill.id],
    );
    expect(order.payload).toMatchObject({ halalas: null, reason: 'not_owed' });
    await settlement().refund(m.system(), order.payload);
    expect(await ledger(bill.id)).toEqual({ RECEIVABLE: 0, REVENUE: 0, GATEWAY: 0 });
  });

  it('applies, before expiring, a payment the gateway took without a word', async () => {
    const s = await awaitingFee();
    const [bill] = await billsOf(s);
    await payWith(await claimant(s), bill.id, SILENT_CARD);
    m.clock.set(new Date(bill.dueAt.getTime() + 1000));
    try {
      await settlement().expireDue(m.system());
    } finally {
      m.clock.reset();
    }
    expect((await bills().get(await claimant(s), bill.id)).state).toBe(BillState.PAID);
    expect(await stateOf(s)).toBe('SUBMITTED');
  });

  it('refunds the whole fee of a filing rejected at review, at the gateway, once', async () => {
    const s = await scenario(m).lawsuit({ amount: 80_000 }).submitted();
    const [bill] = await billsOf(s);
    const clerk = await (await s.clerk()).ctx();
    await m
      .get(LawsuitsService)
      .review(clerk, { id: s.lawsuitId, decision: ReviewDecision.REJECT, reason: 'خارج الاختصاص — out of jurisdiction' });
    const [order] = await m.db.query<{ payload: { billId: string; halalas: number; reason: string } }[]>(
      `SELECT payload FROM outbox WHERE topic = 'payments.refund' AND payload->>'billId' = $1`,
      [bill.id],
    );
    expect(order.payload).toMatchObject({ billId: bill.id, halalas: 370_000, reason: 'lawsuit.reject' });
    await settlement().refund(m.system(), order.payload);
    await settlement().refund(m.system(), order.payload); // a retried job gives nothing more
    const refunded = await bills().get(await claimant(s), bill.id);
    expect(refunded).toMatchObject({ state: BillState.REFUNDED, refundedHalalas: 370_000 });
    expect(await ledger(bill.id)).toEqual({ RECEIVABLE: 0, REVENUE: 0, GATEWAY: 0 });
  });

  it('refunds part of the fee when the case settles after its first hearing, by the schedule', async () => {
    const s = await scenario(m).lawsuit({ amount: 80_000 }).hearingHeld();
    const [bill] = await billsOf(s);
    await s.settled();
    const [order] = await m.db.query<{ payload: { halalas: number } }[]>(
      `SELECT payload FROM outbox WHERE topic = 'payments.refund' AND payload->>'billId' = $1`,
      [bill.id],
    );
    expect(order.payload.halalas).toBe(185_000);
    await settlement().refund(m.system(), order.payload as never);
    expect(await bills().get(await claimant(s), bill.id)).toMatchObject({ state: BillState.PAID, refundedHalalas: 185_000 });
  });

  it("spares a filer the fee by the court's legal-aid waiver, recorded by its clerk alone", async () => {
    const s = await awaitingFee();
    const [bill] = await billsOf(s);
    const input = { lawsuitId: s.lawsuitId, reason: 'قرار المحكمة بالإعفاء لإعسار المدعي — the claimant cannot pay' };
    expect(await refusal(m.get(FilingFees).waive(await claimant(s), input))).toBe('FORBIDDEN');
    const clerk = await (await s.clerk()).ctx();
    const waived = await m.get(FilingFees).waive(clerk, input);
    expect(waived).toMatchObject({ state: 'SUBMITTED', feeWaiverReason: input.reason });
    expect((await bills().get(await claimant(s), bill.id)).state).toBe(BillState.CANCELLED);
    expect(await ledger(bill.id)).toEqual({ RECEIVABLE: 0, REVENUE: 0 });
    // Only a filing awaiting its fee is waived.
    expect(await refusal(m.get(FilingFees).waive(clerk, input))).toBe('INVALID_TRANSITION');
  });

  it('keeps a ledger that balances and that nobody may change', async () => {
    const totals = await ledger();
    expect(Object.values(totals).reduce((a, b) => a + b, 0)).toBe(0);
    await expect(m.db.query(`UPDATE ledger_entries SET amount_halalas = 1`)).rejects.toThrow(/never changed/);
    await expect(m.db.query(`DELETE FROM ledger_entries`)).rejects.toThrow(/never changed/);
    const [{ id }] = await m.db.query<{ id: string }[]>(`SELECT id FROM bills LIMIT 1`);
    await expect(
      m.db.query(
        `INSERT INTO ledger_entries (movement, bill_id, kind, account, amount_halalas) VALUES (gen_random_uuid(), $1, 'PAID', 'GATEWAY', 5)`,
        [id],
      ),
    ).rejects.toThrow(/does not balance/);
  });

  it('shows a bill to its payer alone: anyone else finds nothing, in a list or by id', async () => {
    const s = await awaitingFee();
    const [bill] = await billsOf(s);
    const other = await s.actors.defendant.ctx();
    expect(await refusal(bills().get(other, bill.id))).toBe('NOT_FOUND');
    expect(await refusal(bills().pay(other, bill.id))).toBe('NOT_FOUND');
    expect((await bills().list(other, {}, 50)).edges.map((e) => e.node.id)).not.toContain(bill.id);
    expect((await bills().list(await claimant(s), {}, 50)).edges.map((e) => e.node.id)).toContain(bill.id);
    // Asked again, the open attempt is offered again rather than a second payment.
    const first = await bills().pay(await claimant(s), bill.id);
    expect((await bills().pay(await claimant(s), bill.id)).paymentId).toBe(first.paymentId);
  });
});
