import DataLoader from 'dataloader';
import type { Knex } from '@mikro-orm/postgresql';
import { compileRowFilter } from '@/access/row-policy';
import type { HubContext } from '@/context';
import { COMMITMENT_COLUMNS, COMMITMENT_FROM, COMMITMENT_ROWS } from './commitment.rows';
import type { CommitmentCheckRow, CommitmentRow } from './commitment.rows';

export interface CommitmentLoaders {
  /** One commitment by id, unfiltered: callers apply the row policy (rowVisible). */
  commitmentById: DataLoader<string, CommitmentRow | null>;
  /** The checks of each commitment, newest first. */
  commitmentChecks: DataLoader<string, CommitmentCheckRow[]>;
  /** Enterprise.commitments pages, one loader per (size, after). */
  commitmentPages: Map<string, DataLoader<string, CommitmentRow[]>>;
  commitmentCounts: Map<string, DataLoader<string, number>>;
}

function groupBy<R>(rows: R[], key: (r: R) => string): Map<string, R[]> {
  const by = new Map<string, R[]>();
  for (const row of rows) {
    const k = key(row);
    const list = by.get(k);
    if (list) list.push(row);
    else by.set(k, [row]);
  }
  return by;
}

export function createCommitmentLoaders(knex: Knex): CommitmentLoaders {
  return {
    commitmentById: new DataLoader(async (ids: readonly string[]) => {
      const res = await knex.raw<{ rows: CommitmentRow[] }>(
        `select ${COMMITMENT_COLUMNS} from ${COMMITMENT_FROM} where c.id = any(?::uuid[])`,
        [ids as string[]],
      );
      const by = new Map(res.rows.map((r) => [r.id, r]));
      return ids.map((id) => by.get(id) ?? null);
    }),
    commitmentChecks: new DataLoader(async (ids: readonly string[]) => {
      const res = await knex.raw<{ rows: CommitmentCheckRow[] }>(
        `select k.id, k.commitment_id, k.department, coalesce(o.name, k.department) as department_name, k.checked_on,
                k.inspectors, k.finding, k.fulfilment, k.found_false, k.recorded_at
           from commitment_check k left join organization o on o.code = k.department
          where k.commitment_id = any(?::uuid[])
          order by k.commitment_id, k.checked_on desc, k.recorded_at desc`,
        [ids as string[]],
      );
      const by = groupBy(res.rows, (r) => r.commitment_id);
      return ids.map((id) => by.get(id) ?? []);
    }),
    commitmentPages: new Map(),
    commitmentCounts: new Map(),
  };
}

/**
 * The page of each enterprise's commitments visible to the viewer, newest first, in ONE statement
 * for all enterprises of the batch (a lateral subquery per USCC, LIMIT size + 1), filtered by the
 * row policy. `enterprises(first: 50) { commitments(first: 5) }` costs what first: 5 costs.
 */
export function enterprisePageLoader(ctx: HubContext, size: number, afterSeq: string | null): DataLoader<string, CommitmentRow[]> {
  const key = JSON.stringify([size, afterSeq]);
  let loader = ctx.loaders.commitmentPages.get(key);
  if (!loader) {
    loader = new DataLoader(async (usccs: readonly string[]) => {
      const filter = compileRowFilter(ctx, 'Commitment', COMMITMENT_ROWS);
      const cursor = afterSeq ? { sql: 'and c.seq < ?::bigint', bindings: [afterSeq] } : { sql: '', bindings: [] };
      const res = await ctx.knex.raw<{ rows: CommitmentRow[] }>(
        `select p.* from unnest(?::text[]) as u(uscc)
         cross join lateral (
           select ${COMMITMENT_COLUMNS} from ${COMMITMENT_FROM}
            where c.enterprise_uscc = u.uscc and ${filter.sql} ${cursor.sql}
            order by c.seq desc
            limit ?
         ) p`,
        [usccs as string[], ...filter.bindings, ...cursor.bindings, size + 1] as never[],
      );
      const by = groupBy(res.rows, (r) => r.enterprise_uscc);
      return usccs.map((u) => by.get(u) ?? []);
    });
    ctx.loaders.commitmentPages.set(key, loader);
  }
  return loader;
}

/** totalCount of each enterprise's visible commitments, one statement per batch. */
export function enterpriseCountLoader(ctx: HubContext): DataLoader<string, number> {
  const key = 'all';
  let loader = ctx.loaders.commitmentCounts.get(key);
  if (!loader) {
    loader = new DataLoader(async (usccs: readonly string[]) => {
      const filter = compileRowFilter(ctx, 'Commitment', COMMITMENT_ROWS);
      const res = await ctx.knex.raw<{ rows: { uscc: string; n: number }[] }>(
        `select u.uscc, (select count(*) from commitment c where c.enterprise_uscc = u.uscc and ${filter.sql})::int as n
           from unnest(?::text[]) as u(uscc)`,
        [...filter.bindings, usccs as string[]] as never[],
      );
      const by = new Map(res.rows.map((r) => [r.uscc, Number(r.n)]));
      return usccs.map((u) => by.get(u) ?? 0);
    });
    ctx.loaders.commitmentCounts.set(key, loader);
  }
  return loader;
}
