import DataLoader from 'dataloader';
import type { Knex } from '@mikro-orm/postgresql';
import type { FinancingDataRow } from './financing-data.service';

export interface FinancingDataLoaders {
  /** Current financing rows of each enterprise, one statement per batch. */
  financingDataByUscc: DataLoader<string, FinancingDataRow[]>;
}

export function createFinancingDataLoaders(knex: Knex): FinancingDataLoaders {
  return {
    financingDataByUscc: new DataLoader(async (usccs: readonly string[]) => {
      const res = await knex.raw<{ rows: FinancingDataRow[] }>(
        `select enterprise_uscc, category, period, item, tax_credit_grade, headcount, months_in_arrears,
                housing_fund_status, arrears_yuan, received_at
           from financing_data
          where enterprise_uscc = any(?::text[]) and superseded_at is null
          order by enterprise_uscc, category, period desc, received_at desc`,
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
