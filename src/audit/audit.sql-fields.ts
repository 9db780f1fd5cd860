/** How the audit wing's subjects read in SQL, for the access layer's list filters (see access/sql-fields.ts). */
import { defineSqlFields } from '../access/sql-fields';

defineSqlFields('AuditEvent', { id: '{alias}.id', actorId: '{alias}.actor_id' });
