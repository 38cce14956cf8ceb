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

/**
 * The consents of the viewer for these enterprises come along in the same statement (see
 * ConsentChecker.prefetchSql), and so do the children registered in `enterprisePrefetch`.
 */
export function createEnterpriseLoaders(knex: Knex, consents: ConsentChecker): EnterpriseLoaders {
  const enterprisePrefetch = new Map<string, PrefetchPlan>();
  return {
    enterprisePrefetch,
    enterpriseByUscc: new DataLoader(async (usccs: readonly string[]) => {
      const consent = consents.prefetchSql('enterprise.uscc');
      const plans = [...enterprisePrefetch.values()];
      const children = prefetchColumns(plans);
      const res = await preparedRaw<{ rows: (EnterpriseRow & { consents?: { id: string; purpose: string; scopes: string[] }[] })[] }>(
        knex,
        `select ${ENTERPRISE_COLUMNS}${consent ? `, ${consent.sql} as consents` : ''}${children.sql} from enterprise where uscc = any(?)`,
        [...(consent?.bindings ?? []), ...children.bindings, usccs as string[]] as never[],
      );
      for (const r of res.rows) {
        if (r.consents) consents.prime(r.uscc, r.consents);
        takePrefetched(plans, r.uscc, r as unknown as Record<string, unknown>);
      }
      const by = new Map(res.rows.map((r) => [r.uscc, r]));
      return usccs.map((u) => by.get(u) ?? null);
    }),
  };
}
