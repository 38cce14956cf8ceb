/**
 * Connection settings from a postgres:// URL, for `pg` and MikroORM alike. `?host=/path` selects a
 * Unix-domain socket directory (cheaper than TCP on the same machine) — passed explicitly, because
 * MikroORM silently drops URL query parameters (STACK.md). `?sslmode=require` turns TLS on.
 */
export interface PgConnection {
  host: string;
  port: number;
  user: string | undefined;
  password: string | undefined;
  database: string;
  ssl: boolean;
}

export function pgConnectionFromUrl(raw: string): PgConnection {
  const url = new URL(raw);
  return {
    host: url.searchParams.get('host') || decodeURIComponent(url.hostname) || '127.0.0.1',
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres',
    ssl: url.searchParams.get('sslmode') === 'require',
  };
}
