/**
 * Quarterly evaluation of 双公示 data quality (DOMAIN.md §2.3: the three rates are reported monthly
 * per department and evaluated quarterly, as the district's policy document asks).
 *
 * [M] No national thresholds are published for 错报率 / 迟报率 / 漏报率 grades: the 城市信用状况监测预警
 * 指标 (2020) name the indicators but not the bands. The figures below are the district's
 * configurable stand-ins. A grade is the WORST of the three rate grades.
 */
export type DataQualityGradeCode = 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL';

export interface RateBands {
  /** Highest rate (inclusive) that still earns EXCELLENT / GOOD / PASS; above PASS is FAIL. */
  readonly excellent: number;
  readonly good: number;
  readonly pass: number;
}

export interface DataQualityRules {
  readonly errorRate: RateBands;
  readonly lateRate: RateBands;
  readonly omissionRate: RateBands;
  /**
   * The best grade possible while the omission rate is unknown (no decision count declared for
   * any month of the quarter): completeness cannot be shown, so it cannot be excellent.
   */
  readonly unknownOmissionCap: DataQualityGradeCode;
  /** Rates are rounded to this many decimals before they are graded and served. */
  readonly rateDecimals: number;
}

export const DATA_QUALITY_RULES: DataQualityRules = {
  errorRate: { excellent: 0.01, good: 0.03, pass: 0.05 },
  lateRate: { excellent: 0.05, good: 0.1, pass: 0.2 },
  omissionRate: { excellent: 0.01, good: 0.05, pass: 0.1 },
  unknownOmissionCap: 'GOOD',
  rateDecimals: 4,
};
