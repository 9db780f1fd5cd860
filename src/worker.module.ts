/** The worker process: background jobs and the document renderer's browser; scaled out by count. */
import { Module } from '@nestjs/common';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit/audit.module';
import { CoreModule } from './core/core.module';
import { BrowserPool } from './documents/browser-pool';
import { IdentityModule } from './identity/identity.module';
import { NotificationsModule } from './notifications/notifications.module';

@Module({
  imports: [CoreModule, AccessModule, AuditModule, NotificationsModule, IdentityModule],
  providers: [BrowserPool],
})
export class WorkerModule {}
