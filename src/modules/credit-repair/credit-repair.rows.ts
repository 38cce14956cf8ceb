import type { Evidence } from '@/modules/objection';
import type { CreditRecordKind } from '@/modules/credit-record/credit-record.types';
import type { CreditRepairApplication, CreditRepairStatus } from './credit-repair.types';

/** Columns the API reads (alias `o` = credit_repair); dates as ISO text. */
export const CREDIT_REPAIR_COLUMNS = `o.id, o.seq::text as seq, o.record_id, o.enterprise_uscc, o.department, o.record_kind, o.reason,
  o.commitment_text, o.evidence, o.status, o.submitted_at, o.accept_due_on::text as accept_due_on, o.accept_due_provisional,
  o.accept_working_days, o.decide_due_on::text as decide_due_on, o.decide_due_provisional, o.decide_working_days,
  o.due_on::text as due_on, o.accepted_at, o.decided_at, o.decision_reasons, o.revoked_at, o.revocation_reason`;

export interface CreditRepairRow {
  id: string;
  seq: string;
  record_id: string;
  enterprise_uscc: string;
  department: string;
  record_kind: string;
  reason: string;
  commitment_text: string;
  evidence: Evidence[];
  status: string;
  submitted_at: Date | string;
  accept_due_on: string;
  accept_due_provisional: boolean;
  accept_working_days: number;
  decide_due_on: string;
  decide_due_provisional: boolean;
  decide_working_days: number;
  due_on: string | null;
  accepted_at: Date | string | null;
  decided_at: Date | string | null;
  decision_reasons: string | null;
  revoked_at: Date | string | null;
  revocation_reason: string | null;
}

export const PENDING_REPAIR_STATUSES = ['SUBMITTED', 'ACCEPTED'] as const;
/** Repairs that were granted, revoked later or not: they count for the frequency limits. */
export const GRANTED_REPAIR_STATUSES = ['APPROVED', 'REVOKED'] as const;

function toDate(v: Date | string): Date;
function toDate(v: Date | string | null): Date | null;
function toDate(v: Date | string | null): Date | null {
  return v === null ? null : v instanceof Date ? v : new Date(v);
}

/** Explicit mapping from the persistence row to the API type. */
export function toCreditRepair(r: CreditRepairRow, today: string): CreditRepairApplication {
  const acceptance = {
    date: r.accept_due_on,
    workingDays: r.accept_working_days,
    provisional: r.accept_due_provisional,
  };
  const decision = {
    date: r.decide_due_on,
    workingDays: r.decide_working_days,
    provisional: r.decide_due_provisional,
  };
  const current = r.status === 'SUBMITTED' ? acceptance : r.status === 'ACCEPTED' ? decision : null;
  return {
    kind: 'application',
    subjectUscc: r.enterprise_uscc,
    id: r.id,
    recordId: r.record_id,
    enterpriseUscc: r.enterprise_uscc,
    department: r.department,
    recordKind: r.record_kind as CreditRecordKind,
    status: r.status as CreditRepairStatus,
    reason: r.reason,
    commitmentText: r.commitment_text,
    evidence: r.evidence ?? [],
    submittedAt: toDate(r.submitted_at),
    acceptanceDeadline: acceptance,
    decisionDeadline: decision,
    currentDeadline: current,
    overdue: current !== null && current.date < today,
    acceptedAt: toDate(r.accepted_at),
    decidedAt: toDate(r.decided_at),
    decisionReasons: r.decision_reasons,
    revokedAt: toDate(r.revoked_at),
    revocationReason: r.revocation_reason,
  };
}
