/**
 * Hot read paths (the actor of each request, the docket and what it nests) read plain rows instead
 * of hydrated entities: one SQL string with the ability's condition spliced in, columns aliased to
 * property names, the column transformers applied by hand, run as a prepared statement. TypeORM's
 * query builder and entity hydration cost more CPU than the query itself on a short read, and
 * PostgreSQL's parsing and analysis of the text more than running it (bench/RESULTS.md); the rows
 * have the entity's shape, so resolvers do not tell the difference.
 */
import { createHash } from 'node:crypto';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { WorkContext } from '../context/work-context';

/** A query as pg takes it; with a name, pg runs it as a prepared statement. */
export interface QueryConfig {
  name?: string;
  text: string;
}

/**
 * At most this many distinct statements are prepared (each connection keeps their plans); texts
 * beyond it (a client asking for ever new field selections) run unnamed, as ordinary queries.
 */
const MAX_PREPARED = 200;
const names = new Map<string, string>();

/**
 * The query config of a hot read: named after its text, so that pg sends it once per connection
 * and PostgreSQL parses and analyses it once instead of on every call (it still plans each run
 * where it judges a custom plan better than the generic one, as for the docket).
 */
export function prepared(text: string): QueryConfig {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_PREPARED) return { text };
    name = `adl_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    names.set(text, name);
  }
  return { name, text };
}

/**
 * Runs a prepared statement through the manager (in its transaction, if any; logged like any
 * other statement): TypeORM hands its query to pg as it is, and pg takes a config object.
 */
export function queryPrepared<T>(manager: EntityManager, text: string, values: unknown[]): Promise<T> {
  return manager.query<T>(prepared(text) as unknown as string, values);
}

interface Selection {
  sql: string;
  /** Columns whose values need their transformer (e.g. numeric money to number). */
  transformed: { property: string; from: (value: unknown) => unknown }[];
}

const selections = new Map<string, Selection>();

/**
 * `alias.column AS "property", …` for the entity's columns — those named in `only` (names that are
 * not columns are ignored), else all — but `omit`; computed once per (entity, alias, columns) from
 * TypeORM's metadata.
 */
export function selectionOf<T extends ObjectLiteral>(
  ctx: WorkContext,
  entity: EntityTarget<T>,
  alias: string,
  { omit = [], only }: { omit?: readonly (keyof T & string)[]; only?: readonly string[] } = {},
): Selection {
  const metadata = ctx.manager.connection.getMetadata(entity);
  const key = `${metadata.tableName}|${alias}|${omit.join(',')}|${only?.join(',') ?? '*'}`;
  let found = selections.get(key);
  if (!found) {
    const columns = metadata.columns.filter(
      (c) => !omit.includes(c.propertyName as keyof T & string) && (!only || only.includes(c.propertyName)),
    );
    found = {
      sql: columns.map((c) => `${alias}.${c.databaseName} AS "${c.propertyName}"`).join(', '),
      transformed: columns
        .filter((c) => c.transformer && !Array.isArray(c.transformer))
        .map((c) => {
          const transformer = c.transformer as { from: (value: unknown) => unknown };
          return { property: c.propertyName, from: (v: unknown) => transformer.from(v) };
        }),
    };
    selections.set(key, found);
  }
  return found;
}

/**
 * Runs `sql` with named parameters (`:name`, `:...list`, as in TypeORM and the access filters)
 * and returns the rows with the selection's transformers applied.
 */
export async function plainRows<T>(ctx: WorkContext, sql: string, params: Record<string, unknown>, selection?: Selection): Promise<T[]> {
  const [query, values] = ctx.manager.connection.driver.escapeQueryWithParameters(sql, params);
  const rows = await queryPrepared<Record<string, unknown>[]>(ctx.manager, query, values);
  if (selection?.transformed.length) for (const row of rows) transform(row, selection);
  return rows as T[];
}

/** A row read through a selection (a SELECT's or a RETURNING's) with the selection's transformers applied, in place. */
export function transform<T>(row: Record<string, unknown>, selection: Selection): T {
  for (const t of selection.transformed) row[t.property] = t.from(row[t.property]);
  return row as T;
}

interface JsonSelection {
  /** `json_build_object('property', alias.column, …)` */
  sql: string;
  /** Properties that arrive as ISO strings in JSON and are Dates on the entity. */
  dates: string[];
  transformed: Selection['transformed'];
}

const jsonSelections = new Map<string, JsonSelection>();

/**
 * The entity's columns named in `only` (every column when omitted; names that are not columns
 * are ignored) as one JSON object per row, for nesting rows in one statement.
 */
export function jsonObjectOf<T extends ObjectLiteral>(
  ctx: WorkContext,
  entity: EntityTarget<T>,
  alias: string,
  only?: readonly string[],
): JsonSelection {
  const metadata = ctx.manager.connection.getMetadata(entity);
  const key = `${metadata.tableName}|${alias}|${only?.join(',') ?? '*'}`;
  let found = jsonSelections.get(key);
  if (!found) {
    const columns = metadata.columns.filter((c) => !only || only.includes(c.propertyName));
    found = {
      sql: `json_build_object(${columns.map((c) => `'${c.propertyName}', ${alias}.${c.databaseName}`).join(', ')})`,
      dates: columns.filter((c) => c.type === 'timestamptz' || c.type === Date).map((c) => c.propertyName),
      transformed: selectionOf(ctx, entity, alias).transformed.filter((t) => columns.some((c) => c.propertyName === t.property)),
    };
    jsonSelections.set(key, found);
  }
  return found;
}

/** Turns a row read through jsonObjectOf back into the entity's shape (Dates, transformed columns), in place. */
export function revive<T>(row: Record<string, unknown>, selection: JsonSelection): T {
  for (const p of selection.dates) if (typeof row[p] === 'string') row[p] = new Date(row[p]);
  for (const t of selection.transformed) {
    if (t.property in row) row[t.property] = t.from(row[t.property] === null ? null : String(row[t.property]));
  }
  return row as T;
}

/**
 * The rows an `UPDATE … RETURNING` (or `DELETE … RETURNING`) gave: TypeORM answers those two
 * commands with `[rows, affected]` instead of the rows alone.
 */
export async function updatedRows<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result = await manager.query<[T[], number]>(sql, params);
  return result[0];
}
