import { Global, Module } from '@nestjs/common';
import { AUDIT_APPENDER } from '../core/database/transactions';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

/** The hash-chained, append-only audit trail. */
@Global()
@Module({
  providers: [AuditService, { provide: AUDIT_APPENDER, useExisting: AuditService }, AuditResolver],
  exports: [AuditService, AUDIT_APPENDER],
})
export class AuditModule {}
