import { createHash } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';

/**
 * Named prepared statements for the hot read paths. PostgreSQL then parses and plans a statement
 * once per connection instead of on every request: on the profile and page reads of issue 5,
 * parse + plan cost several times the execution itself. The name is derived from the SQL text
 * (identical text, identical statement, on any connection); `pg` prepares it on a connection's
 * first use and only binds and executes afterwards.
 *
 * The set of names is bounded: statements are built from fixed fragments, so the hot paths have
 * a few dozen texts; past MAX_NAMED a text runs unnamed, as any other query would.
 */
const MAX_NAMED = 500;
const names = new Map<string, string>();

function nameOf(sql: string): string | null {
  let name = names.get(sql);
  if (name === undefined) {
    if (names.size >= MAX_NAMED) return null;
    name = `hub_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    names.set(sql, name);
  }
  return name;
}

/** `knex.raw(sql, bindings)`, run as a named prepared statement (same events, pool and errors). */
export function preparedRaw<T>(knex: Knex, sql: string, bindings: readonly unknown[]): Knex.Raw<T> {
  const raw = knex.raw<T>(sql, bindings as never[]);
  const name = nameOf(sql);
  return name ? raw.options({ name }) : raw;
}
