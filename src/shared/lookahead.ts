import { getArgumentValues, Kind } from 'graphql';
import type { FieldNode, GraphQLField, GraphQLObjectType, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

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
  info: Pick<GraphQLResolveInfo, 'fragments'>,
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
  only?: (name: string) => boolean,
): SelectedField[] {
  // `only`: the names the caller cares about, so arguments are coerced for those alone.
  const shape = only ? shapeOf(info, typeName, path).filter((f) => only(f.name)) : shapeOf(info, typeName, path);
  return shape.map(({ name, node, def, children }) => {
    let args: Record<string, unknown> | null;
    try {
      args = !def ? null : node.arguments?.length || def.args.length ? getArgumentValues(def, node, info.variableValues) : {};
    } catch {
      args = null;
    }
    return { name, node, args, children };
  });
}

/** The selection sets reached from `nodes` by following the field names in `path` (fragments included). */
function selectionSetsAt(
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  nodes: readonly FieldNode[],
  path: readonly string[],
): (SelectionSetNode | undefined)[] {
  let sets = nodes.map((n) => n.selectionSet);
  for (const step of path) {
    sets = sets.flatMap((set) => fieldNodesOf(info, set).filter((n) => n.name.value === step).map((n) => n.selectionSet));
  }
  return sets;
}

interface ShapeEntry {
  name: string;
  node: FieldNode;
  def: GraphQLField<unknown, unknown> | undefined;
  children: ReadonlySet<string>;
}

/**
 * The selection's shape (which fields, below which nodes) depends only on the document, which
 * Apollo Server parses once and reuses: it is kept per field node, and only arguments (variables)
 * are computed per request.
 */
const shapes = new WeakMap<FieldNode, Map<string, ShapeEntry[]>>();

function shapeOf(info: GraphQLResolveInfo, typeName: string, path: readonly string[]): ShapeEntry[] {
  const key = `${typeName}/${path.join('/')}`;
  const anchor = info.fieldNodes[0]!;
  let byKey = shapes.get(anchor);
  const cached = info.fieldNodes.length === 1 ? byKey?.get(key) : undefined;
  if (cached) return cached;
  const sets = selectionSetsAt(info, info.fieldNodes, path);
  const type = info.schema.getType(typeName) as GraphQLObjectType | undefined;
  const defs = type?.getFields() ?? {};
  const shape = sets.flatMap((set) =>
    fieldNodesOf(info, set).map((node) => ({
      name: node.name.value,
      node,
      def: defs[node.name.value],
      children: new Set(fieldNodesOf(info, node.selectionSet).map((n) => n.name.value)),
    })),
  );
  if (info.fieldNodes.length === 1) {
    if (!byKey) shapes.set(anchor, (byKey = new Map<string, ShapeEntry[]>()));
    byKey.set(key, shape);
  }
  return shape;
}

const namesBelow = new WeakMap<FieldNode, Map<string, ReadonlySet<string>>>();

/**
 * The names of the fields selected at `path` below the given field nodes (fragments included):
 * `(info, info.fieldNodes, ['edges', 'node'])` in a connection's resolver gives what its clients
 * read of each node. Depends only on the document, so it is computed once per field node and the
 * same set is handed out for every request carrying that document.
 */
export function selectedNamesBelow(
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  nodes: readonly FieldNode[],
  path: readonly string[],
): ReadonlySet<string> {
  const key = path.join('/');
  const anchor = nodes[0];
  const cached = anchor && nodes.length === 1 ? namesBelow.get(anchor)?.get(key) : undefined;
  if (cached) return cached;
  const sets = selectionSetsAt(info, nodes, path);
  const names: ReadonlySet<string> = new Set(sets.flatMap((set) => fieldNodesOf(info, set).map((n) => n.name.value)));
  if (anchor && nodes.length === 1) {
    let byPath = namesBelow.get(anchor);
    if (!byPath) namesBelow.set(anchor, (byPath = new Map<string, ReadonlySet<string>>()));
    byPath.set(key, names);
  }
  return names;
}
