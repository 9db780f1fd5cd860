/**
 * No dead ends (docs/lifecycles.md): the states that used to wait forever have a way out that
 * someone can take. Execution closes when the party the judgment favours acknowledges it
 * fulfilled; a struck-off case no one may resume any more closes; a contract draft can be
 * discarded by its drafter and refused by the notary, a paid fee going back; a waiver left
 * unanswered when the hearing begins lapses, and the case goes on.
 */
import { DomainError } from '../../src/core/errors/domain-error';
import { JudgmentsService } from '../../src/litigation/judgments/judgments.service';
import { LawsuitOutcomesService } from '../../src/litigation/lawsuits/lawsuit-outcomes.service';
import { PleadingsService } from '../../src/litigation/pleadings/pleadings.service';
import { WaiverLapses } from '../../src/litigation/pleadings/waiver-lapses';
import { ContractDrafting } from '../../src/notarization/contracts/contract-drafting.service';
import { ContractEndings } from '../../src/notarization/contracts/contract-endings.service';
import { NotificationKind } from '../../src/notifications';
import { BillPurpose, BillsService, BillState } from '../../src/payments';
import { winner } from '../scenario/case-acts';
import { notaryOf, saleContent } from '../scenario/notarization';
import { scenario, Scenario } from '../scenario/scenario';
import { Medium, refusal, startMedium } from './medium';

describe('no dead ends', () => {
  let m: Medium;
  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());
  afterEach(() => m.clock.reset());

  const stateOf = async (table: string, id: string) => (await m.db.query(`SELECT state FROM ${table} WHERE id = $1`, [id]))[0].state;
  const notices = (lawsuitId: string, kind: NotificationKind) =>
    m.db.query<{ national_id: string; body_en: string }[]>(
      'SELECT national_id, body_en FROM notifications WHERE lawsuit_id = $1 AND kind = $2',
      [lawsuitId, kind],
    );

  describe('execution', () => {
    it('is closed when the party the judgment favours acknowledges it fulfilled, and by no one else', async () => {
      const s = await scenario(m).executionRequested();
      const judgments = m.get(JudgmentsService);
      expect(await refusal(judgments.acknowledgeFulfilment(await s.actors.defendant.ctx(), s.lawsuitId))).toBe('FORBIDDEN');
      const closed = await judgments.acknowledgeFulfilment(await (await winner(s)).ctx(), s.lawsuitId);
      expect(closed).toMatchObject({ state: 'CLOSED' });
      expect(closed.closedAt).toBeInstanceOf(Date);
      expect((await notices(s.lawsuitId, NotificationKind.LAWSUIT_CLOSED)).map((n) => n.national_id).sort()).toEqual(
        [s.actors.claimant.nationalId, s.actors.defendant.nationalId].sort(),
      );
      // Once closed, or before execution was asked, there is nothing to acknowledge.
      expect(await refusal(judgments.acknowledgeFulfilment(await (await winner(s)).ctx(), s.lawsuitId))).toBe('INVALID_TRANSITION');
      const final = await scenario(m).final();
      expect(await refusal(judgments.acknowledgeFulfilment(await final.actors.claimant.ctx(), final.lawsuitId))).toBe('INVALID_TRANSITION');
    });
  });

  describe('a struck-off case', () => {
    const sweep = () => m.get(LawsuitOutcomesService).lapseStruckOff(m.system());

    it('closes once its resumption window has passed unused, and can no longer be resumed', async () => {
      const s = await scenario(m).struckOff();
      const [{ resume_due_at: due }] = await m.db.query('SELECT resume_due_at FROM lawsuits WHERE id = $1', [s.lawsuitId]);
      m.clock.set(new Date(due.getTime() - 60_000));
      expect(await sweep()).toBe(0);
      expect(await stateOf('lawsuits', s.lawsuitId)).toBe('STRUCK_OFF');
      m.clock.set(new Date(due.getTime() + 60_000));
      expect(await sweep()).toBe(1);
      expect(await stateOf('lawsuits', s.lawsuitId)).toBe('CLOSED');
      const [notice] = await notices(s.lawsuitId, NotificationKind.LAWSUIT_CLOSED);
      expect(notice.body_en).toContain('deemed never filed');
      expect(await sweep()).toBe(0);
      expect(await refusal(m.get(LawsuitOutcomesService).resume(await s.actors.claimant.ctx(), s.lawsuitId))).toBe('INVALID_TRANSITION');
    });

    it('closes at once when the claimant is absent again after resuming it', async () => {
      const s = await scenario(m).resumed();
      await s.scheduleHearing();
      await s.holdHearing({ claimantPresent: false });
      await m.get(LawsuitOutcomesService).strikeOff(await (await s.judge()).ctx(), s.lawsuitId, s.hearingId);
      expect(await sweep()).toBe(1);
      expect(await stateOf('lawsuits', s.lawsuitId)).toBe('CLOSED');
    });
  });

  describe('a contract', () => {
    const endings = () => m.get(ContractEndings);
    const notary = async (s: Scenario) => {
      const [{ notary_office_id }] = await m.db.query('SELECT notary_office_id FROM contracts WHERE id = $1', [s.contractId]);
      return notaryOf(s, notary_office_id);
    };
    const refundOrders = (contractId: string) =>
      m.db.query<{ payload: { reason: string } }[]>(
        `SELECT o.payload FROM outbox o JOIN bills b ON b.id::text = o.payload->>'billId' WHERE o.topic = 'payments.refund' AND b.subject_id = $1`,
        [contractId],
      );

    it('draft is discarded by its drafter only, and only as a draft', async () => {
      const s = await scenario(m).contractDrafted();
      expect(await refusal(endings().discard(await s.actors.buyer.ctx(), s.contractId))).toBe('FORBIDDEN');
      const discarded = await endings().discard(await s.actors.drafter.ctx(), s.contractId);
      expect(discarded).toMatchObject({ state: 'DISCARDED' });
      expect(discarded.endedAt).toBeInstanceOf(Date);
      const [{ n }] = await m.db.query(
        `SELECT count(*)::int AS n FROM notifications WHERE kind = 'CONTRACT_DISCARDED' AND data->>'contractId' = $1`,
        [s.contractId],
      );
      expect(n).toBeGreaterThan(0);
      const out = await scenario(m).awaitingSignatures();
      expect(await refusal(endings().discard(await out.actors.drafter.ctx(), out.contractId))).toBe('INVALID_TRANSITION');
    });

    it('draft discarded after its fee was paid gives the fee back', async () => {
      const s = await scenario(m).notaryFeePaid();
      // Amended, it is a draft again; the fee paid stays paid.
      await m
        .get(ContractDrafting)
        .updateDraft(await s.actors.drafter.ctx(), { id: s.contractId, version: s.contractVersion, ...saleContent(s) });
      await endings().discard(await s.actors.drafter.ctx(), s.contractId);
      expect((await refundOrders(s.contractId)).map((o) => o.payload.reason)).toEqual(['contract.discard']);
    });

    it('put to signature is refused by a notary of the office with a reason: signatures void, the open bill cancelled', async () => {
      const s = await scenario(m).contractSigned({ only: 'seller' });
      expect(await refusal(endings().refuse(await s.actors.seller.ctx(), s.contractId, 'لا يصح — not valid'))).toBe('FORBIDDEN');
      const refused = await endings().refuse(await (await notary(s)).ctx(), s.contractId, 'الثمن غير محدد — the price is not set');
      expect(refused).toMatchObject({ state: 'REFUSED', refusalReason: 'الثمن غير محدد — the price is not set' });
      const [{ valid }] = await m.db.query(
        'SELECT count(*)::int AS valid FROM contract_signatures WHERE contract_id = $1 AND invalidated_at IS NULL',
        [s.contractId],
      );
      expect(valid).toBe(0);
      const bills = await m.get(BillsService).billsOf(m.system(), 'Contract', s.contractId, BillPurpose.NOTARY_FEE);
      expect(bills.map((b) => b.state)).toEqual([BillState.CANCELLED]);
      expect(await refusal(endings().refuse(await (await notary(s)).ctx(), s.contractId, 'again — again'))).toBe('INVALID_TRANSITION');
    });

    it('refused after its fee was paid gives the fee back', async () => {
      const s = await scenario(m).notaryFeePaid();
      await endings().refuse(await (await notary(s)).ctx(), s.contractId, 'الهوية غير مطابقة — identity mismatch');
      expect((await refundOrders(s.contractId)).map((o) => o.payload.reason)).toEqual(['contract.refuse']);
    });
  });

  describe('a waiver', () => {
    const sweep = () => m.get(WaiverLapses).sweep(m.system());

    it('left unanswered when the hearing begins lapses, the case going on; the answer is refused from then', async () => {
      const s = await scenario(m).waiverPending();
      const [waiver] = await m.db.query('SELECT id FROM claim_waivers WHERE lawsuit_id = $1', [s.lawsuitId]);
      expect(await sweep()).toBe(0);
      await s.scheduleHearing();
      m.clock.set(new Date(s.hearingAt.getTime() - 60_000));
      expect(await sweep()).toBe(0);
      m.clock.set(new Date(s.hearingAt.getTime() + 60_000));
      const late = await m
        .get(PleadingsService)
        .respondToWaiver(await s.actors.defendant.ctx(), s.lawsuitId, true)
        .catch((e: DomainError) => e);
      expect(late).toMatchObject({ code: 'DEADLINE_PASSED', details: { deadline: s.hearingAt.toISOString() } });
      expect(await sweep()).toBe(1);
      expect(await stateOf('claim_waivers', waiver.id)).toBe('LAPSED');
      expect(await stateOf('lawsuits', s.lawsuitId)).toBe('IN_HEARINGS');
      expect((await notices(s.lawsuitId, NotificationKind.CLAIM_WAIVER_LAPSED)).length).toBeGreaterThan(0);
      expect(await sweep()).toBe(0);
    });

    it('lapses when the case ends otherwise', async () => {
      const s = await scenario(m).waiverPending();
      await s.settled();
      expect(await sweep()).toBe(1);
      expect(await stateOf('lawsuits', s.lawsuitId)).toBe('SETTLED');
    });

    it('answered in time still withdraws the case', async () => {
      const s = await scenario(m).waiverPending();
      await m.get(PleadingsService).respondToWaiver(await s.actors.defendant.ctx(), s.lawsuitId, true);
      expect(await stateOf('lawsuits', s.lawsuitId)).toBe('WITHDRAWN');
      expect(await sweep()).toBe(0);
    });
  });
});
