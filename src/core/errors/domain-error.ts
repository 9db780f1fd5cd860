/**
 * Domain errors: every refusal the platform makes carries one of the stable codes of docs/api.md.
 * They are mapped once to GraphQL `extensions.code` in format-error.ts.
 */
import { IntrinsicException } from '@nestjs/common';

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'INVALID_TRANSITION',
  'HEARING_CONFLICT',
  'DEADLINE_PASSED',
  'POWER_OF_ATTORNEY_INACTIVE',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  field: string;
  message: string;
}

/** Intrinsic: Nest does not log it as a server error; the GraphQL layer reports it to the client. */
export class DomainError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication is required.') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this.') {
    super('FORBIDDEN', message);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} was not found.`);
  }
}

export class BadUserInputError extends DomainError {
  constructor(
    readonly fields: FieldError[],
    message?: string,
  ) {
    super('BAD_USER_INPUT', message ?? fields.map((f) => `${f.field}: ${f.message}`).join('; '), { fields });
  }
  static field(field: string, message: string): BadUserInputError {
    return new BadUserInputError([{ field, message }]);
  }
}

/** A lifecycle refused a move (src/core/lifecycle): the state does not allow it, or a guard failed (`guard`). */
export class InvalidTransitionError extends DomainError {
  constructor(machine: string, from: string, event: string, message?: string, guard?: string, details?: Record<string, unknown>) {
    super('INVALID_TRANSITION', message ?? `${machine} cannot ${event} from state ${from}.`, {
      machine,
      from,
      event,
      ...(guard ? { guard } : {}),
      ...details,
    });
  }
}

export class RateLimitedError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', `Too many requests; try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
  }
}

/** Optimistic-lock conflict: the record changed since the caller read it (field `version`). */
export class StaleVersionError extends BadUserInputError {
  constructor(what: string) {
    super([{ field: 'version', message: `${what} was changed by someone else; reload and try again.` }]);
  }
}

/** An agent relied on a power of attorney that is no longer in force (revoked, expired, withdrawn, lapsed). */
export class PowerOfAttorneyInactiveError extends DomainError {
  constructor(message = 'The power of attorney is no longer in force for this act.', details: Record<string, unknown> = {}) {
    super('POWER_OF_ATTORNEY_INACTIVE', message, details);
  }
}
