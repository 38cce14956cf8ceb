import { defineConfig } from '@mikro-orm/postgresql';
import type { Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ReflectMetadataProvider } from '@mikro-orm/core';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from '@/entities';
import { pgConnectionFromUrl } from './database-url';

export interface OrmSettings {
  url: string;
  /** 1 for the embedded database (it serves one connection). */
  poolMax: number;
  statementTimeoutMs: number;
  acquireTimeoutMs: number;
  debug?: boolean;
  /**
   * Plan named prepared statements once, generically (plan_cache_mode = force_generic_plan). The
   * hot reads are prepared (src/db/prepared.ts) and their shape does not depend on the values, so
   * re-planning each execution only costs: on issue 5's profile read PostgreSQL spent 0.7 ms
   * planning against 0.15 ms executing. Unnamed statements are planned per execution as before.
   * Off for the embedded database, whose socket server does not take startup options.
   *
   * With it, PostgreSQL's JIT compiler is turned off for the hub's sessions: a generic plan is
   * costed without the values, and on 1M enterprises the page read's estimate crossed
   * jit_above_cost — every execution then compiled the query (tens of milliseconds, on a statement
   * that runs in one). Short indexed reads gain nothing from JIT (PostgreSQL's own advice for OLTP).
   */
  genericPlans?: boolean;
}

/**
 * MikroORM 6 over `pg`. Host, port and database are passed explicitly: MikroORM drops every URL
 * query parameter but `?schema=` (STACK.md). A short acquire timeout turns an unreachable
 * database into SERVICE_UNAVAILABLE within seconds instead of the 60-second default.
 */
export function ormConfig(s: OrmSettings): Options {
  const c = pgConnectionFromUrl(s.url);
  return defineConfig({
    entities: ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    host: c.host,
    port: c.port,
    user: c.user,
    password: c.password,
    dbName: c.database,
    pool: { min: 0, max: s.poolMax, idleTimeoutMillis: 30_000 },
    driverOptions: {
      acquireConnectionTimeout: s.acquireTimeoutMs,
      connection: {
        connectionTimeoutMillis: s.acquireTimeoutMs,
        statement_timeout: s.statementTimeoutMs,
        application_name: 'credit-hub',
        ...(s.genericPlans ? { options: '-c plan_cache_mode=force_generic_plan -c jit=off' } : {}),
        ...(c.ssl ? { ssl: { rejectUnauthorized: false } } : {}),
      },
    },
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    allowGlobalContext: false,
    debug: s.debug ?? false,
    discovery: { warnWhenNoEntities: true },
  });
}
