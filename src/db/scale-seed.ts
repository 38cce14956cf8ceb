import { hash, randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';
import { publicityWindow } from '@/config/publicity-rules';
import type { CreditRecordKindValue, Severity } from '@/config/publicity-rules';
import { makeEnterpriseRow } from '@/modules/enterprise/enterprise.factory';
import { DEMO_ORGANIZATIONS } from '@/modules/organization/organizations.demo';
import { addDays, beijingDate } from '@/shared/dates';
import { createRng } from '@/shared/random';
import type { Rng } from '@/shared/random';
import { loadWithoutIndexes } from './bulk-load';
import { cell, copyText, rowLines, withLoadConnection } from './copy';

/**
 * Scale data for benchmarks (issue 5): enterprises from the demo factory, an uneven number of
 * credit records each (most 5–15, some none, a few hundreds), financing data, and consents for a
 * benchmark bank — loaded with COPY. Deterministic for a seed: enterprise i and its records are
 * always the same (record_id aside, a random UUID).
 *
 * A table that is empty (a freshly migrated database) is loaded without its indexes, keys and
 * foreign keys, which are re-created from the catalogue in the same transaction (bulk-load.ts):
 * index maintenance, not the generator, was what made 10 million rows take 15 minutes. On top of
 * existing rows the indexes stay in place.
 */
export interface ScaleSeedOptions {
  enterprises: number;
  records: number;
  /** First enterprise index (the demo set uses 0–319). */
  start: number;
  seed: number;
  /** The bank that gets consents from the first `consents` enterprises. */
  bank: string;
  consents: number;
  now: Date;
  /** maintenance_work_mem for the index rebuilds (e.g. '1GB'); the server's setting when absent. */
  maintenanceWorkMem?: string;
  onProgress?: (phase: string, done: number, total: number) => void;
}

const KINDS: readonly [CreditRecordKindValue, number][] = [
  ['ADMINISTRATIVE_PENALTY', 0.4],
  ['ADMINISTRATIVE_LICENCE', 0.35],
  ['ABNORMAL_OPERATION_LIST', 0.08],
  ['HONOUR', 0.05],
  ['ADMINISTRATIVE_COERCION', 0.04],
  ['COMMITMENT_BREACH', 0.04],
  ['SERIOUS_DISHONESTY_LIST', 0.02],
  ['CRIMINAL_JUDGMENT', 0.02],
];
const VIOLATIONS = ['虚假宣传', '未按规定明码标价', '超标排放大气污染物', '未按规定开展安全生产教育培训', '销售不符合食品安全标准的食品', '无证经营', '未按规定办理变更登记', '违法占用道路'];
const DEPARTMENTS = DEMO_ORGANIZATIONS.filter((o) => o.kind === 'DEPARTMENT');

/** Index into KINDS for a uniform draw (the first kind when rounding leaves u past the last). */
function pickKind(u: number): number {
  let acc = 0;
  for (let i = 0; i < KINDS.length; i++) {
    acc += KINDS[i]![1];
    if (u < acc) return i;
  }
  return 0;
}

/** Records per enterprise before scaling: 10 % none, 85 % 5–15, 4.9 % 1–4, 0.1 % 150–400. */
function rawCount(rng: Rng): number {
  const u = rng.next();
  if (u < 0.1) return 0;
  if (u < 0.949) return rng.int(5, 15);
  if (u < 0.999) return rng.int(1, 4);
  return rng.int(150, 400);
}
const MEAN_RAW = 0.849 * 10 + 0.05 * 2.5 + 0.001 * 275;

const RECORD_COLUMNS = [
  'record_id', 'version', 'enterprise_uscc', 'kind', 'department', 'source_record_id', 'domain', 'document_number',
  'decision_date', 'severity', 'summary_procedure', 'rule_version', 'publication', 'publicity_end_date',
  'earliest_repair_date', 'penalty_categories', 'fine_amount', 'details', 'content_hash', 'received_at',
] as const;

const SEVERITIES: readonly (Severity | null)[] = [null, 'MINOR', 'GENERAL', 'SERIOUS'];
const MAX_DAYS_BACK = 2000;

/**
 * Credit records as COPY text lines. Hot (10 million rows at full scale), so whatever repeats is
 * computed once: the decision dates, the publicity windows (a pure function of kind, severity,
 * decision date and summary flag), the escaped department fields and the JSON around a violation.
 * The values are those of the row-by-row version before it, for the same seed.
 */
function* recordLines(usccs: readonly string[], counts: readonly number[], opts: ScaleSeedOptions, progress: (n: number) => void): Generator<string> {
  const today = beijingDate(opts.now);
  const receivedAt = cell(opts.now.toISOString());
  const decisions = Array.from({ length: MAX_DAYS_BACK + 1 }, (_, k) => addDays(today, -k));
  const depts = DEPARTMENTS.map((d) => ({ text: `${cell(d.code)}\t`, domain: cell(d.domain ?? '综合'), docPrefix: cell(`金${d.code.slice(3)}〔`) }));
  const violations = VIOLATIONS.map(
    (v) => `{"violationType":${JSON.stringify(v)},"facts":${JSON.stringify(`经查，当事人存在${v}的违法行为。`)},"content":`,
  );
  // severity … earliest_repair_date, by (days back, kind, severity, summary).
  const windows = new Map<number, string>();
  const windowText = (back: number, kind: number, severity: number, summary: boolean): string => {
    const key = (((back * 8 + kind) * 4 + severity) << 1) | (summary ? 1 : 0);
    let text = windows.get(key);
    if (text === undefined) {
      const w = publicityWindow(KINDS[kind]![0], SEVERITIES[severity] ?? null, decisions[back]!, summary);
      text = [SEVERITIES[severity] ?? null, summary, w.ruleVersion, w.publication, w.publicityEndDate, w.earliestRepairDate].map(cell).join('\t');
      windows.set(key, text);
    }
    return text;
  };
  let n = 0;
  for (let e = 0; e < usccs.length; e++) {
    const uscc = cell(usccs[e]!);
    for (let j = 0; j < counts[e]!; j++) {
      const rng = createRng((opts.seed ^ Math.imul(opts.start + e + 1, 2654435761) ^ j) >>> 0);
      const k = pickKind(rng.next());
      const kind = KINDS[k]![0];
      const dept = depts[rng.int(0, depts.length - 1)]!;
      const back = rng.int(1, MAX_DAYS_BACK);
      const decision = decisions[back]!;
      const windowed = kind !== 'ADMINISTRATIVE_LICENCE' && kind !== 'HONOUR' && kind !== 'CRIMINAL_JUDGMENT';
      const u = rng.next();
      const severity = windowed ? (u < 0.3 ? 1 : u < 0.85 ? 2 : 3) : 0;
      const summary = kind === 'ADMINISTRATIVE_PENALTY' && severity === 1 && rng.chance(0.2);
      const source = `SCALE-${opts.start + e}-${j}`;
      const penalty = kind === 'ADMINISTRATIVE_PENALTY';
      const violation = violations[rng.int(0, violations.length - 1)]!;
      const fine = penalty && rng.chance(0.7) ? (rng.int(10, 500_000) / 100).toFixed(2) : null;
      const details = penalty ? cell(`${violation}${fine ? `"罚款人民币${fine}万元"` : '"警告"'}}`) : '{}';
      n++;
      if ((n & 0xffff) === 0) progress(n);
      yield `${randomUUID()}\t1\t${uscc}\t${kind}\t${dept.text}${source}\t${dept.domain}\t${dept.docPrefix}${decision.slice(0, 4)}〕${1000 + j}号\t${decision}\t` +
        `${windowText(back, k, severity, summary)}\t${penalty ? (fine ? '{"FINE"}' : '{"WARNING"}') : '\\N'}\t${fine ?? '\\N'}\t${details}\t` +
        `${hash('sha256', `${source}|${kind}|${decision}`)}\t${receivedAt}\n`;
    }
  }
  progress(n);
}

function* financingRows(usccs: readonly string[], opts: ScaleSeedOptions) {
  const year = opts.now.getUTCFullYear();
  const month = addDays(`${beijingDate(opts.now).slice(0, 7)}-01`, -1).slice(0, 7);
  const receivedAt = opts.now.toISOString();
  for (let e = 0; e < usccs.length; e++) {
    const uscc = usccs[e]!;
    const rng = createRng((opts.seed ^ 0x5eed ^ (opts.start + e)) >>> 0);
    const i = opts.start + e;
    for (const y of [year - 1, year - 2]) {
      const grade = rng.pick(['A', 'A', 'B', 'B', 'B', 'M', 'C', 'D']);
      yield [randomUUID(), 1, uscc, 'JS-SWJ', `SCALE-TAX-${i}-${y}`, 'TAX_CREDIT_GRADE', String(y), '', grade, null, null, null, null, `tax-${i}-${y}-${grade}`.padEnd(64, '0'), receivedAt] as const;
    }
    const arrears = rng.chance(0.08) ? rng.int(1, 6) : 0;
    yield [randomUUID(), 1, uscc, 'JS-RSJ', `SCALE-SI-${i}-${month}`, 'SOCIAL_INSURANCE', month, '', null, rng.int(1, 500), arrears, null, null, `si-${i}-${month}`.padEnd(64, '0'), receivedAt] as const;
  }
}

const FINANCING_COLUMNS = [
  'record_id', 'version', 'enterprise_uscc', 'department', 'source_record_id', 'category', 'period', 'item',
  'tax_credit_grade', 'headcount', 'months_in_arrears', 'housing_fund_status', 'arrears_yuan', 'content_hash', 'received_at',
] as const;

const ENTERPRISE_COLUMNS = [
  'uscc', 'name', 'industry_code', 'district_code', 'established_on', 'status', 'registered_capital', 'address',
  'lr_name', 'lr_id_number', 'lr_phone',
] as const;

export interface ScaleSeedResult {
  enterprises: number;
  records: number;
  financing: number;
  consents: number;
  /** Per table: loaded without its indexes (it was empty) and rebuilt them after. */
  deferred: Record<string, boolean>;
  /** Seconds per step: `<table>` for the COPY, `<table> indexes` for the rebuild, `analyze`. */
  seconds: Record<string, number>;
}

export async function seedScale(knex: Knex, opts: ScaleSeedOptions): Promise<ScaleSeedResult> {
  const progress = (phase: string) => (done: number, total: number) => opts.onProgress?.(phase, done, total);
  const seconds: Record<string, number> = {};
  const deferred: Record<string, boolean> = {};
  // Index builds sort in memory (when the server allows that much), and no commit waits on a WAL flush.
  const settings: Record<string, string> = { synchronous_commit: 'off' };
  if (opts.maintenanceWorkMem) settings.maintenance_work_mem = opts.maintenanceWorkMem;
  let indexesDone = 0;
  let indexesSeen = 0;

  /** COPY into the table; when it is empty, without its indexes, rebuilt after — one transaction. */
  const load = (table: string, columns: readonly string[], lines: Iterable<string>) =>
    withLoadConnection(knex, async (client) => {
      const out = await loadWithoutIndexes(client, table, () => copyText(client, table, columns, lines), {
        settings,
        onRestore: (done, total) => {
          if (done === 0) indexesSeen += total;
          progress('indexes')(indexesDone + done, indexesSeen);
          if (done === total) indexesDone += total;
        },
      });
      seconds[table] = out.seconds.load;
      if (out.deferred) seconds[`${table} indexes`] = out.seconds.restore;
      deferred[table] = out.deferred;
      return out.result;
    });

  // Enterprises (the demo factory), in index order.
  const usccs = new Array<string>(opts.enterprises);
  const counts = new Array<number>(opts.enterprises);
  let rawTotal = 0;
  function* enterprises() {
    for (let e = 0; e < opts.enterprises; e++) {
      const index = opts.start + e;
      const r = makeEnterpriseRow(createRng(opts.seed ^ index), index);
      usccs[e] = r.uscc;
      counts[e] = rawCount(createRng((opts.seed ^ 0xc0ffee ^ index) >>> 0));
      rawTotal += counts[e]!;
      if ((e & 0x3fff) === 0) progress('enterprises')(e, opts.enterprises);
      yield [r.uscc, r.name, r.industryCode, r.districtCode, r.establishedOn, r.status, r.registeredCapital, r.address, r.legalRepresentativeName, r.legalRepresentativeIdNumber, r.legalRepresentativePhone] as const;
    }
  }
  const ents = await load('enterprise', ENTERPRISE_COLUMNS, rowLines(enterprises()));
  progress('enterprises')(ents, opts.enterprises);

  // Scale the uneven raw counts to the requested total.
  const factor = opts.records / (rawTotal || 1);
  let planned = 0;
  for (let e = 0; e < counts.length; e++) {
    counts[e] = Math.round(counts[e]! * factor);
    planned += counts[e]!;
  }
  const records = await load('credit_record', RECORD_COLUMNS, recordLines(usccs, counts, opts, (n) => progress('records')(n, planned)));
  const financing = await load('financing_data', FINANCING_COLUMNS, rowLines(financingRows(usccs, opts)));

  const consentCount = Math.min(opts.consents, usccs.length);
  const from = new Date(opts.now.getTime() - 86_400_000).toISOString();
  const until = new Date(opts.now.getTime() + 300 * 86_400_000).toISOString();
  function* consents() {
    for (let e = 0; e < consentCount; e++) {
      yield [usccs[e]!, opts.bank, 'LOAN_APPLICATION', ['CONTACTS', 'CREDIT_RECORDS', 'EVALUATION', 'FINANCING_DATA'], from, until] as const;
    }
  }
  await load('consent', ['enterprise_uscc', 'grantee_org', 'purpose', 'scopes', 'valid_from', 'valid_until'], rowLines(consents()));
  // Planner statistics for the new rows (autovacuum may be off, and would come late anyway).
  const t = performance.now();
  await withLoadConnection(knex, (client) => client.query('analyze enterprise; analyze credit_record; analyze financing_data; analyze consent'));
  seconds.analyze = (performance.now() - t) / 1000;
  return { enterprises: ents, records, financing, consents: consentCount, deferred, seconds };
}

/** Mean records per enterprise before scaling (for the CLI's estimate). */
export const RAW_MEAN_RECORDS = MEAN_RAW;
