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

/** The selection below `name` in the resolved field's selection, or null when it is not asked. */
export function subSelection(info: GraphQLResolveInfo, name: string): Scope | null {
  const found = info.fieldNodes.flatMap((node) => fieldsOf({ selectionSet: node.selectionSet, fragments: info.fragments }, name));
  if (!found.length) return null;
  // Several occurrences (aliases): their selections together.
  return {
    selectionSet: { kind: 'SelectionSet' as SelectionSetNode['kind'], selections: found.flatMap((f) => f.selectionSet?.selections ?? []) },
    fragments: info.fragments,
  };
}

/** Whether `scope` asks for the field `name`. */
export function asks(scope: Scope, name: string): boolean {
  return fieldsOf(scope, name).length > 0;
}
