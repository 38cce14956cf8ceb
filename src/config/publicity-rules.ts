/**
 * Publicity periods (公示期) of 失信 information and the rule version that governs them
 * (DOMAIN.md §3). The version is fixed by the DECISION date and stored with each record: a record
 * decided before a new rule took effect keeps the old rule for its whole life (DESIGN.md "Domain
 * rules": "Earlier records keep the 2023 rules").
 *
 * The window starts at the decision date (DOMAIN.md §3.1, "The start date is the penalty decision
 * date"). With the decision date itself as the first day, a period of N months ends on the day
 * BEFORE the corresponding date N months later, so:
 *   - `publicityEndDate` = decision + max months is the FIRST day the record is no longer shown;
 *     the last day shown is publicityEndDate − 1 day. The window is [decisionDate, publicityEndDate).
 *   - `earliestRepairDate` = decision + min months is the first day a repair may be applied for
 *     ("最短公示期满后方可申请信用修复").
 * Month arithmetic clamps to the month end (《民法典》 art. 202): 2026-11-30 + 3 months = 2027-02-28.
 */
import { addMonths } from '@/shared/dates';

export type RuleVersion = 'RULES_2023' | 'RULES_2026';
export type Severity = 'MINOR' | 'GENERAL' | 'SERIOUS';
export const SEVERITIES: readonly Severity[] = ['MINOR', 'GENERAL', 'SERIOUS'];

export interface PublicityPeriod {
  /** Shortest publicity before repair may be applied for, in months. */
  readonly minMonths: number;
  /** Longest publicity, in months. */
  readonly maxMonths: number;
}

export interface PublicityRuleSet {
  readonly version: RuleVersion;
  /** First decision date (inclusive) governed by this rule set, 'YYYY-MM-DD'. */
  readonly effectiveFrom: string;
  readonly source: string;
  readonly periods: Readonly<Record<Severity, PublicityPeriod>>;
  /**
   * Whether a penalty decided in the 简易程序 (summary procedure) is published at all. 行政处罚法
   * (2021) art. 48 requires publication only of decisions "具有一定社会影响的"; summary-procedure
   * penalties (警告, small fines on the spot) are not, and the 2025/2026 rules let 轻微 information
   * stay unpublished. [M] — local practice varies, hence configuration.
   */
  readonly publishSummaryProcedure: boolean;
}

/**
 * The rule versions, oldest first. Decisions before the first effectiveFrom are governed by the
 * oldest version the hub carries (RULES_2023): the 2019 rules (发改办财金〔2019〕527号, 严重 min 6
 * months) are not modelled, and records older than 2023 are past every window anyway.
 */
export const PUBLICITY_RULES: readonly PublicityRuleSet[] = [
  {
    version: 'RULES_2023',
    effectiveFrom: '2023-05-01',
    source: '国家发展改革委令 2023年第58号《失信行为纠正后的信用信息修复管理办法（试行）》',
    periods: {
      // 58号令 knows only 一般 and 严重 失信行为; a record classed MINOR under it is treated as
      // GENERAL (the milder class that exists), never as unpublished.
      MINOR: { minMonths: 3, maxMonths: 12 },
      GENERAL: { minMonths: 3, maxMonths: 12 },
      SERIOUS: { minMonths: 12, maxMonths: 36 },
    },
    publishSummaryProcedure: false,
  },
  {
    version: 'RULES_2026',
    effectiveFrom: '2026-04-01',
    source: '国家发展改革委令 2025年第36号《信用修复管理办法》 (in force 2026-04-01; repeals 58号令)',
    periods: {
      // 轻微: may be left unpublished; published at most 3 months; repair as soon as the legal
      // obligation is fulfilled (min 0). 国办发〔2025〕22号 and 36号令.
      MINOR: { minMonths: 0, maxMonths: 3 },
      GENERAL: { minMonths: 3, maxMonths: 12 },
      SERIOUS: { minMonths: 12, maxMonths: 36 },
    },
    publishSummaryProcedure: false,
  },
];

/** The rule set in force at a decision date. */
export function ruleSetAt(decisionDate: string): PublicityRuleSet {
  let found = PUBLICITY_RULES[0]!;
  for (const r of PUBLICITY_RULES) if (decisionDate >= r.effectiveFrom) found = r;
  return found;
}

export function ruleSet(version: RuleVersion): PublicityRuleSet {
  const r = PUBLICITY_RULES.find((x) => x.version === version);
  if (!r) throw new RangeError(`unknown rule version ${version}`);
  return r;
}

/**
 * How a kind of record is disclosed: ALWAYS public (licences, honours: 双公示 and 守信激励 have no
 * publicity limit), within a WINDOW by severity (失信信息 in scope of credit repair, 36号令 art. 4:
 * penalties, 严重失信主体名单, 异常名录, plus coercion and commitment breaches treated alike), or
 * NEVER (criminal judgments reach the hub for reports and regulators, not for publication).
 */
export type Publication = 'ALWAYS' | 'WINDOW' | 'NEVER';

export const KIND_PUBLICATION = {
  ADMINISTRATIVE_LICENCE: 'ALWAYS',
  HONOUR: 'ALWAYS',
  ADMINISTRATIVE_PENALTY: 'WINDOW',
  ADMINISTRATIVE_COERCION: 'WINDOW',
  SERIOUS_DISHONESTY_LIST: 'WINDOW',
  ABNORMAL_OPERATION_LIST: 'WINDOW',
  COMMITMENT_BREACH: 'WINDOW',
  CRIMINAL_JUDGMENT: 'NEVER',
} as const satisfies Record<string, Publication>;
export type CreditRecordKindValue = keyof typeof KIND_PUBLICATION;

export interface PublicityWindow {
  readonly ruleVersion: RuleVersion;
  readonly publication: Publication;
  /** First day no longer shown (WINDOW only; null otherwise). */
  readonly publicityEndDate: string | null;
  /** First day a repair may be applied for (WINDOW only; null otherwise). */
  readonly earliestRepairDate: string | null;
}

/**
 * The window of one record, from its kind, severity, decision date and summary-procedure flag.
 * Pure: the same inputs always give the same window, so it can be stored at ingestion.
 * @throws RangeError when a WINDOW kind has no severity.
 */
export function publicityWindow(
  kind: CreditRecordKindValue,
  severity: Severity | null,
  decisionDate: string,
  summaryProcedure = false,
): PublicityWindow {
  const rules = ruleSetAt(decisionDate);
  let publication: Publication = KIND_PUBLICATION[kind];
  if (publication === 'WINDOW' && kind === 'ADMINISTRATIVE_PENALTY' && summaryProcedure && !rules.publishSummaryProcedure) {
    publication = 'NEVER';
  }
  if (publication !== 'WINDOW') {
    return { ruleVersion: rules.version, publication, publicityEndDate: null, earliestRepairDate: null };
  }
  if (!severity) throw new RangeError(`${kind} needs a severity to compute its publicity window`);
  const p = rules.periods[severity];
  return {
    ruleVersion: rules.version,
    publication,
    publicityEndDate: addMonths(decisionDate, p.maxMonths),
    earliestRepairDate: addMonths(decisionDate, p.minMonths),
  };
}

export type PublicityStatusValue = 'PUBLISHED' | 'IN_WINDOW' | 'EXPIRED' | 'REPAIRED' | 'NOT_PUBLISHED';

/**
 * Where a record stands on `today` (a Beijing date). An approved repair ends publicity at once
 * (36号令 art. 3, 终止公示) whatever the window says.
 */
export function publicityStatus(
  w: Pick<PublicityWindow, 'publication' | 'publicityEndDate'>,
  repaired: boolean,
  today: string,
): PublicityStatusValue {
  if (repaired) return 'REPAIRED';
  if (w.publication === 'NEVER') return 'NOT_PUBLISHED';
  if (w.publication === 'ALWAYS') return 'PUBLISHED';
  // A decision dated after `today` (a clock behind the department's) counts as in window.
  return today < w.publicityEndDate! ? 'IN_WINDOW' : 'EXPIRED';
}

/** Publicly visible on `today`: PUBLISHED or IN_WINDOW. */
export function isPubliclyVisible(status: PublicityStatusValue): boolean {
  return status === 'PUBLISHED' || status === 'IN_WINDOW';
}

/** A repair may be applied for from earliestRepairDate on (最短公示期满后方可申请信用修复). */
export function repairAllowed(w: Pick<PublicityWindow, 'earliestRepairDate'>, today: string): boolean {
  return w.earliestRepairDate !== null && today >= w.earliestRepairDate;
}
