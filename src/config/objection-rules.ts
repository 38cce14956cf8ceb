/**
 * Working-day limits for objections (异议处理时限). DOMAIN.md §4: no national figure binds a public
 * credit platform; the values below follow the Guangzhou public-credit platform's guide
 * (credit1.gz.gov.cn/guide/yysqlc): acceptance decided within 2 working days, and a data provider
 * asked to verify (协查函) replies within 10 working days. [M] for Jinshan: the district has not
 * published its own limits, so these are configuration, not law.
 *
 * Working days follow the PRC official calendar (src/shared/calendar): statutory holidays and
 * 调休 make-up working days count as the State Council announces them.
 */
export interface ObjectionRules {
  /** Working days after filing within which the department accepts or rejects (受理). */
  readonly acceptWorkingDays: number;
  /** Working days after acceptance within which the department verifies and closes (核查). */
  readonly verifyWorkingDays: number;
}

export const OBJECTION_RULES: ObjectionRules = Object.freeze({
  // Guangzhou: "2个工作日内决定是否受理" — DOMAIN.md §4. [M]
  acceptWorkingDays: 2,
  // Guangzhou: 信息提供单位 "10个工作日内核实并反馈" — DOMAIN.md §4. [M]
  verifyWorkingDays: 10,
});
