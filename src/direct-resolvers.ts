import { getMetadataStorage } from 'type-graphql';
import type { BuildSchemaOptions } from 'type-graphql';
import { getNamedType, isInputObjectType, isObjectType } from 'graphql';
import type { GraphQLField, GraphQLFieldResolver, GraphQLSchema } from 'graphql';

/**
 * Resolver methods called without type-graphql's per-call handler where that handler adds nothing.
 *
 * type-graphql hands every argument to its resolver through `validateArg`, an async function, so
 * even with validation off (createSchema sets `validate: false`) each argument becomes a promise
 * and the method waits for a Promise.all and its microtask turns; it also re-sorts the parameter
 * list on every call. A regulator's page of 50 enterprises calls `creditRecords(kinds, first)` 50
 * times (issue 5). For a resolver whose parameters are only scalar or enum arguments, the
 * context, the info and the root object, with no middleware and no auth roles, the
 * schema here calls the method directly with the same values in the same order. Anything else
 * (input-object arguments, which type-graphql turns into class instances; a root whose class has
 * methods; middlewares) keeps type-graphql's handler.
 */
type Meta = ReturnType<typeof getMetadataStorage>['queries'][number];
type Candidate = Pick<Meta, 'target' | 'methodName' | 'params' | 'roles' | 'middlewares'>;
type Getter = (root: unknown, args: Record<string, unknown>, ctx: unknown, info: unknown) => unknown;
type Resolve = GraphQLFieldResolver<unknown, unknown, Record<string, unknown>>;

/** A class with nothing on its prototype but the constructor: its instances are their fields. */
function isPlainDataClass(t: unknown): boolean {
  return typeof t === 'function' && Object.getOwnPropertyNames((t as { prototype: object }).prototype).every((n) => n === 'constructor');
}

/** How each parameter is read, or null when type-graphql must keep doing it. */
function getters(candidate: Candidate, field: GraphQLField<unknown, unknown>): Getter[] | null {
  if (candidate.roles?.length || candidate.middlewares?.length) return null;
  const params = [...(candidate.params ?? [])].sort((a, b) => a.index - b.index);
  const out: Getter[] = [];
  for (const [i, p] of params.entries()) {
    if (p.index !== i) return null;
    switch (p.kind) {
      case 'arg': {
        const def = field.args.find((a) => a.name === p.name);
        // Per-argument validation (validate / validateFn options) runs in type-graphql's handler.
        if (!def || isInputObjectType(getNamedType(def.type)) || p.validateFn || p.validateSettings !== undefined) return null;
        const name = p.name;
        out.push((_root, args) => args[name]);
        break;
      }
      case 'context':
        if (p.propertyName) return null;
        out.push((_root, _args, ctx) => ctx);
        break;
      case 'info':
        out.push((_root, _args, _ctx, info) => info);
        break;
      case 'root':
        // type-graphql copies a plain root into an instance of its class (on every call: a page of
        // 50 enterprises made 100 copies). Our object types are plain data classes, so the copy
        // adds nothing; a class with methods or accessors keeps type-graphql's handler.
        if (p.propertyName || (p.getType && !isPlainDataClass(p.getType()))) return null;
        out.push((root) => root);
        break;
      default:
        return null;
    }
  }
  return out;
}

/** Resolver classes are stateless and built with no arguments (type-graphql's default container does the same). */
const instances = new Map<Meta['target'], Record<string, (...a: unknown[]) => unknown>>();
function instanceOf(target: Meta['target']): Record<string, (...a: unknown[]) => unknown> | null {
  if (target.length !== 0) return null;
  let i = instances.get(target);
  if (!i) instances.set(target, (i = new (target as new () => Record<string, (...a: unknown[]) => unknown>)()));
  return i;
}

function direct(instance: Record<string, (...a: unknown[]) => unknown>, method: string, get: Getter[]): Resolve {
  const fn = instance[method]!;
  switch (get.length) {
    case 0:
      return () => fn.call(instance);
    case 1:
      return (r, a, c, i) => fn.call(instance, get[0]!(r, a, c, i));
    case 2:
      return (r, a, c, i) => fn.call(instance, get[0]!(r, a, c, i), get[1]!(r, a, c, i));
    case 3:
      return (r, a, c, i) => fn.call(instance, get[0]!(r, a, c, i), get[1]!(r, a, c, i), get[2]!(r, a, c, i));
    default:
      return (r, a, c, i) => fn.apply(instance, get.map((g) => g(r, a, c, i)));
  }
}

/**
 * Replaces the handlers it can; returns the coordinates it replaced. Run before the field policy
 * wraps resolvers, with the options the schema was built with: global middlewares run in
 * type-graphql's handler, so with any of them nothing is replaced.
 */
export function callResolversDirectly(schema: GraphQLSchema, built: Pick<BuildSchemaOptions, 'globalMiddlewares'>): string[] {
  if (built.globalMiddlewares?.length) return [];
  const storage = getMetadataStorage();
  const replaced: string[] = [];
  const typeName = new Map(storage.objectTypes.map((o) => [o.target, o.name]));
  const entries: [string | undefined, Candidate & { schemaName: string }][] = [
    ...storage.queries.map((q) => [schema.getQueryType()?.name, q] as [string | undefined, typeof q]),
    ...storage.mutations.map((m) => [schema.getMutationType()?.name, m] as [string | undefined, typeof m]),
    ...storage.fieldResolvers
      .filter((f) => f.kind === 'external' && f.getObjectType)
      .map((f) => [typeName.get(f.getObjectType!()), f] as [string | undefined, typeof f]),
  ];
  for (const [owner, meta] of entries) {
    const type = owner ? schema.getType(owner) : undefined;
    if (!type || !isObjectType(type)) continue;
    const field = type.getFields()[meta.schemaName];
    if (!field) continue;
    const get = getters(meta, field);
    const instance = instanceOf(meta.target);
    if (!get || !instance || typeof instance[meta.methodName] !== 'function') continue;
    field.resolve = direct(instance, meta.methodName, get) as GraphQLFieldResolver<unknown, unknown>;
    replaced.push(`${type.name}.${field.name}`);
  }
  return replaced;
}
