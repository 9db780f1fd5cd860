/**
 * Lists are filtered in SQL by the same CASL rules that answer "may I?": the rules for
 * (action, subject) become one condition tree (rulesToAST), interpreted here into a WHERE clause
 * over the subject's SQL field map. No rule means no rows; an unknown field is a programming
 * error and fails closed.
 */
import { rulesToAST } from '@casl/ability/extra';
import type { Condition, FieldCondition, CompoundCondition } from '@ucast/mongo2js';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Action, AppAbility, SubjectType } from './ability.types';
import { SqlField, sqlFieldsOf } from './sql-fields';

export interface SqlCondition {
  readonly sql: string;
  /** Shared by every request of the ability: read, never changed. */
  readonly params: Readonly<Record<string, unknown>>;
}

const COMPARATORS: Record<string, string> = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };

class Interpreter {
  private n = 0;
  readonly params: Record<string, unknown> = {};

  constructor(
    private readonly fields: Record<string, SqlField>,
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
        return `NOT ${this.visit(inner.length === 1 ? inner[0] : ({ operator: 'and', value: inner } as Condition))}`;
      }
      default:
        return this.field(node as FieldCondition);
    }
  }

  private field(node: FieldCondition): string {
    const field = this.fields[node.field];
    if (field === undefined) throw new Error(`No SQL mapping for access field "${node.field}"`);
    const op = node.operator;
    if (typeof field === 'function') {
      const values = op === 'in' || op === 'nin' ? (node.value as unknown[]) : [node.value];
      const sql = field(this.alias, `:...${this.param(values)}`);
      if (op === 'in' || op === 'eq') return sql;
      if (op === 'nin' || op === 'ne') return `NOT ${sql}`;
      throw new Error(`Operator ${op} is not supported on array field "${node.field}"`);
    }
    const column = field.replace(/\{alias\}/g, this.alias);
    if (op === 'in' || op === 'nin') {
      const values = node.value as unknown[];
      if (!values.length) return op === 'in' ? 'FALSE' : 'TRUE';
      return `${column} ${op === 'in' ? 'IN' : 'NOT IN'} (:...${this.param(values)})`;
    }
    if ((op === 'eq' || op === 'ne') && node.value === null) return `${column} IS ${op === 'eq' ? '' : 'NOT '}NULL`;
    const cmp = COMPARATORS[op];
    if (!cmp) throw new Error(`Operator ${op} is not supported in SQL filters`);
    return `${column} ${cmp} :${this.param(node.value)}`;
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
    const interpreter = new Interpreter(sqlFieldsOf(subject), alias, `casl_${action}_${subject}_${alias}_`);
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
