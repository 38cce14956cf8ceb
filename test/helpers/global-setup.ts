import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { Client } from 'pg';
import { startEmbeddedDatabase } from '@/db/embedded';

/**
 * Prepares one database for the whole run: with DATABASE_URL, that server's database (created if
 * missing, emptied — refused unless its name contains "test"); without, an embedded PGlite in a
 * temporary directory. Then migrations and the demo organizations.
 */
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  let url = process.env.DATABASE_URL;
  if (url) {
    const u = new URL(url);
    const dbName = u.pathname.replace(/^\//, '');
    if (!/test/i.test(dbName)) {
      throw new Error(`Refusing to run tests against "${dbName}": DATABASE_URL for tests must name a database containing "test"`);
    }
    const admin = new Client({ host: u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username) || undefined, password: u.password || undefined, database: 'postgres' });
    await admin.connect();
    const exists = await admin.query('select 1 from pg_database where datname = $1', [dbName]);
    if (!exists.rowCount) await admin.query(`create database "${dbName.replace(/"/g, '""')}"`);
    await admin.end();
    const c = new Client({ host: u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username) || undefined, password: u.password || undefined, database: dbName });
    await c.connect();
    await c.query('drop schema if exists public cascade; create schema public;');
    await c.end();
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'credit-hub-test-'));
    const embedded = await startEmbeddedDatabase(dir);
    (globalThis as { __HUB_EMBEDDED__?: unknown }).__HUB_EMBEDDED__ = embedded;
    url = embedded.url;
    process.env.HUB_TEST_DATABASE_URL = url;
  }
  // Asynchronous child: the embedded server lives in this process and must keep answering.
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'prepare-db.ts'), url!], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, MIKRO_ORM_COLORS: 'false' },
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`prepare-db exited with ${code}`))));
  });
}
