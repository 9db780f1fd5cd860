/**
 * Who finally bears the court fee (docs/payments.md, "The costs of a judgment"): the party a final
 * judgment goes against. When it becomes final for the claimant, the case's fee (its court fee
 * as assessed, whether the claimant paid it or was spared it) is billed to the defendants who are
 * persons, in equal shares, due within the days the fee schedule gives; what each pays goes back
 * to the claimant, up to what the claimant paid, through the outbox. Judged for the defendant,
 * the claimant has borne the fee already and nothing more is billed. An unpaid costs bill
 * expires with the costs still owed under the judgment, for its execution.
 */
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import { toHalalas } from '../../core/validation/money';
import { Bill, BillPurpose, BillsService, BillState, BillSubjects, REFUND_TOPIC } from '../../payments';
import { feeScheduleOn } from '../lawsuits/fee-rules';
import { CaseFiles } from '../lawsuits/case-files';
import { PartyKind, PartySide } from '../lawsuits/lawsuit.enums';
import type { Lawsuit } from '../lawsuits/lawsuit.entity';

const DAY_MS = 86_400_000;
const COSTS = BillPurpose.JUDGMENT_COSTS;

@Injectable()
export class JudgmentCosts implements OnModuleInit {
  constructor(
    private readonly bills: BillsService,
    private readonly subjects: BillSubjects,
    private readonly caseFiles: CaseFiles,
  ) {}

  onModuleInit(): void {
    this.subjects.on('Lawsuit', COSTS, {
      paid: (tx, bill) => this.reimburse(tx, bill),
      expiryConsequence: {
        ar: 'تبقى التكاليف مستحقة عليك بموجب الحكم، وللمحكوم له طلب تنفيذها.',
        en: 'The costs remain owed under the judgment, and the party it favours may ask for their execution.',
      },
    });
  }

  /** Inside the transaction that made the judgment final: bills the losing defendants their shares of the costs. */
  async finalized(tx: RequestContext, lawsuit: Lawsuit): Promise<void> {
    const costs = lawsuit.feeExempt ? 0 : toHalalas(lawsuit.feeAmount);
    if (costs <= 0) return;
    // The case file's winner is the judgment's side as decided on appeal.
    const file = await this.caseFiles.of(tx, lawsuit);
    if (file.winner !== PartySide.CLAIMANT) return;
    if ((await this.bills.billsOf(tx, 'Lawsuit', lawsuit.id, COSTS)).length) return;
    const defendants = file.parties.filter((p) => p.side === PartySide.DEFENDANT && p.kind === PartyKind.PERSON && p.nationalId);
    const payers = [...new Set(defendants.map((p) => p.nationalId!))];
    const schedule = feeScheduleOn(tx.now().toISOString().slice(0, 10))!;
    const reference = lawsuit.caseNumber ?? lawsuit.id.slice(0, 8);
    const share = Math.floor(costs / Math.max(payers.length, 1));
    for (const [i, payer] of payers.entries()) {
      await this.bills.issue(tx, {
        purpose: COSTS,
        subjectType: 'Lawsuit',
        subjectId: lawsuit.id,
        description: { ar: `التكاليف القضائية في الدعوى ${reference}`, en: `Court costs of case ${reference}` },
        payerNationalId: payer,
        // The halalas that do not divide evenly fall to the first.
        amountHalalas: i === 0 ? costs - share * (payers.length - 1) : share,
        dueAt: new Date(tx.now().getTime() + schedule.costs.payWithinDays * DAY_MS),
      });
    }
  }

  /** A losing party paid their share: as much goes back to the claimant, from the fee they paid, oldest payment first. */
  private async reimburse(tx: RequestContext, costs: Bill): Promise<void> {
    let left = costs.amountHalalas;
    for (const fee of await this.bills.billsOf(tx, 'Lawsuit', costs.subjectId, BillPurpose.FILING_FEE)) {
      if (fee.state !== BillState.PAID || left <= 0) continue;
      const halalas = Math.min(left, fee.amountHalalas - fee.refundedHalalas);
      if (halalas <= 0) continue;
      left -= halalas;
      tx.emit({
        topic: REFUND_TOPIC,
        payload: { billId: fee.id, halalas, reason: 'judgment.costs' },
        key: `${REFUND_TOPIC}:${fee.id}:costs:${costs.id}`,
      });
    }
  }
}
