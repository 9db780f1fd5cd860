/** How the organizations wing's subjects read in SQL, for the access layer's list filters (see access/sql-fields.ts). */
import { defineSqlFields } from '../access/sql-fields';

defineSqlFields('Court', { id: '{alias}.id' });

defineSqlFields('Circuit', { id: '{alias}.id', courtId: '{alias}.court_id' });

defineSqlFields('Holiday', { id: '{alias}.id', courtId: '{alias}.court_id' });

defineSqlFields('ProsecutionOffice', { id: '{alias}.id' });

defineSqlFields('NotaryOffice', { id: '{alias}.id' });
