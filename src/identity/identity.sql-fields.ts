/** How the identity wing's subjects read in SQL, for the access layer's list filters (see access/sql-fields.ts). */
import { defineSqlFields } from '../access/sql-fields';

defineSqlFields('User', {
  id: '{alias}.id',
  status: '{alias}.status',
  courtIds: (alias, values) => `EXISTS (SELECT 1 FROM memberships am WHERE am.user_id = ${alias}.id AND am.court_id IN (${values}))`,
});

defineSqlFields('Membership', {
  id: '{alias}.id',
  courtId: '{alias}.court_id',
  role: '{alias}.role',
  userId: '{alias}.user_id',
  targetRoles: (alias, values) => `EXISTS (SELECT 1 FROM users tu WHERE tu.id = ${alias}.user_id AND tu.roles && ARRAY[${values}]::text[])`,
});
