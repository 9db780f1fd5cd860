/** Every entity and migration, listed explicitly (no globbing: the same list works in dist/ and in tests). */
import { Foundation1763900000000 } from '../../../migrations/1763900000000-foundation';
import { AuditEvent } from '../../audit/audit-event.entity';
import { ExternalIdentity } from '../../identity/external-identity.entity';
import { Membership } from '../../identity/membership.entity';
import { User } from '../../identity/user.entity';
import { OutboxMessage } from '../../notifications/outbox.entity';
import { Circuit } from '../../organizations/circuit.entity';
import { Court } from '../../organizations/court.entity';
import { Holiday } from '../../organizations/holiday.entity';
import { NotaryOffice, ProsecutionOffice } from '../../organizations/office.entities';

export const ENTITIES = [Court, Circuit, Holiday, ProsecutionOffice, NotaryOffice, User, Membership, ExternalIdentity, AuditEvent, OutboxMessage];
export const MIGRATIONS = [Foundation1763900000000];
