/**
 * Credit repair (信用修复) policy: which records may be repaired, processing limits in working
 * days, and the frequency limits (DOMAIN.md §3). Values marked [M] are recollections or local
 * examples and belong here, not in code (DESIGN.md "Domain rules to get right").
 */
import type { CreditRecordKindValue } from './publicity-rules';

/**
 * Kinds a repair may be applied for: 《信用修复管理办法》 (国家发展改革委令 2025年第36号) art. 4 —
 * 严重失信主体名单, 行政处罚信息, 异常名录信息 (plus other 失信信息 in the 基础目录 or a local
 * supplementary 目录; add kinds here when the district's 目录 lists them).
 */
export const REPAIRABLE_KINDS: readonly CreditRecordKindValue[] = [
  'ADMINISTRATIVE_PENALTY',
  'SERIOUS_DISHONESTY_LIST',
  'ABNORMAL_OPERATION_LIST',
];

/**
 * Kinds whose repair is forbidden outright: 36号令 art. 2 excludes information whose repair laws
 * or 党中央/国务院 documents forbid. A criminal judgment is not 行政 失信信息 at all and is never
 * repaired through this procedure.
 */
export const REPAIR_FORBIDDEN_KINDS: readonly CreditRecordKindValue[] = ['CRIMINAL_JUDGMENT'];

export interface RepairDeadlines {
  /** Working days after submission within which the department accepts (受理). */
  readonly acceptWorkingDays: number;
  /** Working days after submission (a complete application) within which it decides. */
  readonly decideWorkingDays: number;
}

export const REPAIR_DEADLINES: RepairDeadlines = Object.freeze({
  // 国办发〔2025〕22号 sets a working-day acceptance limit; the figure was not recoverable — a
  // recollection is 3 working days (DOMAIN.md §3.1). [M]
  acceptWorkingDays: 3,
  // Jiangxi practice: 10 working days from a complete application to the end of repair
  // (credit.nc.gov.cn/contents/80/1165.html, DOMAIN.md §3.1). [M] for Jinshan.
  decideWorkingDays: 10,
});

export interface RepairFrequencyLimits {
  readonly enabled: boolean;
  /** No new repair until this many months after the enterprise's last APPROVED repair. */
  readonly minMonthsSinceLastApproved: number;
  /** At most this many approved repairs … */
  readonly maxApproved: number;
  /** … within this many months (rolling, counted back from the application date). */
  readonly windowMonths: number;
}

/**
 * Local, non-binding examples (DOMAIN.md §3.1, crsrw.com/qiyezixun/88153.html): no repair within
 * 1 year of a previous repair; no more than 2 repairs in 5 years. [M] They are not national rules.
 * ON by default: the hub applies the district's configured policy, and these are the only figures
 * on record; an operator who does not adopt them sets `enabled: false`. Limits count approved
 * repairs of the same enterprise (any record), by decision date.
 */
export const REPAIR_FREQUENCY: RepairFrequencyLimits = Object.freeze({
  enabled: true,
  minMonthsSinceLastApproved: 12,
  maxApproved: 2,
  windowMonths: 60,
});
