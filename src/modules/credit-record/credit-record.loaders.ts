import DataLoader from 'dataloader';
import type { Knex } from '@mikro-orm/postgresql';
import { compileRowFilter } from '@/access/row-policy';
import type { HubContext } from '@/context';
import { CREDIT_RECORD_COLUMNS, CREDIT_RECORD_FROM, CREDIT_RECORD_ROWS } from './credit-record.rows';
import type { CreditRecordRow } from './credit-record.rows';

/** Arguments shared by every enterprise of one page: one DataLoader (one SQL) per distinct set. */
export interface RecordListArgs {
  kinds: string[] | null;
  /** Page size; the loader fetches size + 1 to know whether a next page exists. */
  size: number;
  after: { decisionDate: string; recordId: string } | null;
}

export interface CreditRecordLoaders {
  creditRecordPages: Map<string, DataLoader<string, CreditRecordRow[]>>;
  creditRecordCounts: Map<string, DataLoader<string, number>>;
  creditRecordVersions: DataLoader<string, CreditRecordRow[]>;
}

export function createCreditRecordLoaders(knex: Knex): CreditRecordLoaders {
  return {
    creditRecordPages: new Map(),
    creditRecordCounts: new Map(),
    // Every version of the given logical records, newest first (regulator history).
    creditRecordVersions: new DataLoader(async (recordIds: readonly string[]) => {
      const res = await knex.raw<{ rows: CreditRecordRow[] }>(
        `select ${CREDIT_RECORD_COLUMNS} from ${CREDIT_RECORD_FROM}
          where r.record_id = any(?::uuid[]) order by r.record_id, r.version desc`,
        [recordIds as string[]],
      );
      const by = new Map<string, CreditRecordRow[]>();
      for (const row of res.rows) {
        const list = by.get(row.record_id);
        if (list) list.push(row);
        else by.set(row.record_id, [row]);
      }
      return recordIds.map((id) => by.get(id) ?? []);
    }),
  };
}

function argsKey(a: Pick<RecordListArgs, 'kinds'> & Partial<RecordListArgs>): string {
  return JSON.stringify([a.kinds ?? null, a.size ?? null, a.after ?? null]);
}

function kindFilter(kinds: string[] | null): { sql: string; bindings: unknown[] } {
  return kinds ? { sql: 'and r.kind = any(?::text[])', bindings: [kinds] } : { sql: '', bindings: [] };
}

/**
 * The page of current records of each enterprise, in ONE statement for all enterprises of the
 * batch (a lateral subquery per USCC, LIMIT size + 1), filtered by the row policy. The statement
 * count of `enterprises(first: 50) { … creditRecords(first: 10) }` is therefore that of first: 5.
 */
export function pageLoader(ctx: HubContext, args: RecordListArgs): DataLoader<string, CreditRecordRow[]> {
  const key = argsKey(args);
  let loader = ctx.loaders.creditRecordPages.get(key);
  if (!loader) {
    loader = new DataLoader(async (usccs: readonly string[]) => {
      const filter = await compileRowFilter(ctx, 'CreditRecord', CREDIT_RECORD_ROWS, usccs);
      const kinds = kindFilter(args.kinds);
      const cursor = args.after
        ? { sql: 'and (r.decision_date, r.record_id) < (?::date, ?::uuid)', bindings: [args.after.decisionDate, args.after.recordId] }
        : { sql: '', bindings: [] };
      const res = await ctx.knex.raw<{ rows: CreditRecordRow[] }>(
        `select p.* from unnest(?::text[]) as u(uscc)
         cross join lateral (
           select ${CREDIT_RECORD_COLUMNS} from ${CREDIT_RECORD_FROM}
            where r.enterprise_uscc = u.uscc and r.superseded_at is null ${kinds.sql}
              and ${filter.sql} ${cursor.sql}
            order by r.decision_date desc, r.record_id desc
            limit ?
         ) p`,
        [usccs as string[], ...kinds.bindings, ...filter.bindings, ...cursor.bindings, args.size + 1] as never[],
      );
      const by = new Map<string, CreditRecordRow[]>();
      for (const row of res.rows) {
        const list = by.get(row.enterprise_uscc);
        if (list) list.push(row);
        else by.set(row.enterprise_uscc, [row]);
      }
      return usccs.map((u) => by.get(u) ?? []);
    });
    ctx.loaders.creditRecordPages.set(key, loader);
  }
  return loader;
}

/** totalCount of each enterprise's visible current records, one statement per batch. */
export function countLoader(ctx: HubContext, kinds: string[] | null): DataLoader<string, number> {
  const key = argsKey({ kinds });
  let loader = ctx.loaders.creditRecordCounts.get(key);
  if (!loader) {
    loader = new DataLoader(async (usccs: readonly string[]) => {
      const filter = await compileRowFilter(ctx, 'CreditRecord', CREDIT_RECORD_ROWS, usccs);
      const k = kindFilter(kinds);
      const res = await ctx.knex.raw<{ rows: { uscc: string; n: number }[] }>(
        `select u.uscc, (select count(*) from credit_record r
                          where r.enterprise_uscc = u.uscc and r.superseded_at is null ${k.sql} and ${filter.sql})::int as n
           from unnest(?::text[]) as u(uscc)`,
        [...k.bindings, ...filter.bindings, usccs as string[]] as never[],
      );
      const by = new Map(res.rows.map((r) => [r.uscc, Number(r.n)]));
      return usccs.map((u) => by.get(u) ?? 0);
    });
    ctx.loaders.creditRecordCounts.set(key, loader);
  }
  return loader;
}
