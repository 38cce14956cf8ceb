/**
 * Reading department files for `npm run import`: CSV (header row, UTF-8, optional BOM) or JSON
 * lines (one object per line). Column names are the API's input field names (camelCase) or the
 * national 双公示 template codes (DOMAIN.md §2.2, e.g. CF_WSH, XK_YXQZ), so a department can send
 * the export it already has. Values stay strings: validation is the service's, row by row.
 */
import { parse } from 'csv-parse/sync';

export type FileFormat = 'csv' | 'jsonl';

export interface FileRow {
  /** 1-based line of the row in the file (CSV: counting the header). */
  line: number;
  values: Record<string, unknown>;
}

/** National template field codes → input field names. */
const TEMPLATE_CODES: Readonly<Record<string, string>> = {
  XK_XDR_MC: 'enterpriseName',
  CF_XDR_MC: 'enterpriseName',
  XK_XDR_SHXYM: 'uscc',
  CF_XDR_SHXYM: 'uscc',
  XK_WSH: 'documentNumber',
  CF_WSH: 'documentNumber',
  XK_JDRQ: 'decisionDate',
  CF_JDRQ: 'decisionDate',
  XK_XKLB: 'licenceCategory',
  XK_XKZS: 'certificateName',
  XK_XKBH: 'licenceNumber',
  XK_NR: 'content',
  XK_YXQZ: 'validFrom',
  XK_YXQZI: 'validUntil',
  XK_ZT: 'licenceStatus',
  CF_WFXW: 'violationType',
  CF_SY: 'facts',
  CF_YJ: 'basis',
  CF_CFLB: 'penaltyCategories',
  CF_NR: 'content',
  CF_NR_FK: 'fineAmount',
  CF_NR_WFFF: 'confiscatedAmount',
  CF_NR_ZKDX: 'suspendedOrRevokedLicence',
  CF_YXQ: 'penaltyValidUntil',
  CF_GSJZQ: 'publicityDeadline',
  BZ: 'remarks',
};

export function formatOf(path: string): FileFormat | null {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.(jsonl|ndjson)$/i.test(path)) return 'jsonl';
  return null;
}

/**
 * Parses a whole file. A line that is not valid JSON (jsonl) comes back as a row with a
 * `__parseError` value so the caller reports it with its line instead of stopping the import.
 */
export function parseRecordFile(text: string, format: FileFormat): FileRow[] {
  if (format === 'csv') {
    const records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true, info: true }) as {
      record: Record<string, string>;
      info: { lines: number };
    }[];
    return records.map(({ record, info }) => ({ line: info.lines, values: normalizeKeys(record) }));
  }
  const out: FileRow[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (l.trim() === '') return;
    try {
      const v = JSON.parse(l) as unknown;
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
      out.push({ line: i + 1, values: normalizeKeys(v as Record<string, unknown>) });
    } catch (e) {
      out.push({ line: i + 1, values: { __parseError: (e as Error).message } });
    }
  });
  return out;
}

function normalizeKeys(r: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) out[TEMPLATE_CODES[k.trim()] ?? k.trim()] = v;
  return out;
}

const TRUE = new Set(['true', '1', 'yes', 'y', '是']);

/** A scalar as text; objects (not expected in a row) as JSON rather than '[object Object]'. */
function asText(v: unknown): string {
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v as string | number | boolean);
}

/** Strings for every field, lists split on ; ； 、 , and booleans from true/1/是. */
export function coerceRow(values: Record<string, unknown>, lists: readonly string[], booleans: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === undefined || v === '') continue;
    if (lists.includes(k)) {
      out[k] = Array.isArray(v) ? v.map(asText) : asText(v).split(/[;；、,，]/).map((s) => s.trim()).filter(Boolean);
    } else if (booleans.includes(k)) {
      out[k] = typeof v === 'boolean' ? v : TRUE.has(asText(v).trim().toLowerCase());
    } else out[k] = asText(v);
  }
  return out;
}
