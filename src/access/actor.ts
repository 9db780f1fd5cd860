import type { Role } from './role.enum';

export interface ActorMembership {
  role: Role;
  courtId: string | null;
  circuitId: string | null;
  prosecutionOfficeId: string | null;
  notaryOfficeId: string | null;
}

/** How strongly the actor proved who they are in this session. */
export type AuthLevel = 'password' | 'mfa';

/**
 * A power of attorney under which the actor is an agent for one principal, with its litigation
 * powers: those in force now, and those granted but no longer in force (revoked, expired,
 * withdrawn), which turn a refusal into POWER_OF_ATTORNEY_INACTIVE.
 */
export interface ActorAgency {
  poaId: string;
  principalNationalId: string;
  powers: string[];
  endedPowers: string[];
}

/** The authenticated user of a request, loaded fresh from the database on every request. */
export interface Actor {
  id: string;
  nationalId: string;
  roles: Role[];
  memberships: ActorMembership[];
  lawyerLicense: string | null;
  authLevel: AuthLevel;
  /** The sign-in session of the request (none for work done outside a request, such as a job). */
  sessionId?: string;
  /** Roles the account holds that this session may not use (the sign-in policy, docs/identity.md). */
  withheldRoles?: Role[];
  /** Loaded with the actor on every request, so a revocation or expiry counts at once. */
  agencies?: ActorAgency[];
}
