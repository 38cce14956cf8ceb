import DataLoader from 'dataloader';
import type { Knex } from '@mikro-orm/postgresql';
import type { ConsentChecker } from '@/access/consent-checker';
import { ENTERPRISE_COLUMNS } from './enterprise.rows';
import type { EnterpriseRow } from './enterprise.rows';

export interface EnterpriseLoaders {
  enterpriseByUscc: DataLoader<string, EnterpriseRow | null>;
}

/** The consents of the viewer for these enterprises come along in the same statement (see ConsentChecker.prefetchSql). */
export function createEnterpriseLoaders(knex: Knex, consents: ConsentChecker): EnterpriseLoaders {
  return {
    enterpriseByUscc: new DataLoader(async (usccs: readonly string[]) => {
      const prefetch = consents.prefetchSql('enterprise.uscc');
      const res = await knex.raw<{ rows: (EnterpriseRow & { consents?: { id: string; purpose: string; scopes: string[] }[] })[] }>(
        `select ${ENTERPRISE_COLUMNS}${prefetch ? `, ${prefetch.sql} as consents` : ''} from enterprise where uscc = any(?)`,
        [...(prefetch?.bindings ?? []), usccs as string[]],
      );
      for (const r of res.rows) if (r.consents) consents.prime(r.uscc, r.consents);
      const by = new Map(res.rows.map((r) => [r.uscc, r]));
      return usccs.map((u) => by.get(u) ?? null);
    }),
  };
}
