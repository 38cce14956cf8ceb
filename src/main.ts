import 'reflect-metadata';
import { ConfigError, loadConfig } from '@/config/env';
import { processCalendar } from '@/context';
import { openDatabase } from '@/db/database';
import { DataDirLockedError } from '@/db/data-dir-lock';
import { loadDemoDataIfEmpty } from '@/db/seed';
import { createLogger } from '@/observability/logger';
import { createServer } from '@/server';

/** Bootstrap only: config → database (+ migrations, demo data) → server → listen → graceful shutdown. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
    processCalendar(); // a bad HUB_CALENDAR_FILE fails here, at start, not on the first deadline
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const log = createLogger(config.logLevel);
  if (config.jwtSecretIsDevDefault) {
    log.warn({ secret: config.jwtSecret }, 'HUB_JWT_SECRET is not set: using the DEVELOPMENT-ONLY secret (never in production)');
  }
  let db;
  try {
    db = await openDatabase(config);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(75);
    }
    throw e;
  }
  log.info({ embedded: !!db.embedded, dataDir: db.embedded ? config.dataDir : undefined }, 'database ready, migrations applied');
  if (config.seedDemo && (await loadDemoDataIfEmpty(db.knex))) log.info('empty database: demo data loaded');

  const server = await createServer({ config, db, log });
  const port = await server.listen(config.port);
  log.info({ port, url: `http://localhost:${port}/graphql` }, 'Credit Hub listening');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining requests');
    const force = setTimeout(() => {
      log.error('shutdown took longer than 20 s; exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    try {
      await server.stop();
      log.info('requests drained, access log flushed');
      await db.close();
      log.info('stopped');
      process.exit(0);
    } catch (e) {
      log.error({ err: e }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((e) => {
  process.stderr.write(`Credit Hub failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
