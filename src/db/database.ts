import { MikroORM } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/postgresql';
import type { HubConfig } from '@/config/env';
import { ormConfig } from '@/config/orm';
import { startEmbeddedDatabase } from './embedded';
import type { EmbeddedDatabase } from './embedded';
import { enablePreparedStatements } from './prepared';

export interface Database {
  orm: MikroORM;
  /** Knex for plain-row reads on hot paths (no entity hydration). */
  knex: Knex;
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  migrate?: boolean;
  debug?: boolean;
}

/**
 * DATABASE_URL set → that PostgreSQL; unset → embedded PGlite in HUB_DATA_DIR (locked against a
 * second process). Migrations run here at start unless told otherwise.
 */
export async function openDatabase(config: HubConfig, opts: OpenOptions = {}): Promise<Database> {
  const embedded = config.databaseUrl ? null : await startEmbeddedDatabase(config.dataDir);
  try {
    const orm = await MikroORM.init(
      ormConfig({
        url: embedded ? embedded.url : config.databaseUrl!,
        poolMax: embedded ? 1 : config.poolMax,
        statementTimeoutMs: config.statementTimeoutMs,
        acquireTimeoutMs: config.dbAcquireTimeoutMs,
        debug: opts.debug,
        genericPlans: !embedded,
      }),
    );
    if (opts.migrate !== false) await orm.getMigrator().up();
    if (!embedded) enablePreparedStatements(orm.em.getKnex());
    return {
      orm,
      knex: orm.em.getKnex(),
      embedded,
      // Order matters (STACK.md): ORM first, then the socket server and PGlite.
      async close() {
        await orm.close(true);
        if (embedded) await embedded.close();
      },
    };
  } catch (e) {
    if (embedded) await embedded.close().catch(() => undefined);
    throw e;
  }
}
