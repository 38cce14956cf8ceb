import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Presets, SingleBar } from 'cli-progress';
import { processCalendar } from '@/context';
import { findDepartment } from '@/modules/ingestion/ingestion.engine';
import { FINANCING_KIND, importRows } from '@/modules/ingestion/import-file';
import { formatOf, parseRecordFile } from '@/modules/ingestion/record-file';
import { createLogger } from '@/observability/logger';
import { fail, parseArgs, withDatabase } from './cli';

const USAGE = `usage: npm run import -- <file.csv|file.jsonl> --department <code> [--kind <CreditRecordKind|${FINANCING_KIND}>]`;

/**
 * `npm run import`: a department's CSV or JSON-lines file through the same ingestion service as
 * Mutation.ingestCreditRecords (or ingestFinancingData with --kind FINANCING_DATA), in batches of
 * 1,000 rows, acting as the platform operator on the department's behalf. Re-running a file is
 * safe: unchanged rows are reported UNCHANGED and nothing is duplicated.
 */
async function main() {
  const argv = process.argv.slice(2);
  const file = argv.find((a, i) => !a.startsWith('--') && (i === 0 || !argv[i - 1]!.startsWith('--')));
  const args = parseArgs(argv);
  if (!file || typeof args.department !== 'string') fail(USAGE);
  const format = formatOf(file);
  if (!format) fail(`${file}: the file name must end in .csv or .jsonl\n${USAGE}`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    fail(`cannot read ${file}: ${(e as Error).message}`);
  }
  const rows = parseRecordFile(text, format);
  const kind = typeof args.kind === 'string' ? args.kind : undefined;
  const calendar = processCalendar();
  const log = createLogger(process.env.HUB_LOG_LEVEL ?? 'warn');

  await withDatabase(async (db) => {
    const org = await findDepartment(db.knex, args.department as string);
    if (!org) fail(`--department ${String(args.department)} is not a department known to the hub`);
    const bar = new SingleBar({ format: 'import |{bar}| {value}/{total} rows {percentage}% eta {eta}s' }, Presets.shades_classic);
    const t0 = Date.now();
    bar.start(rows.length, 0);
    const summary = await importRows(
      { knex: db.knex, now: () => new Date(), calendar, log: log.child({ importId: randomUUID() }) },
      org,
      rows,
      { kind, onProgress: (done) => bar.update(done) },
    );
    bar.stop();
    const s = (Date.now() - t0) / 1000;
    const out = [
      `${file} → ${org.code} (${org.name}): ${summary.rows} rows in ${s.toFixed(1)} s`,
      `  created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}, rejected ${summary.rejected}, with warnings ${summary.withWarnings}`,
    ];
    if (summary.rejections.length) {
      out.push('  first rejections:');
      for (const r of summary.rejections.slice(0, 10)) {
        out.push(`    line ${r.line}${r.sourceRecordId ? ` (${r.sourceRecordId})` : ''}: ${r.field ?? '-'} ${r.reason} — ${r.message}`);
      }
    }
    process.stdout.write(`${out.join('\n')}\n`);
  });
}
main().catch((e) => fail(`import failed: ${e instanceof Error ? e.message : String(e)}`));
