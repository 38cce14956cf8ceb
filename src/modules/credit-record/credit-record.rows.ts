import type { RowAdapter } from '@/access/row-policy';
import { isPubliclyVisible, publicityStatus } from '@/config/publicity-rules';
import type { Publication } from '@/config/publicity-rules';
import type { HubContext } from '@/context';
import { beijingDate } from '@/shared/dates';
import type {
  CreditRecord,
  CreditRecordKind,
  LicenceCategory,
  LicenceStatus,
  PenaltyCategory,
  PublicityRuleVersion,
  PublicityStatus,
  RecordSeverity,
} from './credit-record.types';

/**
 * The columns the API reads (alias `r` = credit_record, `o` = organization), as plain rows or
 * inside a JSON subquery (enterprise prefetch). Amounts are cast to text: JSON numbers would lose
 * numeric(18,6)'s digits, and the plain path returns the same strings.
 */
export const CREDIT_RECORD_COLUMNS = `r.id, r.record_id, r.version, r.enterprise_uscc, r.kind, r.department,
  coalesce(o.name, r.department) as department_name, r.source_record_id, r.domain, r.document_number,
  r.decision_date, r.severity, r.summary_procedure, r.rule_version, r.publication, r.publicity_end_date,
  r.earliest_repair_date, r.licence_category, r.penalty_categories, r.fine_amount::text as fine_amount,
  r.confiscated_amount::text as confiscated_amount,
  r.valid_from, r.valid_until, r.details, r.received_at, r.superseded_at, r.repaired_at, r.disputed_at`;

export const CREDIT_RECORD_FROM = 'credit_record r left join organization o on o.code = r.department';

export interface CreditRecordRow {
  id: string;
  record_id: string;
  version: number;
  enterprise_uscc: string;
  kind: string;
  department: string;
  department_name: string;
  source_record_id: string;
  domain: string;
  document_number: string;
  decision_date: string;
  severity: string | null;
  summary_procedure: boolean;
  rule_version: string;
  publication: Publication;
  publicity_end_date: string | null;
  earliest_repair_date: string | null;
  licence_category: string | null;
  penalty_categories: string[] | null;
  fine_amount: string | null;
  confiscated_amount: string | null;
  valid_from: string | null;
  valid_until: string | null;
  details: Record<string, string | null>;
  /** timestamptz columns arrive as strings on the plain-row path. */
  received_at: Date | string;
  superseded_at: Date | string | null;
  repaired_at: Date | string | null;
  disputed_at: Date | string | null;
}

function toDate(v: Date | string): Date;
function toDate(v: Date | string | null): Date | null;
function toDate(v: Date | string | null): Date | null {
  return v === null ? null : v instanceof Date ? v : new Date(v);
}

/** '12.500000' → '12.50': numeric(18,6) as stored, shown with at least 2 decimals. */
export function displayAmount(v: string | null): string | null {
  if (v === null) return null;
  const [i, f = ''] = v.split('.');
  const frac = f.replace(/0+$/, '').padEnd(2, '0');
  return `${i}.${frac}`;
}

/** Today's Beijing date per the request's clock. */
export function todayOf(ctx: Pick<HubContext, 'now'>): string {
  return beijingDate(ctx.now());
}

/**
 * Explicit mapping from the persistence row to the API type, so a new column never reaches the
 * API by accident. `publiclyVisible` (read by the field policy's publicWindow rule) is computed
 * from the same pure function as the row policy's SQL predicate.
 */
export function toCreditRecord(r: CreditRecordRow, today: string): CreditRecord {
  const status = publicityStatus({ publication: r.publication, publicityEndDate: r.publicity_end_date }, r.repaired_at !== null, today);
  const d = r.details ?? {};
  const isLicence = r.kind === 'ADMINISTRATIVE_LICENCE';
  const isPenalty = r.kind === 'ADMINISTRATIVE_PENALTY';
  return {
    subjectUscc: r.enterprise_uscc,
    publiclyVisible: isPubliclyVisible(status),
    sourceOrg: r.department,
    id: r.record_id,
    enterpriseUscc: r.enterprise_uscc,
    kind: r.kind as CreditRecordKind,
    domain: r.domain,
    department: r.department,
    departmentName: r.department_name,
    documentNumber: r.document_number,
    decisionDate: r.decision_date,
    severity: r.severity as RecordSeverity | null,
    ruleVersion: r.rule_version as PublicityRuleVersion,
    publicityStatus: status as PublicityStatus,
    publicityEndDate: r.publicity_end_date,
    earliestRepairDate: r.earliest_repair_date,
    disputed: r.disputed_at !== null,
    repairedAt: toDate(r.repaired_at),
    title: d.title ?? null,
    content: d.content ?? null,
    remarks: d.remarks ?? null,
    removedOn: d.removedOn ?? null,
    licence: isLicence
      ? {
          category: r.licence_category as LicenceCategory,
          certificateName: d.certificateName ?? null,
          licenceNumber: d.licenceNumber ?? null,
          content: d.content ?? '',
          validFrom: r.valid_from!,
          validUntil: r.valid_until!,
          status: (d.licenceStatus ?? 'VALID') as LicenceStatus,
        }
      : null,
    penalty: isPenalty
      ? {
          violationType: d.violationType ?? '',
          facts: d.facts ?? '',
          basis: d.basis ?? '',
          categories: (r.penalty_categories ?? []) as PenaltyCategory[],
          content: d.content ?? '',
          fineAmount: displayAmount(r.fine_amount),
          confiscatedAmount: displayAmount(r.confiscated_amount),
          suspendedOrRevokedLicence: d.suspendedOrRevokedLicence ?? null,
          validUntil: d.penaltyValidUntil ?? null,
          publicityDeadline: d.publicityDeadline ?? null,
          summaryProcedure: r.summary_procedure,
        }
      : null,
    version: r.version,
    sourceRecordId: r.source_record_id,
    receivedAt: toDate(r.received_at),
    supersededAt: toDate(r.superseded_at),
  };
}

/**
 * The row policy's predicates for credit_record (src/access/row-policy.ts). The SQL and the
 * in-memory test must agree with publicityStatus(): public = ALWAYS, or WINDOW, not repaired and
 * today before publicity_end_date.
 */
export const CREDIT_RECORD_ROWS: RowAdapter<CreditRecordRow> = {
  subjectColumn: 'r.enterprise_uscc',
  sql: {
    publiclyVisible: (ctx) => ({
      sql: `(r.publication = 'ALWAYS' or (r.publication = 'WINDOW' and r.repaired_at is null and r.publicity_end_date > ?::date))`,
      bindings: [todayOf(ctx)],
    }),
    notRepaired: () => ({ sql: 'r.repaired_at is null', bindings: [] }),
    ownDepartment: (ctx) => ({ sql: 'r.department = ?', bindings: [ctx.viewer.org ?? ''] }),
  },
  test: {
    publiclyVisible: (row, ctx) => toCreditRecord(row, todayOf(ctx)).publiclyVisible,
    notRepaired: (row) => row.repaired_at === null,
    ownDepartment: (row, ctx) => !!ctx.viewer.org && row.department === ctx.viewer.org,
  },
  subjectOf: (row) => row.enterprise_uscc,
};
