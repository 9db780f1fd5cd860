import { Global, Module } from '@nestjs/common';
import { AUDIT_APPENDER } from '../core/database/transactions';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
// The SQL of this wing's subjects for the access layer's list filters.
import './audit.sql-fields';

/** The hash-chained, append-only audit trail. */
@Global()
@Module({
  providers: [AuditService, { provide: AUDIT_APPENDER, useExisting: AuditService }, AuditResolver],
  exports: [AuditService, AUDIT_APPENDER],
})
export class AuditModule {}
