/**
 * Who may use the commitment route (告知承诺) — 用诺 at the door. 国办发〔2020〕42号: applicants with
 * 较严重的不良信用记录 or a previous 虚假承诺 are not eligible until repaired (信用修复); matters that
 * directly involve national security, public safety, ecology, health, life and property … are out
 * of scope. The figures and lists are configuration (src/config/commitment-rules.ts).
 */
import type { Knex } from '@mikro-orm/postgresql';
import { COMMITMENT_RULES, excludedCategoriesOf } from '@/config/commitment-rules';
import type { CommitmentRules } from '@/config/commitment-rules';
import { addMonths } from '@/shared/dates';
import { EligibilityReasonCode } from './commitment.types';
import type { EligibilityReason } from './commitment.types';

interface CandidateRecord {
  record_id: string;
  kind: string;
  severity: string | null;
  decision_date: string;
  publicity_end_date: string | null;
  removed_on: string | null;
}

interface BreachedCommitment {
  id: string;
  number: string;
  found_false: boolean;
  breach_record_id: string | null;
  fulfilment_determined_on: string;
}

const reason = (code: EligibilityReasonCode, message: string, extra: Partial<EligibilityReason> = {}): EligibilityReason => ({
  code,
  message,
  rule: null,
  recordId: null,
  commitmentId: null,
  ...extra,
});

/**
 * Every reason that bars `uscc` from the commitment route for `matter` on `today` (a Beijing date).
 * Two statements whatever the history: the candidate records, and the breached commitments.
 * Repaired records never count (42号: eligible again after 信用修复); superseded versions never count.
 */
export async function eligibilityReasons(
  knex: Knex,
  enterprise: { uscc: string; status: string },
  matter: string,
  today: string,
  rules: CommitmentRules = COMMITMENT_RULES,
): Promise<EligibilityReason[]> {
  const reasons: EligibilityReason[] = [];
  if (enterprise.status !== 'ACTIVE') {
    reasons.push(
      reason(EligibilityReasonCode.ENTERPRISE_NOT_ACTIVE, `The enterprise is not in business (登记状态 ${enterprise.status}); a commitment cannot stand in for its obligations`),
    );
  }

  const breachCutoff = addMonths(today, -12 * rules.breachLookbackYears);
  const kinds = [...new Set(['SERIOUS_DISHONESTY_LIST', 'COMMITMENT_BREACH', ...rules.barringRecords.map((r) => r.kind)])];
  const [records, commitments] = await Promise.all([
    knex.raw<{ rows: CandidateRecord[] }>(
      `select record_id, kind, severity, decision_date, publicity_end_date, details->>'removedOn' as removed_on
         from credit_record
        where enterprise_uscc = ? and superseded_at is null and repaired_at is null and kind = any(?::text[])
        order by decision_date desc, record_id`,
      [enterprise.uscc, kinds],
    ),
    knex.raw<{ rows: BreachedCommitment[] }>(
      `select id, number, found_false, breach_record_id, fulfilment_determined_on
         from commitment
        where enterprise_uscc = ? and (fulfilment = 'NOT_FULFILLED' or found_false) and fulfilment_determined_on >= ?::date
        order by fulfilment_determined_on desc, id`,
      [enterprise.uscc, breachCutoff],
    ),
  ]);
  const commitmentByRecord = new Map(commitments.rows.filter((c) => c.breach_record_id).map((c) => [c.breach_record_id!, c]));

  for (const r of records.rows) {
    if (r.kind === 'SERIOUS_DISHONESTY_LIST') {
      // Active: not removed from the list and its publicity not over (《信用修复管理办法》 longest period).
      const removed = r.removed_on !== null && r.removed_on <= today;
      const expired = r.publicity_end_date !== null && r.publicity_end_date <= today;
      if (!removed && !expired) {
        reasons.push(
          reason(EligibilityReasonCode.SERIOUS_DISHONESTY_LIST, `Listed as a seriously dishonest entity (严重失信主体名单) since ${r.decision_date}, not repaired`, {
            recordId: r.record_id,
          }),
        );
      }
    }
    if (r.kind === 'COMMITMENT_BREACH' && r.decision_date >= breachCutoff) {
      const c = commitmentByRecord.get(r.record_id);
      const falseCommitment = c?.found_false === true;
      reasons.push(
        reason(
          falseCommitment ? EligibilityReasonCode.FALSE_COMMITMENT : EligibilityReasonCode.COMMITMENT_BREACH,
          falseCommitment
            ? `A commitment was found false (虚假承诺) on ${r.decision_date}, within ${rules.breachLookbackYears} years and not repaired (国办发〔2020〕42号)`
            : `A commitment breach (违诺) on ${r.decision_date}, within ${rules.breachLookbackYears} years and not repaired (国办发〔2020〕42号)`,
          { recordId: r.record_id, commitmentId: c?.id ?? null },
        ),
      );
    }
    for (const rule of rules.barringRecords) {
      if (r.kind !== rule.kind) continue;
      if (rule.severities && !(r.severity && (rule.severities as readonly string[]).includes(r.severity))) continue;
      if (r.decision_date < addMonths(today, -12 * rule.withinYears)) continue;
      reasons.push(reason(EligibilityReasonCode.BARRING_RECORD, `${rule.message} (decided ${r.decision_date})`, { rule: rule.code, recordId: r.record_id }));
    }
  }

  // Breaches without a credit record (none is created for them, or it came from elsewhere) still count.
  for (const c of commitments.rows) {
    if (c.breach_record_id) continue;
    reasons.push(
      reason(
        c.found_false ? EligibilityReasonCode.FALSE_COMMITMENT : EligibilityReasonCode.COMMITMENT_BREACH,
        `Commitment ${c.number} was ${c.found_false ? 'found false (虚假承诺)' : 'not fulfilled (违诺)'} on ${c.fulfilment_determined_on}`,
        { commitmentId: c.id },
      ),
    );
  }

  for (const cat of excludedCategoriesOf(matter, rules)) {
    reasons.push(
      reason(EligibilityReasonCode.EXCLUDED_MATTER, `The matter directly involves ${cat.label}: 告知承诺 does not apply (国办发〔2020〕42号 scope exclusions)`, {
        rule: cat.code,
      }),
    );
  }
  return reasons;
}
