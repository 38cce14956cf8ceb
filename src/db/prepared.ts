import { createHash } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';

/**
 * Named prepared statements for the hot read paths. PostgreSQL then parses and plans a statement
 * once per connection instead of on every request: on the profile and page reads of issue 5,
 * parse + plan cost several times the execution itself (see also `genericPlans` in
 * src/config/orm.ts). The name is derived from the SQL text (identical text, identical statement,
 * on any connection); `pg` prepares it on a connection's first use and only binds and executes
 * afterwards.
 *
 * The statement runs on a connection from knex's own pool (same acquire timeout, same pool
 * validation, same errors) but without knex's per-query machinery, which cost the profile read
 * more than the pg driver itself; knex's `query` event is still emitted, so statement metrics and
 * the test harness's counters see it. Inside a transaction it goes through the transaction.
 *
 * The set of names is bounded: statements are built from fixed fragments, so the hot paths have
 * a few dozen texts; past MAX_NAMED a text runs unnamed, as any other query would.
 */
const MAX_NAMED = 500;

/**
 * Knex clients whose connections are real PostgreSQL sessions of their own. The embedded
 * database's socket server runs every client connection on ONE backend session, where a name one
 * connection prepared already exists for the next: there statements run unnamed (planned per
 * execution, as knex runs them). Behind a pooler in transaction mode, leave this off too.
 */
const namedOn = new WeakSet<object>();

export function enablePreparedStatements(knex: Knex): void {
  namedOn.add(knex.client as object);
}

interface Prepared {
  name: string | undefined;
  /** `?` placeholders as `$1…$n` (the SQL must not contain other question marks). */
  text: string;
}
const statements = new Map<string, Prepared>();

function prepare(sql: string): Prepared {
  let p = statements.get(sql);
  if (!p) {
    let n = 0;
    const text = sql.replace(/\?/g, () => `$${++n}`);
    p = {
      name:
        statements.size < MAX_NAMED
          ? `hub_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`
          : undefined,
      text,
    };
    if (p.name) statements.set(sql, p);
  }
  return p;
}

interface PgConnection {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<unknown>;
}
interface KnexClientInternals {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(c: PgConnection): Promise<void>;
  emit(event: 'query', q: { sql: string; bindings: readonly unknown[]; method: string }): void;
}

/** Runs `sql` (with `?` placeholders) as a named prepared statement; resolves with pg's result. */
export async function preparedRaw<T>(
  knex: Knex,
  sql: string,
  bindings: readonly unknown[],
): Promise<T> {
  const p = prepare(sql);
  const client0 = knex.client as object;
  const name =
    namedOn.has(client0) || namedOn.has(Object.getPrototypeOf(client0) as object)
      ? p.name
      : undefined;
  if ((knex as { isTransaction?: boolean }).isTransaction) {
    const raw = knex.raw(sql, bindings as never[]);
    return (await (name ? raw.options({ name }) : raw)) as T;
  }
  for (const b of bindings)
    if (b === undefined) throw new Error(`Undefined binding in ${sql.slice(0, 80)}`);
  const client = knex.client as unknown as KnexClientInternals;
  const conn = await client.acquireConnection();
  try {
    client.emit('query', { sql, bindings, method: 'raw' });
    return (await conn.query({ name, text: p.text, values: bindings as unknown[] })) as T;
  } finally {
    await client.releaseConnection(conn);
  }
}
