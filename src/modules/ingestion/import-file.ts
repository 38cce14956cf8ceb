import { creditRecordService } from '@/modules/credit-record';
import type { CreditRecordRowInput } from '@/modules/credit-record';
import { financingDataService } from '@/modules/financing-data';
import type { FinancingDataRowInput } from '@/modules/financing-data';
import { MAX_BATCH_ROWS } from './ingestion.engine';
import { IngestionRowStatus } from './ingestion.types';
import type { DepartmentRow, IngestionDeps } from './ingestion.engine';
import { coerceRow } from './record-file';
import type { FileRow } from './record-file';

/** `--kind FINANCING_DATA` sends the file to ingestFinancingData instead of ingestCreditRecords. */
export const FINANCING_KIND = 'FINANCING_DATA';

export interface ImportRejection {
  line: number;
  sourceRecordId: string | null;
  field: string | null;
  reason: string;
  message: string;
}

export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  withWarnings: number;
  /** Every rejection, in file order. */
  rejections: ImportRejection[];
}

/**
 * Runs a parsed file through the same service as the mutation, in batches of 1,000 rows. The
 * caller is trusted (the CLI acts as the platform operator for `org`).
 */
export async function importRows(
  deps: IngestionDeps,
  org: DepartmentRow,
  rows: FileRow[],
  opts: { kind?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportSummary> {
  const financing = opts.kind === FINANCING_KIND;
  const summary: ImportSummary = { rows: rows.length, created: 0, updated: 0, unchanged: 0, rejected: 0, withWarnings: 0, rejections: [] };
  for (let start = 0; start < rows.length; start += MAX_BATCH_ROWS) {
    const batch = rows.slice(start, start + MAX_BATCH_ROWS);
    const unreadable = new Map<number, string>();
    const inputs = batch.map((r, i) => {
      if (typeof r.values.__parseError === 'string') unreadable.set(i, r.values.__parseError);
      const v = coerceRow(r.values, ['penaltyCategories'], ['summaryProcedure']);
      if (!financing && opts.kind && !v.kind) v.kind = opts.kind;
      return v;
    });
    const result = financing
      ? await financingDataService.ingestFor(deps, org, inputs as FinancingDataRowInput[])
      : await creditRecordService.ingestFor(deps, org, inputs as CreditRecordRowInput[]);
    summary.created += result.summary.created;
    summary.updated += result.summary.updated;
    summary.unchanged += result.summary.unchanged;
    summary.rejected += result.summary.rejected;
    summary.withWarnings += result.summary.withWarnings;
    for (const r of result.rows) {
      if (r.status !== IngestionRowStatus.REJECTED) continue;
      const line = batch[r.index]!.line;
      const bad = unreadable.get(r.index);
      const e = bad ? { field: null, reason: 'UNREADABLE_LINE', message: bad } : r.errors[0]!;
      summary.rejections.push({ line, sourceRecordId: r.sourceRecordId, field: e.field, reason: e.reason, message: e.message });
    }
    opts.onProgress?.(Math.min(start + MAX_BATCH_ROWS, rows.length), rows.length);
  }
  return summary;
}
