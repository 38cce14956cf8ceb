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

type Column = keyof CreditRecordRow;

/**
 * The columns the API reads (alias `r` = credit_record, `o` = organization), as plain rows or
 * inside a JSON subquery (enterprise prefetch). Amounts are cast to text: JSON numbers would lose
 * numeric(18,6)'s digits, and the plain path returns the same strings.
 */
const COLUMN_SQL: Readonly<Record<Column, string>> = {
  id: 'r.id',
  record_id: 'r.record_id',
  version: 'r.version',
  enterprise_uscc: 'r.enterprise_uscc',
  kind: 'r.kind',
  department: 'r.department',
  department_name: 'coalesce(o.name, r.department) as department_name',
  source_record_id: 'r.source_record_id',
  domain: 'r.domain',
  document_number: 'r.document_number',
  decision_date: 'r.decision_date',
  severity: 'r.severity',
  summary_procedure: 'r.summary_procedure',
  rule_version: 'r.rule_version',
  publication: 'r.publication',
  publicity_end_date: 'r.publicity_end_date',
  earliest_repair_date: 'r.earliest_repair_date',
  licence_category: 'r.licence_category',
  penalty_categories: 'r.penalty_categories',
  fine_amount: 'r.fine_amount::text as fine_amount',
  confiscated_amount: 'r.confiscated_amount::text as confiscated_amount',
  valid_from: 'r.valid_from',
  valid_until: 'r.valid_until',
  details: 'r.details',
  received_at: 'r.received_at',
  superseded_at: 'r.superseded_at',
  repaired_at: 'r.repaired_at',
  disputed_at: 'r.disputed_at',
};

const CREDIT_RECORD_FROM = 'credit_record r left join organization o on o.code = r.department';

/**
 * Read with every row, whatever is selected: identity and order (ids, cursors), the row and field
 * policies' inputs (subject, department, publicity window, repair) and the kind.
 */
const ALWAYS: readonly Column[] = ['record_id', 'enterprise_uscc', 'kind', 'department', 'decision_date', 'publication', 'publicity_end_date', 'repaired_at'];

/**
 * The columns each CreditRecord field is made from in toCreditRecord (beyond ALWAYS). A field
 * missing here reads every column, so a new field is never served from a row that lacks its
 * data; test/integration/credit-record-columns.test.ts checks each field against a full read.
 */
const FIELD_COLUMNS: Readonly<Record<string, readonly Column[]>> = {
  __typename: [],
  id: [],
  enterpriseUscc: [],
  kind: [],
  department: [],
  decisionDate: [],
  publicityStatus: [],
  publicityEndDate: [],
  repairedAt: [],
  domain: ['domain'],
  departmentName: ['department_name'],
  documentNumber: ['document_number'],
  severity: ['severity'],
  ruleVersion: ['rule_version'],
  earliestRepairDate: ['earliest_repair_date'],
  disputed: ['disputed_at'],
  title: ['details'],
  content: ['details'],
  remarks: ['details'],
  removedOn: ['details'],
  licence: ['licence_category', 'details', 'valid_from', 'valid_until'],
  penalty: ['details', 'penalty_categories', 'fine_amount', 'confiscated_amount', 'summary_procedure'],
  version: ['version'],
  sourceRecordId: ['source_record_id'],
  receivedAt: ['received_at'],
  supersededAt: ['superseded_at'],
  // Resolved from the record id by their own loaders.
  history: [],
  objections: [],
  objectionStatus: [],
};

/** A select list for credit records: `key` tells apart loaders (and prefetched pages) of different lists. */
export interface RecordColumns {
  readonly key: string;
  readonly sql: string;
  readonly from: string;
}

/** Every column: a record's versions (history), and page reads given no narrower selection. */
export const ALL_RECORD_COLUMNS: RecordColumns = { key: '*', sql: Object.values(COLUMN_SQL).join(', '), from: CREDIT_RECORD_FROM };

const byFields = new WeakMap<ReadonlySet<string>, RecordColumns>();
const byKey = new Map<string, RecordColumns>([['*', ALL_RECORD_COLUMNS]]);

/**
 * The columns that serve the given CreditRecord fields (what the client selected). A profile read
 * of ten penalties selects a third of the row; the other columns (and the organization join,
 * needed only for departmentName) cost the database and the hub's JSON parsing for nothing
 * (issue 5 measured 16 % of the database's time per profile read). Fields not selected are left
 * undefined by toCreditRecord and never served.
 */
export function recordColumns(fields: ReadonlySet<string>): RecordColumns {
  let out = byFields.get(fields);
  if (out) return out;
  const wanted = new Set<Column>(ALWAYS);
  let all = false;
  for (const f of fields) {
    const cols = FIELD_COLUMNS[f];
    if (!cols) all = true;
    else for (const c of cols) wanted.add(c);
  }
  const columns = all ? [] : (Object.keys(COLUMN_SQL) as Column[]).filter((c) => wanted.has(c));
  const key = all ? '*' : columns.join(',');
  out = byKey.get(key);
  if (!out) {
    out = {
      key,
      sql: columns.map((c) => COLUMN_SQL[c]).join(', '),
      from: wanted.has('department_name') ? CREDIT_RECORD_FROM : 'credit_record r',
    };
    byKey.set(key, out);
  }
  byFields.set(fields, out);
  return out;
}

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
  // undefined: a column not read (recordColumns), for a field that is not served.
  return v === null || v === undefined ? null : v instanceof Date ? v : new Date(v);
}

/** '12.500000' → '12.50': numeric(18,6) as stored, shown with at least 2 decimals. */
export function displayAmount(v: string | null): string | null {
  if (v === null || v === undefined) return null;
  // By index, not split/replace/padEnd: every amount of every record served goes through here.
  const dot = v.indexOf('.');
  if (dot < 0) return `${v}.00`;
  let end = v.length;
  while (end > dot + 3 && v.charCodeAt(end - 1) === 48 /* '0' */) end--;
  const frac = v.slice(dot + 1, end);
  return frac.length >= 2 ? `${v.slice(0, dot)}.${frac}` : `${v.slice(0, dot)}.${frac.padEnd(2, '0')}`;
}

/** Today's Beijing date per the request's clock. */
export function todayOf(ctx: Pick<HubContext, 'now'>): string {
  return beijingDate(ctx.now());
}

/**
 * Explicit mapping from the persistence row to the API type, so a new column never reaches the
 * API by accident. `publiclyVisible` (read by the field policy's publicWindow rule) is computed
 * from the same pure function as the row policy's SQL predicate. A row read with
 * recordColumns() lacks the columns of unselected fields: those come out undefined or null and
 * are never served.
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
    disputed: r.disputed_at !== null && r.disputed_at !== undefined,
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
