/** How the statistics wing's subjects read in SQL, for the access layer's list filters (see access/sql-fields.ts). */
import { defineSqlFields } from '../access/sql-fields';

defineSqlFields('CourtStatistics', { courtId: '{alias}.court_id' });
