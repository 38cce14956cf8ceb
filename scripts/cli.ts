import 'reflect-metadata';
import { loadConfig } from '@/config/env';
import { openDatabase } from '@/db/database';
import type { Database } from '@/db/database';

/** Runs a script body against the configured database (embedded or DATABASE_URL) and closes it. */
export async function withDatabase<T>(body: (db: Database) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config, { migrate: opts.migrate ?? true });
  try {
    return await body(db);
  } finally {
    await db.close();
  }
}

/** `--name value` and `--flag` arguments. */
export function parseArgs(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out[a.slice(2)] = next;
      i++;
    } else out[a.slice(2)] = true;
  }
  return out;
}

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
