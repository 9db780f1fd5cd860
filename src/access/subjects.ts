/**
 * What the rules look at, defined once per subject by the wing that owns it. Each field a
 * condition may name (the subject's access shape, ability.types.ts) is one fact with its two
 * readings side by side: `sql`, how it reads for a list filter (sql-filter.ts), and `of`, its value
 * for one record from what the wing loaded about it (its source), for checks (authorize.ts). The
 * types demand both for every field; test/access-facts.e2e-spec.ts proves, on the database,
 * that they agree for every stored record, and that every rule's list filter returns exactly the
 * records its check allows.
 *
 * The access layer names no table: a wing names its entity, and a subject whose wing is not loaded
 * has no definition at all, so asking for its list filter fails closed.
 */
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { AccessShapes, SubjectType } from './ability.types';
import type { RequestContext } from './context/request-context';

/**
 * A column expression over `{alias}` (the table alias of the list), or, for an array fact, a
 * predicate true when any element is among the values (`valuesParam`), usually an EXISTS.
 */
export type SqlField = string | ((alias: string, valuesParam: string) => string);

/** A fact of a stored record: how it reads in SQL, and its value for one record. */
export interface StoredFact<Src, V> {
  readonly sql: SqlField;
  readonly of: (source: Src) => V;
}

/**
 * A fact that only the request holds (the judgment a voiding relies on): the caller adds it to the
 * shape, and no list filters by it. Says why, for the reader.
 */
export interface RequestFact {
  readonly request: string;
}

type OptionalKeys<T> = { [P in keyof T]-?: object extends Pick<T, P> ? P : never }[keyof T];

/** Every field of the shape, each stored (both readings), or, when optional, of the request. */
export type Facts<K extends SubjectType, Src> = {
  [F in keyof AccessShapes[K]]-?: F extends OptionalKeys<AccessShapes[K]>
    ? StoredFact<Src, Exclude<AccessShapes[K][F], undefined>> | RequestFact
    : StoredFact<Src, AccessShapes[K][F]>;
};

export interface SubjectDefinition<K extends SubjectType, Row extends ObjectLiteral, Src> {
  /** The entity whose rows are the records; a list filters its table, keyed by `id`. */
  readonly entity: EntityTarget<Row>;
  /** What the facts read, for a row in hand (the row with its parties, say); the row itself when absent. */
  readonly source?: (ctx: RequestContext, row: Row) => Promise<Src>;
  readonly facts: Facts<K, Src>;
}

export class Subject<K extends SubjectType = SubjectType, Row extends ObjectLiteral = ObjectLiteral, Src = unknown> {
  /** The SQL readings, for the list filters. */
  readonly sqlFields: Readonly<Record<string, SqlField>>;
  /** Fields only a request holds. */
  readonly requestFields: readonly string[];
  private readonly readings: readonly (readonly [string, (source: Src) => unknown])[];

  constructor(
    readonly type: K,
    readonly definition: SubjectDefinition<K, Row, Src>,
  ) {
    const facts = Object.entries(definition.facts as Record<string, StoredFact<Src, unknown> | RequestFact>);
    const stored = facts.filter((e): e is [string, StoredFact<Src, unknown>] => 'sql' in e[1]);
    this.sqlFields = Object.fromEntries(stored.map(([field, fact]) => [field, fact.sql]));
    this.readings = stored.map(([field, fact]) => [field, fact.of] as const);
    this.requestFields = facts.filter(([, fact]) => !('sql' in fact)).map(([field]) => field);
  }

  get entity(): EntityTarget<Row> {
    return this.definition.entity;
  }

  /** The shape of one record from its source: every stored fact (request facts are the caller's to add). */
  shapeOf(source: Src): AccessShapes[K] {
    const shape: Record<string, unknown> = {};
    for (const [field, of] of this.readings) shape[field] = of(source);
    return shape as AccessShapes[K];
  }

  /** The shape of a row in hand: its source read, then shapeOf. */
  async shape(ctx: RequestContext, row: Row): Promise<AccessShapes[K]> {
    const read = this.definition.source;
    return this.shapeOf(read ? await read(ctx, row) : (row as unknown as Src));
  }
}

const DEFINED = new Map<SubjectType, Subject>();

/** Called once per subject, when the module of the wing that owns it loads. */
export function defineSubject<K extends SubjectType, Row extends ObjectLiteral, Src = Row>(
  type: K,
  definition: SubjectDefinition<K, Row, Src>,
): Subject<K, Row, Src> {
  if (DEFINED.has(type)) throw new Error(`The subject ${type} is defined twice`);
  const subject = new Subject(type, definition);
  DEFINED.set(type, subject as unknown as Subject);
  return subject;
}

/** The definition of a subject; throws when the wing that owns it is not loaded. */
export function subjectOf(type: SubjectType): Subject {
  const subject = DEFINED.get(type);
  if (!subject) throw new Error(`No definition of the subject ${type}: the wing that owns it is not loaded`);
  return subject;
}

/** Every subject defined so far (by the wings loaded). */
export function definedSubjects(): Subject[] {
  return [...DEFINED.values()];
}
