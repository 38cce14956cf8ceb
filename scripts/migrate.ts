import 'reflect-metadata';
import { withDatabase } from './cli';

/** `npm run migrate`: applies pending migrations from migrations/ (the hub also does this at start). */
withDatabase(async (db) => {
  const done = await db.orm.getMigrator().getExecutedMigrations();
  process.stdout.write(`migrations applied: ${done.length} (${done.map((m) => m.name).join(', ')})\n`);
}).catch((e) => {
  process.stderr.write(`migrate failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
