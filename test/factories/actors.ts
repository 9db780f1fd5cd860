/** Actors, seats, agencies and record shapes in one line each, for the access layer's unit specs. */
import { subject } from '@casl/ability';
import type { AccessShapes, Action, AppAbility, SubjectType } from '../../src/access/ability.types';
import type { Actor, ActorAgency, ActorMembership } from '../../src/access/actor';
import { Role } from '../../src/access/role.enum';

export const COURT = 'court-1';
export const OTHER_COURT = 'court-2';
export const CIRCUIT = 'circuit-1';
export const OTHER_CIRCUIT = 'circuit-2';
export const ME = '1010101010';
export const SOMEONE = '1020304059';

export function actor(overrides: Partial<Actor> = {}): Actor {
  return {
    id: 'user-1',
    nationalId: ME,
    roles: [Role.CITIZEN],
    memberships: [],
    lawyerLicense: null,
    authLevel: 'password',
    agencies: [],
    ...overrides,
  };
}

export function seat(role: Role, overrides: Partial<ActorMembership> = {}): ActorMembership {
  return { role, courtId: null, circuitId: null, prosecutionOfficeId: null, notaryOfficeId: null, ...overrides };
}

export function agency(principalNationalId: string, powers: string[], endedPowers: string[] = []): ActorAgency {
  return { poaId: `poa-${principalNationalId}`, principalNationalId, powers, endedPowers };
}

export function lawsuit(overrides: Partial<AccessShapes['Lawsuit']> = {}): AccessShapes['Lawsuit'] {
  return {
    courtId: COURT,
    circuitId: CIRCUIT,
    category: 'CIVIL',
    sealed: false,
    state: 'IN_HEARINGS',
    filedBy: 'someone-else',
    prosecutionOfficeId: null,
    partyNationalIds: [],
    claimantNationalIds: [],
    organizationRepresentativeIds: [],
    assignedJudgeIds: [],
    appealCourtIds: [],
    winnerNationalIds: [],
    ...overrides,
  };
}

/** A lawsuit in which `nationalId` is the claimant (and `other` the defendant). */
export function claimantIn(nationalId: string, overrides: Partial<AccessShapes['Lawsuit']> = {}, other = '1999999999') {
  return lawsuit({ partyNationalIds: [nationalId, other], claimantNationalIds: [nationalId], ...overrides });
}

/** Whether the ability allows `action` on a record of that shape (or on the type when no shape is given). */
export function may<K extends SubjectType>(
  ability: AppAbility,
  action: Action,
  type: K,
  shape?: Partial<AccessShapes[K]>,
  field?: string,
): boolean {
  return ability.can(action, (shape ? subject(type, { ...shape }) : type) as never, field);
}
