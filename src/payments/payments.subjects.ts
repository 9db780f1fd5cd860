/** What the rules look at in a bill, read both ways (see access/subjects.ts). */
import { defineAuditedSubject } from '../access/audited-subjects';
import { defineSubject } from '../access/subjects';
import { Bill } from './bill.entity';

/** A bill by its payer's national ID (there before and after they register an account). */
export const BillSubject = defineSubject('Bill', {
  entity: Bill,
  facts: { payerNationalId: { sql: '{alias}.payer_national_id', of: (b) => b.payerNationalId } },
});

// The content of the audit events about a bill (its amount) is read by its payer's rule.
defineAuditedSubject('Bill', { readAs: 'Bill' });
