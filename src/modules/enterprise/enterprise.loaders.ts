import DataLoader from 'dataloader';
import type { Knex } from '@mikro-orm/postgresql';
import { ENTERPRISE_COLUMNS } from './enterprise.rows';
import type { EnterpriseRow } from './enterprise.rows';

export interface EnterpriseLoaders {
  enterpriseByUscc: DataLoader<string, EnterpriseRow | null>;
}

export function createEnterpriseLoaders(knex: Knex): EnterpriseLoaders {
  return {
    enterpriseByUscc: new DataLoader(async (usccs: readonly string[]) => {
      const res = await knex.raw<{ rows: EnterpriseRow[] }>(
        `select ${ENTERPRISE_COLUMNS} from enterprise where uscc = any(?)`,
        [usccs as string[]],
      );
      const by = new Map(res.rows.map((r) => [r.uscc, r]));
      return usccs.map((u) => by.get(u) ?? null);
    }),
  };
}
