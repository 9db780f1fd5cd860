/**
 * Notary fees (docs/payments.md, "Notary fees"), through the services against the gateway
 * stand-in: a contract put to signature is billed its fee by the schedule; the notary notarizes
 * it only once paid; an amendment cancels the open bill and a paid fee is never billed again; an
 * unpaid bill that expires sends the contract back to draft, its signatures void.
 */
import { ContractDrafting } from '../../src/notarization/contracts/contract-drafting.service';
import { ContractNotarization } from '../../src/notarization/contracts/contract-notarization.service';
import { ContractState } from '../../src/notarization/contracts/contract-state-machine';
import { ContractType } from '../../src/notarization/contracts/contract.enums';
import { contractFee, NOTARY_FEE_SCHEDULES } from '../../src/notarization/fees/notary-fee-rules';
import { BillPurpose, BillsService, BillState, PaymentSettlement } from '../../src/payments';
import { PaymentRequiredError } from '../../src/core/errors/domain-error';
import { saleContent } from '../scenario/notarization';
import { scenario, Scenario } from '../scenario/scenario';
import { Medium, refusal, startMedium } from './medium';

const DAY = 86_400_000;

describe('notary fees', () => {
  let m: Medium;
  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());

  const bills = () => m.get(BillsService);
  const seller = (s: Scenario) => s.actors.seller.ctx();
  const billsOf = async (s: Scenario) => bills().ofSubjects(await seller(s), 'Contract', [s.contractId]);
  const stateOf = async (s: Scenario) =>
    (await m.db.query<{ state: string }[]>('SELECT state FROM contracts WHERE id = $1', [s.contractId]))[0].state;
  const notarize = async (s: Scenario) => m.get(ContractNotarization).notarize(await m.as('notary'), s.contractId);

  it('bills the fee of its type to the drafter when a contract is put to signature, and notarizes it only once paid', async () => {
    const s = await scenario(m).contract().contractSigned();
    const [bill] = await billsOf(s);
    expect(bill).toMatchObject({
      purpose: BillPurpose.NOTARY_FEE,
      state: BillState.UNPAID,
      amountHalalas: contractFee(ContractType.SALE, '2026-12-07') * 100,
      payerNationalId: s.actors.seller.nationalId,
    });
    expect(bill.amountHalalas).toBe(20_000);
    expect(Math.round((bill.dueAt.getTime() - bill.createdAt.getTime()) / DAY)).toBe(NOTARY_FEE_SCHEDULES[0].payment.payWithinDays);
    // The bill is the payer's alone: the buyer, a party too, sees none.
    expect(await bills().ofSubjects(await s.actors.buyer.ctx(), 'Contract', [s.contractId])).toEqual([]);

    // Every party signed, but unpaid: PAYMENT_REQUIRED, naming the open bill, and the contract stays.
    const refused = await notarize(s).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PaymentRequiredError);
    expect((refused as PaymentRequiredError).details).toEqual({ billIds: [bill.id] });
    expect(await stateOf(s)).toBe(ContractState.AWAITING_SIGNATURES);

    await s.notaryFeePaid();
    expect((await billsOf(s)).map((b) => b.state)).toEqual([BillState.PAID]);
    expect((await notarize(s)).state).toBe(ContractState.NOTARIZED);
  });

  it('refuses an unsigned contract for its signatures first, whatever its fee', async () => {
    const s = await scenario(m).contract().contractSigned({ only: 'seller' });
    expect(await refusal(notarize(s))).toBe('INVALID_TRANSITION');
  });

  it('bills the first party, not the notary, when the office drafted the contract', async () => {
    const s = await scenario(m).contract({ draftedBy: 'notary' }).awaitingSignatures();
    expect((await billsOf(s)).map((b) => b.payerNationalId)).toEqual([s.actors.seller.nationalId]);
  });

  it('cancels the open bill when an amendment sends the contract back to draft, and never bills a paid fee again', async () => {
    const s = await scenario(m).contract().awaitingSignatures();
    const drafting = m.get(ContractDrafting);
    const amend = async () =>
      s.useContract(await drafting.updateDraft(await seller(s), { id: s.contractId, version: s.contractVersion, ...saleContent(s) }));
    await amend();
    expect((await billsOf(s)).map((b) => b.state)).toEqual([BillState.CANCELLED]);
    // Put to signature again: billed anew, paid; amended and put to signature once more: nothing more is billed.
    s.useContract(await drafting.submit(await seller(s), s.contractId));
    await s.notaryFeePaid();
    await amend();
    s.useContract(await drafting.submit(await seller(s), s.contractId));
    expect((await billsOf(s)).map((b) => b.state)).toEqual([BillState.CANCELLED, BillState.PAID]);
    const ledger = await m.db.query<{ kind: string }[]>(
      `SELECT e.kind FROM ledger_entries e JOIN bills b ON b.id = e.bill_id WHERE b.subject_id = $1 AND e.account = 'RECEIVABLE' ORDER BY e.id`,
      [s.contractId],
    );
    expect(ledger.map((e) => e.kind)).toEqual(['ISSUED', 'CANCELLED', 'ISSUED', 'PAID']);
  });

  it('sends a contract whose bill expired unpaid back to draft, its signatures void and its parties told; put to signature again, it is billed anew', async () => {
    const s = await scenario(m).contract().contractSigned();
    const [bill] = await billsOf(s);
    m.clock.set(new Date(bill.dueAt.getTime() + 1000));
    try {
      expect(await m.get(PaymentSettlement).expireDue(m.system())).toBeGreaterThanOrEqual(1);
    } finally {
      m.clock.reset();
    }
    expect(await stateOf(s)).toBe(ContractState.DRAFT);
    const signatures = await m.db.query<{ invalidated: boolean }[]>(
      'SELECT invalidated_at IS NOT NULL AS invalidated FROM contract_signatures WHERE contract_id = $1',
      [s.contractId],
    );
    expect(signatures).toEqual([{ invalidated: true }, { invalidated: true }]);
    const notices = await m.db.query<{ kind: string; national_id: string; body_en: string }[]>(
      `SELECT kind, national_id, body_en FROM notifications
        WHERE (kind = 'CONTRACT_RETURNED_TO_DRAFT' AND data->>'contractId' = $1) OR (kind = 'BILL_EXPIRED' AND data->>'billId' = $2)`,
      [s.contractId, bill.id],
    );
    const buyerNotice = notices.find((n) => n.kind === 'CONTRACT_RETURNED_TO_DRAFT' && n.national_id === s.actors.buyer.nationalId);
    expect(buyerNotice?.body_en).toMatch(/not paid by its due date.*2 signature\(s\) given no longer count/);
    expect(notices.find((n) => n.kind === 'BILL_EXPIRED')?.body_en).toMatch(/The contract is a draft again/);
    const audit = await m.db.query<{ action: string }[]>(
      `SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [s.contractId],
    );
    expect(audit).toEqual([{ action: 'contract.feeLapsed' }]);

    await m.get(ContractDrafting).submit(await seller(s), s.contractId);
    // (The clock went back after the expiry, so the new bill is not necessarily the later one by its time.)
    expect((await billsOf(s)).map((b) => b.state).sort()).toEqual([BillState.EXPIRED, BillState.UNPAID]);
  });
});
