/**
 * The public credit evaluation (公共信用综合评价) as a pure function of an enterprise's data, the
 * day and the rules: no database, no clock. See src/config/evaluation-rules.ts for the figures and
 * why they are the district's stand-ins (GB/T 45255-2025 does not publish them).
 */
import { createHash } from 'node:crypto';
import { EVALUATION_RULES } from '@/config/evaluation-rules';
import type {
  EvaluatedRecordKind,
  EvaluationDimensionCode,
  EvaluationLevelCode,
  EvaluationRules,
  RecordRule,
} from '@/config/evaluation-rules';
import type { Severity } from '@/config/publicity-rules';
import { addMonths } from '@/shared/dates';

/** One current credit record as the evaluation sees it. */
export interface EvaluationRecordInput {
  recordId: string;
  kind: string;
  severity: Severity | null;
  decisionDate: string;
  summaryProcedure: boolean;
  /** First day outside the publicity window; null for kinds without one. */
  publicityEndDate: string | null;
  /** An approved credit repair: the record no longer counts (《信用修复管理办法》 art. 3, linked updates). */
  repaired: boolean;
  /** Under objection (异议中): still counts, marked. */
  disputed: boolean;
  /** 移出日期 of a list entry, if reported. */
  removedOn: string | null;
}

/** One current financing-data value. */
export interface EvaluationFinancingInput {
  category: string;
  period: string;
  item: string;
  taxCreditGrade: string | null;
  monthsInArrears: number | null;
}

export interface EvaluationInputs {
  records: EvaluationRecordInput[];
  financing: EvaluationFinancingInput[];
}

export interface FactorRecord {
  recordId: string;
  kind: string;
  decisionDate: string;
  severity: Severity | null;
  /** Whole points this record contributes before the factor's cap. */
  points: number;
  underObjection: boolean;
}

export interface Factor {
  code: string;
  name: string;
  dimension: EvaluationDimensionCode;
  points: number;
  explanation: string;
  records: FactorRecord[] | null;
}

export interface EvaluationResult {
  score: number;
  level: EvaluationLevelCode;
  baseScore: number;
  factors: Factor[];
  ruleVersion: string;
}

/** Full months from `from` to `to` (《民法典》 art. 202 month arithmetic, as the publicity windows). */
export function monthsBetween(from: string, to: string): number {
  if (to < from) return 0;
  let lo = 0;
  let hi = Math.max(1, (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) + 1) * 12);
  // Largest m with addMonths(from, m) <= to.
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (addMonths(from, mid) <= to) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Half away from zero, so −2.5 is −3 like +2.5 is +3. */
function roundPoints(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

function decayFactor(rules: EvaluationRules, months: number): number {
  let f = 1;
  for (const band of rules.decay) if (months >= band.fromMonths) f = band.factor;
  return f;
}

function capped(total: number, cap: number): number {
  return Math.max(-cap, Math.min(cap, total));
}

const SEVERITY_NAME: Record<Severity, string> = { MINOR: '轻微', GENERAL: '一般', SERIOUS: '严重' };
const LEVEL_ORDER: readonly EvaluationLevelCode[] = ['A', 'B', 'C', 'D'];

/** Whether a record counts today, and why not. */
function counts(r: EvaluationRecordInput, rule: RecordRule, today: string): boolean {
  if (r.repaired) return false; // 36号令 art. 3: repair ends the record's negative effect
  if (r.decisionDate > today) return false;
  if (r.removedOn !== null && r.removedOn <= today) return false; // 移出名单
  if (monthsBetween(r.decisionDate, today) >= rule.lookbackMonths) return false;
  if (rule.endsWithPublicity && r.publicityEndDate !== null && r.publicityEndDate <= today) return false;
  return true;
}

function recordFactor(
  kind: EvaluatedRecordKind,
  rule: RecordRule,
  records: EvaluationRecordInput[],
  rules: EvaluationRules,
  today: string,
): Factor | null {
  const counted = records.filter((r) => r.kind === kind && counts(r, rule, today));
  if (counted.length === 0) return null;
  const items: FactorRecord[] = counted
    .sort((a, b) => (a.decisionDate < b.decisionDate ? 1 : a.decisionDate > b.decisionDate ? -1 : a.recordId.localeCompare(b.recordId)))
    .map((r) => {
      const months = monthsBetween(r.decisionDate, today);
      const summary = kind === 'ADMINISTRATIVE_PENALTY' && r.summaryProcedure ? (rule.summaryProcedureFactor ?? 1) : 1;
      const raw = rule.points[r.severity ?? 'GENERAL'] * decayFactor(rules, months) * summary;
      return {
        recordId: r.recordId,
        kind: r.kind,
        decisionDate: r.decisionDate,
        severity: r.severity,
        points: roundPoints(raw),
        underObjection: r.disputed,
      };
    });
  const sum = items.reduce((s, i) => s + i.points, 0);
  const points = capped(sum, rule.cap);
  const bySeverity = (['SERIOUS', 'GENERAL', 'MINOR'] as const)
    .map((s) => [s, items.filter((i) => i.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${SEVERITY_NAME[s]}${n}条`);
  const parts = [
    `${rule.name}${items.length}条${bySeverity.length ? `（${bySeverity.join('、')}）` : ''}，按严重程度和时间衰减计${sum}分`,
  ];
  if (points !== sum) parts.push(`本项上限${rule.cap}分，计${points}分`);
  const disputed = items.filter((i) => i.underObjection).length;
  if (disputed) parts.push(`其中${disputed}条异议中，核实前仍计入`);
  if (rule.levelCeiling) parts.push(`存在此类记录时等级不高于${rule.levelCeiling}`);
  return { code: kind, name: rule.name, dimension: rule.dimension, points, explanation: parts.join('；'), records: items };
}

function latestBy<T extends EvaluationFinancingInput>(rows: T[], key: (r: T) => string): T[] {
  const best = new Map<string, T>();
  for (const r of rows) {
    const k = key(r);
    const cur = best.get(k);
    if (!cur || r.period > cur.period) best.set(k, r);
  }
  return [...best.values()].sort((a, b) => a.item.localeCompare(b.item));
}

function financingFactors(fin: EvaluationFinancingInput[], rules: EvaluationRules, today: string): Factor[] {
  const f = rules.financing;
  const out: Factor[] = [];
  const thisYear = Number(today.slice(0, 4));
  const thisMonth = today.slice(0, 7);
  const recentMonth = (period: string) => monthsBetween(`${period}-01`, `${thisMonth}-01`) < f.arrearsMaxAgeMonths;

  const tax = latestBy(fin.filter((r) => r.category === 'TAX_CREDIT_GRADE' && r.taxCreditGrade), () => '')[0];
  if (tax && thisYear - Number(tax.period) <= f.taxCreditGrade.maxAgeYears) {
    const grade = tax.taxCreditGrade as keyof typeof f.taxCreditGrade.points;
    const points = f.taxCreditGrade.points[grade] ?? 0;
    out.push({
      code: 'TAX_CREDIT_GRADE',
      name: '纳税信用等级',
      dimension: 'OPERATION_MANAGEMENT',
      points,
      explanation: `${tax.period}年度纳税信用等级${grade}级，计${points}分`,
      records: null,
    });
  }

  const arrears = (
    code: string,
    name: string,
    rows: EvaluationFinancingInput[],
    rule: { perMonth: number; cap: number },
    label: (r: EvaluationFinancingInput) => string,
  ) => {
    const owing = rows.filter((r) => (r.monthsInArrears ?? 0) > 0 && recentMonth(r.period));
    if (!owing.length) return;
    const months = owing.reduce((s, r) => s + (r.monthsInArrears ?? 0), 0);
    const sum = months * rule.perMonth;
    const points = capped(sum, rule.cap);
    const detail = owing.map((r) => `${label(r)}${r.period}欠缴${r.monthsInArrears}个月`).join('、');
    out.push({
      code,
      name,
      dimension: 'COMMITMENT_FULFILMENT',
      points,
      explanation: `${detail}，每月${rule.perMonth}分${points !== sum ? `，上限${rule.cap}分` : ''}，计${points}分`,
      records: null,
    });
  };
  arrears('SOCIAL_INSURANCE_ARREARS', '社会保险欠缴', latestBy(fin.filter((r) => r.category === 'SOCIAL_INSURANCE'), () => ''), f.socialInsuranceArrears, () => '社保');
  arrears('HOUSING_FUND_ARREARS', '住房公积金欠缴', latestBy(fin.filter((r) => r.category === 'HOUSING_FUND'), () => ''), f.housingFundArrears, () => '公积金');
  const UTILITY_NAME: Record<string, string> = { WATER: '水费', ELECTRICITY: '电费', GAS: '燃气费' };
  arrears(
    'UTILITY_ARREARS',
    '水电气欠费',
    latestBy(fin.filter((r) => r.category === 'UTILITY'), (r) => r.item),
    f.utilityArrears,
    (r) => UTILITY_NAME[r.item] ?? r.item,
  );
  return out;
}

/**
 * Scores one enterprise. Invariant (tested): Σ factor points = score − base; a clamp to
 * [min, max] appears as the factor SCORE_BOUNDS.
 */
export function computeEvaluation(inputs: EvaluationInputs, today: string, rules: EvaluationRules = EVALUATION_RULES): EvaluationResult {
  const factors: Factor[] = [];
  const ceilings: EvaluationLevelCode[] = [];
  for (const kind of Object.keys(rules.records) as EvaluatedRecordKind[]) {
    const rule = rules.records[kind];
    const f = recordFactor(kind, rule, inputs.records, rules, today);
    if (f) {
      factors.push(f);
      if (rule.levelCeiling) ceilings.push(rule.levelCeiling);
    }
  }
  factors.push(...financingFactors(inputs.financing, rules, today));

  const raw = rules.base + factors.reduce((s, f) => s + f.points, 0);
  const score = Math.max(rules.min, Math.min(rules.max, raw));
  if (score !== raw) {
    factors.push({
      code: 'SCORE_BOUNDS',
      name: '分值上下限',
      dimension: raw > score ? 'INCENTIVE' : 'DISHONESTY_DISCIPLINE',
      points: score - raw,
      explanation: `合计${raw}分超出${rules.min}–${rules.max}分的范围，按${score}分计`,
      records: null,
    });
  }
  let level = rules.levels.find((l) => score >= l.minScore)?.level ?? 'D';
  for (const c of ceilings) if (LEVEL_ORDER.indexOf(c) > LEVEL_ORDER.indexOf(level)) level = c;
  return { score, level, baseScore: rules.base, factors, ruleVersion: rules.version };
}

/** The name (优/良/中/差) of a level under the rules. */
export function levelName(level: EvaluationLevelCode, rules: EvaluationRules = EVALUATION_RULES): string {
  return rules.levels.find((l) => l.level === level)?.name ?? level;
}

/** sha256 of the inputs in a canonical order, with the rule version: what produced a stored result. */
export function inputsHash(inputs: EvaluationInputs, ruleVersion: string): string {
  const records = [...inputs.records].sort((a, b) => a.recordId.localeCompare(b.recordId));
  const financing = [...inputs.financing].sort((a, b) =>
    `${a.category}|${a.period}|${a.item}`.localeCompare(`${b.category}|${b.period}|${b.item}`),
  );
  return createHash('sha256').update(JSON.stringify({ ruleVersion, records, financing })).digest('hex');
}
