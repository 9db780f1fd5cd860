/**
 * Domain errors: every refusal the platform makes carries one of the stable codes of docs/api.md
 * and a message in Arabic and English (src/core/i18n). They are mapped once to GraphQL
 * `extensions.code` in format-error.ts, which renders the message in the caller's language;
 * `message` itself is the English text, for logs.
 */
import { IntrinsicException } from '@nestjs/common';
import { ERRORS } from '../i18n/core-messages';
import { type Locale, render, type Text } from '../i18n/messages';

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
  'UPLOAD_REJECTED',
  'PAYMENT_REQUIRED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The default message of every code a client can receive (docs/api.md lists them). */
export const DEFAULT_MESSAGES: Record<ErrorCode | 'INTERNAL_SERVER_ERROR', Text> = {
  UNAUTHENTICATED: ERRORS.unauthenticated(),
  FORBIDDEN: ERRORS.forbidden(),
  NOT_FOUND: ERRORS.notFound(),
  BAD_USER_INPUT: ERRORS.badUserInput(),
  INVALID_TRANSITION: ERRORS.invalidTransition({ machine: { ar: 'الدعوى', en: 'Lawsuit' }, event: 'submit', from: 'REGISTERED' }),
  HEARING_CONFLICT: ERRORS.hearingConflict(),
  DEADLINE_PASSED: ERRORS.deadlinePassed(),
  POWER_OF_ATTORNEY_INACTIVE: ERRORS.powerOfAttorneyInactive(),
  RATE_LIMITED: ERRORS.rateLimited({ seconds: 30 }),
  QUERY_TOO_COMPLEX: ERRORS.queryTooComplex({ detail: 'Query depth limit of 12 exceeded, found 13.' }),
  UPLOAD_REJECTED: ERRORS.uploadRejected(),
  PAYMENT_REQUIRED: ERRORS.paymentRequired(),
  INTERNAL_SERVER_ERROR: ERRORS.internal(),
};

/** An offending input field, named by its path (`input.parties.0.nationalId`), and what is wrong with it. */
export interface FieldError {
  field: string;
  message: Text;
}

/** Field errors as clients receive them (English here; format-error.ts renders the caller's language). */
export function fieldsInEnglish(fields: readonly FieldError[]): { field: string; message: string }[] {
  return fields.map((f) => ({ field: f.field, message: render(f.message, 'en') }));
}

/** Intrinsic: Nest does not log it as a server error; the GraphQL layer reports it to the client. */
export class DomainError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    readonly text: Text,
    readonly details: Record<string, unknown> = {},
  ) {
    super(render(text, 'en'));
    this.name = 'DomainError';
  }

  /** The message in the given language. */
  messageIn(locale: Locale): string {
    return render(this.text, locale);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(text: Text = ERRORS.unauthenticated()) {
    super('UNAUTHENTICATED', text);
  }
}

export class ForbiddenError extends DomainError {
  constructor(text: Text = ERRORS.forbidden()) {
    super('FORBIDDEN', text);
  }
}

/** Says what was not found (each wing's catalogue has e.g. "لم يُعثر على الدعوى." / "The lawsuit was not found."). */
export class NotFoundError extends DomainError {
  constructor(text: Text = ERRORS.notFound()) {
    super('NOT_FOUND', text);
  }
}

export class BadUserInputError extends DomainError {
  constructor(
    readonly fields: FieldError[],
    private readonly summary?: Text,
  ) {
    super('BAD_USER_INPUT', summary ?? ERRORS.badUserInput(), { fields: fieldsInEnglish(fields) });
    this.message = this.messageIn('en');
  }

  /** The given summary, or else each field and what is wrong with it (`input.email: must be an email address`). */
  override messageIn(locale: Locale): string {
    if (this.summary || !this.fields.length) return super.messageIn(locale);
    return this.fields.map((f) => `${f.field}: ${render(f.message, locale)}`).join('; ');
  }
  static field(field: string, message: Text): BadUserInputError {
    return new BadUserInputError([{ field, message }]);
  }
}

/** A lifecycle refused a move (src/core/lifecycle): the state does not allow it, or a guard failed (`guard`). */
export class InvalidTransitionError extends DomainError {
  constructor(machine: string, from: string, event: string, text?: Text, guard?: string, details?: Record<string, unknown>) {
    super('INVALID_TRANSITION', text ?? ERRORS.invalidTransition({ machine, from, event }), {
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
    super('RATE_LIMITED', ERRORS.rateLimited({ seconds: retryAfterSeconds }), { retryAfterSeconds });
  }
}

/** Optimistic-lock conflict: the record changed since the caller read it (field `version`). */
export class StaleVersionError extends BadUserInputError {
  /** `what` (the subject's name) goes to the English log line only. */
  constructor(what?: string) {
    super([{ field: 'version', message: ERRORS.staleVersion() }]);
    if (what) this.message = `${what} ${this.message}`;
  }
}

/** An agent relied on a power of attorney that is no longer in force (revoked, expired, withdrawn, lapsed). */
export class PowerOfAttorneyInactiveError extends DomainError {
  constructor(text: Text = ERRORS.powerOfAttorneyInactive(), details: Record<string, unknown> = {}) {
    super('POWER_OF_ATTORNEY_INACTIVE', text, details);
  }
}

/** An uploaded file refused, with the reason (docs/api.md: UPLOAD_REJECTED). */
export class UploadRejectedError extends DomainError {
  constructor(
    readonly reason: string,
    text: Text,
    readonly httpStatus = 422,
  ) {
    super('UPLOAD_REJECTED', text, { reason });
  }
}

/** An act that waits for a bill to be paid (docs/payments.md): the bills still open, by id. */
export class PaymentRequiredError extends DomainError {
  constructor(text: Text = ERRORS.paymentRequired(), details: { billIds: string[] } = { billIds: [] }) {
    super('PAYMENT_REQUIRED', text, details);
  }
}
