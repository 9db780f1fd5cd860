/**
 * The one map from failures to GraphQL errors. Domain errors keep their code and details;
 * validation errors become BAD_USER_INPUT with the offending fields; query-limit refusals become
 * QUERY_TOO_COMPLEX; anything else is an INTERNAL_SERVER_ERROR carrying only the request id,
 * which the logs carry too (request-plugin.ts). No stack trace and no SQL ever leaves here.
 */
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { DomainError, ERROR_CODES, ErrorCode } from '../errors/domain-error';

type PublicCode = ErrorCode | 'INTERNAL_SERVER_ERROR';

const PASS_THROUGH: ReadonlySet<string> = new Set<string>(ERROR_CODES);

/** Codes raised by GraphQL itself (parsing, validation) and by the query limits. */
const GRAPHQL_INPUT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_SUPPORTED']);
const LIMIT_CODES = new Set(['BAD_USER_INPUT_DEPTH', 'QUERY_TOO_COMPLEX']);

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

/** Apollo's formatError: codes and details only (request ids and logging: request-plugin.ts). */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const { code, details } = codeOf(original, formatted);
  if (code === 'INTERNAL_SERVER_ERROR') {
    return { message: 'An unexpected error occurred.', path: formatted.path, extensions: { code } };
  }
  const message =
    code === 'QUERY_TOO_COMPLEX' && !(original instanceof DomainError)
      ? `Query too complex: ${formatted.message.replace(/^Syntax Error: /, '')}`
      : formatted.message;
  return { message, locations: formatted.locations, path: formatted.path, extensions: { code, ...details } };
}
