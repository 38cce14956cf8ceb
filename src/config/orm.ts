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
