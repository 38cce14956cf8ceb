import type { GraphQLResolveInfo } from 'graphql';
import type { HubContext } from '@/context';
import { BadUserInputError } from '@/shared/errors';
import { CountedPage, decodeCursor, encodeCursor, pageSize, toPage } from '@/shared/pagination';
import { parseUsccArg, usccChecksumError } from '@/shared/uscc-arg';
import { isIndustrySection } from './industries';
import type { EnterpriseFilter } from './enterprise.inputs';
import { enterpriseSelect, takeEnterpriseRow } from './enterprise.loaders';
import type { EnterpriseReadRow } from './enterprise.loaders';
import { prefetchPlans } from './enterprise.prefetch';
import { toEnterprise } from './enterprise.rows';
import type { Enterprise } from './enterprise.types';
import { preparedRaw } from '@/db/prepared';

const CURSOR_KIND = 'enterprise';

export interface EnterprisePage {
  edges: { cursor: string; node: Enterprise }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  readonly totalCount: Promise<number>;
}

/** Escapes LIKE wildcards so a name search is a plain substring search. */
function likeContains(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function whereClause(filter: EnterpriseFilter | null | undefined): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (!filter) return { sql, params };
  if (filter.nameContains !== null && filter.nameContains !== undefined) {
    const n = filter.nameContains.trim();
    if (n.length < 2 || n.length > 50) {
      throw new BadUserInputError('nameContains must be 2 to 50 characters', 'filter.nameContains', 'OUT_OF_RANGE');
    }
    sql.push(`name like ?`);
    params.push(likeContains(n));
  }
  if (filter.industryCode !== null && filter.industryCode !== undefined) {
    if (!isIndustrySection(filter.industryCode)) {
      throw new BadUserInputError('industryCode must be a GB/T 4754-2017 section letter A–T', 'filter.industryCode', 'INVALID_INDUSTRY_CODE');
    }
    sql.push('industry_code = ?');
    params.push(filter.industryCode);
  }
  if (filter.districtCode !== null && filter.districtCode !== undefined) {
    if (!/^\d{6}$/.test(filter.districtCode)) {
      throw new BadUserInputError('districtCode must be six digits (GB/T 2260)', 'filter.districtCode', 'INVALID_DISTRICT_CODE');
    }
    sql.push('district_code = ?');
    params.push(filter.districtCode);
  }
  if (filter.status !== null && filter.status !== undefined) {
    sql.push('status = ?');
    params.push(filter.status);
  }
  return { sql, params };
}

export const enterpriseService = {
  /** One enterprise by USCC; a code failing the check is accepted only if the registry holds it. */
  async byUscc(ctx: HubContext, uscc: string, info?: GraphQLResolveInfo): Promise<Enterprise | null> {
    const arg = parseUsccArg(uscc);
    for (const plan of prefetchPlans(ctx, info)) ctx.loaders.enterprisePrefetch.set(plan.key, plan);
    const row = await ctx.loaders.enterpriseByUscc.load(arg.code);
    if (!arg.checksumOk && !row) throw usccChecksumError();
    return row ? toEnterprise(row) : null;
  },

  /** A keyset page ordered by USCC; every filter has a (filter, uscc) index. */
  async page(
    ctx: HubContext,
    filter: EnterpriseFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
    info?: GraphQLResolveInfo,
  ): Promise<EnterprisePage> {
    const size = pageSize(first);
    const afterKey = decodeCursor(CURSOR_KIND, after);
    const where = whereClause(filter);
    const pageWhere = afterKey ? [...where.sql, 'uscc > ?'] : where.sql;
    const params = afterKey ? [...where.params, afterKey] : where.params;
    const plans = prefetchPlans(ctx, info, ['edges', 'node']);
    const select = enterpriseSelect(ctx.consents, plans);
    const res = await preparedRaw<{ rows: EnterpriseReadRow[] }>(
      ctx.knex,
      `select ${select.sql} from enterprise
        ${pageWhere.length ? `where ${pageWhere.join(' and ')}` : ''}
        order by uscc limit ?`,
      [...select.bindings, ...params, size + 1],
    );
    // The look-ahead row (size + 1) only tells whether a next page exists: its children are not taken.
    for (const r of res.rows.slice(0, size)) {
      ctx.loaders.enterpriseByUscc.prime(r.uscc, r);
      takeEnterpriseRow(ctx.consents, plans, r);
    }
    const page = toPage(res.rows, size, (r) => encodeCursor(CURSOR_KIND, r.uscc), toEnterprise);
    // Counted only when the client selects totalCount.
    return new CountedPage(page, () =>
      ctx.knex
        .raw<{ rows: { n: string }[] }>(
          `select count(*) as n from enterprise ${where.sql.length ? `where ${where.sql.join(' and ')}` : ''}`,
          where.params as never[],
        )
        .then((r) => Number(r.rows[0]!.n)),
    );
  },
};
