/**
 * The fee of a power of attorney as a bill (docs/payments.md, "Notary fees"): issuing one (by a
 * notary, or electronically by its principal) bills the fee the schedule gives for that way of
 * issuing, and the power of attorney is a draft until the last of two things happens: every
 * principal confirmed it, and the fee is paid; then it is in force (its notices and its
 * document). The bill is due when the draft's confirmation window ends; unpaid then, the draft
 * lapses. A delegation rests on its paid original and is not billed.
 */
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import { toHalalas } from '../../core/validation/money';
import { DocumentKind, DocumentsService } from '../../documents';
import { NotificationKind } from '../../notifications';
import { Bill, BillPurpose, BillsService, BillState, BillSubjects, PaymentSettlement, REFUND_TOPIC } from '../../payments';
import { powerOfAttorneyFee } from '../fees/notary-fee-rules';
import { PoaNotices } from './poa-notices';
import { effectiveState } from './poa-state-machine';
import { PoaTransitions } from './poa-transitions';
import { PoaIssuance, PoaState } from './poa.enums';
import type { PowerOfAttorney } from './power-of-attorney.entity';

const FEE = BillPurpose.NOTARY_FEE;

@Injectable()
export class PoaFees implements OnModuleInit {
  constructor(
    private readonly bills: BillsService,
    private readonly settlement: PaymentSettlement,
    private readonly subjects: BillSubjects,
    private readonly transitions: PoaTransitions,
    private readonly notices: PoaNotices,
    private readonly documents: DocumentsService,
  ) {}

  onModuleInit(): void {
    this.subjects.on('PowerOfAttorney', FEE, {
      paid: (tx, bill) => this.paid(tx, bill),
      expired: (tx, bill) => this.expired(tx, bill),
      expiryConsequence: {
        ar: 'سقطت مسودة الوكالة، ولك أن تصدر وكالة جديدة.',
        en: 'The draft power of attorney lapsed; you may issue a new one.',
      },
    });
  }

  /** The fee, in halalas, of issuing a power of attorney this way today. */
  feeOf(tx: RequestContext, issuance: PoaIssuance): number {
    return toHalalas(powerOfAttorneyFee(issuance, tx.now().toISOString().slice(0, 10)));
  }

  /** Inside the issuing transaction: the bill of a new draft, to `payer`, due when its confirmation window ends. */
  async bill(tx: RequestContext, poa: PowerOfAttorney, halalas: number, payer: string): Promise<void> {
    await this.bills.issue(tx, {
      purpose: FEE,
      subjectType: 'PowerOfAttorney',
      subjectId: poa.id,
      description: { ar: `مقابل إصدار الوكالة ${poa.number}`, en: `Fee of power of attorney ${poa.number}` },
      payerNationalId: payer,
      amountHalalas: halalas,
      dueAt: poa.confirmBy!,
    });
  }

  /**
   * Puts a draft in force once every principal confirmed it and its fee (if any) is paid: the
   * `confirm` move, the notices to its people and its document. Answers whether it did.
   */
  async activateWhenDue(tx: RequestContext, poa: PowerOfAttorney): Promise<PowerOfAttorney | null> {
    if (effectiveState(poa, tx.now()) !== PoaState.DRAFT) return null;
    if ((await this.unconfirmed(tx, poa.id)) > 0 || (await this.bills.paidFor(tx, 'PowerOfAttorney', poa.id, FEE)).open) return null;
    const active = await this.transitions.apply(tx, poa, 'confirm', { activatedAt: tx.now(), confirmBy: null });
    await this.notices.send(tx, NotificationKind.POA_ISSUED, active, await this.transitions.everyone(tx, poa.id), 'issued');
    await this.documents.issue(tx, DocumentKind.POWER_OF_ATTORNEY, active.id);
    return active;
  }

  /**
   * Ends a draft whose window passed (the sweep, or its bill expiring unpaid): LAPSED at the
   * window's end; its open bill cancelled and a fee paid for it given back, since it never came
   * into force; its people told why (a principal did not confirm, or else the fee was not paid).
   */
  async lapse(tx: RequestContext, poa: PowerOfAttorney): Promise<PowerOfAttorney> {
    const ended = await this.transitions.apply(tx, poa, 'lapse', { endedAt: poa.confirmBy });
    await this.settlement.cancelOpen(tx, 'PowerOfAttorney', poa.id, FEE);
    for (const bill of await this.bills.billsOf(tx, 'PowerOfAttorney', poa.id, FEE)) if (bill.state === BillState.PAID) giveBack(tx, bill);
    const why = (await this.unconfirmed(tx, poa.id)) > 0 ? 'unconfirmed' : 'unpaid';
    await this.notices.send(tx, NotificationKind.POA_LAPSED, ended, await this.transitions.everyone(tx, poa.id), 'lapse', why);
    return ended;
  }

  private async unconfirmed(tx: RequestContext, poaId: string): Promise<number> {
    const [{ n }] = await tx.manager.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM poa_principals WHERE poa_id = $1 AND confirmed_at IS NULL',
      [poaId],
    );
    return n;
  }

  private async paid(tx: RequestContext, bill: Bill): Promise<void> {
    const poa = await this.transitions.lock(tx, bill.subjectId);
    if (await this.activateWhenDue(tx, poa)) return;
    // Paid as the draft's window closed (the sweep has not written the lapse yet): the money goes back.
    if (effectiveState(poa, tx.now()) === PoaState.LAPSED) giveBack(tx, bill);
  }

  /** Unpaid when its window ended: the draft lapses. */
  private async expired(tx: RequestContext, bill: Bill): Promise<void> {
    const poa = await this.transitions.lock(tx, bill.subjectId);
    if (poa.state === PoaState.DRAFT) await this.lapse(tx, poa);
  }
}

/** The fee of a power of attorney that never came into force goes back to its payer (once, whoever asks first). */
function giveBack(tx: RequestContext, bill: Bill): void {
  tx.emit({
    topic: REFUND_TOPIC,
    payload: { billId: bill.id, halalas: null, reason: 'poa.lapse' },
    key: `${REFUND_TOPIC}:${bill.id}:lapse`,
  });
}
