import 'reflect-metadata';
import { MultiBar, Presets } from 'cli-progress';
import { insertOrganizations, seedEnterprises } from '@/db/seed';
import { seedScale } from '@/db/scale-seed';
import { DEMO_ORGANIZATIONS } from '@/modules/organization/organizations.demo';
import { fail, parseArgs, withDatabase } from './cli';

/**
 * `npm run seed -- --enterprises N [--records M] [--start I] [--seed S] [--bank CODE] [--consents K]`
 *
 * Synthetic enterprises from the demo factories (enterprise i is the same for a given seed, so
 * `--start` continues a set). With `--records`, the scale set of issue 5: COPY-loaded enterprises,
 * M credit records spread unevenly over them, financing data, and consents from the first K
 * enterprises (default 10,000) to the benchmark bank (default BANK-ICBC-JS).
 */
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const n = Number(args.enterprises ?? 0);
  if (!Number.isInteger(n) || n < 1) fail('usage: npm run seed -- --enterprises N [--records M] [--start I] [--seed S]');
  const start = args.start ? Number(args.start) : 1000;
  const seed = args.seed ? Number(args.seed) : 20261126;
  const records = args.records ? Number(args.records) : null;
  if (records !== null && (!Number.isInteger(records) || records < 0)) fail('--records must be a whole number');
  await withDatabase(async (db) => {
    // The scale set is COPY-loaded, and the embedded database's socket server does not speak the
    // COPY sub-protocol (the connection is dropped with "protocol synchronization was lost").
    // Refused before anything is written (thrown, so the database is closed and its lock released).
    if (records !== null && db.embedded) {
      throw new Error('--records loads with COPY, which the embedded database cannot take: set DATABASE_URL to a PostgreSQL server (README "Benchmark")');
    }
    await insertOrganizations(db.knex, DEMO_ORGANIZATIONS);
    const bars = new MultiBar({ format: '{phase} |{bar}| {value}/{total} {percentage}% eta {eta}s', clearOnComplete: false, hideCursor: true }, Presets.shades_classic);
    const t0 = Date.now();
    if (records === null) {
      const bar = bars.create(n, 0, {}, { format: 'enterprises |{bar}| {value}/{total} {percentage}% eta {eta}s' });
      await seedEnterprises(db.knex, n, { start, seed, onProgress: (done) => bar.update(done) });
      bars.stop();
      const s = (Date.now() - t0) / 1000;
      process.stdout.write(`seeded ${n} enterprises in ${s.toFixed(1)} s (${Math.round(n / s)}/s)\n`);
      return;
    }
    const phases = new Map<string, ReturnType<MultiBar['create']>>();
    const result = await seedScale(db.knex, {
      enterprises: n,
      records,
      start,
      seed,
      bank: typeof args.bank === 'string' ? args.bank : 'BANK-ICBC-JS',
      consents: args.consents ? Number(args.consents) : 10_000,
      now: new Date(),
      // The embedded PGlite (WebAssembly) has far less memory to sort in than a server.
      maintenanceWorkMem: db.embedded ? undefined : '1GB',
      onProgress: (phase, done, total) => {
        let bar = phases.get(phase);
        if (!bar) phases.set(phase, (bar = bars.create(total, 0, {}, { format: `${phase.padEnd(11)} |{bar}| {value}/{total} {percentage}% eta {eta}s` })));
        bar.setTotal(total);
        bar.update(done);
      },
    });
    bars.stop();
    const s = (Date.now() - t0) / 1000;
    process.stdout.write(
      `seeded ${result.enterprises} enterprises, ${result.records} credit records, ${result.financing} financing rows, ` +
        `${result.consents} consents in ${s.toFixed(1)} s\n`,
    );
    const steps = Object.entries(result.seconds).map(([step, sec]) => `${step} ${sec.toFixed(1)} s`);
    const kept = Object.entries(result.deferred).filter(([, d]) => !d).map(([t]) => t);
    process.stdout.write(`steps: ${steps.join(', ')}${kept.length ? ` (not empty, loaded with indexes in place: ${kept.join(', ')})` : ''}\n`);
  });
}
main().catch((e) => fail(`seed failed: ${e instanceof Error ? e.message : String(e)}`));
