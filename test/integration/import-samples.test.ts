import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_SEED, insertEnterprises } from '@/db/seed';
import { makeEnterpriseRow } from '@/modules/enterprise/enterprise.factory';
import { findDepartment } from '@/modules/ingestion/ingestion.engine';
import { FINANCING_KIND, importRows } from '@/modules/ingestion/import-file';
import { formatOf, parseRecordFile } from '@/modules/ingestion/record-file';
import { createLogger } from '@/observability/logger';
import { WorkingDayCalendar } from '@/shared/calendar';
import { createRng } from '@/shared/random';
import { isEmbeddedTestDatabase, testDatabaseUrl } from '../helpers/env';
import { startTestHub } from '../helpers/hub';
import type { TestHub } from '../helpers/hub';

/**
 * The committed sample files (samples/) go through the file parser and the same ingestion service
 * as the mutation: the expected counts per file, then a second run that changes nothing.
 */
const ROOT = join(__dirname, '../..');
let hub: TestHub;

const FILES: { file: string; department: string; kind?: string; created: number; rejected: number }[] = [
  { file: 'administrative-licence.csv', department: 'JS-SCJG', created: 6, rejected: 0 },
  { file: 'administrative-penalty.csv', department: 'JS-SCJG', created: 5, rejected: 1 },
  { file: 'administrative-coercion.jsonl', department: 'JS-STHJ', created: 2, rejected: 0 },
  { file: 'serious-dishonesty-list.jsonl', department: 'JS-FGW', created: 1, rejected: 0 },
  { file: 'abnormal-operation-list.csv', department: 'JS-SCJG', created: 2, rejected: 0 },
  { file: 'honour.csv', department: 'JS-FGW', created: 2, rejected: 0 },
  { file: 'commitment-breach.jsonl', department: 'JS-SCJG', created: 1, rejected: 0 },
  { file: 'criminal-judgment.jsonl', department: 'JS-FGW', created: 1, rejected: 0 },
  { file: 'financing-tax-credit-grade.csv', department: 'JS-SWJ', kind: FINANCING_KIND, created: 16, rejected: 0 },
  { file: 'financing-social-insurance.csv', department: 'JS-RSJ', kind: FINANCING_KIND, created: 6, rejected: 0 },
  { file: 'financing-housing-fund.csv', department: 'JS-GJJ', kind: FINANCING_KIND, created: 4, rejected: 0 },
  { file: 'financing-utilities.csv', department: 'JS-SHUIWU', kind: FINANCING_KIND, created: 3, rejected: 0 },
];

function deps() {
  return { knex: hub.db.knex, now: () => new Date(), calendar: new WorkingDayCalendar(), log: createLogger('silent') };
}

async function run(f: (typeof FILES)[number]) {
  const text = readFileSync(join(ROOT, 'samples', f.file), 'utf8');
  const rows = parseRecordFile(text, formatOf(f.file)!);
  const org = (await findDepartment(hub.db.knex, f.department))!;
  return importRows(deps(), org, rows, { kind: f.kind });
}

beforeAll(async () => {
  hub = await startTestHub();
  // The samples name demo enterprises 0–19 (makeEnterpriseRow(createRng(DEMO_SEED ^ i), i)).
  await insertEnterprises(hub.db.knex, Array.from({ length: 20 }, (_, i) => makeEnterpriseRow(createRng(DEMO_SEED ^ i), i)));
});
afterAll(() => hub.close());

describe('importing the committed sample files', () => {
  it('every record kind has a sample', () => {
    const kinds = new Set<string>();
    for (const f of FILES.filter((x) => !x.kind)) {
      for (const r of parseRecordFile(readFileSync(join(ROOT, 'samples', f.file), 'utf8'), formatOf(f.file)!)) kinds.add(String(r.values.kind));
    }
    expect([...kinds].sort()).toEqual(
      ['ABNORMAL_OPERATION_LIST', 'ADMINISTRATIVE_COERCION', 'ADMINISTRATIVE_LICENCE', 'ADMINISTRATIVE_PENALTY', 'COMMITMENT_BREACH', 'CRIMINAL_JUDGMENT', 'HONOUR', '严重失信主体名单', '行政许可'].filter((k) => kinds.has(k)).sort(),
    );
    expect(kinds.size).toBeGreaterThanOrEqual(8);
  });

  it.each(FILES.map((f) => f.file))('%s: lands, then a second run reports every row unchanged', async (file) => {
    const f = FILES.find((x) => x.file === file)!;
    const first = await run(f);
    expect({ created: first.created, rejected: first.rejected, updated: first.updated }).toEqual({ created: f.created, rejected: f.rejected, updated: 0 });
    const second = await run(f);
    expect({ created: second.created, updated: second.updated, unchanged: second.unchanged }).toEqual({ created: 0, updated: 0, unchanged: f.created });
  });

  it('a rejected line is reported with its file line, field and reason', async () => {
    const s = await run(FILES[1]!);
    expect(s.rejections).toEqual([
      expect.objectContaining({ line: 7, sourceRecordId: 'SCJG-CF-2026-02006', field: 'basis', reason: 'REQUIRED' }),
    ]);
  });

  it('template field codes (XK_*) map to the input fields; Chinese enum terms are accepted', async () => {
    const rows = await hub.sql(`select licence_category, valid_until::text from credit_record where source_record_id = 'SCJG-XK-2026-00101'`);
    expect(rows).toEqual([{ licence_category: 'GENERAL', valid_until: '2099-12-31' }]);
    const pen = await hub.sql(`select penalty_categories, fine_amount::text, confiscated_amount::text, publication from credit_record where source_record_id = 'SCJG-CF-2026-02003'`);
    expect(pen[0]).toMatchObject({ penalty_categories: ['CONFISCATION_OF_ILLEGAL_GAINS', 'FINE', 'LICENCE_REVOCATION'], fine_amount: '15.000000', confiscated_amount: '0.360000', publication: 'WINDOW' });
    const summary = await hub.sql(`select publication from credit_record where source_record_id = 'SCJG-CF-2026-02002'`);
    expect(summary[0].publication).toBe('NEVER'); // 简易程序
  });

  (isEmbeddedTestDatabase() ? it.skip : it)('the CLI prints the summary (npm run import)', async () => {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/import.ts', 'samples/honour.csv', '--department', 'JS-FGW'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: testDatabaseUrl(), HUB_LOG_LEVEL: 'silent' },
      });
      let text = '';
      child.stdout.on('data', (d) => (text += String(d)));
      child.stderr.on('data', (d) => (text += String(d)));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`exit ${code}: ${text}`))));
    });
    expect(out).toContain('created 0, updated 0, unchanged 2, rejected 0');
  }, 60_000);
});
