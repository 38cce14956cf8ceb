import type { Knex } from '@mikro-orm/postgresql';
import { REPAIR_DEADLINES, REPAIR_FORBIDDEN_KINDS, REPAIRABLE_KINDS } from '@/config/repair-rules';
import type { CreditRecordKindValue } from '@/config/publicity-rules';
import type { HubContext } from '@/context';
import { todayOf } from '@/modules/credit-record/credit-record.rows';
import type {
  PublicityRuleVersion,
  RecordSeverity,
} from '@/modules/credit-record/credit-record.types';
import { recomputeEvaluations } from '@/modules/evaluation';
import {
  assertMayDecide,
  lockCurrentRecord,
  newestFirstPage,
  ownCasesWhere,
  parseId,
  queueDepartment,
  queuePage,
  requiredText,
  statusFilter,
  validateEvidence,
  workingDayDeadline,
} from '@/modules/objection';
import type { CasePage, Where } from '@/modules/objection';
import { BadUserInputError, ConflictError, NotFoundError } from '@/shared/errors';
import {
  CREDIT_REPAIR_COLUMNS,
  GRANTED_REPAIR_STATUSES,
  PENDING_REPAIR_STATUSES,
  toCreditRepair,
} from './credit-repair.rows';
import type { CreditRepairRow } from './credit-repair.rows';
import { frequencyRefusal, minimumPeriodRefusal, refusalMessage } from './credit-repair.rules';
import type { TooEarly } from './credit-repair.rules';
import { CreditRepairDecision } from './credit-repair.types';
import type {
  ApplyForCreditRepairInput,
  CreditRepairApplication,
  CreditRepairStatus,
  RepairNotYetAllowed,
} from './credit-repair.types';

const TABLE = {
  table: 'credit_repair',
  columns: CREDIT_REPAIR_COLUMNS,
  cursorKind: 'creditRepair',
};
const UNIQUE_VIOLATION = '23505';

function pendingConflict(): ConflictError {
  return new ConflictError(
    'This record already has a pending repair application',
    'REPAIR_ALREADY_PENDING',
  );
}

function invalidTransition(from: string, action: string): ConflictError {
  return new ConflictError(
    `A repair application in status ${from} cannot be ${action}`,
    'INVALID_TRANSITION',
  );
}

/**
 * Decision dates of the enterprise's granted repairs, newest first. A repair revoked after a breach
 * still counts: otherwise breaching would reset the local frequency limits.
 */
async function grantedRepairDates(trx: Knex, uscc: string): Promise<string[]> {
  const res = await trx.raw<{ rows: { d: string }[] }>(
    `select decided_on::text as d from credit_repair where enterprise_uscc = ? and status = any(?::text[]) order by decided_on desc`,
    [uscc, [...GRANTED_REPAIR_STATUSES]],
  );
  return res.rows.map((r) => r.d);
}

async function lockApplication(trx: Knex, id: string): Promise<CreditRepairRow | undefined> {
  const res = await trx.raw<{ rows: CreditRepairRow[] }>(
    `select ${CREDIT_REPAIR_COLUMNS} from credit_repair o where o.id = ? for update`,
    [id],
  );
  return res.rows[0];
}

function notYet(t: TooEarly, ruleVersion: string, severity: string | null): RepairNotYetAllowed {
  return {
    kind: 'notYet',
    refusalReason: t.reason,
    earliestDate: t.earliestDate,
    ruleVersion: ruleVersion as PublicityRuleVersion,
    severity: severity as RecordSeverity | null,
    message: refusalMessage(t),
  };
}


export const creditRepairService = {
  /**
   * Applies for credit repair (信用修复, DOMAIN.md §3). Only the enterprise the record is about
   * (another enterprise: NOT_FOUND). Refusals the client branches on come back as
   * RepairNotYetAllowed with the earliest date (nothing stored); a record that can never be
   * repaired is BAD_USER_INPUT, an already repaired or already pending one CONFLICT.
   */
  async apply(
    ctx: HubContext,
    input: ApplyForCreditRepairInput,
  ): Promise<CreditRepairApplication | RepairNotYetAllowed> {
    const recordId = parseId(input.recordId, 'input.recordId');
    const reason = requiredText(input.reason, 'input.reason');
    const commitment = requiredText(input.commitmentText, 'input.commitmentText', 10_000);
    const evidence = validateEvidence(input.evidence, 'input.evidence');
    const now = ctx.now();
    const today = todayOf(ctx);
    try {
      return await ctx.knex.transaction(
        async (trx): Promise<CreditRepairApplication | RepairNotYetAllowed> => {
          const record = await lockCurrentRecord(trx, recordId);
          if (!record || record.enterprise_uscc !== ctx.viewer.org)
            throw new NotFoundError('No such credit record');
          const kind = record.kind as CreditRecordKindValue;
          if (REPAIR_FORBIDDEN_KINDS.includes(kind)) {
            // 36号令 art. 2: information whose repair laws or State Council documents forbid.
            throw new BadUserInputError(
              `A ${kind} record cannot be repaired`,
              'input.recordId',
              'REPAIR_FORBIDDEN',
              { kind },
            );
          }
          if (!REPAIRABLE_KINDS.includes(kind)) {
            // 36号令 art. 4: repair covers 失信信息 (penalties, lists); licences, honours etc. need none.
            throw new BadUserInputError(
              `Credit repair does not apply to a ${kind} record`,
              'input.recordId',
              'REPAIR_NOT_APPLICABLE',
              { kind },
            );
          }
          if (record.repaired_at !== null)
            throw new ConflictError('This record is already repaired', 'ALREADY_REPAIRED');
          const pending = await trx.raw<{ rows: unknown[] }>(
            'select 1 from credit_repair where record_id = ? and status = any(?::text[])',
            [recordId, [...PENDING_REPAIR_STATUSES]],
          );
          if (pending.rows.length) throw pendingConflict();

          const tooEarly =
            minimumPeriodRefusal(record.earliest_repair_date, today) ??
            frequencyRefusal(await grantedRepairDates(trx, record.enterprise_uscc), today);
          if (tooEarly) return notYet(tooEarly, record.rule_version, record.severity);

          const accept = workingDayDeadline(
            ctx.calendar,
            today,
            REPAIR_DEADLINES.acceptWorkingDays,
          );
          const decide = workingDayDeadline(
            ctx.calendar,
            today,
            REPAIR_DEADLINES.decideWorkingDays,
          );
          const res = await trx.raw<{ rows: CreditRepairRow[] }>(
            `insert into credit_repair as o (record_id, enterprise_uscc, department, record_kind, reason, commitment_text, evidence,
              status, submitted_by, submitted_at, submitted_on, accept_due_on, accept_due_provisional, accept_working_days,
              decide_due_on, decide_due_provisional, decide_working_days, due_on)
           values (?, ?, ?, ?, ?, ?, ?::jsonb, 'SUBMITTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning ${CREDIT_REPAIR_COLUMNS}`,
            [
              recordId,
              record.enterprise_uscc,
              record.department,
              record.kind,
              reason,
              commitment,
              JSON.stringify(evidence),
              ctx.viewer.subject,
              now,
              today,
              accept.date,
              accept.provisional,
              accept.workingDays,
              decide.date,
              decide.provisional,
              decide.workingDays,
              accept.date,
            ] as never[],
          );
          return toCreditRepair(res.rows[0]!, today);
        },
      );
    } catch (err) {
      if ((err as { code?: string })?.code === UNIQUE_VIOLATION) throw pendingConflict();
      throw err;
    }
  },

  /** SUBMITTED → ACCEPTED (受理); the awaited deadline becomes the decision deadline. */
  async accept(ctx: HubContext, id: string): Promise<CreditRepairApplication> {
    const appId = parseId(id, 'id');
    const today = todayOf(ctx);
    const row = await ctx.knex.transaction(async (trx) => {
      const a = await lockApplication(trx, appId);
      assertMayDecide(ctx.viewer, a, 'repair application');
      if (a.status !== 'SUBMITTED') throw invalidTransition(a.status, 'accepted');
      const res = await trx.raw<{ rows: CreditRepairRow[] }>(
        `update credit_repair as o set status = 'ACCEPTED', accepted_at = ?, accepted_by = ?, due_on = o.decide_due_on
          where o.id = ? returning ${CREDIT_REPAIR_COLUMNS}`,
        [ctx.now(), ctx.viewer.subject, appId] as never[],
      );
      return res.rows[0]!;
    });
    return toCreditRepair(row, today);
  },

  /**
   * The department decides (准予 / 不予修复). Approval, in ONE transaction (《信用修复管理办法》
   * art. 3): sets repaired_at on the record's current version — which ends publicity (row policy
   * publiclyVisible) and sharing with banks and agencies even under consent (row policy
   * notRepaired) from the next request on; corrections carry repaired_at to later versions
   * (credit-record ingestion) — and recomputes the enterprise's evaluation (linked update). The
   * frequency limits are checked again under a per-enterprise lock, so two approvals cannot both
   * slip under them. Denial changes nothing but the application.
   */
  async decide(
    ctx: HubContext,
    id: string,
    decision: CreditRepairDecision,
    reasons: string,
  ): Promise<CreditRepairApplication> {
    const appId = parseId(id, 'id');
    const why = requiredText(reasons, 'reasons');
    const now = ctx.now();
    const today = todayOf(ctx);
    const row = await ctx.knex.transaction(async (trx) => {
      const a = await lockApplication(trx, appId);
      assertMayDecide(ctx.viewer, a, 'repair application');
      if (a.status !== 'SUBMITTED' && a.status !== 'ACCEPTED') {
        throw invalidTransition(
          a.status,
          decision === CreditRepairDecision.APPROVE ? 'approved' : 'denied',
        );
      }
      const approve = decision === CreditRepairDecision.APPROVE;
      if (approve) {
        await trx.raw(`select pg_advisory_xact_lock(hashtext('credit_repair:' || ?))`, [
          a.enterprise_uscc,
        ]);
        const tooEarly = frequencyRefusal(await grantedRepairDates(trx, a.enterprise_uscc), today);
        if (tooEarly) {
          throw new ConflictError(refusalMessage(tooEarly), tooEarly.reason);
        }
        const updated = await trx.raw<{ rows: unknown[] }>(
          'update credit_record set repaired_at = ? where record_id = ? and superseded_at is null and repaired_at is null returning id',
          [now, a.record_id],
        );
        if (!updated.rows.length)
          throw new ConflictError(
            'The record is already repaired or no longer current',
            'ALREADY_REPAIRED',
          );
      }
      const res = await trx.raw<{ rows: CreditRepairRow[] }>(
        `update credit_repair as o set status = ?, decided_at = ?, decided_on = ?, decided_by = ?, decision_reasons = ?, due_on = null,
            accepted_at = coalesce(o.accepted_at, ?), accepted_by = coalesce(o.accepted_by, ?)
          where o.id = ? returning ${CREDIT_REPAIR_COLUMNS}`,
        [
          approve ? 'APPROVED' : 'DENIED',
          now,
          today,
          ctx.viewer.subject,
          why,
          now,
          ctx.viewer.subject,
          appId,
        ] as never[],
      );
      // 36号令 art. 3 "同步更新信用评价": the evaluation commits or rolls back with the repair.
      if (approve) await recomputeEvaluations(trx, [a.enterprise_uscc], now);
      return res.rows[0]!;
    });
    return toCreditRepair(row, today);
  },

  /**
   * 撤销修复, inside the transaction that records a breach of the credit-repair commitment made for
   * `recordId` (commitment.breach.ts restores the record's publicity in the same transaction). The
   * application that repaired the record then reads REVOKED, with when, why and which commitment,
   * instead of 已修复. Returns the ids revoked: none when the repair was not decided in the hub.
   */
  async revokeForBreach(trx: Knex, recordId: string, commitmentId: string, reason: string, at: Date): Promise<string[]> {
    const res = await trx.raw<{ rows: { id: string }[] }>(
      `update credit_repair set status = 'REVOKED', revoked_at = ?, revoked_by_commitment = ?, revocation_reason = ?
        where record_id = ? and status = 'APPROVED' returning id`,
      [at, commitmentId, reason, recordId],
    );
    return res.rows.map((r) => r.id);
  },

  /** The department's queue (overdue first, then by deadline); own department only unless operator. */
  async queue(
    ctx: HubContext,
    department: string | null | undefined,
    statuses: CreditRepairStatus[] | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<CasePage<CreditRepairApplication>> {
    const dept = queueDepartment(ctx.viewer, department);
    const s = statusFilter(statuses, PENDING_REPAIR_STATUSES);
    const where: Where = dept
      ? { sql: `o.department = ? and ${s.sql}`, bindings: [dept, ...s.bindings] }
      : s;
    const today = todayOf(ctx);
    return queuePage<CreditRepairRow, CreditRepairApplication>(
      ctx,
      TABLE,
      where,
      first,
      after,
      (r) => toCreditRepair(r, today),
    );
  },

  /** The signed-in enterprise's applications, newest first. */
  async mine(
    ctx: HubContext,
    statuses: CreditRepairStatus[] | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<CasePage<CreditRepairApplication>> {
    const where = ownCasesWhere(ctx, statuses);
    const today = todayOf(ctx);
    return newestFirstPage<CreditRepairRow, CreditRepairApplication>(
      ctx,
      TABLE,
      where,
      first,
      after,
      (r) => toCreditRepair(r, today),
    );
  },
};
