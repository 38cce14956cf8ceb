import { getArgumentValues, Kind } from 'graphql';
import type { FieldNode, GraphQLObjectType, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Look-ahead into the operation: which fields of an object type the client selected below the
 * field being resolved, with their arguments. A resolver that reads a parent row uses it to bring
 * the children the client asked for along in the same statement (see enterprise.prefetch.ts).
 * Read-only and advisory: what is served is still decided field by field, by the resolvers and the
 * field policy; look-ahead only decides what is fetched early.
 */
export interface SelectedField {
  readonly name: string;
  readonly node: FieldNode;
  /** Coerced arguments; null when they do not coerce (the field's resolver reports the error). */
  readonly args: Record<string, unknown> | null;
  /** Names of the fields selected directly below this one (fragments included). */
  readonly children: ReadonlySet<string>;
}

function fieldNodesOf(
  info: GraphQLResolveInfo,
  set: SelectionSetNode | undefined,
  out: FieldNode[] = [],
  seen = new Set<string>(),
): FieldNode[] {
  if (!set) return out;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) out.push(s);
    else if (s.kind === Kind.INLINE_FRAGMENT) fieldNodesOf(info, s.selectionSet, out, seen);
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      fieldNodesOf(info, info.fragments[s.name.value]?.selectionSet, out, seen);
    }
  }
  return out;
}

/**
 * The fields selected on `typeName` at `path` below the current field: `[]` for the field's own
 * selection (`enterprise(uscc) { … }`), `['edges', 'node']` for the nodes of a connection.
 */
export function selectedFields(
  info: GraphQLResolveInfo,
  typeName: string,
  path: readonly string[] = [],
): SelectedField[] {
  let sets: (SelectionSetNode | undefined)[] = info.fieldNodes.map((n) => n.selectionSet);
  for (const step of path) {
    sets = sets.flatMap((set) =>
      fieldNodesOf(info, set)
        .filter((n) => n.name.value === step)
        .map((n) => n.selectionSet),
    );
  }
  const type = info.schema.getType(typeName) as GraphQLObjectType | undefined;
  const defs = type?.getFields() ?? {};
  return sets.flatMap((set) =>
    fieldNodesOf(info, set).map((node) => {
      const def = defs[node.name.value];
      let args: Record<string, unknown> | null;
      try {
        args = def ? getArgumentValues(def, node, info.variableValues) : null;
      } catch {
        args = null;
      }
      return {
        name: node.name.value,
        node,
        args,
        children: new Set(fieldNodesOf(info, node.selectionSet).map((n) => n.name.value)),
      };
    }),
  );
}
