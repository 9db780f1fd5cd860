import { subject as asSubject } from '@casl/ability';
import type { RequestContext } from './context/request-context';
import {
  DomainError,
  ForbiddenError,
  NotFoundError,
  PowerOfAttorneyInactiveError,
  UnauthenticatedError,
} from '../core/errors/domain-error';
import type { Text } from '../core/i18n/messages';
import { LAWSUIT_ACTION_POWER } from './power-codes';
import type { AccessShapes, Action, SubjectType } from './ability.types';

/**
 * Refuses unless the context's ability allows `action` on `subject` (a type, or a record of
 * that type). Anonymous callers are told to authenticate; signed-in ones that they may not.
 */
export function authorize<K extends SubjectType>(
  ctx: Pick<RequestContext, 'ability' | 'actor'>,
  action: Action,
  subjectType: K,
  record?: Partial<AccessShapes[K]>,
  field?: string,
): void {
  const target = record ? asSubject(subjectType, { ...record }) : subjectType;
  if (ctx.ability.can(action, target as never, field)) return;
  if (!ctx.actor) throw new UnauthenticatedError();
  if (agencyEnded(ctx, action, subjectType, record)) throw new PowerOfAttorneyInactiveError();
  throw new ForbiddenError();
}

/**
 * The refusal for a record the caller may not read: POWER_OF_ATTORNEY_INACTIVE when the caller
 * acted for one of its parties under a power of attorney that has ended, else NOT_FOUND (the
 * record's existence is not revealed).
 */
export function unreadable<K extends SubjectType>(
  ctx: Pick<RequestContext, 'actor'>,
  subjectType: K,
  record: Partial<AccessShapes[K]>,
  what: Text,
): DomainError {
  return agencyEnded(ctx, 'read', subjectType, record) ? new PowerOfAttorneyInactiveError() : new NotFoundError(what);
}

/**
 * The one place that tells an agent "your power of attorney ended" from "you may not": the actor
 * was an agent of a party of this lawsuit under a power of attorney that granted the act's
 * litigation power (any, for reading) and is no longer in force, or had that power revoked.
 */
function agencyEnded(ctx: Pick<RequestContext, 'actor'>, action: Action, subjectType: SubjectType, record?: object): boolean {
  const agencies = ctx.actor?.agencies;
  if (subjectType !== 'Lawsuit' || !record || !agencies?.length) return false;
  const parties = (record as { partyNationalIds?: string[] }).partyNationalIds ?? [];
  const needed = (LAWSUIT_ACTION_POWER as Partial<Record<Action, string>>)[action];
  return agencies.some(
    (a) =>
      parties.includes(a.principalNationalId) &&
      (needed ? a.endedPowers.includes(needed) && !a.powers.includes(needed) : a.endedPowers.length > 0 && !a.powers.length),
  );
}

export function can<K extends SubjectType>(
  ctx: Pick<RequestContext, 'ability'>,
  action: Action,
  subjectType: K,
  record?: Partial<AccessShapes[K]>,
  field?: string,
): boolean {
  const target = record ? asSubject(subjectType, { ...record }) : subjectType;
  return ctx.ability.can(action, target as never, field);
}
