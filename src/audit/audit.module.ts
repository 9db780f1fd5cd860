import { Global, Module } from '@nestjs/common';
import { AUDIT_APPENDER } from '../core/database/transactions';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
// What the rules look at in this wing's records (checks and list filters).
import './audit.subjects';

/** The hash-chained, append-only audit trail. */
@Global()
@Module({
  providers: [AuditService, { provide: AUDIT_APPENDER, useExisting: AuditService }, AuditResolver],
  exports: [AuditService, AUDIT_APPENDER],
})
export class AuditModule {}
