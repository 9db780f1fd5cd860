/**
 * The rules every input obeys whatever operation it reaches: an id is a UUID (every key of the
 * platform is one, and PostgreSQL refuses to compare a uuid column with anything else), and text
 * is text PostgreSQL can store — no NUL character (U+0000), which a UTF-8 text value cannot hold,
 * and no lone UTF-16 surrogate, which has no UTF-8 encoding at all (drivers and validators each
 * make something different of one).
 */
import { FIELD } from '../i18n/core-messages';
import type { Text } from '../i18n/messages';

/** The canonical form, any version: what PostgreSQL prints and what the platform hands out. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UUID_MESSAGE = FIELD.mustBeUuid;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Why this string cannot be stored as text, or null when it can. */
export function textProblem(value: string): Text | null {
  if (value.includes('\u0000')) return FIELD.noNul();
  if (LONE_SURROGATE.test(value)) return FIELD.noLoneSurrogate();
  return null;
}
