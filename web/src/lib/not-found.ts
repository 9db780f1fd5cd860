import type { CombinedError } from '@urql/preact';
import { errorCode } from './errors';

/** A record the caller may not read answers as one that does not exist (docs/domain.md, "Not found"); a malformed id too. */
export const isNotFound = (error: CombinedError | undefined): boolean =>
  ['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT'].includes(errorCode(error) ?? '');
