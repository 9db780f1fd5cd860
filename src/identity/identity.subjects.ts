/** What the rules look at in people and their memberships, read both ways (see access/subjects.ts). */
import { defineAuditedSubject } from '../access/audited-subjects';
import { defineSubject } from '../access/subjects';
import { Membership } from './membership.entity';
import { User } from './user.entity';

/** A user with their memberships (a UserView is one). */
export interface UserFacts {
  id: string;
  status: string;
  memberships: readonly { courtId: string | null }[];
}

export const UserSubject = defineSubject('User', {
  entity: User,
  source: async (ctx, user): Promise<UserFacts> => ({
    id: user.id,
    status: user.status,
    memberships: await ctx.repo(Membership).findBy({ userId: user.id }),
  }),
  facts: {
    id: { sql: '{alias}.id', of: (u) => u.id },
    status: { sql: '{alias}.status', of: (u) => u.status },
    courtIds: {
      sql: (alias, values) => `EXISTS (SELECT 1 FROM memberships am WHERE am.user_id = ${alias}.id AND am.court_id IN (${values}))`,
      of: (u) => u.memberships.map((m) => m.courtId).filter((c): c is string => !!c),
    },
  },
});

/** A membership, held or to be given, with the roles its member already holds. */
export interface MembershipFacts {
  userId: string;
  courtId: string | null;
  role: string;
  memberRoles: readonly string[];
}

export const MembershipSubject = defineSubject('Membership', {
  entity: Membership,
  source: async (ctx, m): Promise<MembershipFacts> => ({
    userId: m.userId,
    courtId: m.courtId,
    role: m.role,
    memberRoles: (await ctx.repo(User).findOneByOrFail({ id: m.userId })).roles,
  }),
  facts: {
    userId: { sql: '{alias}.user_id', of: (m) => m.userId },
    courtId: { sql: '{alias}.court_id', of: (m) => m.courtId },
    role: { sql: '{alias}.role', of: (m) => m.role },
    targetRoles: {
      sql: (alias, values) => `EXISTS (SELECT 1 FROM users tu WHERE tu.id = ${alias}.user_id AND tu.roles && ARRAY[${values}]::text[])`,
      of: (m) => [...m.memberRoles],
    },
  },
});

// The content of the audit events about a person (and their memberships) is read by the rules on people.
defineAuditedSubject('User', { readAs: 'User' });
