/**
 * Rules of the public credit evaluation (公共信用综合评价).
 *
 * PLAINLY: the national standard GB/T 45255-2025 《公共信用综合评价规范》 (in force 2025-06-01) defines
 * the evaluation content, the grade symbols and the cycle, but its indicator weights, point values
 * and grade boundaries are NOT public (DOMAIN.md §7.4 marks the A/B/C/D grades [M / ?] and the
 * Shanghai score ranges [?]). Every figure below is therefore the district's configurable STAND-IN,
 * chosen to be explainable, not a value taken from the standard. Change a figure → change
 * `version`: each stored evaluation carries the version it was computed with, and evaluations of an
 * older version are recomputed when read.
 *
 * Shape of the computation (src/modules/evaluation/evaluation.scoring.ts, a pure function):
 *   score = clamp(base + Σ factor points, min, max)
 * where each factor's points are the sum of its items' points, each item rounded to a whole point,
 * and a factor's total is limited by its cap. A clamp is itself reported as a factor so that
 * Σ factor points = score − base always holds.
 */
import type { Severity } from './publicity-rules';

export type EvaluationLevelCode = 'A' | 'B' | 'C' | 'D';

/** The evaluation dimensions used by 信用中国 reports (DOMAIN.md §7.4, [S-weak]). */
export type EvaluationDimensionCode =
  | 'JUDICIAL'
  | 'ADMINISTRATIVE_MANAGEMENT'
  | 'COMMITMENT_FULFILMENT'
  | 'OPERATION_MANAGEMENT'
  | 'INCENTIVE'
  | 'DISHONESTY_DISCIPLINE';

/** Credit record kinds that feed the evaluation (licences are neutral: a licence is no credit fact). */
export type EvaluatedRecordKind =
  | 'ADMINISTRATIVE_PENALTY'
  | 'ADMINISTRATIVE_COERCION'
  | 'SERIOUS_DISHONESTY_LIST'
  | 'ABNORMAL_OPERATION_LIST'
  | 'HONOUR'
  | 'COMMITMENT_BREACH'
  | 'CRIMINAL_JUDGMENT';

export interface RecordRule {
  readonly name: string;
  readonly dimension: EvaluationDimensionCode;
  /** Points per record by severity; `null` severity (kinds without one) uses `GENERAL`. */
  readonly points: Readonly<Record<Severity, number>>;
  /** A record older than this (months since the decision date) no longer counts. */
  readonly lookbackMonths: number;
  /**
   * Stop counting when the record's publicity window has ended. [M] Local evaluation schemes use
   * 失信 information "在公示期内" as the basis of 失信惩戒; configurable.
   */
  readonly endsWithPublicity: boolean;
  /** The factor's total is limited to this magnitude (a negative factor never goes below −cap). */
  readonly cap: number;
  /** Highest level an enterprise with at least one counting record of this kind may have (一票否决). */
  readonly levelCeiling?: EvaluationLevelCode;
  /** Multiplier for penalties decided in the summary procedure (简易程序, 《行政处罚法》 art. 51). */
  readonly summaryProcedureFactor?: number;
}

export interface DecayBand {
  /** Applies from this many full months after the decision date (inclusive). */
  readonly fromMonths: number;
  readonly factor: number;
}

export interface EvaluationRules {
  readonly version: string;
  readonly base: number;
  readonly min: number;
  readonly max: number;
  /** Level thresholds, best first: the first level whose `minScore` the score reaches. */
  readonly levels: readonly { readonly level: EvaluationLevelCode; readonly name: string; readonly minScore: number }[];
  /** Recency decay of record points (newest first applies to the youngest records). */
  readonly decay: readonly DecayBand[];
  readonly records: Readonly<Record<EvaluatedRecordKind, RecordRule>>;
  readonly financing: {
    /**
     * 纳税信用等级 of the latest year held (DOMAIN.md §7.5: A ≥ 90, B 70–89, M new/no income, C 40–69,
     * D < 40 or directly assigned). Counts only when that year is at most `maxAgeYears` old.
     */
    readonly taxCreditGrade: { readonly points: Readonly<Record<'A' | 'B' | 'M' | 'C' | 'D', number>>; readonly maxAgeYears: number };
    /** 社会保险 arrears: points per month in arrears (latest period), capped. */
    readonly socialInsuranceArrears: { readonly perMonth: number; readonly cap: number };
    /** 住房公积金 arrears: points per month in arrears (latest period), capped. */
    readonly housingFundArrears: { readonly perMonth: number; readonly cap: number };
    /** 水电气 arrears: points per month in arrears summed over utilities (latest period each), capped. */
    readonly utilityArrears: { readonly perMonth: number; readonly cap: number };
    /** Financing rows whose period is older than this many months do not count. */
    readonly arrearsMaxAgeMonths: number;
  };
  /**
   * How long a stored evaluation is served before it is recomputed when read: recency decay and
   * publicity windows move with the calendar even when no data arrives (the daily 评价周期 of the
   * district node).
   */
  readonly refreshAfterHours: number;
}

export const EVALUATION_RULES: EvaluationRules = {
  version: 'JS-EVAL-2026.1',
  base: 80,
  min: 0,
  max: 100,
  // A/B/C/D = 优/良/中/差 (DOMAIN.md §7.4 [M / ?]); boundaries are the district's stand-ins.
  levels: [
    { level: 'A', name: '优', minScore: 90 },
    { level: 'B', name: '良', minScore: 75 },
    { level: 'C', name: '中', minScore: 60 },
    { level: 'D', name: '差', minScore: 0 },
  ],
  decay: [
    { fromMonths: 0, factor: 1 },
    { fromMonths: 12, factor: 0.6 },
    { fromMonths: 24, factor: 0.3 },
    { fromMonths: 36, factor: 0.2 },
  ],
  records: {
    ADMINISTRATIVE_PENALTY: {
      name: '行政处罚',
      dimension: 'ADMINISTRATIVE_MANAGEMENT',
      points: { MINOR: -3, GENERAL: -8, SERIOUS: -20 },
      lookbackMonths: 36,
      endsWithPublicity: false,
      cap: 40,
      summaryProcedureFactor: 0.5,
    },
    ADMINISTRATIVE_COERCION: {
      name: '行政强制',
      dimension: 'ADMINISTRATIVE_MANAGEMENT',
      points: { MINOR: -2, GENERAL: -5, SERIOUS: -10 },
      lookbackMonths: 36,
      endsWithPublicity: false,
      cap: 20,
    },
    SERIOUS_DISHONESTY_LIST: {
      name: '严重失信主体名单',
      dimension: 'DISHONESTY_DISCIPLINE',
      points: { MINOR: -40, GENERAL: -40, SERIOUS: -40 },
      lookbackMonths: 60,
      endsWithPublicity: false,
      cap: 60,
      levelCeiling: 'D',
    },
    ABNORMAL_OPERATION_LIST: {
      name: '经营异常名录',
      dimension: 'OPERATION_MANAGEMENT',
      points: { MINOR: -5, GENERAL: -10, SERIOUS: -15 },
      lookbackMonths: 36,
      endsWithPublicity: false,
      cap: 20,
    },
    HONOUR: {
      name: '守信激励',
      dimension: 'INCENTIVE',
      points: { MINOR: 5, GENERAL: 5, SERIOUS: 5 },
      lookbackMonths: 36,
      endsWithPublicity: false,
      cap: 10,
    },
    COMMITMENT_BREACH: {
      name: '违背信用承诺',
      dimension: 'COMMITMENT_FULFILMENT',
      points: { MINOR: -5, GENERAL: -10, SERIOUS: -20 },
      lookbackMonths: 36,
      endsWithPublicity: false,
      cap: 30,
    },
    CRIMINAL_JUDGMENT: {
      name: '刑事裁判',
      dimension: 'JUDICIAL',
      points: { MINOR: -30, GENERAL: -30, SERIOUS: -30 },
      // The dedicated credit report looks back 5 years (DESIGN.md "Domain rules"); so does this.
      lookbackMonths: 60,
      endsWithPublicity: false,
      cap: 50,
      levelCeiling: 'C',
    },
  },
  financing: {
    taxCreditGrade: { points: { A: 5, B: 2, M: 0, C: -5, D: -15 }, maxAgeYears: 2 },
    socialInsuranceArrears: { perMonth: -2, cap: 10 },
    housingFundArrears: { perMonth: -1, cap: 5 },
    utilityArrears: { perMonth: -1, cap: 6 },
    arrearsMaxAgeMonths: 12,
  },
  refreshAfterHours: 24,
};
