/**
 * The payments wing's public surface: issuing a bill inside a use case's transaction, what a
 * subject does when its bill is paid or expires, cancelling and refunding, the module, and the
 * worker's schedules.
 */
export { Bill } from './bill.entity';
export { BillPurpose, BillState } from './bill-state-machine';
export { BillSubjects, type BillSubjectHooks } from './bill-subjects';
export { BillsService, type NewBill } from './bills.service';
export { PaymentSettlement, REFUND_TOPIC, type RefundOrder } from './payment-settlement';
export { PaymentsModule } from './payments.module';
export { PaymentReconciliation, type Reconciliation } from './reconciliation';
export { PaymentsSchedules } from './payments-schedules';
