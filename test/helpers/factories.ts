import { randomInt } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';
import { insertEnterprises } from '@/db/seed';
import { makeEnterpriseRow } from '@/modules/enterprise/enterprise.factory';
import type { EnterpriseSeedRow } from '@/modules/enterprise/enterprise.factory';
import { createRng } from '@/shared/random';

/** Factory indexes far above the demo and scale sets; a rare collision is retried below. */
function freshIndex(): number {
  return 60_000_000 + randomInt(40_000_000);
}

export function enterpriseRow(overrides: Partial<EnterpriseSeedRow> = {}): EnterpriseSeedRow {
  const index = freshIndex();
  return { ...makeEnterpriseRow(createRng(index), index), ...overrides };
}

export async function createEnterprise(knex: Knex, overrides: Partial<EnterpriseSeedRow> = {}): Promise<EnterpriseSeedRow> {
  return (await createEnterprises(knex, 1, overrides))[0]!;
}

/** Inserts n fresh enterprises; any whose code already exists is replaced by a new one. */
export async function createEnterprises(knex: Knex, n: number, overrides: Partial<EnterpriseSeedRow> = {}): Promise<EnterpriseSeedRow[]> {
  const done: EnterpriseSeedRow[] = [];
  while (done.length < n) {
    const rows = Array.from({ length: n - done.length }, () => enterpriseRow(overrides));
    const before = await knex.raw<{ rows: { uscc: string }[] }>('select uscc from enterprise where uscc = any(?)', [rows.map((r) => r.uscc)]);
    const taken = new Set(before.rows.map((r) => r.uscc));
    const fresh = rows.filter((r, i) => !taken.has(r.uscc) && rows.findIndex((x) => x.uscc === r.uscc) === i);
    await insertEnterprises(knex, fresh);
    done.push(...fresh);
  }
  return done;
}

export interface ConsentSpec {
  enterpriseUscc: string;
  grantee: string;
  purpose?: string;
  scopes?: string[];
  validFrom?: Date;
  validUntil?: Date;
  revokedAt?: Date | null;
}

export async function createConsent(knex: Knex, c: ConsentSpec): Promise<string> {
  const res = await knex.raw<{ rows: { id: string }[] }>(
    `insert into consent (enterprise_uscc, grantee_org, purpose, scopes, valid_from, valid_until, revoked_at)
     values (?, ?, ?, ?::text[], ?, ?, ?) returning id`,
    [
      c.enterpriseUscc,
      c.grantee,
      c.purpose ?? 'LOAN_APPLICATION',
      c.scopes ?? ['CONTACTS'],
      c.validFrom ?? new Date(Date.now() - 3_600_000),
      c.validUntil ?? new Date(Date.now() + 30 * 86_400_000),
      c.revokedAt ?? null,
    ],
  );
  return res.rows[0]!.id;
}

/** Codes of the demo organizations used across tests. */
export const ORG = {
  bankA: 'BANK-ICBC-JS',
  bankB: 'BANK-SRCB-JS',
  agency: 'AGENCY-CREDIT-1',
  guarantor: 'GUAR-SHFUND',
  marketRegulator: 'JS-SCJG',
} as const;

// ── Credit records (issue 3) ─────────────────────────────────────────────────────────────────
// (appended section; its import stays here so the foundation part above is untouched)
import { publicityWindow } from '@/config/publicity-rules';
import type { CreditRecordKindValue } from '@/config/publicity-rules';

/** A valid 行政处罚 row for ingestCreditRecords; override any field. */
export function penaltyRowInput(uscc: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sourceRecordId: `CF-${randomInt(1e9)}`,
    kind: 'ADMINISTRATIVE_PENALTY',
    uscc,
    documentNumber: `金市监案处〔2026〕${randomInt(1e4)}号`,
    decisionDate: '2026-10-15',
    severity: 'GENERAL',
    violationType: '虚假宣传',
    facts: '当事人在其经营场所宣传资料中使用未经证实的功效用语。',
    basis: '《中华人民共和国反不正当竞争法》第二十条第一款',
    penaltyCategories: ['FINE'],
    content: '罚款人民币贰万元整',
    fineAmount: '2.00',
    ...overrides,
  };
}

/** A valid RecordCommitmentInput (national template fields) for recordCommitment; override any field. */
export function commitmentInput(uscc: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subjectUscc: uscc,
    matter: '申请办理食品经营许可证',
    type: 'APPROVAL_SUBSTITUTE',
    text: '本企业承诺已具备食品经营许可条件，所报材料真实有效。',
    breachLiability: '承诺不实的，自愿承担撤销许可的法律责任。',
    committedOn: '2026-11-26',
    publicationType: 'LIMITED',
    supervisingDepartment: 'JS-YJGL',
    approvalReference: '金市监许〔2026〕0101号',
    ...overrides,
  };
}

/** A valid 行政许可 row for ingestCreditRecords. */
export function licenceRowInput(uscc: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sourceRecordId: `XK-${randomInt(1e9)}`,
    kind: 'ADMINISTRATIVE_LICENCE',
    uscc,
    documentNumber: `JY3${randomInt(1e9)}`,
    decisionDate: '2026-09-01',
    licenceCategory: '普通',
    certificateName: '食品经营许可证',
    licenceNumber: `JY331011600${randomInt(1e5)}`,
    content: '预包装食品销售（含冷藏冷冻食品）',
    validFrom: '2026-09-01',
    validUntil: '2031-08-31',
    ...overrides,
  };
}

export interface CreditRecordSpec {
  enterpriseUscc: string;
  kind?: string;
  department?: string;
  severity?: 'MINOR' | 'GENERAL' | 'SERIOUS' | null;
  decisionDate: string;
  summaryProcedure?: boolean;
  repairedAt?: Date | null;
  disputedAt?: Date | null;
  content?: string;
  receivedAt?: Date;
  /** 万元, numeric(18,6) */
  fineAmount?: string | null;
}

/**
 * Inserts a current credit record directly (for visibility tests that need a repaired or
 * disputed record before those workflows exist). The window comes from the same pure function as
 * ingestion uses.
 */
export async function createCreditRecord(knex: Knex, spec: CreditRecordSpec): Promise<{ recordId: string; sourceRecordId: string }> {
  const kind = (spec.kind ?? 'ADMINISTRATIVE_PENALTY') as CreditRecordKindValue;
  const severity = spec.severity === undefined ? 'GENERAL' : spec.severity;
  const w = publicityWindow(kind, severity, spec.decisionDate, spec.summaryProcedure ?? false);
  const sourceRecordId = `T-${randomInt(1e12)}`;
  const res = await knex.raw<{ rows: { record_id: string }[] }>(
    `insert into credit_record (record_id, version, enterprise_uscc, kind, department, source_record_id, domain,
        document_number, decision_date, severity, summary_procedure, rule_version, publication, publicity_end_date,
        earliest_repair_date, penalty_categories, details, content_hash, received_at, repaired_at, disputed_at, fine_amount)
     values (gen_random_uuid(), 1, ?, ?, ?, ?, '市场监管', ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::jsonb, ?, ?, ?, ?, ?)
     returning record_id`,
    [
      spec.enterpriseUscc,
      kind,
      spec.department ?? 'JS-SCJG',
      sourceRecordId,
      `金市监案处〔${spec.decisionDate.slice(0, 4)}〕${randomInt(1e4)}号`,
      spec.decisionDate,
      severity,
      spec.summaryProcedure ?? false,
      w.ruleVersion,
      w.publication,
      w.publicityEndDate,
      w.earliestRepairDate,
      kind === 'ADMINISTRATIVE_PENALTY' ? ['WARNING'] : null,
      JSON.stringify({ content: spec.content ?? '警告', violationType: '未按规定公示年报', facts: '事实', basis: '依据' }),
      'f'.repeat(64),
      spec.receivedAt ?? new Date(),
      spec.repairedAt ?? null,
      spec.disputedAt ?? null,
      spec.fineAmount ?? null,
    ] as never[],
  );
  return { recordId: res.rows[0]!.record_id, sourceRecordId };
}

/** Inserts a current financing-data row directly. */
export async function createFinancingData(
  knex: Knex,
  uscc: string,
  row: { category: string; period: string; item?: string; taxCreditGrade?: string; headcount?: number; monthsInArrears?: number; housingFundStatus?: string; arrearsYuan?: string },
): Promise<void> {
  await knex.raw(
    `insert into financing_data (record_id, version, enterprise_uscc, department, source_record_id, category, period, item,
        tax_credit_grade, headcount, months_in_arrears, housing_fund_status, arrears_yuan, content_hash, received_at)
     values (gen_random_uuid(), 1, ?, 'JS-SWJ', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())`,
    [
      uscc,
      `${row.category}:${uscc}:${row.period}:${row.item ?? ''}`,
      row.category,
      row.period,
      row.item ?? '',
      row.taxCreditGrade ?? null,
      row.headcount ?? null,
      row.monthsInArrears ?? null,
      row.housingFundStatus ?? null,
      row.arrearsYuan ?? null,
      'f'.repeat(64),
    ] as never[],
  );
}

// ── Credit commitments (issue 4) ─────────────────────────────────────────────────────────────
// (appended section; the API path is recordCommitment — this inserts directly, for list and
// visibility tests that need many commitments or fixed states fast)

export interface CommitmentSpec {
  enterpriseUscc: string;
  type?: string;
  publicationType?: 'PUBLIC' | 'LIMITED' | 'NOT_PUBLIC';
  recordingDepartment?: string;
  supervisingDepartment?: string;
  committedOn?: string;
  materialDueDate?: string | null;
  status?: string;
  matter?: string;
}

/** Inserts a commitment directly with a unique synthetic number (region 999999, never a real one). */
export async function createCommitment(knex: Knex, spec: CommitmentSpec): Promise<{ id: string; number: string }> {
  const committedOn = spec.committedOn ?? '2026-11-02';
  const number = `999999${committedOn.replace(/-/g, '')}${String(randomInt(1e6)).padStart(6, '0')}`;
  const res = await knex.raw<{ rows: { id: string; number: string }[] }>(
    `insert into commitment (number, enterprise_uscc, type, matter, text, breach_liability, committed_on, material_due_date,
        publication_type, recording_department, supervising_department, approval_reference, status, recorded_by,
        request_hash, recorded_at, updated_at)
     values (?, ?, ?, ?, '本企业承诺所提交材料真实有效，并按期补齐。', '承诺不实的，自愿承担撤销审批决定等法律责任。', ?, ?, ?, ?, ?, ?, ?, 'factory', ?, now(), now())
     on conflict (number) do nothing
     returning id, number`,
    [
      number,
      spec.enterpriseUscc,
      spec.type ?? 'APPROVAL_SUBSTITUTE',
      spec.matter ?? '申请办理食品经营许可证',
      committedOn,
      spec.materialDueDate ?? null,
      spec.publicationType ?? 'PUBLIC',
      spec.recordingDepartment ?? 'JS-SCJG',
      spec.supervisingDepartment ?? 'JS-SCJG',
      `金市监许〔2026〕${randomInt(1e5)}号`,
      spec.status ?? 'RECORDED',
      'f'.repeat(64),
    ] as never[],
  );
  return res.rows[0] ?? createCommitment(knex, spec);
}
