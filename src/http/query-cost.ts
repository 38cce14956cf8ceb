import { getNamedType, isObjectType, Kind } from 'graphql';
import type {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLNamedType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
  VariableDefinitionNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '@/shared/pagination';

/**
 * The cost of an operation with the page sizes the request will really get.
 *
 * graphql-armor's cost limit (a validation rule, src/server.ts) runs before variables exist and
 * multiplies a list by `first`/`last` only when it is a literal: `enterprises(first: $n)` and an
 * absent `first` both count as 1, so `enterprises(first: $n) { … creditRecords(first: $m) { … } }`
 * passed any limit while asking for n × m rows. This counts the same way — an object 2, a scalar 1,
 * × 1.5 per level, a field taking `first` × its page size — but with the page size coming from the
 * literal, the variable's value, or DEFAULT_PAGE_SIZE when none is given (fragments are counted
 * flat; introspection is not counted, as graphql-armor does). It runs once the operation and its
 * variables are known (didResolveOperation), before any resolver.
 */
const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_FACTOR = 1.5;

interface Walk {
  schema: GraphQLSchema;
  variables: Record<string, unknown>;
  fragments: Map<string, FragmentDefinitionNode>;
  /** Fragments being expanded (a cycle is a validation error already; this only guards the walk). */
  open: Set<string>;
  variableDefinitions: Map<string, VariableDefinitionNode>;
  /** Whether a page size came from a variable (the cost then depends on the request). */
  dynamic: boolean;
}

function pageSize(value: ValueNode | undefined, w: Walk): number {
  if (!value) return DEFAULT_PAGE_SIZE;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind !== Kind.VARIABLE) return DEFAULT_PAGE_SIZE;
  w.dynamic = true;
  const name = value.name.value;
  const given = w.variables[name];
  if (typeof given === 'number') return Number.isFinite(given) ? given : 1;
  const def = w.variableDefinitions.get(name);
  if (given === undefined && def?.defaultValue?.kind === Kind.INT) return Number(def.defaultValue.value);
  // A missing required variable or a value that is not a number fails variable coercion next, as
  // INVALID_VARIABLE: it is the client's mistake to report, not a cost.
  if ((given === undefined && def?.type.kind === Kind.NON_NULL_TYPE) || (given !== undefined && given !== null)) return 1;
  return DEFAULT_PAGE_SIZE;
}

function selectionCost(set: SelectionSetNode, type: GraphQLNamedType | undefined, w: Walk): number {
  let cost = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if (s.name.value.startsWith('__')) continue;
      const def = type && isObjectType(type) ? type.getFields()[s.name.value] : undefined;
      if (!s.selectionSet) {
        cost += SCALAR_COST;
        continue;
      }
      let own = OBJECT_COST + DEPTH_FACTOR * selectionCost(s.selectionSet, def ? getNamedType(def.type) : undefined, w);
      const paged = def?.args.find((a) => a.name === 'first' || a.name === 'last');
      if (paged) {
        const args = s.arguments ?? [];
        const given = args.find((a) => a.name.value === 'first') ?? args.find((a) => a.name.value === 'last');
        own *= Math.max(1, pageSize(given?.value, w));
      }
      cost += own;
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      const on = s.typeCondition ? w.schema.getType(s.typeCondition.name.value) : type;
      cost += selectionCost(s.selectionSet, on ?? undefined, w);
    } else {
      const name = s.name.value;
      const fragment = w.fragments.get(name);
      if (!fragment || w.open.has(name)) continue;
      w.open.add(name);
      cost += selectionCost(fragment.selectionSet, w.schema.getType(fragment.typeCondition.name.value) ?? undefined, w);
      w.open.delete(name);
    }
  }
  return cost;
}

/** Costs that depend on the document only, kept per operation node (Apollo Server reuses parsed documents). */
const STATIC_COSTS = new WeakMap<OperationDefinitionNode, number>();

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const known = STATIC_COSTS.get(operation);
  if (known !== undefined) return known;
  const root = schema.getRootType(operation.operation);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const variableDefinitions = new Map((operation.variableDefinitions ?? []).map((d) => [d.variable.name.value, d]));
  const w: Walk = { schema, variables, fragments, variableDefinitions, open: new Set(), dynamic: false };
  const cost = selectionCost(operation.selectionSet, root ?? undefined, w);
  if (!w.dynamic) STATIC_COSTS.set(operation, cost);
  return cost;
}
