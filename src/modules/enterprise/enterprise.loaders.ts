import DataLoader from 'dataloader';
import type { Knex } from '@mikro-orm/postgresql';
import type { ConsentChecker } from '@/access/consent-checker';
import { ENTERPRISE_COLUMNS } from './enterprise.rows';
import type { EnterpriseRow } from './enterprise.rows';
import { prefetchColumns, takePrefetched } from './enterprise.prefetch';
import type { PrefetchPlan } from './enterprise.prefetch';
import { preparedRaw } from '@/db/prepared';

export interface EnterpriseLoaders {
  enterpriseByUscc: DataLoader<string, EnterpriseRow | null>;
  /** Children the request's resolvers asked to bring along with the next batch (enterprise.prefetch.ts). */
  enterprisePrefetch: Map<string, PrefetchPlan>;
}

/** An enterprise row as read with the viewer's consents and the prefetched children. */
export type EnterpriseReadRow = EnterpriseRow & { consents?: { id: string; purpose: string; scopes: string[] }[] };

/**
 * The select list of every enterprise read (by USCC or by page): the columns, the viewer's active
 * consents (ConsentChecker.prefetchSql) and the children in `plans` (enterprise.prefetch.ts).
 */
export function enterpriseSelect(consents: ConsentChecker, plans: readonly PrefetchPlan[]): { sql: string; bindings: unknown[] } {
  const consent = consents.prefetchSql('enterprise.uscc');
  const children = prefetchColumns(plans);
  return {
    sql: `${ENTERPRISE_COLUMNS}${consent ? `, ${consent.sql} as consents` : ''}${children.sql}`,
    bindings: [...(consent?.bindings ?? []), ...children.bindings],
  };
}

/** Hands what came with one row to the consent checker and the children's loaders. */
export function takeEnterpriseRow(consents: ConsentChecker, plans: readonly PrefetchPlan[], row: EnterpriseReadRow): void {
  if (row.consents) consents.prime(row.uscc, row.consents);
  takePrefetched(plans, row.uscc, row as unknown as Record<string, unknown>);
}

export function createEnterpriseLoaders(knex: Knex, consents: ConsentChecker): EnterpriseLoaders {
  const enterprisePrefetch = new Map<string, PrefetchPlan>();
  return {
    enterprisePrefetch,
    enterpriseByUscc: new DataLoader(async (usccs: readonly string[]) => {
      const plans = [...enterprisePrefetch.values()];
      const select = enterpriseSelect(consents, plans);
      const res = await preparedRaw<{ rows: EnterpriseReadRow[] }>(knex, `select ${select.sql} from enterprise where uscc = any(?)`, [
        ...select.bindings,
        usccs as string[],
      ]);
      for (const r of res.rows) takeEnterpriseRow(consents, plans, r);
      const by = new Map(res.rows.map((r) => [r.uscc, r]));
      return usccs.map((u) => by.get(u) ?? null);
    }),
  };
}
