/** What the rules look at in the audit trail's events, read both ways (see access/subjects.ts). */
import { defineSubject } from '../access/subjects';
import { AuditEvent } from './audit-event.entity';

export const AuditEventSubject = defineSubject('AuditEvent', {
  entity: AuditEvent,
  facts: {
    id: { sql: '{alias}.id', of: (e) => e.id },
    actorId: { sql: '{alias}.actor_id', of: (e) => e.actorId },
  },
});
