/**
 * What a query asks below a field, read from the resolver's info: lets a hot read fetch nested
 * data in its own statement only when the client asked for it. Fragments and inline fragments
 * count; directives (@include/@skip) are not evaluated, so a conditional field counts as asked.
 */
import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

interface Scope {
  selectionSet: SelectionSetNode | undefined;
  fragments: Record<string, FragmentDefinitionNode>;
}

function fieldsOf(scope: Scope, name: string, out: FieldNode[] = []): FieldNode[] {
  for (const s of scope.selectionSet?.selections ?? []) {
    if (s.kind === 'Field' && s.name.value === name) out.push(s);
    else if (s.kind === 'InlineFragment') fieldsOf({ ...scope, selectionSet: s.selectionSet }, name, out);
    else if (s.kind === 'FragmentSpread' && scope.fragments[s.name.value])
      fieldsOf({ ...scope, selectionSet: scope.fragments[s.name.value].selectionSet }, name, out);
  }
  return out;
}

/** Several selections of one field as one scope: their selections together. */
function merged(nodes: readonly FieldNode[], fragments: Scope['fragments']): Scope {
  return {
    selectionSet: { kind: 'SelectionSet' as SelectionSetNode['kind'], selections: nodes.flatMap((f) => f.selectionSet?.selections ?? []) },
    fragments,
  };
}

/**
 * What the resolved field asks below itself: the selections of all its nodes, since GraphQL merges
 * a field asked twice under one name into one answer.
 */
export function fieldSelection(info: GraphQLResolveInfo): Scope {
  return merged(info.fieldNodes, info.fragments);
}

/** The selection below `name` in the resolved field's selection (or in a scope), or null when it is not asked. */
export function subSelection(from: GraphQLResolveInfo | Scope, name: string): Scope | null {
  const scope = 'fieldNodes' in from ? fieldSelection(from) : from;
  const found = fieldsOf(scope, name);
  // Several occurrences (aliases): their selections together.
  return found.length ? merged(found, scope.fragments) : null;
}

/** Whether `scope` asks for the field `name`. */
export function asks(scope: Scope, name: string): boolean {
  return fieldsOf(scope, name).length > 0;
}

/** The names of the fields `scope` asks for at its own level (through fragments). */
export function fieldNames(scope: Scope): string[] {
  const names = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === 'Field') names.add(s.name.value);
      else if (s.kind === 'InlineFragment') walk(s.selectionSet);
      else if (scope.fragments[s.name.value]) walk(scope.fragments[s.name.value].selectionSet);
    }
  };
  walk(scope.selectionSet);
  return [...names].sort();
}
