/**
 * The one map from failures to GraphQL errors. Domain errors keep their code and details;
 * validation errors become BAD_USER_INPUT with the offending fields; query-limit refusals become
 * QUERY_TOO_COMPLEX; anything else is an INTERNAL_SERVER_ERROR carrying only the request id,
 * which the logs carry too (request-plugin.ts). No stack trace and no SQL ever leaves here.
 *
 * Apollo's formatError does not know the request, so it answers in English and leaves beside each
 * error how to say it in the caller's language (`localized`); the request plugin, which knows the
 * request's locale, applies it just before the response is sent (docs/api.md, "Languages").
 */
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { BadUserInputError, DomainError, ERROR_CODES, ErrorCode } from '../errors/domain-error';
import { ERRORS } from '../i18n/core-messages';
import { type Locale, render, type Text } from '../i18n/messages';

type PublicCode = ErrorCode | 'INTERNAL_SERVER_ERROR';

const PASS_THROUGH: ReadonlySet<string> = new Set<string>(ERROR_CODES);

/** Codes raised by GraphQL itself (parsing, validation) and by the query limits. */
const GRAPHQL_INPUT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_SUPPORTED']);
const LIMIT_CODES = new Set(['BAD_USER_INPUT_DEPTH', 'QUERY_TOO_COMPLEX']);

/** An error's words in a given language: its message, and its fields' messages when it names fields. */
export interface LocalizedError {
  message: string;
  fields?: { field: string; message: string }[];
}

const LOCALIZE = Symbol('localize');

type Localizable = GraphQLFormattedError & { [LOCALIZE]?: (locale: Locale) => LocalizedError };

/** How to say a formatted error in `locale`, or null when its words are already final. */
export function localizerOf(formatted: GraphQLFormattedError): ((locale: Locale) => LocalizedError) | null {
  return (formatted as Localizable)[LOCALIZE] ?? null;
}

function codeOf(original: unknown, formatted: GraphQLFormattedError): { code: PublicCode; details: Record<string, unknown> } {
  if (original instanceof DomainError) return { code: original.code, details: original.details };
  const raw = formatted.extensions?.code;
  const code = typeof raw === 'string' ? raw : '';
  const message = formatted.message ?? '';
  if (
    LIMIT_CODES.has(code) ||
    /^Syntax Error: (Query depth limit|Aliases limit|Query Cost limit|Token limit|Directives limit)/i.test(message)
  ) {
    return { code: 'QUERY_TOO_COMPLEX', details: {} };
  }
  if (PASS_THROUGH.has(code)) return { code: code as ErrorCode, details: {} };
  if (GRAPHQL_INPUT_CODES.has(code)) return { code: 'BAD_USER_INPUT', details: {} };
  return { code: 'INTERNAL_SERVER_ERROR', details: {} };
}

/** What the error says, in any language; null when it passes through as it was said (already localized). */
function wordsOf(original: unknown, code: PublicCode, formatted: GraphQLFormattedError): ((locale: Locale) => LocalizedError) | null {
  if (original instanceof DomainError) {
    return (locale) => ({
      message: original.messageIn(locale),
      ...(original instanceof BadUserInputError
        ? { fields: original.fields.map((f) => ({ field: f.field, message: render(f.message, locale) })) }
        : {}),
    });
  }
  let text: Text | null = null;
  if (code === 'INTERNAL_SERVER_ERROR') text = ERRORS.internal();
  else if (code === 'QUERY_TOO_COMPLEX') text = ERRORS.queryTooComplex({ detail: formatted.message.replace(/^Syntax Error: /, '') });
  else if (code === 'BAD_USER_INPUT') text = ERRORS.invalidRequest({ detail: formatted.message });
  if (!text) return null;
  const said = text;
  return (locale) => ({ message: render(said, locale) });
}

/** Apollo's formatError: codes and details only (request ids, logging and the language: request-plugin.ts). */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const { code, details } = codeOf(original, formatted);
  const words = wordsOf(original, code, formatted);
  const message = words ? words('en').message : formatted.message;
  const out: Localizable =
    code === 'INTERNAL_SERVER_ERROR'
      ? { message, path: formatted.path, extensions: { code } }
      : { message, locations: formatted.locations, path: formatted.path, extensions: { code, ...details } };
  // Not enumerable and keyed by a symbol: never serialized into the response.
  if (words) Object.defineProperty(out, LOCALIZE, { value: words, enumerable: false });
  return out;
}

/** Says a formatted error in `locale`, in place: its message and its fields' messages. */
export function localize(formatted: GraphQLFormattedError, locale: Locale): void {
  const words = localizerOf(formatted)?.(locale);
  if (!words) return;
  const target = formatted as { message: string; extensions?: Record<string, unknown> };
  target.message = words.message;
  if (words.fields && target.extensions?.fields) target.extensions = { ...target.extensions, fields: words.fields };
}
