import type { Evidence } from './evidence';
import type { Objection, ObjectionGround, ObjectionStatus } from './objection.types';
import { RecordObjectionStatus } from './objection.types';

/** Columns the API reads (alias `o` = objection); dates as ISO text. */
export const OBJECTION_COLUMNS = `o.id, o.seq::text as seq, o.record_id, o.enterprise_uscc, o.department, o.grounds, o.statement,
  o.evidence, o.status, o.filed_at, o.filed_on::text as filed_on, o.accept_due_on::text as accept_due_on,
  o.accept_due_provisional, o.accept_working_days, o.accepted_at, o.verify_due_on::text as verify_due_on,
  o.verify_due_provisional, o.verify_working_days, o.due_on::text as due_on, o.closed_at, o.rejection_reason,
  o.outcome_note`;

export interface ObjectionRow {
  id: string;
  seq: string;
  record_id: string;
  enterprise_uscc: string;
  department: string;
  grounds: string;
  statement: string;
  evidence: Evidence[];
  status: string;
  filed_at: Date | string;
  filed_on: string;
  accept_due_on: string;
  accept_due_provisional: boolean;
  accept_working_days: number;
  accepted_at: Date | string | null;
  verify_due_on: string | null;
  verify_due_provisional: boolean | null;
  verify_working_days: number | null;
  due_on: string | null;
  closed_at: Date | string | null;
  rejection_reason: string | null;
  outcome_note: string | null;
}

export const OPEN_OBJECTION_STATUSES = ['RECEIVED', 'ACCEPTED'] as const;

function toDate(v: Date | string): Date;
function toDate(v: Date | string | null): Date | null;
function toDate(v: Date | string | null): Date | null {
  return v === null ? null : v instanceof Date ? v : new Date(v);
}

/** Explicit mapping from the persistence row to the API type (no column reaches the API by accident). */
export function toObjection(r: ObjectionRow, today: string): Objection {
  const acceptance = {
    date: r.accept_due_on,
    workingDays: r.accept_working_days,
    provisional: r.accept_due_provisional,
  };
  const verification =
    r.verify_due_on === null
      ? null
      : {
          date: r.verify_due_on,
          workingDays: r.verify_working_days ?? 0,
          provisional: r.verify_due_provisional ?? false,
        };
  const current =
    r.status === 'RECEIVED' ? acceptance : r.status === 'ACCEPTED' ? verification : null;
  return {
    subjectUscc: r.enterprise_uscc,
    id: r.id,
    recordId: r.record_id,
    enterpriseUscc: r.enterprise_uscc,
    department: r.department,
    grounds: r.grounds as ObjectionGround,
    status: r.status as ObjectionStatus,
    statement: r.statement,
    evidence: r.evidence ?? [],
    filedAt: toDate(r.filed_at),
    acceptanceDeadline: acceptance,
    acceptedAt: toDate(r.accepted_at),
    verificationDeadline: verification,
    currentDeadline: current,
    overdue: current !== null && current.date < today,
    closedAt: toDate(r.closed_at),
    rejectionReason: r.rejection_reason,
    outcomeNote: r.outcome_note,
  };
}

/** The note a record carries after its latest objection (rows newest first). */
export function recordObjectionStatus(
  rowsNewestFirst: readonly ObjectionRow[],
): RecordObjectionStatus {
  const latest = rowsNewestFirst[0];
  if (!latest) return RecordObjectionStatus.NONE;
  if (latest.status === 'RECEIVED' || latest.status === 'ACCEPTED')
    return RecordObjectionStatus.UNDER_OBJECTION;
  if (latest.status === 'UNRESOLVED') return RecordObjectionStatus.UNRESOLVED;
  return RecordObjectionStatus.NONE;
}
