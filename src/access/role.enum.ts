import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  CITIZEN = 'CITIZEN',
  LAWYER = 'LAWYER',
  JUDGE = 'JUDGE',
  CLERK = 'CLERK',
  COURT_ADMIN = 'COURT_ADMIN',
  PROSECUTOR = 'PROSECUTOR',
  NOTARY = 'NOTARY',
  SYSTEM_ADMIN = 'SYSTEM_ADMIN',
}
registerEnumType(Role, { name: 'Role' });

/** Roles held through a membership of an organization; the others stand alone. */
export const MEMBERSHIP_ROLES = [Role.JUDGE, Role.CLERK, Role.COURT_ADMIN, Role.PROSECUTOR, Role.NOTARY] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export enum UserStatus {
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
  /** Invited by a system administrator; becomes ACTIVE when the person activates the account. */
  INVITED = 'INVITED',
}
registerEnumType(UserStatus, { name: 'UserStatus' });
