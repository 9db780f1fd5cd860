/**
 * Calls to every query and mutation of a schema with hostile values: for each argument, and each
 * field of its input objects (recursively), a value that a careless edge would pass to the
 * database — malformed ids, NUL bytes, lone surrogates, oversize strings, wrong types, boundary
 * numbers, empty or huge lists, null where a value is required — while every other required field
 * carries a plausible valid value, so the hostile one gets as far as the code lets it.
 */
import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';
import { nationalId } from './people';

export type OperationKind = 'query' | 'mutation';
type Step = string | number;

export interface Operation {
  kind: OperationKind;
  field: GraphQLField<unknown, unknown>;
}

export interface HostileCall {
  operation: string;
  label: string;
  query: string;
  variables: Record<string, unknown>;
}

/** Values that must never reach PostgreSQL as they are. */
export const MALFORMED_ID = 'not-a-uuid';
export const NUL = 'a\u0000b';
export const LONE_SURROGATE = 'x\ud800y';
const OVERSIZE = 'x'.repeat(900_000);

const inAMonth = (): string => new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 30 * 86_400_000).toISOString();

const PLAUSIBLE_STRINGS: [RegExp, () => string][] = [
  [/nationalid$/i, () => nationalId()],
  [/^password$/, () => 'Hostile-Pass-2026'],
  [/^(otp|code)$/, () => '123456'],
  [/email/i, () => 'hostile@example.com'],
  [/phone/i, () => '+966512345678'],
  [/(date|On|^from|^to)$/i, () => '2093-01-10'],
  [/^work(Start|End)$/, () => '08:00'],
  [/^currency$/, () => 'SAR'],
  [/^lawyerLicense$/, () => 'LAW-9999'],
  [/^meetingLink$/, () => 'https://meet.example.com/hostile'],
  [/^fileName$/, () => 'evidence.pdf'],
  [/^contentType$/, () => 'application/pdf'],
  [/number$/i, () => '1234567890'],
];

const PLAUSIBLE_INTS: Record<string, number> = { first: 5, version: 1, sizeBytes: 1024, durationMinutes: 30, workDays: 1 };

const nullable = (type: GraphQLInputType): GraphQLInputType => (isNonNullType(type) ? type.ofType : type);

/** A valid-looking value of a type, for a field of the given name (required input fields only). */
export function plausible(type: GraphQLInputType, name: string): unknown {
  const t = nullable(type);
  if (isListType(t)) return [plausible(t.ofType, name)];
  if (isInputObjectType(t)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(t.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) out[field.name] = plausible(field.type, field.name);
    }
    return out;
  }
  if (isEnumType(t)) return t.getValues()[0].name;
  switch (t.name) {
    case 'ID':
      return randomUUID();
    case 'Int':
      return PLAUSIBLE_INTS[name] ?? 1;
    case 'Float':
      return name === 'percent' ? 100 : 1000;
    case 'Boolean':
      return false;
    case 'DateTime':
      return inAMonth();
    case 'JSON':
      return {};
    default:
      return (PLAUSIBLE_STRINGS.find(([pattern]) => pattern.test(name))?.[1] ?? (() => 'A plausible value for hostile tests'))();
  }
}

/** Hostile values for a place of this type; literal: also worth sending inline in the document. */
export function hostileValues(type: GraphQLInputType, name: string): { label: string; value: unknown; literal?: boolean }[] {
  const out: { label: string; value: unknown; literal?: boolean }[] = [];
  if (isNonNullType(type)) out.push({ label: 'null for non-null', value: null });
  const t = nullable(type);
  if (isListType(t)) {
    const items = Array.from({ length: 200 }, () => plausible(t.ofType, name));
    return [...out, { label: 'empty list', value: [] }, { label: 'list of null', value: [null] }, { label: '200 items', value: items }];
  }
  if (isInputObjectType(t)) {
    return [...out, { label: 'empty object', value: {} }, { label: 'string for an object', value: 'x' }];
  }
  if (isEnumType(t)) return [...out, { label: 'unknown enum value', value: 'NOT_A_VALUE' }, { label: 'number for enum', value: 1 }];
  const strings = [
    { label: 'NUL byte', value: NUL, literal: true },
    { label: 'lone surrogate', value: LONE_SURROGATE },
    { label: 'oversize string', value: OVERSIZE },
    { label: 'empty string', value: '' },
    { label: 'SQL and LIKE characters', value: "%_\\' OR 1=1 --" },
    { label: 'object for a string', value: { a: 1 } },
  ];
  switch (t.name) {
    case 'ID':
      return [
        ...out,
        { label: 'malformed id', value: MALFORMED_ID, literal: true },
        { label: 'id of dashes', value: '-'.repeat(36) },
        { label: 'id with non-hex digits', value: 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz' },
        { label: 'id in braces', value: `{${randomUUID()}}` },
        { label: 'uuid with a NUL byte', value: `${randomUUID()}\u0000`, literal: true },
        { label: 'number for an id', value: 12345 },
        ...strings.slice(1, 4),
      ];
    case 'String':
      return [...out, ...strings];
    case 'Int':
    case 'Float':
      return [
        ...out,
        ...[2 ** 31, -1, 1.5, 1e308, -1e308].map((n) => ({
          label: `number ${n}`,
          value: n,
          literal: n === 2 ** 31 || n === 1.5,
        })),
        { label: 'string for a number', value: '1' },
      ];
    case 'Boolean':
      return [...out, { label: 'string for a boolean', value: 'true' }, { label: 'number for a boolean', value: 1 }];
    case 'DateTime':
      return [
        ...out,
        ...['not a date', '-271821-04-20T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '0000-01-01T00:00:00Z', '2026-02-30T00:00:00Z'].map(
          (value) => ({
            label: `date ${value}`,
            value,
          }),
        ),
        { label: 'number for a date', value: 8.64e15 },
        strings[0],
      ];
    default:
      return [...out, ...strings];
  }
}

/** Every place under an argument: the argument itself and each input field, list items by their first. */
export function* places(type: GraphQLInputType, path: Step[], depth = 0): Generator<{ path: Step[]; type: GraphQLInputType }> {
  yield { path, type };
  const t = nullable(type);
  if (isListType(t)) yield* places(t.ofType, [...path, 0], depth + 1);
  else if (isInputObjectType(t) && depth < 6) {
    for (const field of Object.values(t.getFields())) yield* places(field.type, [...path, field.name], depth + 1);
  }
}

/** A copy of `current` with `value` at `path`, creating plausible containers on the way. */
export function withValueAt(current: unknown, type: GraphQLInputType, path: Step[], value: unknown): unknown {
  if (!path.length) return value;
  const t = nullable(type);
  const [step, ...rest] = path;
  if (isListType(t)) {
    const list = Array.isArray(current) && current.length ? [...(current as unknown[])] : [plausible(t.ofType, '')];
    list[0] = withValueAt(list[0], t.ofType, rest, value);
    return list;
  }
  if (!isInputObjectType(t)) throw new Error(`no field ${step} under ${t.toString()}`);
  const field = t.getFields()[step];
  const object = { ...((current && typeof current === 'object' ? current : plausible(t, '')) as Record<string, unknown>) };
  object[step] = withValueAt(object[step] ?? (rest.length ? plausible(field.type, field.name) : undefined), field.type, rest, value);
  return object;
}

export function baseArgs(field: GraphQLField<unknown, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const arg of field.args)
    if (isNonNullType(arg.type) && arg.defaultValue === undefined) out[arg.name] = plausible(arg.type, arg.name);
  return out;
}

/** An inline GraphQL value (enum values bare). */
function literal(value: unknown, type: GraphQLInputType): string {
  if (value === null || value === undefined) return 'null';
  const t = nullable(type);
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, isListType(t) ? t.ofType : t)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = isInputObjectType(t) ? t.getFields() : {};
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? t)}`).join(', ')}}`;
  }
  if (typeof value === 'string' && isEnumType(getNamedType(t)) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
  // Strings, numbers and booleans print in GraphQL as in JSON (1e308 as 1e+308).
  return JSON.stringify(value);
}

const selection = (field: GraphQLField<unknown, unknown>): string => (isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '');

/** The call with these arguments, as variables or inline. */
export function call(op: Operation, label: string, args: Record<string, unknown>, inline = false): HostileCall {
  const { field, kind } = op;
  const present = field.args.filter((a: GraphQLArgument) => args[a.name] !== undefined || isNonNullType(a.type));
  if (inline) {
    const list = present.map((a) => `${a.name}: ${literal(args[a.name], a.type)}`).join(', ');
    return {
      operation: field.name,
      label: `${label} (inline)`,
      query: `${kind} { ${field.name}${list ? `(${list})` : ''}${selection(field)} }`,
      variables: {},
    };
  }
  const defs = present.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const list = present.map((a) => `${a.name}: $${a.name}`).join(', ');
  return {
    operation: field.name,
    label,
    query: `${kind}${defs ? `(${defs})` : ''} { ${field.name}${list ? `(${list})` : ''}${selection(field)} }`,
    variables: Object.fromEntries(present.map((a) => [a.name, args[a.name]])),
  };
}

export function operations(schema: GraphQLSchema): Operation[] {
  const out: Operation[] = [];
  for (const [kind, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) out.push({ kind, field });
  }
  return out;
}

/** The label of the call with plausible values only. */
export const PLAUSIBLE = 'plausible values';

/** Every hostile variant of every place of every argument, each in a call of its own. */
export function hostileCalls(op: Operation): HostileCall[] {
  const out: HostileCall[] = [];
  const base = baseArgs(op.field);
  for (const arg of op.field.args) {
    for (const place of places(arg.type, [])) {
      const name = String([arg.name, ...place.path].filter((s) => typeof s === 'string').pop());
      const where = [arg.name, ...place.path].join('.');
      for (const { label, value, literal: inline } of hostileValues(place.type, name)) {
        const args = { ...base, [arg.name]: withValueAt(base[arg.name], arg.type, place.path, value) };
        out.push(call(op, `${where}: ${label}`, args));
        if (inline) out.push(call(op, `${where}: ${label}`, args, true));
      }
    }
  }
  return out;
}

/**
 * A few calls for every role: the plausible one; every id malformed and every string with a lone
 * surrogate, as variables; every id malformed and every string with a NUL byte, inline (GraphQL's
 * own syntax refuses a lone surrogate inline).
 */
export function roleCalls(op: Operation): HostileCall[] {
  const base = baseArgs(op.field);
  const everywhere = (values: Record<string, unknown>): Record<string, unknown> => {
    let args = { ...base };
    for (const arg of op.field.args) {
      for (const place of places(arg.type, [])) {
        const value = values[getNamedType(place.type).name];
        if (value === undefined || isListType(nullable(place.type))) continue;
        args = { ...args, [arg.name]: withValueAt(args[arg.name], arg.type, place.path, value) };
      }
    }
    return args;
  };
  const surrogates = everywhere({ ID: MALFORMED_ID, String: LONE_SURROGATE });
  // An operation without ids or strings in its input has no such variants.
  if (JSON.stringify(surrogates) === JSON.stringify(base)) return [call(op, PLAUSIBLE, base)];
  return [
    call(op, PLAUSIBLE, base),
    call(op, 'every id malformed, every string with a lone surrogate', surrogates),
    call(op, 'every id malformed, every string with a NUL byte', everywhere({ ID: '-'.repeat(36), String: NUL }), true),
  ];
}
