import { defineConfig } from '@mikro-orm/postgresql';
import type { Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ReflectMetadataProvider } from '@mikro-orm/core';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from '@/entities';

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
  const url = new URL(s.url);
  return defineConfig({
    entities: ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    host: decodeURIComponent(url.hostname),
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    dbName: decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres',
    pool: { min: 0, max: s.poolMax, idleTimeoutMillis: 30_000 },
    driverOptions: {
      acquireConnectionTimeout: s.acquireTimeoutMs,
      connection: {
        connectionTimeoutMillis: s.acquireTimeoutMs,
        statement_timeout: s.statementTimeoutMs,
        application_name: 'credit-hub',
        ...(url.searchParams.get('sslmode') === 'require' ? { ssl: { rejectUnauthorized: false } } : {}),
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
