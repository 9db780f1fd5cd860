/**
 * Relay-style connections with keyset (cursor) paging on an indexed order such as
 * (created_at, id): a page costs the same at the millionth row as at the first.
 */
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { IsOptional, IsString, Max, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { FIELD } from '../i18n/core-messages';
import { BadUserInputError } from '../errors/domain-error';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  @Min(1)
  @Max(100)
  first = 20;

  @Field({ nullable: true, description: 'Cursor of the last item of the previous page.' })
  @IsOptional()
  @IsString()
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}
export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

export function Connection<T>(node: Type<T>, name: string): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

/** Cursor over a (value, id) keyset position. */
export function encodeCursor(value: string | number | Date, id: string): string {
  const v = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([v, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') return [String(parsed[0]), parsed[1]];
  } catch {
    // fall through
  }
  throw BadUserInputError.field('after', FIELD.cursor());
}

/** Builds a connection from `rows` fetched with `first + 1` to learn whether more follow. */
export function toConnection<R, T = R>(
  rows: R[],
  first: number,
  cursorOf: (row: R) => string,
  nodeOf: (row: R) => T = (row) => row as unknown as T,
): ConnectionShape<T> {
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ cursor: cursorOf(row), node: nodeOf(row) }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}

/**
 * One page of a list, newest first: keyset on (created_at, id) of `alias` from the cursor on, one
 * row more than asked to learn whether another page follows. The query's filters are the caller's.
 */
export async function newestFirst<T extends ObjectLiteral & { createdAt: Date; id: string }>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  first: number,
  after?: string,
): Promise<ConnectionShape<T>> {
  if (after) {
    const [createdAt, id] = decodeCursor(after);
    qb.andWhere(`(${alias}.created_at, ${alias}.id) < (:cAt, :cId)`, { cAt: createdAt, cId: id });
  }
  const rows = await qb
    .orderBy(`${alias}.created_at`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(first + 1)
    .getMany();
  return toConnection(rows, first, (row) => encodeCursor(row.createdAt, row.id));
}
