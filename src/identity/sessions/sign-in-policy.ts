/**
 * The sign-in policy per role (docs/identity.md): a role may require that the session began with
 * the national single sign-on, that it proved a second factor (TOTP), or both. A session that
 * does not meet a role's requirement keeps the account but not that role: its powers and seats
 * are withheld until the person signs in as the policy asks (or proves a second factor with
 * `elevateSession`). Set by SIGN_IN_POLICY, for example `JUDGE=national+totp,CLERK=totp`.
 */
import { Role } from '../../access/role.enum';
import type { AuthLevel } from '../../access/actor';

/** How a session began. */
export type SignInMethod = 'password' | 'national';

export interface SignInRequirement {
  national: boolean;
  totp: boolean;
}

export type SignInPolicy = ReadonlyMap<Role, SignInRequirement>;

export interface SessionStrength {
  method: SignInMethod;
  authLevel: AuthLevel;
}

const FACTORS = new Set(['national', 'totp']);

/** Parses SIGN_IN_POLICY; a wrong role or factor is an error naming it (start-up stops). */
export function parseSignInPolicy(text: string): SignInPolicy {
  const policy = new Map<Role, SignInRequirement>();
  for (const entry of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [roleName, factorsText = ''] = entry.split('=').map((s) => s.trim());
    if (!(Object.values(Role) as string[]).includes(roleName) || roleName === Role.CITIZEN) {
      throw new Error(`SIGN_IN_POLICY names "${roleName}", which is not a role a policy can apply to.`);
    }
    const factors = factorsText.split('+').map((s) => s.trim().toLowerCase());
    const unknown = factors.filter((f) => !FACTORS.has(f));
    if (unknown.length || factors.length === 0) {
      throw new Error(`SIGN_IN_POLICY for ${roleName} must be national, totp or national+totp, got "${factorsText}".`);
    }
    if (policy.has(roleName as Role)) throw new Error(`SIGN_IN_POLICY names ${roleName} twice.`);
    policy.set(roleName as Role, { national: factors.includes('national'), totp: factors.includes('totp') });
  }
  return policy;
}

/** Whether a session meets a requirement. */
export function meets(requirement: SignInRequirement, session: SessionStrength): boolean {
  return (!requirement.national || session.method === 'national') && (!requirement.totp || session.authLevel === 'mfa');
}

/** The roles among `roles` that this session may not use under the policy. */
export function withheldRoles(policy: SignInPolicy, roles: readonly Role[], session: SessionStrength): Role[] {
  return roles.filter((role) => {
    const requirement = policy.get(role);
    return requirement !== undefined && !meets(requirement, session);
  });
}
