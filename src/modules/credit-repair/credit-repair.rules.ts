import { REPAIR_FREQUENCY } from '@/config/repair-rules';
import type { RepairFrequencyLimits } from '@/config/repair-rules';
import { addMonths } from '@/shared/dates';
import { RepairRefusalReason } from './credit-repair.types';

export interface TooEarly {
  reason: RepairRefusalReason;
  earliestDate: string;
}

/**
 * The shortest publicity period (最短公示期): "最短公示期满后方可申请信用修复" (国办发〔2025〕22号;
 * 36号令). `earliestRepairDate` is stored with the record by its rule version (decision date + the
 * minimum period; MINOR under RULES_2026 = the decision date itself, i.e. at once).
 */
export function minimumPeriodRefusal(
  earliestRepairDate: string | null,
  today: string,
): TooEarly | null {
  if (earliestRepairDate !== null && today < earliestRepairDate) {
    return {
      reason: RepairRefusalReason.MINIMUM_PUBLICITY_PERIOD,
      earliestDate: earliestRepairDate,
    };
  }
  return null;
}

/**
 * Local frequency limits (src/config/repair-rules.ts; DOMAIN.md §3.1, local and non-binding [M]).
 * `approvedOn`: decision dates of the enterprise's approved repairs, newest first.
 */
export function frequencyRefusal(
  approvedOn: readonly string[],
  today: string,
  rules: RepairFrequencyLimits = REPAIR_FREQUENCY,
): TooEarly | null {
  if (!rules.enabled) return null;
  const last = approvedOn[0];
  if (last !== undefined) {
    const next = addMonths(last, rules.minMonthsSinceLastApproved);
    if (today < next) return { reason: RepairRefusalReason.REPAIR_INTERVAL, earliestDate: next };
  }
  // Approvals decided after this date fall inside the rolling window that ends today.
  const windowStart = addMonths(today, -rules.windowMonths);
  const inWindow = approvedOn.filter((d) => d > windowStart);
  if (rules.maxApproved > 0 && inWindow.length >= rules.maxApproved) {
    // The window frees a slot when the max-th most recent approval leaves it.
    return {
      reason: RepairRefusalReason.REPAIR_COUNT_LIMIT,
      earliestDate: addMonths(inWindow[rules.maxApproved - 1]!, rules.windowMonths),
    };
  }
  return null;
}

export function refusalMessage(t: TooEarly): string {
  switch (t.reason) {
    case RepairRefusalReason.MINIMUM_PUBLICITY_PERIOD:
      return `最短公示期未满 — the shortest publicity period has not passed; apply on or after ${t.earliestDate}.`;
    case RepairRefusalReason.REPAIR_INTERVAL:
      return `距上次修复未满规定间隔 — too soon after the last approved repair; apply on or after ${t.earliestDate}.`;
    case RepairRefusalReason.REPAIR_COUNT_LIMIT:
      return `修复次数已达上限 — the limit of approved repairs in the period is reached; apply on or after ${t.earliestDate}.`;
  }
}
