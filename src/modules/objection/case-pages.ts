import type { HubContext } from '@/context';
import { CountedPage, decodeCursor, encodeCursor, pageSize, toPage } from '@/shared/pagination';
import type { Connection } from '@/shared/pagination';
import { BadUserInputError, ForbiddenError } from '@/shared/errors';

/**
 * Keyset pages over a case table (objection, credit_repair): ONE statement for the page and, only
 * when the client selects totalCount, one for the count — the same whatever the page size.
 */
export interface CasePage<T> extends Connection<T> {
  readonly totalCount: Promise<number>;
}

export interface CaseTable {
  /** Table name; aliased `o` in the SQL. */
  readonly table: string;
  /** Select list over alias `o`; must include `seq` (text) and `due_on` (text or null). */
  readonly columns: string;
  readonly cursorKind: string;
}

export interface Where {
  sql: string;
  bindings: unknown[];
}

const QUEUE_KEY = /^(\d{4}-\d{2}-\d{2}|infinity)\|(\d{1,19})$/;
const LIST_KEY = /^\d{1,19}$/;

function badCursor(): BadUserInputError {
  return new BadUserInputError('The cursor is not one this list issued', 'after', 'INVALID_CURSOR');
}

async function countOf(ctx: HubContext, table: string, where: Where): Promise<number> {
  const res = await ctx.knex.raw<{ rows: { n: number }[] }>(
    `select count(*)::int as n from ${table} o where ${where.sql}`,
    where.bindings as never[],
  );
  return Number(res.rows[0]?.n ?? 0);
}

/**
 * A department queue: ordered by the deadline of the awaited step, earliest first, then by filing
 * order; decided cases (no deadline) last. Since an overdue deadline is before today and every other
 * open deadline is today or later, overdue cases come first by construction.
 */
export async function queuePage<R extends { seq: string; due_on: string | null }, T>(
  ctx: HubContext,
  spec: CaseTable,
  where: Where,
  first: number | null | undefined,
  after: string | null | undefined,
  toNode: (r: R) => T,
): Promise<CasePage<T>> {
  const size = pageSize(first);
  const key = decodeCursor(spec.cursorKind, after);
  let cursor: Where = { sql: '', bindings: [] };
  if (key !== null) {
    const m = QUEUE_KEY.exec(key);
    if (!m) throw badCursor();
    cursor = {
      sql: `and (coalesce(o.due_on, 'infinity'::date), o.seq) > (?::date, ?::bigint)`,
      bindings: [m[1], m[2]],
    };
  }
  const res = await ctx.knex.raw<{ rows: R[] }>(
    `select ${spec.columns} from ${spec.table} o where ${where.sql} ${cursor.sql}
      order by coalesce(o.due_on, 'infinity'::date), o.seq limit ?`,
    [...where.bindings, ...cursor.bindings, size + 1] as never[],
  );
  const page = toPage(
    res.rows,
    size,
    (r) => encodeCursor(spec.cursorKind, `${r.due_on ?? 'infinity'}|${r.seq}`),
    toNode,
  );
  return new CountedPage(page, () => countOf(ctx, spec.table, where));
}

/** An enterprise's own cases, newest first. */
export async function newestFirstPage<R extends { seq: string }, T>(
  ctx: HubContext,
  spec: CaseTable,
  where: Where,
  first: number | null | undefined,
  after: string | null | undefined,
  toNode: (r: R) => T,
): Promise<CasePage<T>> {
  const size = pageSize(first);
  const key = decodeCursor(spec.cursorKind, after);
  let cursor: Where = { sql: '', bindings: [] };
  if (key !== null) {
    if (!LIST_KEY.test(key)) throw badCursor();
    cursor = { sql: 'and o.seq < ?::bigint', bindings: [key] };
  }
  const res = await ctx.knex.raw<{ rows: R[] }>(
    `select ${spec.columns} from ${spec.table} o where ${where.sql} ${cursor.sql} order by o.seq desc limit ?`,
    [...where.bindings, ...cursor.bindings, size + 1] as never[],
  );
  const page = toPage(res.rows, size, (r) => encodeCursor(spec.cursorKind, r.seq), toNode);
  return new CountedPage(page, () => countOf(ctx, spec.table, where));
}

/** `o.status` among the given statuses, or the fallback list, or any status. */
export function statusFilter(statuses: readonly string[] | null | undefined, fallback: readonly string[] | null): Where {
  const list = statuses && statuses.length ? [...new Set(statuses)] : fallback;
  return list ? { sql: 'o.status = any(?::text[])', bindings: [list] } : { sql: 'true', bindings: [] };
}

/** Row scope of "my cases": the signed-in enterprise's own, by status. */
export function ownCasesWhere(ctx: HubContext, statuses: readonly string[] | null | undefined): Where {
  if (!ctx.viewer.org) throw new ForbiddenError('An enterprise token names its USCC in org', { reason: 'NO_ORG' });
  const s = statusFilter(statuses, null);
  return { sql: `o.enterprise_uscc = ? and ${s.sql}`, bindings: [ctx.viewer.org, ...s.bindings] };
}
