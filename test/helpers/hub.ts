import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Role } from '@/access/roles';
import { loadConfig } from '@/config/env';
import type { HubConfig } from '@/config/env';
import { ormConfig } from '@/config/orm';
import type { Database } from '@/db/database';
import { signDevToken } from '@/identity/jwt';
import { createLogger } from '@/observability/logger';
import { requestScope } from '@/observability/request-scope';
import { createServer } from '@/server';
import type { HubServer } from '@/server';
import { isEmbeddedTestDatabase, testDatabaseUrl } from './env';
import { enablePreparedStatements } from '@/db/prepared';

export const TEST_SECRET = 'test-secret-for-credit-hub-jest-runs-0123456789';

export interface As {
  role: Exclude<Role, 'PUBLIC'>;
  org?: string | null;
  sub?: string;
}

export interface GqlOptions {
  variables?: Record<string, unknown>;
  as?: As | null;
  token?: string;
  purpose?: string;
  headers?: Record<string, string>;
}

export interface GqlResult<D = Record<string, any>> {
  status: number;
  data?: D | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  requestId: string | null;
}

export interface TestHub {
  url: string;
  port: number;
  db: Database;
  server: HubServer;
  config: HubConfig;
  /** Executes over real HTTP, as the given role (PUBLIC when `as` is omitted). */
  gql<D = Record<string, any>>(query: string, opts?: GqlOptions): Promise<GqlResult<D>>;
  token(as: As, expiresIn?: string | number): Promise<string>;
  /** Runs `fn` and returns how many SQL statements the hub issued meanwhile. */
  countSql<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number; sql: string[] }>;
  sql<R = any>(text: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export interface TestHubOptions {
  now?: () => Date;
  env?: Record<string, string>;
  /** Connect through this URL instead (e.g. a proxy in front of the test database). */
  databaseUrl?: string;
}

/** A real hub on a random port against the test database; one per test file. */
export async function startTestHub(opts: TestHubOptions = {}): Promise<TestHub> {
  const config = loadConfig({
    NODE_ENV: 'test',
    HUB_JWT_SECRET: TEST_SECRET,
    DATABASE_URL: opts.databaseUrl ?? testDatabaseUrl(),
    HUB_LOG_LEVEL: process.env.HUB_TEST_LOG_LEVEL ?? 'silent',
    HUB_EVENTS_LISTEN: isEmbeddedTestDatabase() ? 'false' : 'true',
    // Webhook delivery only where a test asks for it (HUB_WEBHOOK_DISPATCH=true): test files share
    // one database, and any dispatching instance may claim any due delivery.
    HUB_WEBHOOK_DISPATCH: 'false',
    HUB_WEBHOOK_POLL_MS: '600000',
    ...opts.env,
  });
  const orm = await MikroORM.init(
    ormConfig({
      url: config.databaseUrl!,
      poolMax: isEmbeddedTestDatabase() ? 1 : 5,
      statementTimeoutMs: config.statementTimeoutMs,
      acquireTimeoutMs: config.dbAcquireTimeoutMs,
      genericPlans: !isEmbeddedTestDatabase(), // as src/db/database.ts
    }),
  );
  const db: Database = { orm, knex: orm.em.getKnex(), embedded: null, close: () => orm.close(true) };
  if (!isEmbeddedTestDatabase()) enablePreparedStatements(db.knex); // as src/db/database.ts
  const log = createLogger(config.logLevel);
  const server = await createServer({ config, db, log, now: opts.now, requestScope: true });
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;

  let counting: string[] | null = null;
  // Only statements issued on behalf of an HTTP request count: background work (LISTEN wake-ups
  // from other test files sharing the database, the webhook dispatcher) has no request scope.
  // The access log's group commit is left out too: it is one statement per flush shared by all
  // concurrent requests, and it re-reads the chain head when another instance (another test file
  // on this database) moved it — a count that depends on the neighbours, not on the page size.
  db.knex.client.on('query', (q: { sql: string }) => {
    if (counting && requestScope.getStore() && !/\baccess_log(_head)?\b/.test(q.sql)) counting.push(q.sql);
  });

  const token = (as: As, expiresIn: string | number = '1h') =>
    signDevToken(TEST_SECRET, { role: as.role, org: as.org ?? null, sub: as.sub }, expiresIn);

  return {
    url,
    port,
    db,
    server,
    config,
    token,
    async gql(query, o = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...o.headers };
      const t = o.token ?? (o.as ? await token(o.as) : undefined);
      if (t) headers.authorization = `Bearer ${t}`;
      if (o.purpose) headers['x-hub-purpose'] = o.purpose;
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables: o.variables }) });
      const body = (await res.json()) as { data?: any; errors?: any[] };
      return { status: res.status, data: body.data, errors: body.errors, requestId: res.headers.get('x-request-id') };
    },
    async countSql(fn) {
      const sql: string[] = [];
      counting = sql;
      try {
        const result = await fn();
        return { result, statements: sql.length, sql };
      } finally {
        counting = null;
      }
    },
    async sql(text, params = []) {
      const res = await db.knex.raw(text, params as never[]);
      return res.rows;
    },
    async close() {
      await server.stop();
      await new Promise<void>((r) => server.httpServer.close(() => r()));
      await orm.close(true);
    },
  };
}
