import type { Knex } from '@mikro-orm/postgresql';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

type Cell = string | number | boolean | null | readonly string[];

/** One value in COPY text format: \N for null, arrays as {...}, backslash/tab/newline escaped. */
function cell(v: Cell): string {
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

/**
 * Streams rows into a table with COPY FROM STDIN (the fastest load PostgreSQL has), on one pooled
 * connection. `rows` is consumed lazily, so millions of rows never sit in memory at once.
 */
interface PoolOwner {
  acquireConnection(): Promise<PoolClient>;
  releaseConnection(c: PoolClient): Promise<void>;
}

export async function copyInto(knex: Knex, table: string, columns: readonly string[], rows: Iterable<readonly Cell[]>): Promise<number> {
  const pool = knex.client as PoolOwner;
  const client = await pool.acquireConnection();
  let n = 0;
  try {
    // A bulk load runs as long as it needs; the request-path statement_timeout comes back after.
    await client.query('set statement_timeout = 0');
    const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', () => resolve());
      stream.on('error', reject);
    });
    let chunk = '';
    for (const row of rows) {
      chunk += `${row.map(cell).join('\t')}\n`;
      n++;
      if (chunk.length > 1 << 20) {
        if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
        chunk = '';
      }
    }
    stream.end(chunk);
    await done;
    return n;
  } finally {
    await client.query('reset statement_timeout').catch(() => undefined);
    await pool.releaseConnection(client);
  }
}
