/** The worker process: background jobs and the document renderer's browser; scaled out by count. */
import { DynamicModule, Module } from '@nestjs/common';
import type { AdlConfig } from './core/config/config';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit/audit.module';
import { CoreModule } from './core/core.module';
import { SCHEMA } from './registry';
import { MaintenanceProcessor } from './audit/audit-verification.processor';
import { JobHandlers } from './core/queue/job-handlers';
import { QueueModule } from './core/queue/queue.module';
import { BrowserPool } from './documents/browser-pool';
import { DocumentsCoreModule } from './documents/documents-core.module';
import { DOCUMENT_WORKER_PROVIDERS, DocumentsModule } from './documents/documents.module';
import { OutboxDispatcher } from './notifications/outbox-dispatcher';
import { IdentityModule } from './identity/identity.module';
import { LitigationModule } from './litigation/litigation.module';
import { JudgmentsFinalizer } from './litigation/judgments/judgments.worker';
import { NotarizationModule } from './notarization/notarization.module';
import { PowersOfAttorneySweeper } from './notarization/powers-of-attorney/poa.worker';
import { NOTIFICATION_WORKER_PROVIDERS, NotificationsModule } from './notifications/notifications.module';

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
        PowersOfAttorneySweeper,
        ...NOTIFICATION_WORKER_PROVIDERS,
        ...DOCUMENT_WORKER_PROVIDERS,
      ],
    };
  }
}
