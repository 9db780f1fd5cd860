/** Every entity and migration, listed explicitly (no globbing: the same list works in dist/ and in tests). */
import { Foundation1763900000000 } from '../../../migrations/1763900000000-foundation';
import { Lawsuits1764000000000 } from '../../../migrations/1764000000000-lawsuits';
import { Hearing } from '../../hearings/hearing.entity';
import { FeeSchedule } from '../../lawsuits/fee-schedule.entity';
import { LawsuitAttachment } from '../../lawsuits/lawsuit-attachment.entity';
import { LawsuitClaim } from '../../lawsuits/lawsuit-claim.entity';
import { LawsuitParty } from '../../lawsuits/lawsuit-party.entity';
import { Lawsuit } from '../../lawsuits/lawsuit.entity';
import { AuditEvent } from '../../audit/audit-event.entity';
import { ExternalIdentity } from '../../identity/external-identity.entity';
import { Membership } from '../../identity/membership.entity';
import { User } from '../../identity/user.entity';
import { OutboxMessage } from '../../notifications/outbox.entity';
import { Circuit } from '../../organizations/circuit.entity';
import { Court } from '../../organizations/court.entity';
import { Holiday } from '../../organizations/holiday.entity';
import { NotaryOffice, ProsecutionOffice } from '../../organizations/office.entities';

export const ENTITIES = [
  Court,
  Circuit,
  Holiday,
  ProsecutionOffice,
  NotaryOffice,
  User,
  Membership,
  ExternalIdentity,
  AuditEvent,
  OutboxMessage,
  FeeSchedule,
  Lawsuit,
  LawsuitParty,
  LawsuitClaim,
  LawsuitAttachment,
  Hearing,
];
export const MIGRATIONS = [Foundation1763900000000, Lawsuits1764000000000];
