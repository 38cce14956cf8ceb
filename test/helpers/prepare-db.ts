import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '@/config/orm';
import { insertOrganizations } from '@/db/seed';
import { DEMO_ORGANIZATIONS } from '@/modules/organization/organizations.demo';

/**
 * Run by the jest global setup in a child process (MikroORM's global metadata must not be
 * created in jest's outer realm): applies migrations and loads the demo organizations.
 */
async function main() {
  const url = process.argv[2]!;
  const orm = await MikroORM.init(ormConfig({ url, poolMax: 1, statementTimeoutMs: 60_000, acquireTimeoutMs: 10_000 }));
  await orm.getMigrator().up();
  await insertOrganizations(orm.em.getKnex(), DEMO_ORGANIZATIONS);
  await orm.close(true);
}
main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
