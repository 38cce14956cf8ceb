import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import { Migration20261126000000Foundation } from './Migration20261126000000Foundation';
import { Migration20261127000000CreditRecords } from './Migration20261127000000CreditRecords';
import { Migration20261128100000Evaluation } from './Migration20261128100000Evaluation';
import { Migration20261128100100DataQuality } from './Migration20261128100100DataQuality';
import { Migration20261128000000ObjectionsRepairs } from './Migration20261128000000ObjectionsRepairs';
import { Migration20261128300000Events } from './Migration20261128300000Events';
import { Migration20261128200000Commitments } from './Migration20261128200000Commitments';
import { Migration20261129000000RepairRevocation } from './Migration20261129000000RepairRevocation';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the same list runs from source,
 * from a build, and under jest. Add new migrations at the end.
 */
export const MIGRATIONS: { name: string; class: Constructor<Migration> }[] = [
  { name: 'Migration20261126000000Foundation', class: Migration20261126000000Foundation },
  { name: 'Migration20261127000000CreditRecords', class: Migration20261127000000CreditRecords },
  { name: 'Migration20261128100000Evaluation', class: Migration20261128100000Evaluation },
  { name: 'Migration20261128100100DataQuality', class: Migration20261128100100DataQuality },
  { name: 'Migration20261128000000ObjectionsRepairs', class: Migration20261128000000ObjectionsRepairs },
  { name: 'Migration20261128300000Events', class: Migration20261128300000Events },
  { name: 'Migration20261128200000Commitments', class: Migration20261128200000Commitments },
  { name: 'Migration20261129000000RepairRevocation', class: Migration20261129000000RepairRevocation },
];
