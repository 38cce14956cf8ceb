import { Client } from 'pg';
import { loadConfig } from '@/config/env';
import { loadWithoutIndexes } from '@/db/bulk-load';
import { withLoadConnection } from '@/db/copy';
import { openDatabase } from '@/db/database';
import type { Database } from '@/db/database';
import { seedScale } from '@/db/scale-seed';
import { insertOrganizations } from '@/db/seed';
import { DEMO_ORGANIZATIONS } from '@/modules/organization/organizations.demo';
import { isEmbeddedTestDatabase, testDatabaseUrl } from '../helpers/env';

/**
 * The scale seed (issue 5) loads EMPTY tables without their indexes, keys and foreign keys and
 * re-creates them after: the catalogue afterwards must be exactly what the migrations made — same
 * names, same definitions, valid. It needs a freshly migrated database of its own: a sibling
 * database `<test db>_scale` on the server. Skipped on the embedded test database (PGlite cannot
 * be started inside a jest worker, and the shared one already holds other files' rows).
 */
const TABLES = ['enterprise', 'credit_record', 'financing_data', 'consent'];

/** Everything about the bulk-loaded tables' indexes and constraints (and the FK triggers they imply). */
async function catalogue(db: Database): Promise<unknown> {
  const q = async (sql: string) => (await db.knex.raw(sql, [TABLES])).rows as unknown[];
  return {
    indexes: await q(`select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' and tablename in (?) order by 1, 2`),
    flags: await q(`select c.relname as index, i.indisunique, i.indisprimary, i.indisvalid, i.indisready, i.indislive, i.indimmediate,
                           i.indisclustered, i.indisreplident, obj_description(i.indexrelid, 'pg_class') as comment
                      from pg_index i join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
                     where t.relname in (?) order by 1`),
    constraints: await q(`select conrelid::regclass::text as tbl, conname, contype::text, pg_get_constraintdef(oid) as def,
                                 convalidated, condeferrable, condeferred, conindid::regclass::text as index
                            from pg_constraint where conrelid::regclass::text in (?) order by 1, 2`),
    // Foreign keys are enforced by internal triggers on both ends.
    triggers: await q(`select tgrelid::regclass::text as tbl, tgfoid::regproc::text as fn, tgtype, tgenabled::text, count(*)::int as n
                         from pg_trigger where tgrelid::regclass::text in (?) or tgrelid = 'organization'::regclass
                        group by 1, 2, 3, 4 order by 1, 2, 3, 4`),
  };
}

const server = isEmbeddedTestDatabase() ? describe.skip : describe;

server('scale seed into a fresh database', () => {
  let db: Database;
  let cleanup: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const url = new URL(testDatabaseUrl());
    const name = `${url.pathname.slice(1)}_scale`;
    url.pathname = '/postgres';
    const admin = new Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    url.pathname = `/${name}`;
    cleanup = async () => {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    };
    // The migrator reports each migration on the console.
    const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      db = await openDatabase(loadConfig({ NODE_ENV: 'test', DATABASE_URL: url.toString(), HUB_STATEMENT_TIMEOUT_MS: '60000' }));
    } finally {
      quiet.mockRestore();
    }
    await insertOrganizations(db.knex, DEMO_ORGANIZATIONS);
  }, 120_000);

  afterAll(async () => {
    await db?.close();
    await cleanup?.();
  });

  const base = { seed: 7, bank: 'BANK-ICBC-JS', now: new Date('2026-11-26T02:00:00Z'), maintenanceWorkMem: '64MB' };

  it('into empty tables: loads without indexes and re-creates every index and constraint as the migrations made it', async () => {
    const before = await catalogue(db);
    const r = await seedScale(db.knex, { ...base, enterprises: 300, records: 3000, start: 1000, consents: 40 });
    expect(r.deferred).toEqual({ enterprise: true, credit_record: true, financing_data: true, consent: true });
    expect(r.enterprises).toBe(300);
    expect(Math.abs(r.records - 3000)).toBeLessThan(100);
    expect(await catalogue(db)).toEqual(before);

    const [counts] = (await db.knex.raw(
      `select (select count(*)::int from enterprise) as e, (select count(*)::int from credit_record) as r,
              (select count(*)::int from financing_data) as f, (select count(*)::int from consent) as c`,
    )).rows;
    expect(counts).toEqual({ e: 300, r: r.records, f: 900, c: 40 });
    // The re-created keys and foreign keys are enforced.
    await expect(db.knex.raw(`insert into credit_record (record_id, version, enterprise_uscc, kind, department, source_record_id, domain,
        document_number, decision_date, rule_version, publication, content_hash, received_at)
        select record_id, 2, 'NO-SUCH-ENTERPRISE', kind, department, source_record_id || '-x', domain, document_number, decision_date,
               rule_version, 'ALWAYS', content_hash, received_at from credit_record limit 1`)).rejects.toThrow(/credit_record_enterprise_uscc_fkey/);
    await expect(db.knex.raw(`insert into financing_data select * from financing_data limit 1`)).rejects.toThrow(/financing_data_pkey/);
  }, 120_000);

  it('on top of existing rows: keeps the indexes in place (the ordinary COPY)', async () => {
    const before = await catalogue(db);
    const r = await seedScale(db.knex, { ...base, enterprises: 30, records: 300, start: 5000, consents: 5 });
    expect(r.deferred).toEqual({ enterprise: false, credit_record: false, financing_data: false, consent: false });
    expect(await catalogue(db)).toEqual(before);
  }, 60_000);

  it('a load that fails rolls back whole: the table keeps its indexes and constraints', async () => {
    await db.knex.raw(`create table bulk_probe (id int primary key, code text not null, parent int references bulk_probe (id),
                         org text references organization (code));
                       create unique index bulk_probe_code_uq on bulk_probe (lower(code)) where id > 0;`);
    const defs = async () => (await db.knex.raw(
      `select indexdef from pg_indexes where tablename = 'bulk_probe' union all
       select pg_get_constraintdef(oid) from pg_constraint where conrelid = 'bulk_probe'::regclass order by 1`)).rows as unknown[];
    const before = await defs();
    expect(before).toHaveLength(5);
    await expect(
      withLoadConnection(db.knex, (client) =>
        loadWithoutIndexes(client, 'bulk_probe', async () => {
          // Without its unique index the duplicate goes in; re-creating the index then fails.
          await client.query(`insert into bulk_probe (id, code) values (1, 'a'), (2, 'A')`);
        }),
      ),
    ).rejects.toThrow(/bulk_probe_code_uq/);
    expect(await defs()).toEqual(before);
    expect((await db.knex.raw('select count(*)::int as n from bulk_probe')).rows[0].n).toBe(0);

    const ok = await withLoadConnection(db.knex, (client) =>
      loadWithoutIndexes(client, 'bulk_probe', async () => {
        await client.query(`insert into bulk_probe (id, code, parent, org) values (1, 'a', null, 'JS-SWJ'), (2, 'b', 1, null)`);
      }),
    );
    expect(ok.deferred).toBe(true);
    expect(await defs()).toEqual(before);
    await expect(db.knex.raw(`insert into bulk_probe (id, code, parent) values (3, 'c', 99)`)).rejects.toThrow(/bulk_probe_parent_fkey/);
    await db.knex.raw('drop table bulk_probe');
  }, 60_000);
});
