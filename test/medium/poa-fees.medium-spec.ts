/**
 * The fee of a power of attorney (docs/payments.md, "Notary fees"), through the services against
 * the gateway stand-in: issuing one bills the schedule's fee for the way it is issued, and it is
 * a draft, of no use to its agent, until paid; paid, it comes into force with its notice and
 * document; unpaid when its window ends, it lapses; lapsed by the window first, its bill is
 * cancelled.
 */
import { DocumentKind } from '../../src/documents/document.enums';
import { PowerOfAttorneyExpiry } from '../../src/notarization/powers-of-attorney/poa-expiry.service';
import { PoaIssuance, PoaState } from '../../src/notarization/powers-of-attorney/poa.enums';
import { powerOfAttorneyFee } from '../../src/notarization/fees/notary-fee-rules';
import { BillPurpose, BillsService, BillState, PaymentSettlement } from '../../src/payments';
import { nationalId } from '../factories/people';
import { payOpenBills } from '../scenario/fees';
import { Host } from '../scenario/host';
import { scenario, Scenario } from '../scenario/scenario';
import { Medium, startMedium } from './medium';

describe('the fee of a power of attorney', () => {
  let m: Medium;
  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());
  afterEach(() => m.clock.reset());

  const billsOf = (s: Scenario) => m.get(BillsService).billsOf(m.system(), 'PowerOfAttorney', s.poaId, BillPurpose.NOTARY_FEE);
  const stateOf = async (s: Scenario) =>
    (await m.db.query<{ state: string }[]>('SELECT state FROM powers_of_attorney WHERE id = $1', [s.poaId]))[0].state;
  const kindsOf = async (s: Scenario) =>
    (
      await m.db.query<{ kind: string }[]>(`SELECT DISTINCT kind FROM notifications WHERE data->>'powerOfAttorneyId' = $1 ORDER BY kind`, [
        s.poaId,
      ])
    ).map((r) => r.kind);
  const documents = async (s: Scenario) =>
    Number(
      (
        await m.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM documents WHERE kind = $1 AND subject_id = $2`, [
          DocumentKind.POWER_OF_ATTORNEY,
          s.poaId,
        ])
      )[0].n,
    );
  const lapseNotice = async (s: Scenario) =>
    (
      await m.db.query<{ body_en: string }[]>(
        `SELECT body_en FROM notifications WHERE kind = 'POA_LAPSED' AND data->>'powerOfAttorneyId' = $1 LIMIT 1`,
        [s.poaId],
      )
    )[0]?.body_en;
  const pay = async (s: Scenario) => payOpenBills(Host.of(m.app), await s.actors.principal.ctx(), 'PowerOfAttorney', s.poaId);

  it('keeps one issued by a notary a draft, billed to its first principal, and puts it in force once paid', async () => {
    const s = await scenario(m).poa({ feeUnpaid: true }).poaIssuedByNotary();
    expect(await stateOf(s)).toBe(PoaState.DRAFT);
    const [bill] = await billsOf(s);
    expect(bill).toMatchObject({
      state: BillState.UNPAID,
      amountHalalas: powerOfAttorneyFee(PoaIssuance.NOTARY, '2026-12-07') * 100,
      payerNationalId: s.actors.principal.nationalId,
    });
    expect(bill.amountHalalas).toBeGreaterThan(0);
    // Nobody is told it is in force, and it has no document, before it is.
    expect(await kindsOf(s)).toEqual([]);
    expect(await documents(s)).toBe(0);

    await pay(s);
    expect(await stateOf(s)).toBe(PoaState.ACTIVE);
    expect(await kindsOf(s)).toEqual(['POA_ISSUED']);
    expect(await documents(s)).toBe(2); // Arabic and English
  });

  it('bills the principal who self-issues the fee of that way of issuing', async () => {
    const s = await scenario(m).poa({ feeUnpaid: true }).poaSelfIssued();
    expect((await billsOf(s)).map((b) => [b.amountHalalas, b.payerNationalId])).toEqual([
      [powerOfAttorneyFee(PoaIssuance.SELF, '2026-12-07') * 100, s.actors.principal.nationalId],
    ]);
    await pay(s);
    expect(await stateOf(s)).toBe(PoaState.ACTIVE);
  });

  it('lapses a draft whose bill expired unpaid, telling its people why', async () => {
    const s = await scenario(m).poa({ feeUnpaid: true }).poaIssuedByNotary();
    const [bill] = await billsOf(s);
    m.clock.set(new Date(bill.dueAt.getTime() + 1000));
    await m.get(PaymentSettlement).expireDue(m.system());
    expect(await stateOf(s)).toBe(PoaState.LAPSED);
    expect((await billsOf(s)).map((b) => b.state)).toEqual([BillState.EXPIRED]);
    const [notice] = await m.db.query<{ body_en: string }[]>(
      `SELECT body_en FROM notifications WHERE kind = 'POA_LAPSED' AND data->>'powerOfAttorneyId' = $1 LIMIT 1`,
      [s.poaId],
    );
    expect(notice.body_en).toMatch(/its fee was not paid/);
  });

  it('gives back money that arrives for a draft whose window has just ended', async () => {
    const s = await scenario(m).poa({ feeUnpaid: true }).poaIssuedByNotary();
    const [bill] = await billsOf(s);
    m.clock.set(new Date(bill.dueAt.getTime() + 1000));
    await pay(s); // before the expiry job came to the bill
    expect(await stateOf(s)).toBe(PoaState.DRAFT); // lapsed as of now, for the sweep to write down
    const orders = await m.db.query<{ payload: unknown }[]>(
      `SELECT payload FROM outbox WHERE topic = 'payments.refund' AND payload->>'billId' = $1`,
      [bill.id],
    );
    expect(orders.map((o) => o.payload)).toEqual([{ billId: bill.id, halalas: null, reason: 'poa.lapse' }]);
  });

  it('cancels the bill of a draft the sweep lapsed first, telling its people the fee was not paid', async () => {
    const s = await scenario(m).poa({ feeUnpaid: true }).poaIssuedByNotary();
    const [bill] = await billsOf(s);
    m.clock.set(new Date(bill.dueAt.getTime() + 1000));
    await m.get(PowerOfAttorneyExpiry).sweep(m.system());
    expect(await stateOf(s)).toBe(PoaState.LAPSED);
    expect((await billsOf(s)).map((b) => b.state)).toEqual([BillState.CANCELLED]);
    expect(await lapseNotice(s)).toMatch(/its fee was not paid/);
  });

  it('gives back the fee of a draft that lapsed because a principal never confirmed it', async () => {
    const other = { nationalId: nationalId(), nameAr: 'موكل آخر', nameEn: 'Other Principal' };
    const s = await scenario(m)
      .poa({ coPrincipals: [other] })
      .poaSelfIssued();
    const [bill] = await billsOf(s);
    expect(bill.state).toBe(BillState.PAID);
    expect(await stateOf(s)).toBe(PoaState.DRAFT);
    m.clock.set(new Date(bill.dueAt.getTime() + 1000));
    await m.get(PowerOfAttorneyExpiry).sweep(m.system());
    expect(await stateOf(s)).toBe(PoaState.LAPSED);
    const orders = await m.db.query<{ payload: unknown }[]>(
      `SELECT payload FROM outbox WHERE topic = 'payments.refund' AND payload->>'billId' = $1`,
      [bill.id],
    );
    expect(orders.map((o) => o.payload)).toEqual([{ billId: bill.id, halalas: null, reason: 'poa.lapse' }]);
    expect(await lapseNotice(s)).toMatch(/not every principal confirmed it/);
  });
});
