import type { Knex } from '@mikro-orm/postgresql';
import type { HubContext } from '@/context';
import {
  authorizeIngestion,
  checkBatchSize,
  rejectUnknownEnterprises,
  rejectDuplicates,
  runBatch,
} from '@/modules/ingestion/ingestion.engine';
import type { DepartmentRow, IngestionDeps, PreparedRow, RejectedRow, VersionedTable, VersionedWrite } from '@/modules/ingestion/ingestion.engine';
import type { IngestionResult } from '@/modules/ingestion/ingestion.types';
import { encodeCursor, toPage } from '@/shared/pagination';
import type { Connection } from '@/shared/pagination';
import type { CreditRecordRowInput } from './credit-record.inputs';
import { countLoader, pageLoader } from './credit-record.loaders';
import type { RecordListArgs } from './credit-record.loaders';
import { CURSOR_KIND, recordListArgs } from './credit-record.args';
import { ALL_RECORD_COLUMNS, todayOf, toCreditRecord } from './credit-record.rows';
import type { CreditRecordRow, RecordColumns } from './credit-record.rows';
import type { CreditRecord, CreditRecordKind } from './credit-record.types';
import { validateCreditRecordRow } from './credit-record.validation';
import type { ValidatedCreditRecord } from './credit-record.validation';

/** Each part is read only when selected: a client asking for totalCount alone costs no page read. */
export interface CreditRecordPage {
  readonly edges: Promise<Connection<CreditRecord>['edges']>;
  readonly pageInfo: Promise<Connection<CreditRecord>['pageInfo']>;
  readonly totalCount: Promise<number>;
}

/**
 * One enterprise's page of records, read when edges or pageInfo are first read and counted when
 * totalCount is. A class with its accessors on the prototype, not an object literal with getters:
 * see CountedPage (src/shared/pagination.ts) for what a per-request accessor literal costs.
 */
class LazyRecordPage implements CreditRecordPage {
  private page: Promise<Connection<CreditRecord>> | null = null;
  private count: Promise<number> | null = null;

  constructor(
    private readonly ctx: HubContext,
    private readonly enterpriseUscc: string,
    private readonly args: RecordListArgs,
    private readonly columns: RecordColumns,
  ) {}

  private load(): Promise<Connection<CreditRecord>> {
    return (this.page ??= pageLoader(this.ctx, this.args, this.columns)
      .load(this.enterpriseUscc)
      .then((rows) => {
        const today = todayOf(this.ctx);
        return toPage(
          rows,
          this.args.size,
          (r) => encodeCursor(CURSOR_KIND, `${r.decision_date}|${r.record_id}`),
          (r) => toCreditRecord(r, today),
        );
      }));
  }

  get edges(): Promise<Connection<CreditRecord>['edges']> {
    return this.load().then((p) => p.edges);
  }

  get pageInfo(): Promise<Connection<CreditRecord>['pageInfo']> {
    return this.load().then((p) => p.pageInfo);
  }

  /** Counted only when the client selects totalCount; one batched statement per page. */
  get totalCount(): Promise<number> {
    return (this.count ??= countLoader(this.ctx, this.args.kinds).load(this.enterpriseUscc));
  }
}

/** How versions of credit records are written (the ingestion engine does the rest). */
const CREDIT_RECORD_TABLE: VersionedTable<ValidatedCreditRecord> = {
  table: 'credit_record',
  stream: 'CREDIT_RECORD',
  // Repair and dispute marks belong to the logical record: a correction keeps them.
  carry: ['repaired_at', 'disputed_at'],
  async insert(trx: Knex, writes: VersionedWrite<ValidatedCreditRecord>[], department: string, receivedAt: Date) {
    const rows = writes.map(({ row, recordId, version, carried }) => {
      const c = row.content.content;
      const d = row.content.derived;
      const details = Object.fromEntries(
        Object.entries({
          title: c.title,
          content: c.content,
          remarks: c.remarks,
          certificateName: c.certificateName,
          licenceNumber: c.licenceNumber,
          licenceStatus: c.licenceStatus,
          violationType: c.violationType,
          facts: c.facts,
          basis: c.basis,
          suspendedOrRevokedLicence: c.suspendedOrRevokedLicence,
          penaltyValidUntil: c.penaltyValidUntil,
          publicityDeadline: c.publicityDeadline,
          removedOn: c.removedOn,
        }).filter(([, v]) => v !== null),
      );
      return {
        record_id: recordId,
        version,
        enterprise_uscc: c.enterpriseUscc,
        kind: c.kind,
        department,
        source_record_id: row.sourceRecordId,
        domain: c.domain,
        document_number: c.documentNumber,
        decision_date: c.decisionDate,
        severity: c.severity,
        summary_procedure: c.summaryProcedure,
        rule_version: d.ruleVersion,
        publication: d.publication,
        publicity_end_date: d.publicityEndDate,
        earliest_repair_date: d.earliestRepairDate,
        licence_category: c.licenceCategory,
        penalty_categories: c.penaltyCategories,
        fine_amount: c.fineAmount,
        confiscated_amount: c.confiscatedAmount,
        valid_from: c.validFrom,
        valid_until: c.validUntil,
        details,
        content_hash: row.hash,
        uscc_checksum_ok: d.usccChecksumOk,
        received_at: receivedAt.toISOString(),
        repaired_at: carried.repaired_at ?? null,
        disputed_at: carried.disputed_at ?? null,
      };
    });
    await trx.raw(
      `insert into credit_record (record_id, version, enterprise_uscc, kind, department, source_record_id, domain,
          document_number, decision_date, severity, summary_procedure, rule_version, publication, publicity_end_date,
          earliest_repair_date, licence_category, penalty_categories, fine_amount, confiscated_amount, valid_from,
          valid_until, details, content_hash, uscc_checksum_ok, received_at, repaired_at, disputed_at)
       select record_id, version, enterprise_uscc, kind, department, source_record_id, domain, document_number,
          decision_date, severity, summary_procedure, rule_version, publication, publicity_end_date, earliest_repair_date,
          licence_category, penalty_categories, fine_amount, confiscated_amount, valid_from, valid_until, details,
          content_hash, uscc_checksum_ok, received_at, repaired_at, disputed_at
         from jsonb_to_recordset(?::jsonb) as x(record_id uuid, version int, enterprise_uscc varchar(18), kind text,
          department text, source_record_id text, domain text, document_number text, decision_date date, severity text,
          summary_procedure boolean, rule_version text, publication text, publicity_end_date date,
          earliest_repair_date date, licence_category text, penalty_categories text[], fine_amount numeric,
          confiscated_amount numeric, valid_from date, valid_until date, details jsonb, content_hash text,
          uscc_checksum_ok boolean, received_at timestamptz, repaired_at timestamptz, disputed_at timestamptz)`,
      [JSON.stringify(rows)],
    );
  },
};

export const creditRecordService = {
  /**
   * One page of an enterprise's current records, newest decision first, restricted by the row
   * policy (src/access/row-policy.ts). Batched over all enterprises of the request.
   */
  async page(
    ctx: HubContext,
    enterpriseUscc: string,
    kinds: CreditRecordKind[] | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
    columns: RecordColumns = ALL_RECORD_COLUMNS,
  ): Promise<CreditRecordPage> {
    return new LazyRecordPage(ctx, enterpriseUscc, recordListArgs(kinds, first, after), columns);
  },

  /** Every version of a record, newest first (the field policy limits who may ask). */
  async history(ctx: HubContext, record: CreditRecord): Promise<CreditRecord[]> {
    const rows: CreditRecordRow[] = await ctx.loaders.creditRecordVersions.load(record.id);
    const today = todayOf(ctx);
    return rows.map((r) => toCreditRecord(r, today));
  },

  /**
   * Ingests one batch of a department's rows (DESIGN.md "Ingestion"): validated row by row,
   * idempotent by (department, source record id), corrections as new versions, every row's facts
   * captured for data quality.
   */
  async ingest(ctx: HubContext, department: string, input: CreditRecordRowInput[]): Promise<IngestionResult> {
    const org = await authorizeIngestion(ctx, department);
    return this.ingestFor(ctx, org, input);
  },

  /**
   * The same path without the caller check, for trusted callers that already know the department
   * (the demo seed, the import CLI acting as the platform operator).
   */
  async ingestFor(ctx: IngestionDeps, org: DepartmentRow, input: CreditRecordRowInput[]): Promise<IngestionResult> {
    const department = org.code;
    checkBatchSize(input.length);
    const today = todayOf(ctx);
    const valid: PreparedRow<ValidatedCreditRecord>[] = [];
    const rejected: RejectedRow[] = [];
    input.forEach((row, index) => {
      const v = validateCreditRecordRow(row ?? {}, { departmentDomain: org.domain, today });
      if (v.ok) {
        valid.push({
          index,
          sourceRecordId: v.value.sourceRecordId,
          enterpriseUscc: v.value.content.enterpriseUscc,
          hash: v.value.hash,
          content: v.value,
          warnings: v.value.warnings,
          fact: v.value.fact,
        });
      } else {
        rejected.push({ index, sourceRecordId: v.sourceRecordId, errors: v.errors, warnings: v.warnings, fact: v.fact });
      }
    });
    const prepared = rejectDuplicates(await rejectUnknownEnterprises(ctx.knex, valid, rejected), rejected);
    return runBatch(ctx, CREDIT_RECORD_TABLE, department, prepared, rejected);
  },
};
