import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { createPubSub } from '@graphql-yoga/subscription';
import express from 'express';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { Kind } from 'graphql';
import type { GraphQLError, ValidationContext } from 'graphql';
import type { Logger } from 'pino';
import { isPurpose } from '@/access/roles';
import { PUBLIC_VIEWER } from '@/access/viewer';
import type { Viewer } from '@/access/viewer';
import { AccessLogWriter } from '@/audit/access-log.writer';
import type { HubConfig } from '@/config/env';
import { clearLoaders, createContext, requestIdFrom } from '@/context';
import type { HubContext } from '@/context';
import type { Database } from '@/db/database';
import { DEFAULT_DISPATCHER_OPTIONS, EventBus, WebhookDispatcher } from '@/events';
import { TokenVerifier } from '@/identity/jwt';
import { createMetrics } from '@/observability/metrics';
import { requestScope } from '@/observability/request-scope';
import { createSchema } from '@/schema';
import { BadUserInputError, ForbiddenError, ServiceUnavailableError, UnauthenticatedError } from '@/shared/errors';
import { createErrorFormatter } from '@/shared/format-error';
import { createGraphQLHandler } from '@/http/graphql-handler';
import { jitGateway } from '@/http/jit-executor';
import { operationCost } from '@/http/query-cost';
import { DEFAULT_PAGE_SIZE } from '@/shared/pagination';

/*
 * Query limits (config.limits), enforced at parse and validation time — before any resolver or SQL
 * runs. Defaults anchor on graphql-armor's (depth 6, cost 5000, aliases 15, tokens 1000, 2 MB body)
 * with depth raised to 8: a Relay connection spends two levels on `edges { node }`, so a page of
 * enterprises with their records (enterprises → edges → node → creditRecords → edges → node →
 * field) needs 7. Operators can change each with HUB_MAX_DEPTH / _COST / _ALIASES / _TOKENS /
 * _BODY_BYTES.
 */

export interface HubServer {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<HubContext>;
  writer: AccessLogWriter;
  dispatcher: WebhookDispatcher;
  /** Listens; resolves with the bound port. */
  listen(port: number, host?: string): Promise<number>;
  /** Graceful: stop accepting, drain in-flight requests and the access-log writer. Does not close the DB. */
  stop(): Promise<void>;
}

export interface ServerDeps {
  config: HubConfig;
  db: Database;
  log: Logger;
  now?: () => Date;
  /**
   * Run each GraphQL request inside `requestScope` (AsyncLocalStorage), so SQL issued on behalf of
   * a request can be told from background work — the test harness counts statements per request
   * with it. Off by default: on Node 20 an active AsyncLocalStorage hooks every promise, a cost the
   * hot path does not pay for nothing.
   */
  requestScope?: boolean;
}

type HeaderGetter = (name: string) => string | undefined;

function nodeHeaders(req: http.IncomingMessage): HeaderGetter {
  return (name) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
}

/** graphql-ws carries the headers in connectionParams (`authorization`, `x-hub-purpose`). */
function paramHeaders(params: Readonly<Record<string, unknown>> | undefined): HeaderGetter {
  return (name) => {
    const v = params?.[name] ?? params?.[name.toLowerCase()] ?? (name === 'authorization' ? params?.Authorization : undefined);
    return typeof v === 'string' ? v : undefined;
  };
}

async function viewerFrom(header: HeaderGetter, verifier: TokenVerifier): Promise<Viewer> {
  const auth = header('authorization');
  const purposeRaw = header('x-hub-purpose');
  if (purposeRaw !== undefined && !isPurpose(purposeRaw)) {
    throw new BadUserInputError('X-Hub-Purpose is not a known purpose', 'X-Hub-Purpose', 'INVALID_PURPOSE');
  }
  const purpose = purposeRaw ?? null;
  if (!auth) return purpose ? { ...PUBLIC_VIEWER, purpose } : PUBLIC_VIEWER;
  const m = /^Bearer\s+(\S+)$/i.exec(auth);
  if (!m) throw new UnauthenticatedError('Authorization must be "Bearer <token>"', 'MALFORMED_AUTHORIZATION');
  const claims = await verifier.verify(m[1]!);
  return { role: claims.role, subject: claims.sub, org: claims.org, purpose };
}

/** graphql-armor throws by default; report instead, so Apollo answers 400 with a validation error. */
const reportAsValidationError = {
  propagateOnRejection: false,
  onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(err)],
};

const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, BAD_USER_INPUT: 400, SERVICE_UNAVAILABLE: 503 };

export async function createServer(deps: ServerDeps): Promise<HubServer> {
  const { config, db, log } = deps;
  const QUERY_LIMITS = config.limits;
  const pubSub = createPubSub();
  const schema = await createSchema(pubSub);
  const verifier = new TokenVerifier({ hsSecret: config.jwtSecret, jwksUrl: config.jwksUrl });
  const writer = new AccessLogWriter(db.knex);
  const metrics = createMetrics(db.knex, writer);
  const app = express();
  app.disable('x-powered-by');
  // POST/GET /graphql on node's own request handling (src/http/graphql-handler.ts); the rest on express.
  let graphqlHandler: ((req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) | null = null;
  const httpServer = http.createServer((req, res) => {
    const url = req.url ?? '';
    if (graphqlHandler && (url === '/graphql' || url.startsWith('/graphql?') || url.startsWith('/graphql/'))) {
      graphqlHandler(req, res).catch((e: unknown) => {
        log.error({ err: e }, 'graphql request failed outside Apollo');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
      });
      return;
    }
    app(req, res);
  });

  // Push: committed events → subscriptions (pubSub) and webhooks (dispatcher).
  const dispatcher = new WebhookDispatcher(db.knex, log, { ...DEFAULT_DISPATCHER_OPTIONS, ...config.webhooks });
  const bus = new EventBus(db.knex, pubSub, log, {
    listenUrl: !db.embedded && config.listenForEvents ? config.databaseUrl : null,
    onEvent: () => dispatcher.kick(),
  });
  await bus.start();
  if (config.webhooks.dispatch) await dispatcher.start();

  // Subscriptions over graphql-ws on the same path, authenticated with the same JWT.
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer<Record<string, unknown>>(
    {
      schema,
      onConnect: async (c) => {
        try {
          await viewerFrom(paramHeaders(c.connectionParams), verifier);
          return true;
        } catch {
          return false; // closes with 4403 Forbidden: a bad token never becomes PUBLIC
        }
      },
      context: async (c) => {
        const viewer = await viewerFrom(paramHeaders(c.connectionParams), verifier);
        return createContext({ db, log, now: deps.now }, viewer, randomUUID());
      },
      onNext: async (_c, _id, _payload, args) => {
        // Each pushed event is a response: its protected values are logged before it leaves, and
        // the next event reads fresh data.
        const ctx = args.contextValue as HubContext;
        if (ctx.access.size > 0) await writer.append(ctx.access.drain(ctx.now()));
        clearLoaders(ctx.loaders);
      },
    },
    wsServer,
  );
  const wsDrainPlugin: ApolloServerPlugin<HubContext> = {
    async serverWillStart() {
      return {
        async drainServer() {
          await wsCleanup.dispose();
          await dispatcher.stop();
          await bus.stop();
        },
      };
    },
  };

  type RequestContext = GraphQLRequestContextWillSendResponse<HubContext>;

  /**
   * Checks on the resolved operation, before any resolver: introspection is for administrators in
   * production (DESIGN.md "Configuration", NODE_ENV), and the cost limit is applied again with the
   * page sizes the request really asks for (src/http/query-cost.ts: graphql-armor's validation rule
   * cannot see variables and counts an absent `first` as 1).
   */
  const checkOperation = async ({ operation, document, request, contextValue }: GraphQLRequestContextDidResolveOperation<HubContext>) => {
    if (!operation) return;
    if (config.production && contextValue.viewer.role !== 'PLATFORM_ADMIN') {
      const introspects = operation.selectionSet.selections.some(
        (s) => s.kind === Kind.FIELD && (s.name.value === '__schema' || s.name.value === '__type'),
      );
      if (introspects) throw new ForbiddenError('Introspection is available to platform administrators only', { reason: 'INTROSPECTION' });
    }
    const cost = operationCost(schema, document, operation, request.variables ?? {});
    if (cost > QUERY_LIMITS.cost) {
      throw new BadUserInputError(
        `Query Cost limit of ${QUERY_LIMITS.cost} exceeded, found ${Math.ceil(cost)} (lists counted at the page size asked for, ${DEFAULT_PAGE_SIZE} where none is given)`,
        undefined,
        'QUERY_TOO_COSTLY',
        { cost: Math.ceil(cost), maxCost: QUERY_LIMITS.cost },
      );
    }
  };

  /** Status codes for errors raised before execution (context creation). */
  const statusForEarlyErrors = ({ response, errors }: RequestContext) => {
    if (!errors?.length || response.body.kind !== 'single' || response.body.singleResult.data !== undefined) return;
    const code = response.body.singleResult.errors?.[0]?.extensions?.code as string | undefined;
    if (code && HTTP_STATUS[code]) response.http.status = HTTP_STATUS[code];
  };

  /** Writes the request's access-log entries; the response waits for the commit. */
  const writeAccessLog = async ({ contextValue, response }: RequestContext) => {
    if (!contextValue.access || contextValue.access.size === 0) return;
    const entries = contextValue.access.drain(contextValue.now());
    try {
      await writer.append(entries);
    } catch (e) {
      // No log entry, no data: the protected values never leave the hub.
      contextValue.log.error({ err: e }, 'access log write failed; response withheld');
      const err = new ServiceUnavailableError('The access log could not be written; no data was served');
      if (response.body.kind === 'single') {
        response.body.singleResult = {
          errors: [{ message: err.message, extensions: { code: 'SERVICE_UNAVAILABLE' } }],
        };
      }
      response.http.status = 503;
    }
  };

  const recordMetrics = ({ response, operationName, errors }: RequestContext, started: bigint) => {
    const data = response.body.kind === 'single' ? response.body.singleResult.data : null;
    const served = !!data && Object.values(data).some((v) => v !== null);
    const outcome = !errors?.length ? 'ok' : served ? 'partial' : 'error';
    metrics.recordRequest(operationName ?? 'anonymous', outcome, Number(process.hrtime.bigint() - started) / 1e9);
  };

  /**
   * The hub's per-request work around Apollo Server's pipeline, as ONE plugin: Apollo calls every
   * plugin's listener on each hook and awaits each (some in turn), so one listener instead of three
   * saves those calls on every request (issue 5; the gain is within the benchmark's noise).
   */
  const requestPlugin: ApolloServerPlugin<HubContext> = {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        didResolveOperation: checkOperation,
        async willSendResponse(rc) {
          statusForEarlyErrors(rc);
          await writeAccessLog(rc);
          recordMetrics(rc, started);
        },
      };
    },
  };

  const apollo = new ApolloServer<HubContext>({
    gateway: jitGateway(schema), // the schema, executed by graphql-jit (src/http/jit-executor.ts)
    introspection: true,
    stopOnTerminationSignals: false, // main.ts owns SIGTERM: drain, flush the access log, close the ORM
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: QUERY_LIMITS.tokens },
    validationRules: [
      maxDepthRule({ n: QUERY_LIMITS.depth, ignoreIntrospection: true, ...reportAsValidationError }),
      costLimitRule({ maxCost: QUERY_LIMITS.cost, ignoreIntrospection: true, ...reportAsValidationError }),
      maxAliasesRule({ n: QUERY_LIMITS.aliases, ...reportAsValidationError }),
    ],
    formatError: createErrorFormatter(log, config.production),
    // No HTTP cache hints are served (every answer depends on the caller and is access-logged), and
    // the cache-control plugin would otherwise wrap every field resolver.
    plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginDrainHttpServer({ httpServer }), wsDrainPlugin, requestPlugin],
    logger: {
      debug: (m) => log.debug(m),
      info: (m) => log.info(m),
      warn: (m) => log.warn(m),
      error: (m) => log.error(m),
    },
  });
  await apollo.start();

  graphqlHandler = createGraphQLHandler<HubContext>({
    apollo,
    bodyLimit: QUERY_LIMITS.bodyBytes,
    requestIdOf: (req) => requestIdFrom(req.headers['x-request-id']),
    context: async (req, requestId) => {
      const viewer = await viewerFrom(nodeHeaders(req), verifier);
      return createContext({ db, log, now: deps.now }, viewer, requestId);
    },
    // Everything the request runs, SQL included (tests count statements per request with it).
    scope: deps.requestScope ? (requestId, run) => requestScope.run({ requestId }, run) : undefined,
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    // The deadline is cleared once the answer is known: a probe every few seconds must not leave
    // a pending timer behind each time (nor keep a stopping process alive).
    let deadline: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        db.knex.raw('select 1'),
        new Promise((_, reject) => {
          deadline = setTimeout(() => reject(new Error('readiness timeout')), config.dbAcquireTimeoutMs + 500);
        }),
      ]);
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
    } finally {
      clearTimeout(deadline);
    }
  });
  app.get('/metrics', async (_req, res) => {
    res.set('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });

  return {
    app,
    httpServer,
    apollo,
    writer,
    dispatcher,
    listen(port, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const addr = httpServer.address();
          resolve(typeof addr === 'object' && addr ? addr.port : port);
        });
      });
    },
    async stop() {
      await apollo.stop(); // the drain plugin stops accepting and waits for in-flight requests
      await writer.drain();
    },
  };
}
