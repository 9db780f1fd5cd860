/**
 * The notary fee of a contract as a bill (docs/payments.md, "Notary fees"): billed when the
 * contract is put to signature, for what of the schedule's fee is not paid yet; the notary
 * notarizes it only once paid (PAYMENT_REQUIRED before); an amendment that sends it back to draft
 * cancels the open bill; a bill that expires unpaid sends it back to draft, its signatures no
 * longer counting. The party who asked for the notarization pays: the drafter when they sign for
 * a party, else (a notary drafted it) whoever signs for the first party.
 */
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import { PaymentRequiredError } from '../../core/errors/domain-error';
import { fromHalalas, toHalalas } from '../../core/validation/money';
import { UserLookups } from '../../identity';
import { Bill, BillPurpose, BillsService, BillState, BillSubjects, PaymentSettlement, REFUND_TOPIC } from '../../payments';
import { contractFee, notaryFeeScheduleOn } from '../fees/notary-fee-rules';
import { NOTARIZATION } from '../notarization-messages';
import { ContractState } from './contract-state-machine';
import { ContractTransitions } from './contract-transitions';
import type { Contract } from './contract.entity';

const DAY_MS = 86_400_000;
const FEE = BillPurpose.NOTARY_FEE;

@Injectable()
export class ContractFees implements OnModuleInit {
  constructor(
    private readonly bills: BillsService,
    private readonly settlement: PaymentSettlement,
    private readonly subjects: BillSubjects,
    private readonly transitions: ContractTransitions,
    private readonly people: UserLookups,
  ) {}

  onModuleInit(): void {
    this.subjects.on('Contract', FEE, {
      expired: (tx, bill) => this.expired(tx, bill),
      expiryConsequence: {
        ar: 'عاد العقد مسودة ولم تعد التوقيعات السابقة معتبرة؛ ويُطرح للتوقيع من جديد بفاتورة جديدة.',
        en: 'The contract is a draft again and the signatures given no longer count; putting it to signature again issues a new bill.',
      },
    });
  }

  /** Inside the transaction that put the contract to signature: bills what of its fee is still owed (the open bill, when it asks exactly that). */
  async submitted(tx: RequestContext, contract: Contract): Promise<void> {
    const { owed, open } = await this.owed(tx, contract);
    if (owed <= 0) return;
    const schedule = notaryFeeScheduleOn(dayOf(contract.submittedAt ?? tx.now()))!;
    await this.settlement.billOwed(tx, open, {
      purpose: FEE,
      subjectType: 'Contract',
      subjectId: contract.id,
      description: { ar: `مقابل توثيق العقد ${contract.number}`, en: `Notary fee of contract ${contract.number}` },
      payerNationalId: await this.payerOf(tx, contract),
      amountHalalas: owed,
      dueAt: new Date(tx.now().getTime() + schedule.payment.payWithinDays * DAY_MS),
    });
  }

  /** Inside the transaction that sent the contract back to draft: nothing is due until it is put to signature again. */
  amended(tx: RequestContext, contract: Contract): Promise<void> {
    return this.settlement.cancelOpen(tx, 'Contract', contract.id, FEE);
  }

  /**
   * Inside the transaction that ended the contract unnotarized (discarded, refused): nothing more
   * is asked, and a fee paid for it goes back, since the notarization it paid for never happened.
   */
  async ended(tx: RequestContext, contract: Contract, why: 'discard' | 'refuse'): Promise<void> {
    await this.settlement.cancelOpen(tx, 'Contract', contract.id, FEE);
    for (const bill of await this.bills.billsOf(tx, 'Contract', contract.id, FEE)) {
      if (bill.state !== BillState.PAID) continue;
      tx.emit({
        topic: REFUND_TOPIC,
        payload: { billId: bill.id, halalas: null, reason: `contract.${why}` },
        key: `${REFUND_TOPIC}:${bill.id}:${why}`,
      });
    }
  }

  /** Before notarization: PAYMENT_REQUIRED, with the open bill, while any of the fee is unpaid. */
  async requirePaid(tx: RequestContext, contract: Contract): Promise<void> {
    const { owed, open } = await this.owed(tx, contract);
    if (owed <= 0) return;
    throw new PaymentRequiredError(NOTARIZATION.notaryFeeUnpaid({ amount: fromHalalas(owed).toFixed(2) }), {
      billIds: open ? [open.id] : [],
    });
  }

  /** The fee of the schedule in force on the day it was put to signature, less what its paid bills hold. */
  private async owed(tx: RequestContext, contract: Contract): Promise<{ owed: number; open: Bill | null }> {
    const { paid, open } = await this.bills.paidFor(tx, 'Contract', contract.id, FEE);
    const fee = toHalalas(contractFee(contract.type, dayOf(contract.submittedAt ?? tx.now())));
    return { owed: fee - paid, open };
  }

  private async payerOf(tx: RequestContext, contract: Contract): Promise<string> {
    const signers = await tx.manager.query<{ national_id: string }[]>(
      `SELECT coalesce(national_id, signatory_national_id) AS national_id FROM contract_parties WHERE contract_id = $1 ORDER BY position`,
      [contract.id],
    );
    const drafter = (await this.people.nationalIdsOf(tx, [contract.draftedBy])).get(contract.draftedBy);
    return signers.some((s) => s.national_id === drafter) ? drafter! : signers[0].national_id;
  }

  /** The bill expired unpaid: a contract still out for signature goes back to draft, its signatures void. */
  private async expired(tx: RequestContext, bill: Bill): Promise<void> {
    const contract = await this.transitions.lock(tx, bill.subjectId);
    if (contract.state !== ContractState.AWAITING_SIGNATURES || (await this.owed(tx, contract)).owed <= 0) return;
    const invalidated = await this.transitions.invalidateSignatures(tx, contract.id);
    await this.transitions.apply(tx, contract, 'feeLapsed', { patch: { submittedAt: null }, details: { invalidated } });
  }
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
