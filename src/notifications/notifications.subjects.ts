/** What the rules look at in a notice, read both ways (see access/subjects.ts). */
import { defineAuditedSubject } from '../access/audited-subjects';
import { defineSubject } from '../access/subjects';
import { Notification } from './notification.entity';

/** A notice by its recipient's national ID (there before and after they register an account). */
export const NotificationSubject = defineSubject('Notification', {
  entity: Notification,
  facts: { nationalId: { sql: '{alias}.national_id', of: (n) => n.nationalId } },
});

// The content of the audit events about a notice is read by its recipient's rule.
defineAuditedSubject('Notification', { readAs: 'Notification' });
