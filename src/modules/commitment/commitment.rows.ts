import type { RowAdapter, SqlFragment } from '@/access/row-policy';
import type { HubContext } from '@/context';
import { beijingDate } from '@/shared/dates';
import type { Commitment, CommitmentCheck, CommitmentStatus, CommitmentType, FulfilmentStatus, PublicationType, SubjectCategory } from './commitment.types';

/** The columns the API reads (alias `c` = commitment, department names joined), as plain rows. */
export const COMMITMENT_COLUMNS = `c.id, c.seq::text as seq, c.number, c.enterprise_uscc, c.subject_category, c.type,
  c.other_type_description, c.matter, c.text, c.breach_liability, c.committed_on, c.valid_until, c.material_due_date,
  c.material_received_at, c.verification_due_date, c.publication_type, c.recording_department,
  ro.name as recording_department_name, c.supervising_department, so.name as supervising_department_name,
  c.approval_reference, c.repaired_record_id, c.status, c.fulfilment, c.found_false, c.unfulfilled_content,
  c.liability_pursued, c.fulfilment_determined_on, c.fulfilment_department, fo.name as fulfilment_department_name,
  c.breach_record_id, c.remarks, c.recorded_at`;

export const COMMITMENT_FROM = `commitment c
  join organization ro on ro.code = c.recording_department
  join organization so on so.code = c.supervising_department
  left join organization fo on fo.code = c.fulfilment_department`;

export interface CommitmentRow {
  id: string;
  seq: string;
  number: string;
  enterprise_uscc: string;
  subject_category: string;
  type: string;
  other_type_description: string | null;
  matter: string;
  text: string;
  breach_liability: string;
  committed_on: string;
  valid_until: string | null;
  material_due_date: string | null;
  material_received_at: Date | string | null;
  verification_due_date: string | null;
  publication_type: string;
  recording_department: string;
  recording_department_name: string;
  supervising_department: string;
  supervising_department_name: string;
  approval_reference: string;
  repaired_record_id: string | null;
  status: string;
  fulfilment: string | null;
  found_false: boolean;
  unfulfilled_content: string | null;
  liability_pursued: string | null;
  fulfilment_determined_on: string | null;
  fulfilment_department: string | null;
  fulfilment_department_name: string | null;
  breach_record_id: string | null;
  remarks: string | null;
  recorded_at: Date | string;
}

export interface CommitmentCheckRow {
  id: string;
  commitment_id: string;
  department: string;
  department_name: string;
  checked_on: string;
  inspectors: string[];
  finding: string;
  fulfilment: string | null;
  found_false: boolean;
  recorded_at: Date | string;
}

function toDate(v: Date | string): Date;
function toDate(v: Date | string | null): Date | null;
function toDate(v: Date | string | null): Date | null {
  return v === null ? null : v instanceof Date ? v : new Date(v);
}

/** Today's Beijing date per the request's clock. */
export function todayOf(ctx: Pick<HubContext, 'now'>): string {
  return beijingDate(ctx.now());
}

/** Stored statuses a commitment can still become overdue in (no verdict yet). */
export const OPEN_STATUSES = ['RECORDED', 'UNDER_SUPERVISION'] as const;

/**
 * 容缺受理 overdue: the missing material was due by materialDueDate (its last day) and has not been
 * received, and no verdict has closed the matter. Computed from `today`, never stored, so it needs
 * no sweep and an injected clock moves it. Must agree with overdueSql.
 */
export function isOverdue(
  r: Pick<CommitmentRow, 'type' | 'material_due_date' | 'material_received_at' | 'status'>,
  today: string,
): boolean {
  return (
    r.type === 'DEFICIENCY_TOLERANT' &&
    r.material_received_at === null &&
    r.material_due_date !== null &&
    r.material_due_date < today &&
    (OPEN_STATUSES as readonly string[]).includes(r.status)
  );
}

/** The same predicate in SQL over alias `c`. */
export function overdueSql(today: string): SqlFragment {
  return {
    sql: `(c.type = 'DEFICIENCY_TOLERANT' and c.material_received_at is null and c.material_due_date < ?::date
           and c.status in ('RECORDED','UNDER_SUPERVISION'))`,
    bindings: [today],
  };
}

/** USCC registration prefix 92 = 个体工商户 (GB 32100-2015 登记管理部门 9, 机构类别 2). */
export function subjectCategoryOf(uscc: string): SubjectCategory {
  return (uscc.startsWith('92') ? 'INDIVIDUAL_BUSINESS' : 'LEGAL_ENTITY') as SubjectCategory;
}

/**
 * Explicit mapping from the persistence row to the API type, so a new column never reaches the
 * API by accident. The facts read by the field policy (`where` rules) are computed here for this
 * viewer, from the same definitions as the row policy's SQL predicates.
 */
export function toCommitment(r: CommitmentRow, ctx: Pick<HubContext, 'now' | 'viewer'>): Commitment {
  const today = todayOf(ctx);
  const overdue = isOverdue(r, today);
  const org = ctx.viewer.org;
  return {
    subjectUscc: r.enterprise_uscc,
    publiclyVisible: r.publication_type === 'PUBLIC',
    facts: {
      limitedScope: r.publication_type === 'LIMITED',
      involvedDepartment: org !== null && (org === r.recording_department || org === r.supervising_department),
    },
    seq: r.seq,
    id: r.id,
    number: r.number,
    // name is filled by the subject resolver through the Enterprise loader.
    subject: { uscc: r.enterprise_uscc, name: '', category: r.subject_category as SubjectCategory },
    matter: r.matter,
    type: r.type as CommitmentType,
    otherTypeDescription: r.other_type_description,
    text: r.text,
    breachLiability: r.breach_liability,
    committedOn: r.committed_on,
    validUntil: r.valid_until,
    publicationType: r.publication_type as PublicationType,
    fulfilment: r.fulfilment as FulfilmentStatus | null,
    unfulfilledContent: r.unfulfilled_content,
    liabilityPursued: r.liability_pursued,
    fulfilmentDeterminedOn: r.fulfilment_determined_on,
    fulfilmentDepartment: r.fulfilment_department ? { code: r.fulfilment_department, name: r.fulfilment_department_name ?? r.fulfilment_department } : null,
    recordingDepartment: { code: r.recording_department, name: r.recording_department_name },
    supervisingDepartment: { code: r.supervising_department, name: r.supervising_department_name },
    remarks: r.remarks,
    recordedAt: toDate(r.recorded_at),
    status: (overdue ? 'OVERDUE' : r.status) as CommitmentStatus,
    overdue,
    approvalReference: r.approval_reference,
    materialDueDate: r.material_due_date,
    materialReceivedAt: toDate(r.material_received_at),
    verificationDueDate: r.verification_due_date,
    foundFalse: r.found_false,
    breachRecordId: r.breach_record_id,
    repairedRecordId: r.repaired_record_id,
    checks: [], // resolved through the checks loader
  };
}

export function toCommitmentCheck(r: CommitmentCheckRow): CommitmentCheck {
  return {
    id: r.id,
    checkedOn: r.checked_on,
    department: { code: r.department, name: r.department_name },
    inspectors: r.inspectors,
    finding: r.finding,
    fulfilment: r.fulfilment as FulfilmentStatus | null,
    foundFalse: r.found_false,
    recordedAt: toDate(r.recorded_at),
  };
}

/**
 * The row policy's predicates for commitment (src/access/row-policy.ts, `Commitment`). The SQL and
 * the in-memory tests must agree with the facts computed in toCommitment().
 */
export const COMMITMENT_ROWS: RowAdapter<CommitmentRow> = {
  subjectColumn: 'c.enterprise_uscc',
  sql: {
    publicScope: () => ({ sql: `c.publication_type = 'PUBLIC'`, bindings: [] }),
    limitedScope: () => ({ sql: `c.publication_type = 'LIMITED'`, bindings: [] }),
    involvedDepartment: (ctx) =>
      ctx.viewer.org
        ? { sql: '(c.recording_department = ? or c.supervising_department = ?)', bindings: [ctx.viewer.org, ctx.viewer.org] }
        : { sql: 'false', bindings: [] },
  },
  test: {
    publicScope: (row) => row.publication_type === 'PUBLIC',
    limitedScope: (row) => row.publication_type === 'LIMITED',
    involvedDepartment: (row, ctx) =>
      ctx.viewer.org !== null && (row.recording_department === ctx.viewer.org || row.supervising_department === ctx.viewer.org),
  },
  subjectOf: (row) => row.enterprise_uscc,
};
