import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { lockDataDir } from './data-dir-lock';

export interface EmbeddedDatabase {
  /** A postgres:// URL for the ordinary `pg` driver. */
  url: string;
  close(): Promise<void>;
}

/**
 * Embedded PostgreSQL: PGlite (PostgreSQL in WASM) behind its socket server on a loopback port, so
 * MikroORM talks to it through `pg` exactly as to a real server (STACK.md "Embedded PostgreSQL").
 * It serves one connection at a time: callers must size their pool to 1.
 */
export async function startEmbeddedDatabase(
  dataDir: string | null,
  opts: { port?: number } = {},
): Promise<EmbeddedDatabase> {
  const release = dataDir ? lockDataDir(dataDir) : () => undefined;
  try {
    const db = await PGlite.create(dataDir ?? undefined, { extensions: { pg_trgm } });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: opts.port ?? 0, maxConnections: 1 });
    await server.start();
    return {
      url: `postgres://postgres@${server.getServerConn()}/postgres`,
      async close() {
        await server.stop();
        await db.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
