import DataLoader from 'dataloader';
import type { Knex } from '@mikro-orm/postgresql';
import { registerEnterpriseCompanion } from '@/modules/enterprise/enterprise.prefetch';
import type { FinancingDataRow } from './financing-data.service';
import { preparedRaw } from '@/db/prepared';

export interface FinancingDataLoaders {
  /** Current financing rows of each enterprise, one statement per batch. */
  financingDataByUscc: DataLoader<string, FinancingDataRow[]>;
}

/** The current rows of the enterprises matched by `where`; the loader and the prefetch share it. */
function currentRowsSql(where: string): string {
  return `select enterprise_uscc, category, period, item, tax_credit_grade, headcount, months_in_arrears,
                 housing_fund_status, arrears_yuan::text as arrears_yuan, received_at
            from financing_data
           where ${where} and superseded_at is null`;
}
const ORDER = 'category, period desc, received_at desc';

export function createFinancingDataLoaders(knex: Knex): FinancingDataLoaders {
  return {
    financingDataByUscc: new DataLoader(async (usccs: readonly string[]) => {
      const res = await preparedRaw<{ rows: FinancingDataRow[] }>(
        knex,
        `${currentRowsSql('enterprise_uscc = any(?::text[])')} order by enterprise_uscc, ${ORDER}`,
        [usccs as string[]],
      );
      const by = new Map<string, FinancingDataRow[]>();
      for (const row of res.rows) {
        const list = by.get(row.enterprise_uscc);
        if (list) list.push(row);
        else by.set(row.enterprise_uscc, [row]);
      }
      return usccs.map((u) => by.get(u) ?? []);
    }),
  };
}

// Enterprise.financingData read with the enterprise row (enterprise.prefetch.ts).
registerEnterpriseCompanion({
  field: 'financingData',
  plans: (ctx) => [
    {
      key: 'financingData',
      sql: `select coalesce(json_agg(f order by ${ORDER}), '[]') from (${currentRowsSql('enterprise_uscc = enterprise.uscc')}) f`,
      bindings: [],
      take: (uscc, value) =>
        ctx.loaders.financingDataByUscc.prime(uscc, value as FinancingDataRow[]),
    },
  ],
});
