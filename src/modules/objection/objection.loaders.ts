import DataLoader from 'dataloader';
import type { Knex } from '@mikro-orm/postgresql';
import { OBJECTION_COLUMNS } from './objection.rows';
import type { ObjectionRow } from './objection.rows';

export interface ObjectionLoaders {
  /** Every objection of the given credit records (logical ids), newest first; one statement per batch. */
  objectionsByRecord: DataLoader<string, ObjectionRow[]>;
}

export function createObjectionLoaders(knex: Knex): ObjectionLoaders {
  return {
    objectionsByRecord: new DataLoader(async (recordIds: readonly string[]) => {
      const res = await knex.raw<{ rows: ObjectionRow[] }>(
        `select ${OBJECTION_COLUMNS} from objection o where o.record_id = any(?::uuid[]) order by o.record_id, o.seq desc`,
        [recordIds as string[]],
      );
      const by = new Map<string, ObjectionRow[]>();
      for (const row of res.rows) {
        const list = by.get(row.record_id);
        if (list) list.push(row);
        else by.set(row.record_id, [row]);
      }
      return recordIds.map((id) => by.get(id) ?? []);
    }),
  };
}
