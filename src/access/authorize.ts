import { subject as asSubject } from '@casl/ability';
import type { RequestContext } from '../core/context/request-context';
import { ForbiddenError, UnauthenticatedError } from '../core/errors/domain-error';
import type { Action, SubjectType } from './ability.types';

/**
 * Refuses unless the context's ability allows `action` on `subject` (a type, or a record of
 * that type). Anonymous callers are told to authenticate; signed-in ones that they may not.
 */
export function authorize(
  ctx: Pick<RequestContext, 'ability' | 'actor'>,
  action: Action,
  subjectType: SubjectType,
  record?: object,
  field?: string,
): void {
  const target = record ? asSubject(subjectType, { ...record }) : subjectType;
  if (ctx.ability.can(action, target as never, field)) return;
  if (!ctx.actor) throw new UnauthenticatedError();
  throw new ForbiddenError();
}

export function can(
  ctx: Pick<RequestContext, 'ability'>,
  action: Action,
  subjectType: SubjectType,
  record?: object,
  field?: string,
): boolean {
  const target = record ? asSubject(subjectType, { ...record }) : subjectType;
  return ctx.ability.can(action, target as never, field);
}
