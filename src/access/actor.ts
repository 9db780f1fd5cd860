import type { Role } from '../identity/role.enum';

export interface ActorMembership {
  role: Role;
  courtId: string | null;
  circuitId: string | null;
  prosecutionOfficeId: string | null;
  notaryOfficeId: string | null;
}

/** How strongly the actor proved who they are in this session. */
export type AuthLevel = 'password' | 'mfa';

/** The authenticated user of a request, loaded fresh from the database on every request. */
export interface Actor {
  id: string;
  nationalId: string;
  roles: Role[];
  memberships: ActorMembership[];
  lawyerLicense: string | null;
  authLevel: AuthLevel;
}
