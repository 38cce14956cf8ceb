import type { PoolClient } from 'pg';

/**
 * Bulk loading into an EMPTY table without index maintenance: the table's indexes, primary-key /
 * unique / exclusion constraints and foreign keys are read from the catalogue
 * (`pg_get_indexdef`, `pg_get_constraintdef`), dropped, and re-created from those exact
 * definitions after the load — one sort per index instead of millions of random B-tree inserts, and
 * one validating join per foreign key instead of a trigger and an index probe per row.
 *
 * Everything runs in ONE transaction on the caller's connection (`loadWithoutIndexes`): if the load
 * or a re-creation fails (a duplicate key, a dangling reference), the transaction rolls back and
 * the table is exactly as it was, indexes and constraints included. A table that is not empty is
 * loaded with its indexes in place, as an ordinary COPY.
 *
 * Kept in place: a primary-key or unique constraint that another table's foreign key references
 * (dropping it would mean dropping those foreign keys too), and CHECK / NOT NULL constraints
 * (cheap per row). Not carried over, because no migration uses them: comments on the dropped
 * indexes and constraints, CLUSTER marks, REPLICA IDENTITY USING INDEX
 * (test/integration/scale-seed.test.ts compares the catalogue before and after).
 */
export interface DeferredDefinitions {
  /** Dropped in this order. */
  drop: string[];
  /** Re-created in this order: keys, then plain indexes, then foreign keys. */
  restore: string[];
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The drop / re-create statements for `table`'s indexes and key constraints (nothing executed). */
export async function deferrableDefinitions(client: PoolClient, table: string): Promise<DeferredDefinitions> {
  const { rows: constraints } = await client.query<{ name: string; type: string; def: string }>(
    `select c.conname as name, c.contype as type, pg_get_constraintdef(c.oid) as def
       from pg_constraint c
      where c.conrelid = $1::regclass and c.contype in ('p', 'u', 'x', 'f')
        and not (c.contype in ('p', 'u', 'x') and exists (
              select 1 from pg_constraint r
               where r.contype = 'f' and r.confrelid = c.conrelid and r.conindid = c.conindid and r.conrelid <> c.conrelid))
      order by c.conname`,
    [table],
  );
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
       from pg_index i
      where i.indrelid = $1::regclass
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid and c.contype in ('p', 'u', 'x'))
      order by 1`,
    [table],
  );
  const t = await qualified(client, table);
  const fks = constraints.filter((c) => c.type === 'f');
  const keys = constraints.filter((c) => c.type !== 'f');
  return {
    drop: [
      ...fks.map((c) => `alter table ${t} drop constraint ${ident(c.name)}`),
      ...keys.map((c) => `alter table ${t} drop constraint ${ident(c.name)}`),
      ...indexes.map((i) => `drop index ${i.name}`),
    ],
    restore: [
      ...keys.map((c) => `alter table ${t} add constraint ${ident(c.name)} ${c.def}`),
      ...indexes.map((i) => i.def),
      ...fks.map((c) => `alter table ${t} add constraint ${ident(c.name)} ${c.def}`),
    ],
  };
}

async function qualified(client: PoolClient, table: string): Promise<string> {
  const { rows } = await client.query<{ name: string }>(`select $1::regclass::text as name`, [table]);
  return rows[0]!.name;
}

export interface LoadOptions {
  /** Settings for this transaction only, e.g. `{ maintenance_work_mem: '1GB' }` for the index builds. */
  settings?: Record<string, string>;
  /** Told before each re-creation (done of total) and once at the end (total of total). */
  onRestore?: (done: number, total: number) => void;
}

export interface LoadOutcome<T> {
  result: T;
  /** The table was empty: loaded without its indexes and key constraints, which were re-created. */
  deferred: boolean;
  /** Seconds spent in `load` and in re-creating the indexes and constraints. */
  seconds: { load: number; restore: number };
}

/**
 * Runs `load` (a COPY into `table` on `client`) in one transaction; if `table` is empty, without its
 * indexes and key constraints, which are re-created from their catalogue definitions before the
 * commit. A table with rows is loaded as before: indexes in place, no lock beyond the COPY's own.
 */
export async function loadWithoutIndexes<T>(client: PoolClient, table: string, load: () => Promise<T>, opts: LoadOptions = {}): Promise<LoadOutcome<T>> {
  const t = await qualified(client, table);
  const isEmpty = async () => (await client.query<{ empty: boolean }>(`select not exists (select 1 from ${t}) as empty`)).rows[0]!.empty;
  await client.query('begin');
  try {
    for (const [k, v] of Object.entries(opts.settings ?? {})) await client.query(`select set_config($1, $2, true)`, [k, v]);
    let deferred = false;
    if (await isEmpty()) {
      // Nobody writes the table while it has no indexes; checked again under the lock.
      await client.query(`lock table ${t} in access exclusive mode`);
      deferred = await isEmpty();
    }
    const defs = deferred ? await deferrableDefinitions(client, table) : { drop: [], restore: [] };
    for (const sql of defs.drop) await client.query(sql);
    let start = performance.now();
    const result = await load();
    const loadSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    for (const [i, sql] of defs.restore.entries()) {
      opts.onRestore?.(i, defs.restore.length);
      await client.query(sql);
    }
    if (deferred) opts.onRestore?.(defs.restore.length, defs.restore.length);
    await client.query('commit');
    return { result, deferred, seconds: { load: loadSeconds, restore: (performance.now() - start) / 1000 } };
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  }
}
