import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import { Migration20261126000000Foundation } from './Migration20261126000000Foundation';
import { Migration20261127000000CreditRecords } from './Migration20261127000000CreditRecords';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the same list runs from source,
 * from a build, and under jest. Add new migrations at the end.
 */
export const MIGRATIONS: { name: string; class: Constructor<Migration> }[] = [
  { name: 'Migration20261126000000Foundation', class: Migration20261126000000Foundation },
  { name: 'Migration20261127000000CreditRecords', class: Migration20261127000000CreditRecords },
];
