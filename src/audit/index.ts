/** The audit wing's public surface: the hash-chained audit trail, its reads and its verification. */
export { AuditModule } from './audit.module';
export { MaintenanceProcessor } from './audit-verification.processor';
