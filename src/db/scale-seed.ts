import { createHash, randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';
import { publicityWindow } from '@/config/publicity-rules';
import type { CreditRecordKindValue, Severity } from '@/config/publicity-rules';
import { makeEnterpriseRow } from '@/modules/enterprise/enterprise.factory';
import { DEMO_ORGANIZATIONS } from '@/modules/organization/organizations.demo';
import { addDays, beijingDate } from '@/shared/dates';
import { createRng } from '@/shared/random';
import type { Rng } from '@/shared/random';
import { copyInto } from './copy';

/**
 * Scale data for benchmarks (issue 5): enterprises from the demo factory, an uneven number of
 * credit records each (most 5–15, some none, a few hundreds), financing data, and consents for a
 * benchmark bank — loaded with COPY. Deterministic for a seed: enterprise i and its records are
 * always the same.
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

function pickKind(u: number): CreditRecordKindValue {
  let acc = 0;
  for (const [k, p] of KINDS) {
    acc += p;
    if (u < acc) return k;
  }
  return 'ADMINISTRATIVE_PENALTY';
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

function* recordRows(usccs: readonly string[], counts: readonly number[], opts: ScaleSeedOptions, progress: (n: number) => void) {
  const today = beijingDate(opts.now);
  const receivedAt = opts.now.toISOString();
  let n = 0;
  for (let e = 0; e < usccs.length; e++) {
    const uscc = usccs[e]!;
    for (let j = 0; j < counts[e]!; j++) {
      const rng = createRng((opts.seed ^ Math.imul(opts.start + e + 1, 2654435761) ^ j) >>> 0);
      const kind = pickKind(rng.next());
      const dept = DEPARTMENTS[rng.int(0, DEPARTMENTS.length - 1)]!;
      const decision = addDays(today, -rng.int(1, 2000));
      const windowed = kind !== 'ADMINISTRATIVE_LICENCE' && kind !== 'HONOUR' && kind !== 'CRIMINAL_JUDGMENT';
      const u = rng.next();
      const severity: Severity | null = windowed ? (u < 0.3 ? 'MINOR' : u < 0.85 ? 'GENERAL' : 'SERIOUS') : null;
      const summary = kind === 'ADMINISTRATIVE_PENALTY' && severity === 'MINOR' && rng.chance(0.2);
      const w = publicityWindow(kind, severity, decision, summary);
      const source = `SCALE-${opts.start + e}-${j}`;
      const penalty = kind === 'ADMINISTRATIVE_PENALTY';
      const violation = VIOLATIONS[rng.int(0, VIOLATIONS.length - 1)]!;
      const fine = penalty && rng.chance(0.7) ? (rng.int(10, 500_000) / 100).toFixed(2) : null;
      const details = penalty
        ? JSON.stringify({ violationType: violation, facts: `经查，当事人存在${violation}的违法行为。`, content: fine ? `罚款人民币${fine}万元` : '警告' })
        : '{}';
      n++;
      if ((n & 0xffff) === 0) progress(n);
      yield [
        randomUUID(), 1, uscc, kind, dept.code, source, dept.domain ?? '综合', `金${dept.code.slice(3)}〔${decision.slice(0, 4)}〕${1000 + j}号`,
        decision, severity, summary, w.ruleVersion, w.publication, w.publicityEndDate, w.earliestRepairDate,
        penalty ? (fine ? ['FINE'] : ['WARNING']) : null, fine, details,
        createHash('sha256').update(`${source}|${kind}|${decision}`).digest('hex'), receivedAt,
      ] as const;
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

export async function seedScale(knex: Knex, opts: ScaleSeedOptions): Promise<{ enterprises: number; records: number; financing: number; consents: number }> {
  const progress = (phase: string) => (done: number, total: number) => opts.onProgress?.(phase, done, total);

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
  const ents = await copyInto(knex, 'enterprise', ENTERPRISE_COLUMNS, enterprises());
  progress('enterprises')(ents, opts.enterprises);

  // Scale the uneven raw counts to the requested total.
  const factor = opts.records / (rawTotal || 1);
  let planned = 0;
  for (let e = 0; e < counts.length; e++) {
    counts[e] = Math.round(counts[e]! * factor);
    planned += counts[e]!;
  }
  const records = await copyInto(knex, 'credit_record', RECORD_COLUMNS, recordRows(usccs, counts, opts, (n) => progress('records')(n, planned)));
  const financing = await copyInto(knex, 'financing_data', FINANCING_COLUMNS, financingRows(usccs, opts));

  const consentCount = Math.min(opts.consents, usccs.length);
  const from = new Date(opts.now.getTime() - 86_400_000).toISOString();
  const until = new Date(opts.now.getTime() + 300 * 86_400_000).toISOString();
  function* consents() {
    for (let e = 0; e < consentCount; e++) {
      yield [usccs[e]!, opts.bank, 'LOAN_APPLICATION', ['CONTACTS', 'CREDIT_RECORDS', 'EVALUATION', 'FINANCING_DATA'], from, until] as const;
    }
  }
  await copyInto(knex, 'consent', ['enterprise_uscc', 'grantee_org', 'purpose', 'scopes', 'valid_from', 'valid_until'], consents());
  await knex.raw('analyze enterprise; analyze credit_record; analyze financing_data; analyze consent');
  return { enterprises: ents, records, financing, consents: consentCount };
}

/** Mean records per enterprise before scaling (for the CLI's estimate). */
export const RAW_MEAN_RECORDS = MEAN_RAW;
