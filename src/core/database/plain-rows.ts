/**
 * Hot read paths (the docket and what it nests) read plain rows instead of hydrated entities:
 * one SQL string with the ability's condition spliced in, columns aliased to property names, and
 * the column transformers applied by hand. TypeORM's query builder and entity hydration cost more
 * CPU than the query itself on a short read (bench/RESULTS.md); the rows have the entity's shape,
 * so resolvers do not tell the difference.
 */
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { RequestContext } from '../context/request-context';

interface Selection {
  sql: string;
  /** Columns whose values need their transformer (e.g. numeric money to number). */
  transformed: { property: string; from: (value: unknown) => unknown }[];
}

const selections = new Map<string, Selection>();

/**
 * `alias.column AS "property", …` for every column of the entity but `omit`; computed once per
 * (entity, alias, omitted columns) from TypeORM's metadata.
 */
export function selectionOf<T extends ObjectLiteral>(
  ctx: RequestContext,
  entity: EntityTarget<T>,
  alias: string,
  omit: readonly (keyof T & string)[] = [],
): Selection {
  const metadata = ctx.manager.connection.getMetadata(entity);
  const key = `${metadata.tableName}|${alias}|${omit.join(',')}`;
  let found = selections.get(key);
  if (!found) {
    const columns = metadata.columns.filter((c) => !omit.includes(c.propertyName as keyof T & string));
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
export async function plainRows<T>(ctx: RequestContext, sql: string, params: Record<string, unknown>, selection?: Selection): Promise<T[]> {
  const [query, values] = ctx.manager.connection.driver.escapeQueryWithParameters(sql, params);
  const rows = await ctx.manager.query<Record<string, unknown>[]>(query, values);
  if (selection?.transformed.length) {
    for (const row of rows) for (const t of selection.transformed) row[t.property] = t.from(row[t.property]);
  }
  return rows as T[];
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
  ctx: RequestContext,
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
