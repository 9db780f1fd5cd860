/**
 * The lifecycle of a bill, as data (docs/lifecycles.md is generated from it): UNPAID until the
 * gateway confirms a payment (PAID), its due date passes (EXPIRED) or its subject no longer owes it
 * (CANCELLED); a paid bill refunded in whole is REFUNDED, a part refund keeps it PAID.
 */
import { registerEnumType } from '@nestjs/graphql';
import { Lifecycle } from '../core/lifecycle/lifecycle';

export enum BillState {
  UNPAID = 'UNPAID',
  PAID = 'PAID',
  EXPIRED = 'EXPIRED',
  CANCELLED = 'CANCELLED',
  REFUNDED = 'REFUNDED',
}
registerEnumType(BillState, { name: 'BillState' });

export enum BillPurpose {
  /** The court fee of a filing, due at submission (fee-rules.ts of litigation). */
  FILING_FEE = 'FILING_FEE',
  NOTARY_FEE = 'NOTARY_FEE',
  JUDGMENT_COSTS = 'JUDGMENT_COSTS',
}
registerEnumType(BillPurpose, { name: 'BillPurpose' });

export type BillEvent = 'pay' | 'expire' | 'cancel' | 'refundPart' | 'refund';

const S = BillState;

export const billMachine = new Lifecycle<BillState, BillEvent>({
  name: 'Bill',
  nameAr: 'الفاتورة',
  auditPrefix: 'bill',
  description: 'What a payer owes: issued unpaid, then paid through the payment gateway, expired, cancelled or refunded.',
  states: Object.values(BillState),
  initial: [S.UNPAID],
  final: [S.EXPIRED, S.CANCELLED, S.REFUNDED],
  transitions: {
    pay: { from: [S.UNPAID], to: S.PAID, effects: ['ledger: gateway against receivable', 'notice to the payer', "the subject's hook"] },
    expire: { from: [S.UNPAID], to: S.EXPIRED, effects: ['ledger: receivable written off', 'notice to the payer', "the subject's hook"] },
    cancel: { from: [S.UNPAID], to: S.CANCELLED, effects: ['ledger: receivable written off'] },
    refundPart: { from: [S.PAID], effects: ['refund at the gateway', 'ledger: revenue back to the gateway', 'notice to the payer'] },
    refund: {
      from: [S.PAID],
      to: S.REFUNDED,
      effects: ['refund at the gateway', 'ledger: revenue back to the gateway', 'notice to the payer'],
    },
  },
});
