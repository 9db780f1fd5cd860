/**
 * What a resolver needs, declared on the resolver method and checked by PolicyGuard before it
 * runs. Every operation declares exactly one of these; an undeclared one is refused.
 */
import { SetMetadata } from '@nestjs/common';
import type { Action, SubjectType } from './ability.types';

export const POLICY_KEY = 'adl:policy';

export type Policy = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'ability'; action: Action; subject: SubjectType };

/** Anyone, signed in or not (login, verification, public lists). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(POLICY_KEY, { kind: 'public' } satisfies Policy);

/** Any signed-in user; the service checks the record. */
export const SignedIn = (): MethodDecorator & ClassDecorator => SetMetadata(POLICY_KEY, { kind: 'signed-in' } satisfies Policy);

/** The caller's ability must allow `action` on some `subject` (records are checked in the service). */
export const Can = (action: Action, subject: SubjectType): MethodDecorator & ClassDecorator =>
  SetMetadata(POLICY_KEY, { kind: 'ability', action, subject } satisfies Policy);
