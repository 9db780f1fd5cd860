/** How the notifications wing's subjects read in SQL, for the access layer's list filters (see access/sql-fields.ts). */
import { defineSqlFields } from '../access/sql-fields';

defineSqlFields('Notification', { id: '{alias}.id', nationalId: '{alias}.national_id' });
