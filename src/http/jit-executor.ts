import type { GatewayExecutor, GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/**
 * Operations executed by graphql-jit instead of graphql-js's interpreter: each distinct document
 * is compiled once into a function (argument coercion, field collection and result completion
 * generated for that document) and reused for every request carrying it. On issue 5's profile
 * read, graphql-js's per-field machinery (argument objects, paths, promise aggregation) made a
 * quarter of the hub's allocations. Everything else is unchanged: Apollo Server parses and
 * validates (query limits included), the same resolvers run with the field policy wrapped around
 * them, errors are formatted by the same formatter.
 *
 * Plugged in through Apollo Server's documented gateway interface, which is how an executor other
 * than graphql-js is supplied. Subscriptions (graphql-ws) keep graphql-js.
 */
const MAX_COMPILED = 1000;

/**
 * graphql-jit's errors leave `extensions` undefined when the thrown error had none (a driver
 * error, say), where graphql-js always gives an object — and Apollo Server's error formatting
 * reads `extensions.code`. Re-issued as graphql-js errors, the same path, locations and cause.
 * A variable that does not coerce is the client's input (BAD_USER_INPUT, as Apollo Server says
 * for graphql-js), not a server error.
 */
const VARIABLE_ERROR = /^Variable "\$/;

function asGraphQLJsError(e: GraphQLError): GraphQLError {
  const badVariable = !e.path && VARIABLE_ERROR.test(e.message);
  if (e.extensions && !badVariable) return e;
  const extensions = badVariable ? { ...(e.extensions ?? {}), code: 'BAD_USER_INPUT', reason: 'INVALID_VARIABLE' } : {};
  const out = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined, extensions });
  (out as { locations?: GraphQLError['locations'] }).locations = e.locations;
  return out;
}

export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  let listener: GatewaySchemaLoadOrUpdateCallback | null = null;
  // Keyed by Apollo's hash of the query text and the operation name; bounded, least recently used out.
  const compiled = new LRUCache<string, CompiledQuery>({ max: MAX_COMPILED });

  const executor: GatewayExecutor = async (rc) => {
    const key = `${rc.queryHash}\u0000${rc.operationName ?? ''}`;
    let query = compiled.get(key);
    if (!query) {
      const result = compileQuery(rc.schema, rc.document, rc.operationName ?? undefined);
      if (!isCompiledQuery(result)) return result;
      query = result;
      compiled.set(key, query);
    }
    const result = await query.query(undefined, rc.context, rc.request.variables ?? {});
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      listener = callback;
      return () => {
        listener = null;
      };
    },
    async load() {
      listener?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return { executor };
    },
    async stop() {
      compiled.clear();
    },
  };
}
