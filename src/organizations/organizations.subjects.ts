/** What the rules look at in the organizations wing's records, read both ways (see access/subjects.ts). */
import { defineAuditedSubject } from '../access/audited-subjects';
import { defineSubject } from '../access/subjects';
import { Circuit } from './circuit.entity';
import { Court } from './court.entity';
import { Holiday } from './holiday.entity';
import { NotaryOffice, ProsecutionOffice } from './office.entities';

export const CourtSubject = defineSubject('Court', {
  entity: Court,
  facts: { id: { sql: '{alias}.id', of: (c) => c.id } },
});

export const CircuitSubject = defineSubject('Circuit', {
  entity: Circuit,
  facts: { courtId: { sql: '{alias}.court_id', of: (c) => c.courtId } },
});

/** A nationwide holiday has no court. */
export const HolidaySubject = defineSubject('Holiday', {
  entity: Holiday,
  facts: { courtId: { sql: '{alias}.court_id', of: (h) => h.courtId } },
});

export const ProsecutionOfficeSubject = defineSubject('ProsecutionOffice', {
  entity: ProsecutionOffice,
  facts: { id: { sql: '{alias}.id', of: (o) => o.id } },
});

export const NotaryOfficeSubject = defineSubject('NotaryOffice', {
  entity: NotaryOffice,
  facts: { id: { sql: '{alias}.id', of: (o) => o.id } },
});

// The content of the audit events about organizations is read by their own (public) rules.
for (const type of ['Court', 'Circuit', 'Holiday', 'ProsecutionOffice', 'NotaryOffice'] as const)
  defineAuditedSubject(type, { readAs: type });
