import { createHash, randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { HubContext } from '@/context';
import type { WorkingDayCalendar } from '@/shared/calendar';
import { beijingDate } from '@/shared/dates';
import { BadUserInputError, ForbiddenError, isDatabaseUnavailable, ServiceUnavailableError } from '@/shared/errors';
// The service file, not the module index: the index pulls in GraphQL types that import back here.
import { recomputeEvaluations } from '@/modules/evaluation/evaluation.service';
import { IngestionRowStatus } from './ingestion.types';
import type { IngestionIssue, IngestionResult, IngestionRowResult } from './ingestion.types';

/** Rows per call; the CLI sends files in batches of this size. */
export const MAX_BATCH_ROWS = 1000;

/**
 * 双公示 timeliness: "自作出行政决定之日起7个工作日内上网公开" (DOMAIN.md §2.1). A row received more
 * than this many working days after its decision date is late.
 */
export const DUE_WORKING_DAYS = 7;

export type Issue = IngestionIssue;

export const issue = (field: string | null, reason: string, message: string): Issue => ({ field, reason, message });

/** What a row tells data quality, whatever happens to it. */
export interface FactBase {
  sourceRecordId: string | null;
  recordKind: string | null;
  enterpriseUscc: string | null;
  decisionDate: string | null;
  checksumWarning: boolean;
}

/** A row that passed validation, ready to be written. */
export interface PreparedRow<C> {
  index: number;
  sourceRecordId: string;
  enterpriseUscc: string;
  /** sha256 of the canonical content: equal hash = UNCHANGED. */
  hash: string;
  content: C;
  warnings: Issue[];
  fact: FactBase;
}

export interface RejectedRow {
  index: number;
  sourceRecordId: string | null;
  errors: Issue[];
  warnings: Issue[];
  fact: FactBase;
}

export interface VersionedWrite<C> {
  row: PreparedRow<C>;
  recordId: string;
  version: number;
  /** Columns carried over from the version being superseded (e.g. repair and dispute marks). */
  carried: Record<string, unknown>;
}

/** How one versioned table is written. Both tables share the columns the engine touches. */
export interface VersionedTable<C> {
  readonly table: 'credit_record' | 'financing_data';
  readonly stream: 'CREDIT_RECORD' | 'FINANCING_DATA';
  /** Columns of the current version that a new version inherits. */
  readonly carry: readonly string[];
  insert(trx: Knex, rows: VersionedWrite<C>[], department: string, receivedAt: Date): Promise<void>;
}

/** Canonical JSON (sorted keys, no undefined) hashed with sha256. */
export function contentHash(value: unknown): string {
  const canon = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canon);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as object)
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .sort()
          .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return createHash('sha256').update(JSON.stringify(canon(value))).digest('hex');
}

export interface DepartmentRow {
  code: string;
  name: string;
  domain: string | null;
}

/**
 * Who may ingest for `department`: the department's own systems (REGULATOR or APPROVER tokens
 * whose org is that department — a department may only ingest as itself) and the platform
 * operator on any department's behalf. The policy table already limits the operation to these
 * roles; this is the row scope.
 */
export async function authorizeIngestion(ctx: HubContext, department: string): Promise<DepartmentRow> {
  const v = ctx.viewer;
  if (v.role === 'REGULATOR' || v.role === 'APPROVER') {
    if (v.org !== department) {
      throw new ForbiddenError('A department may ingest records only as itself', { reason: 'NOT_OWN_DEPARTMENT' });
    }
  } else if (v.role !== 'PLATFORM_ADMIN') {
    throw new ForbiddenError(`Role ${v.role} may not ingest records`, { reason: 'ROLE' });
  }
  const res = await ctx.knex.raw<{ rows: (DepartmentRow & { kind: string })[] }>(
    'select code, name, domain, kind from organization where code = ?',
    [department],
  );
  const org = res.rows[0];
  if (!org || org.kind !== 'DEPARTMENT') {
    throw new BadUserInputError('department is not the code of a department known to the hub', 'department', 'UNKNOWN_DEPARTMENT');
  }
  return { code: org.code, name: org.name, domain: org.domain };
}

/** The department with this code, or null (for trusted callers: seed and CLI). */
export async function findDepartment(knex: Knex, code: string): Promise<DepartmentRow | null> {
  const res = await knex.raw<{ rows: DepartmentRow[] }>(`select code, name, domain from organization where code = ? and kind = 'DEPARTMENT'`, [code]);
  return res.rows[0] ?? null;
}

export function checkBatchSize(n: number): void {
  if (n > MAX_BATCH_ROWS) {
    throw new BadUserInputError(`At most ${MAX_BATCH_ROWS} rows per call; split the batch`, 'rows', 'BATCH_TOO_LARGE', {
      max: MAX_BATCH_ROWS,
    });
  }
}

/** Which of `usccs` the registry holds. One statement. */
export async function knownEnterprises(knex: Knex, usccs: string[]): Promise<Set<string>> {
  if (usccs.length === 0) return new Set();
  const res = await knex.raw<{ rows: { uscc: string }[] }>('select uscc from enterprise where uscc = any(?::text[])', [
    [...new Set(usccs)],
  ]);
  return new Set(res.rows.map((r) => r.uscc));
}

/**
 * Moves rows about enterprises the registry does not hold to `rejected` (UNKNOWN_ENTERPRISE) and
 * returns the rest. An unknown enterprise is rejected rather than created: the registry (市场监管)
 * is the authority on who exists, and a typo must not create a phantom enterprise. One statement.
 */
export async function rejectUnknownEnterprises<C>(knex: Knex, valid: PreparedRow<C>[], rejected: RejectedRow[]): Promise<PreparedRow<C>[]> {
  const known = await knownEnterprises(knex, valid.map((p) => p.enterpriseUscc));
  return valid.filter((p) => {
    if (known.has(p.enterpriseUscc)) return true;
    rejected.push({
      index: p.index,
      sourceRecordId: p.sourceRecordId,
      warnings: p.warnings,
      fact: p.fact,
      errors: [issue('uscc', 'UNKNOWN_ENTERPRISE', 'No enterprise with this USCC is registered in the hub')],
    });
    return false;
  });
}

interface CurrentVersion {
  source_record_id: string;
  record_id: string;
  version: number;
  content_hash: string;
  [carried: string]: unknown;
}

type Outcome = { status: IngestionRowStatus; recordId: string; version: number };

/**
 * Writes the rows that changed, set-based: one lock, one SELECT of the current versions of the
 * whole batch, one UPDATE superseding the corrected ones, one multi-row INSERT of new versions.
 * Ingestion for one (table, department) is serialized by an advisory lock so two concurrent
 * batches cannot both create version 1 of the same source record.
 */
async function writeVersioned<C>(
  trx: Knex,
  spec: VersionedTable<C>,
  department: string,
  rows: PreparedRow<C>[],
  receivedAt: Date,
): Promise<Map<number, Outcome>> {
  const out = new Map<number, Outcome>();
  if (rows.length === 0) return out;
  await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`${spec.table}:${department}`]);
  const carry = spec.carry.length ? `, ${spec.carry.join(', ')}` : '';
  const cur = await trx.raw<{ rows: CurrentVersion[] }>(
    `select source_record_id, record_id, version, content_hash${carry} from ${spec.table}
      where department = ? and source_record_id = any(?::text[]) and superseded_at is null`,
    [department, rows.map((r) => r.sourceRecordId)],
  );
  const current = new Map(cur.rows.map((r) => [r.source_record_id, r]));
  const writes: VersionedWrite<C>[] = [];
  const superseded: string[] = [];
  for (const row of rows) {
    const c = current.get(row.sourceRecordId);
    if (!c) {
      const recordId = randomUUID();
      writes.push({ row, recordId, version: 1, carried: {} });
      out.set(row.index, { status: IngestionRowStatus.CREATED, recordId, version: 1 });
    } else if (c.content_hash === row.hash) {
      out.set(row.index, { status: IngestionRowStatus.UNCHANGED, recordId: c.record_id, version: c.version });
    } else {
      const carried = Object.fromEntries(spec.carry.map((k) => [k, c[k] ?? null]));
      writes.push({ row, recordId: c.record_id, version: c.version + 1, carried });
      superseded.push(row.sourceRecordId);
      out.set(row.index, { status: IngestionRowStatus.UPDATED, recordId: c.record_id, version: c.version + 1 });
    }
  }
  if (superseded.length) {
    await trx.raw(
      `update ${spec.table} set superseded_at = ?
        where department = ? and source_record_id = any(?::text[]) and superseded_at is null`,
      [receivedAt, department, superseded],
    );
  }
  if (writes.length) await spec.insert(trx, writes, department, receivedAt);
  return out;
}

interface FactRow {
  batch_id: string;
  stream: string;
  department: string;
  received_at: string;
  row_index: number;
  source_record_id: string | null;
  record_kind: string | null;
  enterprise_uscc: string | null;
  decision_date: string | null;
  outcome: string;
  working_days_after_decision: number | null;
  late: boolean | null;
  late_provisional: boolean;
  reject_field: string | null;
  reject_reason: string | null;
  checksum_warning: boolean;
  correction: boolean;
}

/** One multi-row INSERT of the batch's facts. */
async function insertFacts(knex: Knex, facts: FactRow[]): Promise<void> {
  if (!facts.length) return;
  await knex.raw(
    `insert into ingestion_fact (batch_id, stream, department, received_at, row_index, source_record_id, record_kind,
        enterprise_uscc, decision_date, outcome, working_days_after_decision, late, late_provisional, reject_field,
        reject_reason, checksum_warning, correction)
     select batch_id, stream, department, received_at, row_index, source_record_id, record_kind, enterprise_uscc,
        decision_date, outcome, working_days_after_decision, late, late_provisional, reject_field, reject_reason,
        checksum_warning, correction
       from jsonb_to_recordset(?::jsonb) as x(batch_id uuid, stream text, department text, received_at timestamptz,
        row_index int, source_record_id text, record_kind text, enterprise_uscc varchar(18), decision_date date,
        outcome text, working_days_after_decision int, late boolean, late_provisional boolean, reject_field text,
        reject_reason text, checksum_warning boolean, correction boolean)`,
    [JSON.stringify(facts)],
  );
}

/** What a batch needs: a request context satisfies it, and so does the seed or the CLI. */
export interface IngestionDeps {
  readonly knex: Knex;
  readonly now: () => Date;
  readonly calendar: WorkingDayCalendar;
  readonly log: Logger;
}

/**
 * Runs one validated batch: writes what changed and the data-quality facts of every row in one
 * transaction. If that transaction fails for a reason other than an unreachable database, the
 * rows are retried one by one so the others still land, and a row that cannot be stored is
 * reported REJECTED with STORAGE_ERROR — never dropped silently.
 */
export async function runBatch<C>(
  ctx: IngestionDeps,
  spec: VersionedTable<C>,
  department: string,
  prepared: PreparedRow<C>[],
  rejected: RejectedRow[],
): Promise<IngestionResult> {
  const receivedAt = ctx.now();
  const batchId = randomUUID();
  const total = prepared.length + rejected.length;
  let outcomes = new Map<number, Outcome>();
  const failed: RejectedRow[] = [];

  const factsFor = (out: Map<number, Outcome>, rej: RejectedRow[]): FactRow[] => {
    const receivedDay = beijingDate(receivedAt);
    const timeliness = (decision: string | null) => {
      if (!decision) return { days: null, late: null, provisional: false };
      try {
        const r = ctx.calendar.workingDaysBetween(decision, receivedDay);
        return { days: r.days, late: r.days > DUE_WORKING_DAYS, provisional: r.provisional };
      } catch {
        return { days: null, late: null, provisional: false }; // outside the calendar's years
      }
    };
    const base = (index: number, fact: FactBase, outcome: string) => {
      const t = timeliness(fact.decisionDate);
      return {
        batch_id: batchId,
        stream: spec.stream,
        department,
        received_at: receivedAt.toISOString(),
        row_index: index,
        source_record_id: fact.sourceRecordId,
        record_kind: fact.recordKind,
        enterprise_uscc: fact.enterpriseUscc,
        decision_date: fact.decisionDate,
        outcome,
        working_days_after_decision: t.days,
        late: t.late,
        late_provisional: t.provisional,
        checksum_warning: fact.checksumWarning,
      };
    };
    return [
      ...prepared
        .filter((p) => out.has(p.index))
        .map((p) => {
          const o = out.get(p.index)!;
          return { ...base(p.index, p.fact, o.status), reject_field: null, reject_reason: null, correction: o.status === IngestionRowStatus.UPDATED };
        }),
      ...rej.map((r) => ({
        ...base(r.index, r.fact, IngestionRowStatus.REJECTED),
        reject_field: r.errors[0]?.field ?? null,
        reject_reason: r.errors[0]?.reason ?? null,
        correction: false,
      })),
    ];
  };

  try {
    await ctx.knex.transaction(async (trx) => {
      const out = await writeVersioned(trx, spec, department, prepared, receivedAt);
      await insertFacts(trx, factsFor(out, rejected));
      await updateEvaluations(ctx.log, trx, changedEnterprises(prepared, out), receivedAt);
      outcomes = out;
    });
  } catch (e) {
    if (isDatabaseUnavailable(e)) throw new ServiceUnavailableError();
    ctx.log.error({ err: e, department, rows: prepared.length }, 'ingestion batch failed; retrying row by row');
    outcomes = new Map();
    for (const row of prepared) {
      try {
        const out = await ctx.knex.transaction((trx) => writeVersioned(trx, spec, department, [row], receivedAt));
        for (const [k, v] of out) outcomes.set(k, v);
      } catch (e2) {
        if (isDatabaseUnavailable(e2)) throw new ServiceUnavailableError();
        ctx.log.error({ err: e2, department, sourceRecordId: row.sourceRecordId }, 'ingestion row failed');
        failed.push({
          index: row.index,
          sourceRecordId: row.sourceRecordId,
          warnings: row.warnings,
          fact: row.fact,
          errors: [issue(null, 'STORAGE_ERROR', 'The row could not be stored and was not written; re-send it or contact the platform operator')],
        });
      }
    }
    await insertFacts(ctx.knex, factsFor(outcomes, [...rejected, ...failed]));
    await updateEvaluations(ctx.log, ctx.knex, changedEnterprises(prepared, outcomes), receivedAt);
  }

  const results = new Array<IngestionRowResult>(total);
  for (const r of [...rejected, ...failed]) {
    results[r.index] = {
      index: r.index,
      status: IngestionRowStatus.REJECTED,
      sourceRecordId: r.sourceRecordId,
      recordId: null,
      version: null,
      errors: r.errors,
      warnings: r.warnings,
    };
  }
  for (const p of prepared) {
    const o = outcomes.get(p.index);
    if (!o) continue;
    results[p.index] = {
      index: p.index,
      status: o.status,
      sourceRecordId: p.sourceRecordId,
      recordId: o.recordId,
      version: o.version,
      errors: [],
      warnings: p.warnings,
    };
  }
  const count = (s: IngestionRowStatus) => results.filter((r) => r.status === s).length;
  return {
    department,
    receivedAt,
    rows: results,
    summary: {
      received: total,
      created: count(IngestionRowStatus.CREATED),
      updated: count(IngestionRowStatus.UPDATED),
      unchanged: count(IngestionRowStatus.UNCHANGED),
      rejected: count(IngestionRowStatus.REJECTED),
      withWarnings: results.filter((r) => r.status !== IngestionRowStatus.REJECTED && r.warnings.length > 0).length,
    },
  };
}

/** Enterprises whose data the batch changed: rows created or corrected (UNCHANGED rows change nothing). */
function changedEnterprises<C>(prepared: PreparedRow<C>[], out: Map<number, Outcome>): string[] {
  const changed = new Set<string>();
  for (const p of prepared) {
    const s = out.get(p.index)?.status;
    if (s === IngestionRowStatus.CREATED || s === IngestionRowStatus.UPDATED) changed.add(p.enterpriseUscc);
  }
  return [...changed];
}

/**
 * Linked update of the public credit evaluation (公共信用综合评价): the enterprises whose records or
 * financing data changed are recomputed inside the batch's transaction (so the evaluation commits
 * with the data), in a savepoint so that a failure there never rejects valid rows. On such a
 * failure their stored evaluations are dropped instead, and the read path recomputes them.
 */
async function updateEvaluations(log: Logger, trx: Knex, usccs: string[], at: Date): Promise<void> {
  if (usccs.length === 0) return;
  try {
    await trx.transaction((sp) => recomputeEvaluations(sp, usccs, at));
  } catch (e) {
    if (isDatabaseUnavailable(e)) throw e;
    log.error({ err: e, enterprises: usccs.length }, 'evaluation recompute failed; stored evaluations dropped for recompute on read');
    await trx.raw('delete from credit_evaluation where enterprise_uscc = any(?::text[])', [usccs]);
  }
}

/** Rejects every later row that repeats a source record id already seen in the batch. */
export function rejectDuplicates<C>(prepared: PreparedRow<C>[], rejected: RejectedRow[]): PreparedRow<C>[] {
  const seen = new Set<string>();
  const keep: PreparedRow<C>[] = [];
  for (const p of prepared) {
    if (seen.has(p.sourceRecordId)) {
      rejected.push({
        index: p.index,
        sourceRecordId: p.sourceRecordId,
        warnings: p.warnings,
        fact: p.fact,
        errors: [issue('sourceRecordId', 'DUPLICATE_IN_BATCH', 'The same source record id appears earlier in this batch')],
      });
    } else {
      seen.add(p.sourceRecordId);
      keep.push(p);
    }
  }
  return keep;
}
