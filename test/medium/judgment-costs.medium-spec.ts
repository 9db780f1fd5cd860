/**
 * The costs of a judgment (docs/payments.md), through the services against the gateway stand-in:
 * a final judgment for the claimant bills the defendant the case's fee, and what the defendant
 * pays goes back to the claimant who paid it; judged for the defendant (first, or on appeal),
 * nothing more is billed; an unpaid costs bill expires with the costs still owed.
 */
import { AppealDecision } from '../../src/litigation/judgments/judgment.enums';
import { PartySide } from '../../src/litigation/lawsuits/lawsuit.enums';
import { BillPurpose, BillsService, BillState, PaymentSettlement } from '../../src/payments';
import { payOpenBills } from '../scenario/fees';
import { Host } from '../scenario/host';
import { scenario, Scenario } from '../scenario/scenario';
import { Medium, startMedium } from './medium';

describe('the costs of a judgment', () => {
  let m: Medium;
  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());
  afterEach(() => m.clock.reset());

  const bills = () => m.get(BillsService);
  /** The case's bills of a purpose, whoever pays them (the database, not a payer's view). */
  const billsOf = (s: Scenario, purpose: BillPurpose) => bills().billsOf(m.system(), 'Lawsuit', s.lawsuitId, purpose);
  const refundOrders = (billId: string) =>
    m.db.query<{ payload: { billId: string; halalas: number; reason: string } }[]>(
      `SELECT payload FROM outbox WHERE topic = 'payments.refund' AND payload->>'billId' = $1`,
      [billId],
    );

  it('bills the defendant the fee when the judgment for the claimant is final, and gives the claimant back what the defendant pays', async () => {
    // 80,000 SAR claimed: a fee of 3,700, paid by the claimant at submission.
    const s = await scenario(m).lawsuit({ amount: 80_000 }).final();
    const [fee] = await billsOf(s, BillPurpose.FILING_FEE);
    expect(fee).toMatchObject({ state: BillState.PAID, amountHalalas: 370_000 });
    const [costs] = await billsOf(s, BillPurpose.JUDGMENT_COSTS);
    expect(costs).toMatchObject({ state: BillState.UNPAID, amountHalalas: 370_000, payerNationalId: s.actors.defendant.nationalId });
    expect(Math.round((costs.dueAt.getTime() - costs.createdAt.getTime()) / 86_400_000)).toBe(30);
    // The defendant's bill is theirs alone; the claimant does not see it.
    expect((await bills().ofSubjects(await s.actors.claimant.ctx(), 'Lawsuit', [s.lawsuitId])).map((b) => b.purpose)).toEqual([
      BillPurpose.FILING_FEE,
    ]);
    expect(await refundOrders(fee.id)).toEqual([]);

    await payOpenBills(Host.of(m.app), await s.actors.defendant.ctx(), 'Lawsuit', s.lawsuitId);
    expect((await bills().get(await s.actors.defendant.ctx(), costs.id)).state).toBe(BillState.PAID);
    const [order] = await refundOrders(fee.id);
    expect(order.payload).toEqual({ billId: fee.id, halalas: 370_000, reason: 'judgment.costs' });
    await m.get(PaymentSettlement).refund(m.system(), order.payload);
    expect(await bills().get(await s.actors.claimant.ctx(), fee.id)).toMatchObject({ state: BillState.REFUNDED, refundedHalalas: 370_000 });
    // The court kept the fee once, from the party judged against.
    const [{ revenue }] = await m.db.query<{ revenue: string }[]>(
      `SELECT sum(amount_halalas)::text AS revenue FROM ledger_entries WHERE account = 'REVENUE' AND bill_id = ANY($1::uuid[])`,
      [[fee.id, costs.id]],
    );
    expect(Number(revenue)).toBe(-370_000);
  });

  it('bills nothing more when the final judgment is for the defendant', async () => {
    const s = await scenario(m).lawsuit({ amount: 80_000 }).judgmentIssued({ inFavourOf: PartySide.DEFENDANT }).final();
    expect(await billsOf(s, BillPurpose.JUDGMENT_COSTS)).toEqual([]);
  });

  it('follows the appeal: a judgment for the claimant overturned bills no one, one for the defendant overturned bills the defendant', async () => {
    const overturned = await scenario(m)
      .lawsuit({ amount: 80_000 })
      .judgmentIssued()
      .objected()
      .appealDecided({ decision: AppealDecision.OVERTURN })
      .final();
    expect(await billsOf(overturned, BillPurpose.JUDGMENT_COSTS)).toEqual([]);
    const reversed = await scenario(m)
      .lawsuit({ amount: 80_000 })
      .judgmentIssued({ inFavourOf: PartySide.DEFENDANT })
      .objected({ by: 'claimant' })
      .appealDecided({ decision: AppealDecision.OVERTURN })
      .final();
    expect((await billsOf(reversed, BillPurpose.JUDGMENT_COSTS)).map((b) => b.payerNationalId)).toEqual([
      reversed.actors.defendant.nationalId,
    ]);
  });

  it('expires an unpaid costs bill with the costs still owed, and gives the claimant nothing back', async () => {
    const s = await scenario(m).lawsuit({ amount: 80_000 }).final();
    const [costs] = await billsOf(s, BillPurpose.JUDGMENT_COSTS);
    m.clock.set(new Date(costs.dueAt.getTime() + 1000));
    await m.get(PaymentSettlement).expireDue(m.system());
    expect((await bills().get(await s.actors.defendant.ctx(), costs.id)).state).toBe(BillState.EXPIRED);
    const [notice] = await m.db.query<{ body_en: string }[]>(
      `SELECT body_en FROM notifications WHERE kind = 'BILL_EXPIRED' AND data->>'billId' = $1`,
      [costs.id],
    );
    expect(notice.body_en).toMatch(/remain owed under the judgment/);
    const [fee] = await billsOf(s, BillPurpose.FILING_FEE);
    expect(await refundOrders(fee.id)).toEqual([]);
  });
});
