import { once } from 'node:events';
import type { Knex } from '@mikro-orm/postgresql';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Cell = string | number | boolean | null | readonly string[];

/** One value in COPY text format: \N for null, arrays as {...}, backslash/tab/newline escaped. */
export function cell(v: Cell): string {
  if (v === null) return '\\N';
  if (Array.isArray(v)) {
    const items = (v as readonly string[]).map((x) => `"${x.replace(/["\\]/g, (c: string) => `\\${c}`)}"`);
    return esc(`{${items.join(',')}}`);
  }
  return esc(String(v));
}

function esc(s: string): string {
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

interface PoolOwner {
  acquireConnection(): Promise<PoolClient>;
  releaseConnection(c: PoolClient): Promise<void>;
}

/**
 * Runs `body` on one pooled connection with no statement timeout (a bulk load runs as long as it
 * needs; the request-path statement_timeout comes back after).
 */
export async function withLoadConnection<T>(knex: Knex, body: (client: PoolClient) => Promise<T>): Promise<T> {
  const pool = knex.client as PoolOwner;
  const client = await pool.acquireConnection();
  try {
    await client.query('set statement_timeout = 0');
    return await body(client);
  } finally {
    await client.query('reset statement_timeout').catch(() => undefined);
    await pool.releaseConnection(client);
  }
}

/**
 * Streams lines into a table with COPY FROM STDIN (the fastest load PostgreSQL has) on `client`.
 * Each line is one row in COPY text format, values escaped (`cell`) and tab-separated, ending in
 * `\n`. `lines` is consumed lazily, so millions of rows never sit in memory at once; they go out
 * in chunks of about 1 MB.
 */
export async function copyText(client: PoolClient, table: string, columns: readonly string[], lines: Iterable<string>): Promise<number> {
  let n = 0;
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', () => resolve());
    stream.on('error', reject);
  });
  let chunk = '';
  try {
    for (const line of lines) {
      chunk += line;
      n++;
      if (chunk.length > 1 << 16) {
        if (!stream.write(chunk)) await once(stream, 'drain'); // rejects if the server fails the COPY
        chunk = '';
      }
    }
  } catch (e) {
    // The generator failed: abort the COPY (CopyFail) so the connection is usable again.
    stream.destroy(e instanceof Error ? e : new Error(String(e)));
    await done.catch(() => undefined);
    throw e;
  }
  stream.end(chunk);
  await done;
  return n;
}

/** Rows of values as COPY text lines. */
export function* rowLines(rows: Iterable<readonly Cell[]>): Generator<string> {
  for (const row of rows) yield `${row.map(cell).join('\t')}\n`;
}

/** `copyText` for rows of values. */
export async function copyRows(client: PoolClient, table: string, columns: readonly string[], rows: Iterable<readonly Cell[]>): Promise<number> {
  return copyText(client, table, columns, rowLines(rows));
}

/** `copyRows` on a pooled connection of its own. */
export async function copyInto(knex: Knex, table: string, columns: readonly string[], rows: Iterable<readonly Cell[]>): Promise<number> {
  return withLoadConnection(knex, (client) => copyRows(client, table, columns, rows));
}
