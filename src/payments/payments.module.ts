import { Global, Module } from '@nestjs/common';
import { BillDocuments } from './bill-documents';
import { BillSubjects } from './bill-subjects';
import { BillsResolver } from './bills.resolver';
import { BillsService } from './bills.service';
import { PaymentGateway } from './payment-gateway';
import { PaymentSettlement } from './payment-settlement';
import { PaymentsController } from './payments.controller';
import { PaymentReconciliation } from './reconciliation';
import './payments.subjects';

/** Bills, their payment through the gateway, refunds and the ledger (docs/payments.md). */
@Global()
@Module({
  controllers: [PaymentsController],
  providers: [BillDocuments, BillsService, BillSubjects, PaymentGateway, PaymentSettlement, PaymentReconciliation, BillsResolver],
  exports: [BillsService, BillSubjects, PaymentSettlement, PaymentReconciliation],
})
export class PaymentsModule {}
