/**
 * 用诺 afterwards: what a breach (违诺 / 虚假承诺) does, inside the verifying transaction.
 *
 * - It becomes a COMMITMENT_BREACH credit record of the supervising department (国办发〔2020〕42号
 *   "纳入信用记录"; 国办发〔2019〕35号: fulfilment is written into the credit record), created through the
 *   credit-record ingestion path — same validation, versioning, hash and data-quality facts as any
 *   department row, keyed by the commitment number so it can never be created twice.
 * - For a credit-repair commitment (信用修复型), the repaired record's publicity is restored for the
 *   longest period (template remark: "the penalty is published for the maximum period"), and the
 *   repair application that repaired it is revoked (撤销修复), so it no longer reads 已修复.
 * - The evaluation (公共信用综合评价) of the enterprise is recomputed.
 */
import type { Knex } from '@mikro-orm/postgresql';
import { COMMITMENT_RULES } from '@/config/commitment-rules';
import { ruleSet } from '@/config/publicity-rules';
import type { RuleVersion, Severity } from '@/config/publicity-rules';
import type { HubContext } from '@/context';
import { creditRecordService } from '@/modules/credit-record';
import { creditRepairService } from '@/modules/credit-repair';
import { recomputeEvaluations } from '@/modules/evaluation';
import { IngestionRowStatus } from '@/modules/ingestion';
import { findDepartment } from '@/modules/ingestion/ingestion.engine';
import { addMonths } from '@/shared/dates';
import type { CommitmentRow } from './commitment.rows';
import type { ValidVerification } from './commitment.validation';

/** The credit record's source id: one breach record per commitment, whatever is retried. */
export function breachSourceRecordId(commitmentNumber: string): string {
  return `COMMITMENT-${commitmentNumber}`;
}

/** What the breach was, in the words of the credit record and of the repair revocation. */
function breachKind(v: ValidVerification): string {
  return v.foundFalse ? '承诺不实（虚假承诺）' : '未履行信用承诺';
}

async function createBreachRecord(ctx: HubContext, trx: Knex, c: CommitmentRow, v: ValidVerification): Promise<string> {
  const department = await findDepartment(trx, c.supervising_department);
  if (!department) throw new Error(`supervising department ${c.supervising_department} is not a department`);
  const severity: Severity = v.foundFalse ? COMMITMENT_RULES.breachSeverity.foundFalse : COMMITMENT_RULES.breachSeverity.notFulfilled;
  const what = breachKind(v);
  const result = await creditRecordService.ingestFor({ knex: trx, now: ctx.now, calendar: ctx.calendar, log: ctx.log }, department, [
    {
      sourceRecordId: breachSourceRecordId(c.number),
      kind: 'COMMITMENT_BREACH',
      uscc: c.enterprise_uscc,
      documentNumber: v.breachDocumentNumber ?? `违诺认定 ${c.number}`,
      decisionDate: v.checkedOn,
      severity,
      title: `违诺：${c.matter}`.slice(0, 512),
      content: `${what}。承诺编码 ${c.number}；承诺事由：${c.matter}；未履行的承诺内容：${v.unfulfilledContent ?? ''}；违诺责任追究：${v.liabilityPursued ?? ''}`.slice(0, 4000),
      remarks: `承诺受理单位 ${c.recording_department}；核查认定 ${v.checkedOn}`,
    },
  ]);
  const row = result.rows[0];
  if (!row || row.status === IngestionRowStatus.REJECTED || !row.recordId) {
    // Rolls the whole verification back: a breach without its credit record must not be stored.
    throw new Error(`breach record for commitment ${c.number} was rejected: ${JSON.stringify(row?.errors ?? [])}`);
  }
  return row.recordId;
}

/**
 * 信用修复型 breach: the repair no longer stands. Clears `repaired_at` and sets the publicity end to
 * decision date + the LONGEST period of the record's own rule version and severity (the rule in
 * force at the decision date, DOMAIN.md §3.1), so the record is public again until then.
 */
async function restorePublicity(trx: Knex, recordId: string): Promise<void> {
  const res = await trx.raw<{ rows: { id: string; publication: string; severity: Severity | null; decision_date: string; rule_version: RuleVersion }[] }>(
    `select id, publication, severity, decision_date, rule_version from credit_record
      where record_id = ? and superseded_at is null for update`,
    [recordId],
  );
  const r = res.rows[0];
  if (!r) return;
  const end = r.publication === 'WINDOW' && r.severity ? addMonths(r.decision_date, ruleSet(r.rule_version).periods[r.severity].maxMonths) : null;
  await trx.raw(
    `update credit_record set repaired_at = null, publicity_end_date = coalesce(?::date, publicity_end_date) where id = ?`,
    [end, r.id],
  );
}

export async function applyBreach(ctx: HubContext, trx: Knex, c: CommitmentRow, v: ValidVerification): Promise<void> {
  const breachRecordId = await createBreachRecord(ctx, trx, c, v);
  await trx.raw('update commitment set breach_record_id = ? where id = ?', [breachRecordId, c.id]);
  if (c.type === 'CREDIT_REPAIR' && c.repaired_record_id) {
    await restorePublicity(trx, c.repaired_record_id);
    await creditRepairService.revokeForBreach(
      trx,
      c.repaired_record_id,
      c.id,
      `${breachKind(v)}：信用修复承诺 ${c.number}（核查认定 ${v.checkedOn}），撤销修复决定，信用记录恢复公示`,
      ctx.now(),
    );
  }
  await recomputeEvaluations(trx, [c.enterprise_uscc], ctx.now());
}
