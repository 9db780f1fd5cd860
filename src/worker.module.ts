/** The worker process: background jobs and the document renderer's browser; scaled out by count. */
import { DynamicModule, Module } from '@nestjs/common';
import type { AdlConfig } from './core/config/config';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit';
import { CoreModule } from './core/core.module';
import { SCHEMA } from './registry';
import { MaintenanceProcessor } from './audit';
import { JobHandlers } from './core/queue/job-handlers';
import { QueueModule } from './core/queue/queue.module';
import { BrowserPool } from './documents';
import { DocumentsCoreModule } from './documents';
import { DOCUMENT_WORKER_PROVIDERS, DocumentsModule } from './documents';
import { OutboxDispatcher } from './notifications';
import { IdentityModule } from './identity';
import { EvidenceModule, UnattachedSweeper } from './evidence';
import { PaymentsModule, PaymentsSchedules } from './payments';
import { LitigationModule } from './litigation';
import { JudgmentsFinalizer, LitigationSweeps } from './litigation';
import { NotarizationModule } from './notarization';
import { PowersOfAttorneySweeper } from './notarization';
import { NOTIFICATION_WORKER_PROVIDERS, NotificationsModule } from './notifications';

@Module({})
export class WorkerModule {
  static forRoot(config: AdlConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config, SCHEMA),
        QueueModule.forRoot(config),
        AccessModule,
        AuditModule,
        NotificationsModule,
        DocumentsCoreModule,
        EvidenceModule,
        PaymentsModule,
        IdentityModule,
        LitigationModule,
        NotarizationModule,
        DocumentsModule,
      ],
      providers: [
        BrowserPool,
        JobHandlers,
        OutboxDispatcher,
        MaintenanceProcessor,
        JudgmentsFinalizer,
        LitigationSweeps,
        PowersOfAttorneySweeper,
        UnattachedSweeper,
        PaymentsSchedules,
        ...NOTIFICATION_WORKER_PROVIDERS,
        ...DOCUMENT_WORKER_PROVIDERS,
      ],
    };
  }
}
