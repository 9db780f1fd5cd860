/** The worker process: background jobs and the document renderer's browser; scaled out by count. */
import { DynamicModule, Module } from '@nestjs/common';
import type { AdlConfig } from './core/config/config';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit/audit.module';
import { CoreModule } from './core/core.module';
import { BrowserPool } from './documents/browser-pool';
import { IdentityModule } from './identity/identity.module';
import { NotificationsModule } from './notifications/notifications.module';

@Module({})
export class WorkerModule {
  static forRoot(config: AdlConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(config), AccessModule, AuditModule, NotificationsModule, IdentityModule],
      providers: [BrowserPool],
    };
  }
}
