/**
 * How each field used in a CASL condition reads in SQL. A string is a column expression
 * (`{alias}` is the table alias of the list); a function builds a predicate for an array field
 * (true when any element is among the given values), usually an EXISTS over a join table.
 *
 * The access layer names no table: each wing defines the fields of its own subjects
 * (`<wing>.sql-fields.ts`, loaded by the wing's module), and a subject whose wing is not loaded
 * has no list filter at all — asking for one fails closed.
 */
import type { SubjectType } from './ability.types';

export type SqlField = string | ((alias: string, valuesParam: string) => string);

const SQL_FIELDS = new Map<SubjectType, Record<string, SqlField>>();

/** Called once per subject by the wing that owns it. */
export function defineSqlFields(subject: SubjectType, fields: Record<string, SqlField>): void {
  if (SQL_FIELDS.has(subject)) throw new Error(`SQL fields of ${subject} are defined twice`);
  SQL_FIELDS.set(subject, fields);
}

export function sqlFieldsOf(subject: SubjectType): Record<string, SqlField> {
  const fields = SQL_FIELDS.get(subject);
  if (!fields) throw new Error(`No SQL fields for ${subject}: the wing that owns it is not loaded`);
  return fields;
}
