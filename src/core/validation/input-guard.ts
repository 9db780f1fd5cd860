/**
 * Checks everything a GraphQL operation gives its resolvers against the input rules
 * (input-rules.ts), before anything runs: every argument of every field the operation selects,
 * every field of its input objects and every item of its lists, whether written inline or passed
 * as a variable — each is checked after GraphQL has coerced it, so both reach the same rules.
 * Values typed `ID` must be UUIDs; every other string (and every string inside a JSON value) must
 * be storable text. Problems are named by their path from the argument (`input.parties.0.nationalId`),
 * as the validation pipe names them.
 */
import {
  FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import type { FieldError } from '../errors/domain-error';
import { FIELD } from '../i18n/core-messages';
import type { Text } from '../i18n/messages';
import { isUuid, textProblem, UUID_MESSAGE } from './input-rules';

/** Enough to say what is wrong without answering a hostile list with a list as long. */
export const MAX_REPORTED = 20;

class Problems {
  readonly fields: FieldError[] = [];
  add(field: string, message: Text): void {
    if (this.fields.length >= MAX_REPORTED || this.fields.some((f) => f.field === field && f.message.key === message.key)) return;
    this.fields.push({ field, message });
  }
  get full(): boolean {
    return this.fields.length >= MAX_REPORTED;
  }
}

/** Strings anywhere in a value of a scalar type other than ID (a JSON value's keys too). */
function checkText(value: unknown, path: string, out: Problems): void {
  if (out.full) return;
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) out.add(path, problem);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => checkText(item, `${path}.${i}`, out));
  } else if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      const problem = textProblem(key);
      if (problem) out.add(path, FIELD.keyProblem({ problem }));
      checkText(item, `${path}.${key}`, out);
    }
  }
}

const nullable = (type: GraphQLInputType): GraphQLInputType => (isNonNullType(type) ? type.ofType : type);

function checkValue(value: unknown, type: GraphQLInputType, path: string, out: Problems): void {
  if (value === null || value === undefined || out.full) return;
  if (isNonNullType(type)) return checkValue(value, type.ofType, path, out);
  if (isListType(type)) {
    // Items of a list of ids or strings are named by the list (`input.partyIds`), as the validation
    // pipe names them; items that are input objects by their index (`input.parties.0.nationalId`).
    const byIndex = isInputObjectType(getNamedType(type.ofType)) || isListType(nullable(type.ofType));
    const items: unknown[] = Array.isArray(value) ? value : [value];
    items.forEach((item, i) => checkValue(item, type.ofType, byIndex ? `${path}.${i}` : path, out));
    return;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      if (fields[name]) checkValue(item, fields[name].type, `${path}.${name}`, out);
    }
    return;
  }
  if (isEnumType(type)) return;
  if (type.name === 'ID') {
    if (!isUuid(value)) out.add(path, UUID_MESSAGE());
    return;
  }
  checkText(value, path, out);
}

/** An argument whose value is an input object, as its resolver receives it. */
export interface ObjectArgument {
  name: string;
  type: GraphQLInputObjectType;
  value: Record<string, unknown>;
}

export interface InputReport {
  problems: FieldError[];
  /** The input-object arguments of the operation (what the validation pipe validates). */
  objectArguments: ObjectArgument[];
}

/**
 * The problems of the operation's input; none when its variables do not even coerce (GraphQL
 * refuses those itself, as BAD_USER_INPUT).
 */
export function inputProblems(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  variables: Readonly<Record<string, unknown>> | undefined,
): InputReport {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return { problems: [], objectArguments: [] };
  const out = new Problems();
  const objectArguments: ObjectArgument[] = [];
  const visited = new Set<string>();

  const visit = (parent: GraphQLNamedType | null | undefined, selections: SelectionSetNode): void => {
    for (const selection of selections.selections) {
      if (out.full) return;
      if (selection.kind === Kind.FIELD) {
        // __typename and the introspection fields are not the schema's own, and read no input.
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        if (!field) continue;
        if (selection.arguments?.length) {
          let args: Record<string, unknown>;
          try {
            args = getArgumentValues(field, selection, coerced.coerced);
          } catch {
            continue; // execution refuses these arguments with GraphQL's own error
          }
          for (const arg of field.args) {
            const value = args[arg.name];
            checkValue(value, arg.type, arg.name, out);
            const type = nullable(arg.type);
            if (isInputObjectType(type) && value && typeof value === 'object') {
              objectArguments.push({ name: arg.name, type, value: value as Record<string, unknown> });
            }
          }
        }
        if (selection.selectionSet) visit(getNamedType(field.type), selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent, selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (visited.has(name) || !fragment) continue;
        visited.add(name);
        visit(schema.getType(fragment.typeCondition.name.value), fragment.selectionSet);
      }
    }
  };
  visit(schema.getRootType(operation.operation), operation.selectionSet);
  return { problems: out.fields, objectArguments };
}

/**
 * A copy of an argument's value without the places a problem names (`input.parties.0.nameEn`
 * under the argument `input`), so that other checks can run on the rest.
 */
export function withoutProblems(argument: string, value: Record<string, unknown>, problems: FieldError[]): Record<string, unknown> {
  const drop = (current: unknown, path: string[]): unknown => {
    if (!current || typeof current !== 'object' || !path.length) return current;
    const [step, ...rest] = path;
    const record = (Array.isArray(current) ? [...(current as unknown[])] : { ...current }) as Record<string, unknown>;
    if (!(step in record)) return current;
    if (rest.length) record[step] = drop(record[step], rest);
    else delete record[step];
    return record;
  };
  let out: unknown = value;
  for (const { field } of problems) {
    const [head, ...path] = field.split('.');
    if (head === argument && path.length) out = drop(out, path);
  }
  return out as Record<string, unknown>;
}
