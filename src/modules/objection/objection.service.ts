import type { Knex } from '@mikro-orm/postgresql';
import { rowVisible } from '@/access/row-policy';
import type { HubContext } from '@/context';
import {
  CREDIT_RECORD_ROWS,
  todayOf,
  toCreditRecord,
} from '@/modules/credit-record/credit-record.rows';
import type { CreditRecord } from '@/modules/credit-record/credit-record.types';
import { recomputeEvaluations } from '@/modules/evaluation';
import { ConflictError, NotFoundError } from '@/shared/errors';
import type { CasePage, Where } from './case-pages';
import { newestFirstPage, ownCasesWhere, queuePage, statusFilter } from './case-pages';
import { objectionDeadlines } from './deadlines';
import { assertMayDecide, queueDepartment } from './department-scope';
import { parseId, requiredText, validateEvidence } from './evidence';
import {
  OBJECTION_COLUMNS,
  OPEN_OBJECTION_STATUSES,
  recordObjectionStatus,
  toObjection,
} from './objection.rows';
import type { ObjectionRow } from './objection.rows';
import type {
  FileObjectionInput,
  Objection,
  ObjectionOutcome,
  ObjectionStatus,
  RecordObjectionStatus,
} from './objection.types';

const TABLE = { table: 'objection', columns: OBJECTION_COLUMNS, cursorKind: 'objection' };
const UNIQUE_VIOLATION = '23505';

/** The current version of a logical record, locked for the transaction. */
export interface LockedRecord {
  record_id: string;
  enterprise_uscc: string;
  department: string;
  kind: string;
  severity: string | null;
  rule_version: string;
  earliest_repair_date: string | null;
  repaired_at: Date | string | null;
}

export async function lockCurrentRecord(
  trx: Knex,
  recordId: string,
): Promise<LockedRecord | undefined> {
  const res = await trx.raw<{ rows: LockedRecord[] }>(
    `select record_id, enterprise_uscc, department, kind, severity, rule_version,
            earliest_repair_date::text as earliest_repair_date, repaired_at
       from credit_record where record_id = ? and superseded_at is null for update`,
    [recordId],
  );
  return res.rows[0];
}

async function lockObjection(trx: Knex, id: string): Promise<ObjectionRow | undefined> {
  const res = await trx.raw<{ rows: ObjectionRow[] }>(
    `select ${OBJECTION_COLUMNS} from objection o where o.id = ? for update`,
    [id],
  );
  return res.rows[0];
}

/** Sets or clears the disputed mark (异议标注) on the record's current version. */
async function markDisputed(trx: Knex, recordId: string, at: Date | null): Promise<void> {
  await trx.raw(
    'update credit_record set disputed_at = ? where record_id = ? and superseded_at is null',
    [at, recordId],
  );
}

function invalidTransition(from: string, action: string): ConflictError {
  return new ConflictError(
    `An objection in status ${from} cannot be ${action}`,
    'INVALID_TRANSITION',
  );
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string })?.code === UNIQUE_VIOLATION;
}


/** Closes an objection (rejected or decided) and removes the disputed mark, in one transaction. */
async function closeObjection(
  ctx: HubContext,
  objectionId: string,
  to: string,
  from: readonly string[],
  text: { rejection_reason?: string; outcome_note?: string },
): Promise<Objection> {
  const today = todayOf(ctx);
  const row = await ctx.knex.transaction(async (trx) => {
    const o = await lockObjection(trx, objectionId);
    assertMayDecide(ctx.viewer, o, 'objection');
    if (!from.includes(o.status))
      throw invalidTransition(o.status, to === 'REJECTED' ? 'rejected' : `closed as ${to}`);
    const res = await trx.raw<{ rows: ObjectionRow[] }>(
      `update objection as o set status = ?, closed_at = ?, closed_by = ?, due_on = null,
          rejection_reason = coalesce(?, o.rejection_reason), outcome_note = coalesce(?, o.outcome_note)
        where o.id = ? returning ${OBJECTION_COLUMNS}`,
      [
        to,
        ctx.now(),
        ctx.viewer.subject,
        text.rejection_reason ?? null,
        text.outcome_note ?? null,
        objectionId,
      ] as never[],
    );
    await markDisputed(trx, o.record_id, null);
    await recomputeEvaluations(trx, [o.enterprise_uscc], ctx.now());
    return res.rows[0]!;
  });
  return toObjection(row, today);
}

export const objectionService = {
  /**
   * Files an objection (DOMAIN.md §4). Only the enterprise the record is about may object (another
   * enterprise gets NOT_FOUND). The record is marked disputed in the same transaction, so every view
   * that may see it shows `disputed: true` from the next request on. One open objection per record:
   * a second (or a retried) filing is a CONFLICT, never a second row.
   */
  async file(ctx: HubContext, input: FileObjectionInput): Promise<Objection> {
    const recordId = parseId(input.recordId, 'input.recordId');
    const statement = requiredText(input.statement, 'input.statement');
    const evidence = validateEvidence(input.evidence, 'input.evidence');
    const now = ctx.now();
    const filedOn = todayOf(ctx);
    const acceptance = objectionDeadlines.acceptance(ctx.calendar, filedOn);
    try {
      const row = await ctx.knex.transaction(async (trx) => {
        const record = await lockCurrentRecord(trx, recordId);
        if (!record || record.enterprise_uscc !== ctx.viewer.org)
          throw new NotFoundError('No such credit record');
        const open = await trx.raw<{ rows: { id: string }[] }>(
          'select id from objection where record_id = ? and status = any(?::text[])',
          [recordId, [...OPEN_OBJECTION_STATUSES]],
        );
        if (open.rows.length)
          throw new ConflictError(
            'This record already has an open objection',
            'OBJECTION_ALREADY_OPEN',
          );
        const res = await trx.raw<{ rows: ObjectionRow[] }>(
          `insert into objection as o (record_id, enterprise_uscc, department, grounds, statement, evidence, status, filed_by,
              filed_at, filed_on, accept_due_on, accept_due_provisional, accept_working_days, due_on)
           values (?, ?, ?, ?, ?, ?::jsonb, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?) returning ${OBJECTION_COLUMNS}`,
          [
            recordId,
            record.enterprise_uscc,
            record.department,
            input.grounds,
            statement,
            JSON.stringify(evidence),
            ctx.viewer.subject,
            now,
            filedOn,
            acceptance.date,
            acceptance.provisional,
            acceptance.workingDays,
            acceptance.date,
          ] as never[],
        );
        await markDisputed(trx, recordId, now);
        // The evaluation explains records under objection (they still count until verified).
        await recomputeEvaluations(trx, [record.enterprise_uscc], now);
        return res.rows[0]!;
      });
      return toObjection(row, filedOn);
    } catch (err) {
      // A concurrent filing that slipped past the check meets the partial unique index.
      if (isUniqueViolation(err))
        throw new ConflictError(
          'This record already has an open objection',
          'OBJECTION_ALREADY_OPEN',
        );
      throw err;
    }
  },

  /** RECEIVED → ACCEPTED (受理); the verification deadline starts from the acceptance date. */
  async accept(ctx: HubContext, id: string): Promise<Objection> {
    const objectionId = parseId(id, 'id');
    const today = todayOf(ctx);
    const row = await ctx.knex.transaction(async (trx) => {
      const o = await lockObjection(trx, objectionId);
      assertMayDecide(ctx.viewer, o, 'objection');
      if (o.status !== 'RECEIVED') throw invalidTransition(o.status, 'accepted');
      const verification = objectionDeadlines.verification(ctx.calendar, today);
      const res = await trx.raw<{ rows: ObjectionRow[] }>(
        `update objection as o set status = 'ACCEPTED', accepted_at = ?, accepted_by = ?, verify_due_on = ?,
            verify_due_provisional = ?, verify_working_days = ?, due_on = ?
          where o.id = ? returning ${OBJECTION_COLUMNS}`,
        [
          ctx.now(),
          ctx.viewer.subject,
          verification.date,
          verification.provisional,
          verification.workingDays,
          verification.date,
          objectionId,
        ] as never[],
      );
      return res.rows[0]!;
    });
    return toObjection(row, today);
  },

  /** RECEIVED → REJECTED (不予受理): closed with the reason; the disputed mark is removed. */
  async reject(ctx: HubContext, id: string, reason: string): Promise<Objection> {
    const objectionId = parseId(id, 'id');
    const why = requiredText(reason, 'reason');
    return closeObjection(ctx, objectionId, 'REJECTED', ['RECEIVED'], { rejection_reason: why });
  },

  /**
   * ACCEPTED → CORRECTED | UPHELD | UNRESOLVED (《征信业管理条例》 art. 25, DOMAIN.md §4). Every outcome
   * ends the "under objection" state, so the disputed mark is removed; UNRESOLVED leaves both sides
   * recorded (the statement and this note) and the record shows objectionStatus UNRESOLVED. A
   * correction itself arrives as a new version through ingestion (ingestCreditRecords), which keeps
   * the department's single path for record content.
   */
  async decide(
    ctx: HubContext,
    id: string,
    outcome: ObjectionOutcome,
    note: string,
  ): Promise<Objection> {
    const objectionId = parseId(id, 'id');
    const finding = requiredText(note, 'note');
    return closeObjection(ctx, objectionId, outcome, ['ACCEPTED'], { outcome_note: finding });
  },

  /** The department's queue (overdue first, then by deadline); own department only unless operator. */
  async queue(
    ctx: HubContext,
    department: string | null | undefined,
    statuses: ObjectionStatus[] | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<CasePage<Objection>> {
    const dept = queueDepartment(ctx.viewer, department);
    const s = statusFilter(statuses, OPEN_OBJECTION_STATUSES);
    const where: Where = dept
      ? { sql: `o.department = ? and ${s.sql}`, bindings: [dept, ...s.bindings] }
      : s;
    const today = todayOf(ctx);
    return queuePage<ObjectionRow, Objection>(ctx, TABLE, where, first, after, (r) =>
      toObjection(r, today),
    );
  },

  /** The signed-in enterprise's objections, newest first. */
  async mine(
    ctx: HubContext,
    statuses: ObjectionStatus[] | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<CasePage<Objection>> {
    const where = ownCasesWhere(ctx, statuses);
    const today = todayOf(ctx);
    return newestFirstPage<ObjectionRow, Objection>(ctx, TABLE, where, first, after, (r) =>
      toObjection(r, today),
    );
  },

  /**
   * A record's objections, newest first, for those the field policy lets ask (the enterprise itself,
   * regulators, department staff, operator). Row scope: an APPROVER sees only its own department's.
   */
  async ofRecord(ctx: HubContext, record: CreditRecord): Promise<Objection[]> {
    const rows = await ctx.loaders.objectionsByRecord.load(record.id);
    const v = ctx.viewer;
    const visible = v.role === 'APPROVER' ? rows.filter((r) => r.department === v.org) : rows;
    const today = todayOf(ctx);
    return visible.map((r) => toObjection(r, today));
  },

  /** The objection note the record carries (shown to everyone who may see the record). */
  async statusOfRecord(ctx: HubContext, record: CreditRecord): Promise<RecordObjectionStatus> {
    return recordObjectionStatus(await ctx.loaders.objectionsByRecord.load(record.id));
  },

  /** The record an objection or application refers to (current version), if the row policy lets the viewer see it. */
  async recordOf(ctx: HubContext, recordId: string): Promise<CreditRecord | null> {
    const versions = await ctx.loaders.creditRecordVersions.load(recordId);
    const current = versions.find((r) => r.superseded_at === null);
    if (!current || !(await rowVisible(ctx, 'CreditRecord', CREDIT_RECORD_ROWS, current)))
      return null;
    return toCreditRecord(current, todayOf(ctx));
  },
};
