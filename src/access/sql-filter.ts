/**
 * Lists are filtered in SQL by the same CASL rules that answer "may I?": the rules for
 * (action, subject) become one condition tree (rulesToAST), interpreted here into a WHERE clause
 * over the SQL readings of the subject's facts (subjects.ts). No rule means no rows; an unknown
 * field, or an operator without an SQL meaning, is a programming error and fails closed.
 *
 * A NULL reads as it does in memory (CASL): it equals only null, differs from every value, is in
 * no list without null, and the negation of a condition on it holds.
 */
import { rulesToAST } from '@casl/ability/extra';
import type { Condition, FieldCondition, CompoundCondition } from '@ucast/mongo2js';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Action, AppAbility, SubjectType } from './ability.types';
import { SqlField, subjectOf } from './subjects';

export interface SqlCondition {
  readonly sql: string;
  /** Shared by every request of the ability: read, never changed. */
  readonly params: Readonly<Record<string, unknown>>;
}

const COMPARATORS: Record<string, string> = { lt: '<', lte: '<=', gt: '>', gte: '>=' };

class Interpreter {
  private n = 0;
  readonly params: Record<string, unknown> = {};

  constructor(
    private readonly fields: Readonly<Record<string, SqlField>>,
    private readonly alias: string,
    private readonly prefix: string,
  ) {}

  param(value: unknown): string {
    const name = `${this.prefix}${this.n++}`;
    this.params[name] = value;
    return name;
  }

  visit(node: Condition): string {
    switch (node.operator) {
      case 'and': {
        const parts = (node as CompoundCondition).value.map((c) => this.visit(c));
        return parts.length ? `(${parts.join(' AND ')})` : 'TRUE';
      }
      case 'or': {
        const parts = (node as CompoundCondition).value.map((c) => this.visit(c));
        return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
      }
      case 'not': {
        const inner = (node as CompoundCondition).value;
        // A comparison with NULL is unknown in SQL but false in memory: NOT must see false.
        return `NOT coalesce(${this.visit(inner.length === 1 ? inner[0] : ({ operator: 'and', value: inner } as Condition))}, FALSE)`;
      }
      default:
        return this.field(node as FieldCondition);
    }
  }

  private field(node: FieldCondition): string {
    const field = this.fields[node.field];
    if (field === undefined) throw new Error(`No SQL reading of the access field "${node.field}"`);
    return typeof field === 'function' ? this.arrayField(node, field) : this.column(node, field.replace(/\{alias\}/g, this.alias));
  }

  /** Any element among the values (eq, in), or none (ne, nin). */
  private arrayField(node: FieldCondition, field: (alias: string, valuesParam: string) => string): string {
    const op = node.operator;
    if (op !== 'in' && op !== 'nin' && op !== 'eq' && op !== 'ne') {
      throw new Error(`Operator ${op} is not supported on the array field "${node.field}"`);
    }
    const values = op === 'in' || op === 'nin' ? (node.value as unknown[]) : [node.value];
    if (values.some((v) => v === null || Array.isArray(v))) throw new Error(`The array field "${node.field}" compares with values only`);
    const negated = op === 'nin' || op === 'ne';
    if (!values.length) return negated ? 'TRUE' : 'FALSE';
    const sql = field(this.alias, `:...${this.param(values)}`);
    return negated ? `NOT ${sql}` : sql;
  }

  private column(node: FieldCondition, column: string): string {
    const op = node.operator;
    if (op === 'in' || op === 'nin') return this.within(column, node.value as unknown[], op === 'nin');
    if (Array.isArray(node.value)) throw new Error(`Operator ${op} on "${node.field}" compares with one value`);
    if (op === 'eq' || op === 'ne') {
      if (node.value === null) return `${column} IS ${op === 'eq' ? '' : 'NOT '}NULL`;
      return op === 'eq' ? `${column} = :${this.param(node.value)}` : `${column} IS DISTINCT FROM :${this.param(node.value)}`;
    }
    const cmp = COMPARATORS[op];
    if (!cmp) throw new Error(`Operator ${op} is not supported in SQL filters`);
    return `${column} ${cmp} :${this.param(node.value)}`;
  }

  private within(column: string, values: unknown[], negated: boolean): string {
    const present = values.filter((v) => v !== null);
    const withNull = present.length < values.length;
    if (!present.length) {
      if (!withNull) return negated ? 'TRUE' : 'FALSE';
      return `${column} IS ${negated ? 'NOT ' : ''}NULL`;
    }
    const list = `(:...${this.param(present)})`;
    if (negated)
      return withNull ? `(${column} IS NOT NULL AND ${column} NOT IN ${list})` : `(${column} IS NULL OR ${column} NOT IN ${list})`;
    return withNull ? `(${column} IN ${list} OR ${column} IS NULL)` : `${column} IN ${list}`;
  }
}

/**
 * The WHERE condition for "rows of `subject` on which `action` is allowed". Its parameters are
 * named after (action, subject, alias): two conditions in one query differ in one of them, or are
 * the same condition with the same values. (Names made unique per call would also give V8 a new
 * object shape for every request's parameters, which costs more than the rest of the translation.)
 */
export function accessibleCondition(ability: AppAbility, action: Action, subject: SubjectType, alias: string): SqlCondition {
  // Abilities are shared by the requests of one actor and never change (ability.factory.ts): so is their translation.
  let kept = conditions.get(ability);
  if (!kept) conditions.set(ability, (kept = new Map<string, SqlCondition>()));
  const key = `${action}|${subject}|${alias}`;
  let condition = kept.get(key);
  if (!condition) {
    const ast = rulesToAST(ability, action, subject);
    const interpreter = new Interpreter(subjectOf(subject).sqlFields, alias, `casl_${action}_${subject}_${alias}_`);
    condition = ast === null ? { sql: 'FALSE', params: {} } : { sql: interpreter.visit(ast), params: interpreter.params };
    kept.set(key, condition);
  }
  return condition;
}

const conditions = new WeakMap<AppAbility, Map<string, SqlCondition>>();

/** Narrows a query builder to what the ability allows. */
export function applyAbility<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  ability: AppAbility,
  action: Action,
  subject: SubjectType,
  alias = qb.alias,
): SelectQueryBuilder<T> {
  const { sql, params } = accessibleCondition(ability, action, subject, alias);
  return qb.andWhere(sql, params);
}
