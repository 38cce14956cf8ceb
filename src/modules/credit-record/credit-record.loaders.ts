import DataLoader from 'dataloader';
import type { Knex } from '@mikro-orm/postgresql';
import { compileRowFilter } from '@/access/row-policy';
import { recordListArgs } from './credit-record.args';
import type { GraphQLResolveInfo } from 'graphql';
import type { HubContext } from '@/context';
import { registerEnterpriseCompanion } from '@/modules/enterprise/enterprise.prefetch';
import type { PrefetchPlan } from '@/modules/enterprise/enterprise.prefetch';
import { selectedNamesBelow } from '@/shared/lookahead';
import type { SelectedField } from '@/shared/lookahead';
import { ALL_RECORD_COLUMNS, CREDIT_RECORD_ROWS, recordColumns } from './credit-record.rows';
import type { CreditRecordRow, RecordColumns } from './credit-record.rows';
import { preparedRaw } from '@/db/prepared';

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
      const res = await preparedRaw<{ rows: CreditRecordRow[] }>(
        knex,
        `select ${ALL_RECORD_COLUMNS.sql} from ${ALL_RECORD_COLUMNS.from}
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

/**
 * Tells loaders of different arguments apart. Plain concatenation: kinds are enum names and the
 * cursor a date and a UUID, none of which holds '|' or ','; asked several times per profile read.
 */
function argsKey(a: Pick<RecordListArgs, 'kinds'> & Partial<RecordListArgs>): string {
  const after = a.after ? `${a.after.decisionDate},${a.after.recordId}` : '';
  return `${a.kinds ? a.kinds.join(',') : '*'}|${a.size ?? ''}|${after}`;
}

function kindFilter(kinds: string[] | null): { sql: string; bindings: unknown[] } {
  return kinds ? { sql: 'and r.kind = any(?::text[])', bindings: [kinds] } : { sql: '', bindings: [] };
}

/**
 * The current records of the enterprise in `usccExpr` that the viewer may see (row policy), newest
 * decision first, one page (size + 1 rows, to know whether a next page exists). The page loader
 * runs it laterally for a batch of enterprises; the enterprise prefetch runs it as a subquery of
 * the enterprise read. One text, so both give the same rows.
 */
function pageSql(ctx: HubContext, args: RecordListArgs, usccExpr: string, columns: RecordColumns): { sql: string; bindings: unknown[] } {
  const filter = compileRowFilter(ctx, 'CreditRecord', CREDIT_RECORD_ROWS, usccExpr);
  const kinds = kindFilter(args.kinds);
  const cursor = args.after
    ? { sql: 'and (r.decision_date, r.record_id) < (?::date, ?::uuid)', bindings: [args.after.decisionDate, args.after.recordId] }
    : { sql: '', bindings: [] };
  return {
    sql: `select ${columns.sql} from ${columns.from}
           where r.enterprise_uscc = ${usccExpr} and r.superseded_at is null ${kinds.sql}
             and ${filter.sql} ${cursor.sql}
           order by r.decision_date desc, r.record_id desc
           limit ?`,
    bindings: [...kinds.bindings, ...filter.bindings, ...cursor.bindings, args.size + 1],
  };
}

/** How many current records of the enterprise in `usccExpr` the viewer may see. */
function countSql(ctx: HubContext, kinds: string[] | null, usccExpr: string): { sql: string; bindings: unknown[] } {
  const filter = compileRowFilter(ctx, 'CreditRecord', CREDIT_RECORD_ROWS, usccExpr);
  const k = kindFilter(kinds);
  return {
    sql: `select count(*)::int from credit_record r
           where r.enterprise_uscc = ${usccExpr} and r.superseded_at is null ${k.sql} and ${filter.sql}`,
    bindings: [...k.bindings, ...filter.bindings],
  };
}

/**
 * The page of current records of each enterprise, in ONE statement for all enterprises of the
 * batch (a lateral subquery per USCC). The statement count of `enterprises(first: 50) { …
 * creditRecords(first: 10) }` is therefore that of first: 5. Rows carry `columns` only.
 */
export function pageLoader(ctx: HubContext, args: RecordListArgs, columns: RecordColumns = ALL_RECORD_COLUMNS): DataLoader<string, CreditRecordRow[]> {
  const key = `${argsKey(args)}|${columns.key}`;
  let loader = ctx.loaders.creditRecordPages.get(key);
  if (!loader) {
    loader = new DataLoader(async (usccs: readonly string[]) => {
      const page = pageSql(ctx, args, 'u.uscc', columns);
      const res = await preparedRaw<{ rows: CreditRecordRow[] }>(
        ctx.knex,
        `select p.* from unnest(?::text[]) as u(uscc) cross join lateral (${page.sql}) p`,
        [usccs as string[], ...page.bindings] as never[],
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
      const count = countSql(ctx, kinds, 'u.uscc');
      const res = await preparedRaw<{ rows: { uscc: string; n: number }[] }>(
        ctx.knex,
        `select u.uscc, (${count.sql}) as n from unnest(?::text[]) as u(uscc)`,
        [...count.bindings, usccs as string[]] as never[],
      );
      const by = new Map(res.rows.map((r) => [r.uscc, Number(r.n)]));
      return usccs.map((u) => by.get(u) ?? 0);
    });
    ctx.loaders.creditRecordCounts.set(key, loader);
  }
  return loader;
}

/** The columns that serve what the client selected of each record of a creditRecords field. */
export function selectedRecordColumns(info: Pick<GraphQLResolveInfo, 'fragments'>, nodes: GraphQLResolveInfo['fieldNodes']): RecordColumns {
  return recordColumns(selectedNamesBelow(info, nodes, ['edges', 'node']));
}

/**
 * Enterprise.creditRecords read with the enterprise row (enterprise.prefetch.ts): the page when
 * edges or pageInfo are selected, the count when totalCount is. Arguments the service would refuse
 * (a bad cursor, a page size out of range) get no plan, so the resolver reports them as before.
 * The page primes the loader of the same arguments and columns the resolver then asks for.
 */
function creditRecordPlans(ctx: HubContext, field: SelectedField, info: GraphQLResolveInfo): PrefetchPlan[] {
  let args: RecordListArgs;
  try {
    const a = field.args ?? {};
    args = recordListArgs(a.kinds as string[] | null | undefined, a.first as number | null | undefined, a.after as string | null | undefined);
  } catch {
    return [];
  }
  const plans: PrefetchPlan[] = [];
  if (field.children.has('edges') || field.children.has('pageInfo')) {
    const columns = selectedRecordColumns(info, [field.node]);
    const page = pageSql(ctx, args, 'enterprise.uscc', columns);
    plans.push({
      key: `creditRecords:page:${argsKey(args)}|${columns.key}`,
      sql: `select coalesce(json_agg(p order by p.decision_date desc, p.record_id desc), '[]') from (${page.sql}) p`,
      bindings: page.bindings,
      take: (uscc, value) => pageLoader(ctx, args, columns).prime(uscc, value as CreditRecordRow[]),
    });
  }
  if (field.children.has('totalCount')) {
    const count = countSql(ctx, args.kinds, 'enterprise.uscc');
    plans.push({
      key: `creditRecords:count:${argsKey({ kinds: args.kinds })}`,
      sql: count.sql,
      bindings: count.bindings,
      take: (uscc, value) => countLoader(ctx, args.kinds).prime(uscc, Number(value)),
    });
  }
  return plans;
}

registerEnterpriseCompanion({ field: 'creditRecords', plans: creditRecordPlans });
