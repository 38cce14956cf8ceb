import type { Knex } from '@mikro-orm/postgresql';
import type { HubContext } from '@/context';
import {
  authorizeIngestion,
  checkBatchSize,
  contentHash,
  issue,
  rejectUnknownEnterprises,
  rejectDuplicates,
  runBatch,
} from '@/modules/ingestion/ingestion.engine';
import type { DepartmentRow, FactBase, IngestionDeps, Issue, PreparedRow, RejectedRow, VersionedTable, VersionedWrite } from '@/modules/ingestion/ingestion.engine';
import type { IngestionResult } from '@/modules/ingestion/ingestion.types';
import { beijingDate } from '@/shared/dates';
import { checkUscc } from '@/shared/uscc';
import type { FinancingData, FinancingDataRowInput, HousingFundStatus, TaxCreditGrade, UtilityKind } from './financing-data.types';

export interface FinancingContent {
  category: 'TAX_CREDIT_GRADE' | 'SOCIAL_INSURANCE' | 'HOUSING_FUND' | 'UTILITY';
  enterpriseUscc: string;
  period: string;
  item: string;
  taxCreditGrade: string | null;
  headcount: number | null;
  monthsInArrears: number | null;
  housingFundStatus: string | null;
  arrearsYuan: string | null;
}

const CATEGORY = new Map<string, FinancingContent['category']>([
  ['TAX_CREDIT_GRADE', 'TAX_CREDIT_GRADE'],
  ['SOCIAL_INSURANCE', 'SOCIAL_INSURANCE'],
  ['HOUSING_FUND', 'HOUSING_FUND'],
  ['UTILITY', 'UTILITY'],
  ['纳税信用等级', 'TAX_CREDIT_GRADE'],
  ['社会保险', 'SOCIAL_INSURANCE'],
  ['住房公积金', 'HOUSING_FUND'],
  ['水电气', 'UTILITY'],
]);
const GRADES = new Set(['A', 'B', 'M', 'C', 'D']);
const HOUSING = new Map([
  ['NORMAL', 'NORMAL'],
  ['IN_ARREARS', 'IN_ARREARS'],
  ['SUSPENDED', 'SUSPENDED'],
  ['正常', 'NORMAL'],
  ['正常缴存', 'NORMAL'],
  ['欠缴', 'IN_ARREARS'],
  ['封存', 'SUSPENDED'],
  ['缓缴', 'SUSPENDED'],
]);
const UTILITY = new Map([
  ['WATER', 'WATER'],
  ['ELECTRICITY', 'ELECTRICITY'],
  ['GAS', 'GAS'],
  ['水', 'WATER'],
  ['电', 'ELECTRICITY'],
  ['燃气', 'GAS'],
]);
const YEAR = /^\d{4}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const COUNT = /^\d{1,7}$/;
const YUAN = /^\d{1,14}(\.\d{1,2})?$/;

type Validated = { ok: true; content: FinancingContent; warnings: Issue[]; fact: FactBase } | { ok: false; errors: Issue[]; warnings: Issue[]; fact: FactBase };

/** Pure row validation; `today` is the Beijing date. */
export function validateFinancingRow(input: FinancingDataRowInput, today: string): Validated {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const s = (k: keyof FinancingDataRowInput): string | null => {
    const v = (input as Record<string, unknown>)[k];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
  };
  const fact: FactBase = { sourceRecordId: null, recordKind: null, enterpriseUscc: null, decisionDate: null, checksumWarning: false };
  const req = (k: keyof FinancingDataRowInput) => {
    const v = s(k);
    if (!v) errors.push(issue(k, 'REQUIRED', `${k} is required`));
    return v;
  };
  const categoryRaw = req('category');
  const category = categoryRaw ? CATEGORY.get(categoryRaw) : undefined;
  if (categoryRaw && !category) errors.push(issue('category', 'INVALID_ENUM', `category "${categoryRaw}" is not a financing data category`));
  fact.recordKind = category ?? null;

  const uscc = req('uscc');
  if (uscc) {
    const verdict = checkUscc(uscc);
    if (verdict === 'INVALID_USCC_FORMAT') errors.push(issue('uscc', 'INVALID_USCC_FORMAT', 'uscc is not a unified social credit code (GB 32100-2015 format)'));
    else {
      fact.enterpriseUscc = uscc;
      if (verdict === 'INVALID_USCC_CHECKSUM') {
        fact.checksumWarning = true;
        warnings.push(issue('uscc', 'USCC_CHECKSUM_MISMATCH', 'uscc fails the GB 32100-2015 check character (accepted as a legacy code)'));
      }
    }
  }

  const period = req('period');
  if (period && category) {
    const yearly = category === 'TAX_CREDIT_GRADE';
    if (!(yearly ? YEAR : MONTH).test(period)) {
      errors.push(issue('period', 'INVALID_PERIOD', yearly ? 'period must be a year YYYY' : 'period must be a month YYYY-MM'));
    } else if (period > today.slice(0, yearly ? 4 : 7)) {
      errors.push(issue('period', 'DATE_IN_FUTURE', `period ${period} is in the future`));
    }
  }
  const count = (k: keyof FinancingDataRowInput, required: boolean): number | null => {
    const v = required ? req(k) : s(k);
    if (v === null) return null;
    if (!COUNT.test(v)) {
      errors.push(issue(k, 'INVALID_NUMBER', `${k} must be a whole number ≥ 0`));
      return null;
    }
    return Number(v);
  };
  const enumOf = (k: keyof FinancingDataRowInput, table: Map<string, string> | Set<string>): string | null => {
    const v = req(k);
    if (v === null) return null;
    const hit = table instanceof Map ? table.get(v) : table.has(v) ? v : undefined;
    if (!hit) errors.push(issue(k, 'INVALID_ENUM', `${k} "${v}" is not an allowed value`));
    return hit ?? null;
  };

  const content: Omit<FinancingContent, 'category' | 'enterpriseUscc' | 'period'> = {
    item: '',
    taxCreditGrade: null,
    headcount: null,
    monthsInArrears: null,
    housingFundStatus: null,
    arrearsYuan: null,
  };
  if (category === 'TAX_CREDIT_GRADE') content.taxCreditGrade = enumOf('taxCreditGrade', GRADES);
  if (category === 'SOCIAL_INSURANCE') {
    content.headcount = count('headcount', true);
    content.monthsInArrears = count('monthsInArrears', true);
  }
  if (category === 'HOUSING_FUND') {
    content.housingFundStatus = enumOf('housingFundStatus', HOUSING);
    content.monthsInArrears = count('monthsInArrears', content.housingFundStatus === 'IN_ARREARS') ?? 0;
  }
  if (category === 'UTILITY') {
    content.item = enumOf('utility', UTILITY) ?? '';
    content.monthsInArrears = count('monthsInArrears', true);
    const y = s('arrearsYuan');
    if (y !== null) {
      if (!YUAN.test(y)) errors.push(issue('arrearsYuan', 'INVALID_AMOUNT', 'arrearsYuan must be a non-negative amount in 元 with at most 2 decimals'));
      else content.arrearsYuan = Number(y).toFixed(2);
    }
  }
  if (errors.length || !category || !uscc || !period) return { ok: false, errors, warnings, fact };
  return { ok: true, content: { category, enterpriseUscc: uscc, period, ...content }, warnings, fact };
}

const FINANCING_TABLE: VersionedTable<FinancingContent> = {
  table: 'financing_data',
  stream: 'FINANCING_DATA',
  carry: [],
  async insert(trx: Knex, writes: VersionedWrite<FinancingContent>[], department: string, receivedAt: Date) {
    const rows = writes.map(({ row, recordId, version }) => ({
      record_id: recordId,
      version,
      enterprise_uscc: row.content.enterpriseUscc,
      department,
      source_record_id: row.sourceRecordId,
      category: row.content.category,
      period: row.content.period,
      item: row.content.item,
      tax_credit_grade: row.content.taxCreditGrade,
      headcount: row.content.headcount,
      months_in_arrears: row.content.monthsInArrears,
      housing_fund_status: row.content.housingFundStatus,
      arrears_yuan: row.content.arrearsYuan,
      content_hash: row.hash,
      received_at: receivedAt.toISOString(),
    }));
    await trx.raw(
      `insert into financing_data (record_id, version, enterprise_uscc, department, source_record_id, category, period, item,
          tax_credit_grade, headcount, months_in_arrears, housing_fund_status, arrears_yuan, content_hash, received_at)
       select record_id, version, enterprise_uscc, department, source_record_id, category, period, item, tax_credit_grade,
          headcount, months_in_arrears, housing_fund_status, arrears_yuan, content_hash, received_at
         from jsonb_to_recordset(?::jsonb) as x(record_id uuid, version int, enterprise_uscc varchar(18), department text,
          source_record_id text, category text, period text, item text, tax_credit_grade text, headcount int,
          months_in_arrears int, housing_fund_status text, arrears_yuan numeric, content_hash text, received_at timestamptz)`,
      [JSON.stringify(rows)],
    );
  },
};

export interface FinancingDataRow {
  enterprise_uscc: string;
  category: string;
  period: string;
  item: string;
  tax_credit_grade: string | null;
  headcount: number | null;
  months_in_arrears: number | null;
  housing_fund_status: string | null;
  arrears_yuan: string | null;
  /** timestamptz arrives as a string on the plain-row path. */
  received_at: Date | string;
}

/** Explicit mapping of an enterprise's current rows (newest period first) to the API type. */
export function toFinancingData(uscc: string, rows: FinancingDataRow[]): FinancingData | null {
  if (rows.length === 0) return null;
  const of = (c: string) => rows.filter((r) => r.category === c).sort((a, b) => (a.period < b.period ? 1 : -1));
  const tax = of('TAX_CREDIT_GRADE');
  const si = of('SOCIAL_INSURANCE')[0];
  const hf = of('HOUSING_FUND')[0];
  const utilities = new Map<string, FinancingDataRow>();
  for (const u of of('UTILITY')) if (!utilities.has(u.item)) utilities.set(u.item, u);
  return {
    subjectUscc: uscc,
    taxCreditGrade: (tax[0]?.tax_credit_grade as TaxCreditGrade | undefined) ?? null,
    taxCreditYear: tax[0] ? Number(tax[0].period) : null,
    taxCreditGrades: tax.map((t) => ({ year: Number(t.period), grade: t.tax_credit_grade as TaxCreditGrade })),
    socialInsurance: si ? { period: si.period, headcount: si.headcount ?? 0, monthsInArrears: si.months_in_arrears ?? 0 } : null,
    housingFund: hf ? { period: hf.period, status: hf.housing_fund_status as HousingFundStatus, monthsInArrears: hf.months_in_arrears ?? 0 } : null,
    utilities: [...utilities.values()]
      .sort((a, b) => a.item.localeCompare(b.item))
      .map((u) => ({ utility: u.item as UtilityKind, period: u.period, monthsInArrears: u.months_in_arrears ?? 0, arrearsYuan: u.arrears_yuan })),
    updatedAt: new Date(Math.max(...rows.map((r) => new Date(r.received_at).getTime()))),
  };
}

export const financingDataService = {
  /** The enterprise's financing data (the field policy has already checked role and consent). */
  async forEnterprise(ctx: HubContext, uscc: string): Promise<FinancingData | null> {
    return toFinancingData(uscc, await ctx.loaders.financingDataByUscc.load(uscc));
  },

  /** Same contract as ingestCreditRecords: per-row answers, idempotent, versioned, facts captured. */
  async ingest(ctx: HubContext, department: string, input: FinancingDataRowInput[]): Promise<IngestionResult> {
    const org = await authorizeIngestion(ctx, department);
    return this.ingestFor(ctx, org, input);
  },

  /** The same path without the caller check, for trusted callers (seed, CLI). */
  async ingestFor(ctx: IngestionDeps, org: DepartmentRow, input: FinancingDataRowInput[]): Promise<IngestionResult> {
    const department = org.code;
    checkBatchSize(input.length);
    const today = beijingDate(ctx.now());
    const valid: PreparedRow<FinancingContent>[] = [];
    const rejected: RejectedRow[] = [];
    input.forEach((row, index) => {
      const v = validateFinancingRow(row ?? {}, today);
      if (!v.ok) {
        rejected.push({ index, sourceRecordId: null, errors: v.errors, warnings: v.warnings, fact: v.fact });
        return;
      }
      const c = v.content;
      // The natural key stands in for a department record id.
      const key = [c.category, c.enterpriseUscc, c.period, c.item].join(':');
      v.fact.sourceRecordId = key;
      valid.push({ index, sourceRecordId: key, enterpriseUscc: c.enterpriseUscc, hash: contentHash(c), content: c, warnings: v.warnings, fact: v.fact });
    });
    const prepared = rejectDuplicates(await rejectUnknownEnterprises(ctx.knex, valid, rejected), rejected);
    return runBatch(ctx, FINANCING_TABLE, department, prepared, rejected);
  },
};
