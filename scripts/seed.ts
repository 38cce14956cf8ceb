import { SingleBar, Presets } from 'cli-progress';
import { insertOrganizations, seedEnterprises } from '@/db/seed';
import { DEMO_ORGANIZATIONS } from '@/modules/organization/organizations.demo';
import { fail, parseArgs, withDatabase } from './cli';

/**
 * `npm run seed -- --enterprises N [--start I] [--seed S]`: synthetic enterprises from the demo
 * factories, in batches of 5,000 per statement, with a progress bar. Enterprise i is the same for a
 * given seed, so `--start` continues a set; existing codes are skipped.
 */
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const n = Number(args.enterprises ?? 0);
  if (!Number.isInteger(n) || n < 1) fail('usage: npm run seed -- --enterprises N [--start I] [--seed S]');
  const start = args.start ? Number(args.start) : 320;
  const seed = args.seed ? Number(args.seed) : undefined;
  await withDatabase(async (db) => {
    await insertOrganizations(db.knex, DEMO_ORGANIZATIONS);
    const bar = new SingleBar({ format: 'enterprises |{bar}| {value}/{total} {percentage}% eta {eta}s' }, Presets.shades_classic);
    const t0 = Date.now();
    bar.start(n, 0);
    await seedEnterprises(db.knex, n, { start, seed, onProgress: (done) => bar.update(done) });
    bar.stop();
    const s = (Date.now() - t0) / 1000;
    process.stdout.write(`seeded ${n} enterprises in ${s.toFixed(1)} s (${Math.round(n / s)}/s)\n`);
  });
}
main().catch((e) => fail(`seed failed: ${e instanceof Error ? e.message : String(e)}`));
