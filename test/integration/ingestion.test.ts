import { usccCheckChar, USCC_CHARSET } from '@/shared/uscc';
import { createEnterprise, licenceRowInput, ORG, penaltyRowInput } from '../helpers/factories';
import { startTestHub } from '../helpers/hub';
import type { As, TestHub } from '../helpers/hub';

/**
 * Ingestion of department records (issue 3, DESIGN.md "Ingestion"): idempotent by (department,
 * source record id), corrections as versions, per-row validation with field and reason, valid
 * rows landing beside rejected ones, and who may ingest for whom.
 */
let hub: TestHub;
const SCJG: As = { role: 'REGULATOR', org: ORG.marketRegulator };

const INGEST = `mutation($d: String!, $rows: [CreditRecordRowInput!]!) {
  ingestCreditRecords(department: $d, rows: $rows) {
    department
    summary { received created updated unchanged rejected withWarnings }
    rows { index status sourceRecordId recordId version errors { field reason message } warnings { field reason } }
  } }`;

const RECORDS = `query($u: String!) { enterprise(uscc: $u) { creditRecords(first: 50) { totalCount edges { node {
  id kind version publicityStatus supersededAt penalty { content fineAmount categories } } } } } }`;
const HISTORY = `query($u: String!) { enterprise(uscc: $u) { creditRecords { edges { node {
  history { version supersededAt penalty { content fineAmount } } } } } } }`;

async function ingest(rows: unknown[], as: As | null = SCJG, department: string = ORG.marketRegulator) {
  return hub.gql(INGEST, { variables: { d: department, rows }, as });
}

async function countRecords(uscc: string): Promise<number> {
  const r = await hub.sql<{ n: string }>('select count(*) as n from credit_record where enterprise_uscc = ?', [uscc]);
  return Number(r[0]!.n);
}

/** A well-formed code whose check character is wrong (a legacy pilot-style code, DOMAIN.md §1.4). */
function withWrongCheckChar(uscc: string): string {
  const right = usccCheckChar(uscc.slice(0, 17));
  const wrong = USCC_CHARSET[(USCC_CHARSET.indexOf(right) + 1) % 31]!;
  return uscc.slice(0, 17) + wrong;
}

beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

describe('ingestCreditRecords', () => {
  it('importing the same batch twice: the second run reports every row UNCHANGED and adds nothing', async () => {
    const e = await createEnterprise(hub.db.knex);
    const rows = [
      penaltyRowInput(e.uscc),
      licenceRowInput(e.uscc),
      { sourceRecordId: `HON-${e.uscc}`, kind: 'HONOUR', uscc: e.uscc, documentNumber: '金府发〔2026〕3号', decisionDate: '2026-03-10', title: '金山区守合同重信用企业' },
    ];
    const first = await ingest(rows);
    expect(first.errors).toBeUndefined();
    expect(first.data!.ingestCreditRecords.summary).toEqual({ received: 3, created: 3, updated: 0, unchanged: 0, rejected: 0, withWarnings: 0 });
    expect(first.data!.ingestCreditRecords.rows.map((r: any) => [r.index, r.status, r.version])).toEqual([
      [0, 'CREATED', 1],
      [1, 'CREATED', 1],
      [2, 'CREATED', 1],
    ]);
    expect(await countRecords(e.uscc)).toBe(3);

    const second = await ingest(rows);
    expect(second.data!.ingestCreditRecords.summary).toEqual({ received: 3, created: 0, updated: 0, unchanged: 3, rejected: 0, withWarnings: 0 });
    expect(second.data!.ingestCreditRecords.rows.map((r: any) => r.recordId)).toEqual(first.data!.ingestCreditRecords.rows.map((r: any) => r.recordId));
    expect(await countRecords(e.uscc)).toBe(3);
  });

  it('formatting differences (amount 2.0 vs 2.00, blanks) are not changes', async () => {
    const e = await createEnterprise(hub.db.knex);
    const row = penaltyRowInput(e.uscc, { fineAmount: '2.00' });
    await ingest([row]);
    const again = await ingest([{ ...row, fineAmount: '2.0', facts: ` ${row.facts as string} ` }]);
    expect(again.data!.ingestCreditRecords.rows[0].status).toBe('UNCHANGED');
  });

  it('a changed row becomes a new version with the old kept; the regulator reads the history', async () => {
    const e = await createEnterprise(hub.db.knex);
    const row = penaltyRowInput(e.uscc, { content: '罚款人民币贰万元整', fineAmount: '2' });
    const created = await ingest([row]);
    const recordId = created.data!.ingestCreditRecords.rows[0].recordId;

    const corrected = await ingest([{ ...row, content: '罚款人民币壹万伍仟元整', fineAmount: '1.5' }]);
    expect(corrected.data!.ingestCreditRecords.rows[0]).toMatchObject({ status: 'UPDATED', recordId, version: 2 });
    expect(await countRecords(e.uscc)).toBe(2);

    const res = await hub.gql(RECORDS, { variables: { u: e.uscc }, as: SCJG });
    expect(res.errors).toBeUndefined();
    const conn = res.data!.enterprise.creditRecords;
    expect(conn.totalCount).toBe(1); // only the current version is listed
    const node = conn.edges[0].node;
    expect(node).toMatchObject({ id: recordId, version: 2, supersededAt: null, penalty: { content: '罚款人民币壹万伍仟元整', fineAmount: '1.50', categories: ['FINE'] } });
    const hist = await hub.gql(HISTORY, { variables: { u: e.uscc }, as: SCJG });
    expect(hist.errors).toBeUndefined();
    node.history = hist.data!.enterprise.creditRecords.edges[0].node.history;
    expect(node.history.map((h: any) => h.version)).toEqual([2, 1]);
    expect(node.history[1].penalty).toEqual({ content: '罚款人民币贰万元整', fineAmount: '2.00' });
    expect(node.history[1].supersededAt).not.toBeNull();
    expect(node.history[0].supersededAt).toBeNull();

    const facts = await hub.sql('select outcome, correction from ingestion_fact where source_record_id = ? order by id', [row.sourceRecordId]);
    expect(facts).toEqual([
      { outcome: 'CREATED', correction: false },
      { outcome: 'UPDATED', correction: true },
    ]);
  });

  it('the public does not get the correction history', async () => {
    const e = await createEnterprise(hub.db.knex);
    await ingest([penaltyRowInput(e.uscc)]);
    const res = await hub.gql(`query($u: String!) { enterprise(uscc: $u) { creditRecords { edges { node { kind history { version } } } } } }`, {
      variables: { u: e.uscc },
    });
    expect(res.data!.enterprise.creditRecords.edges[0].node.kind).toBe('ADMINISTRATIVE_PENALTY');
    expect(res.errors!.map((x) => [x.extensions!.code, x.path!.slice(-1)[0]])).toEqual([['FORBIDDEN', 'history']]);
  });

  it('invalid rows are rejected with field and reason while the rest land; a legacy checksum failure is accepted with a warning', async () => {
    const e = await createEnterprise(hub.db.knex);
    const legacy = await createEnterprise(hub.db.knex);
    const legacyCode = withWrongCheckChar(legacy.uscc);
    await hub.sql('update enterprise set uscc = ?, uscc_checksum_ok = false where uscc = ?', [legacyCode, legacy.uscc]);
    const stranger = (await createEnterprise(hub.db.knex)).uscc;
    await hub.sql('delete from enterprise where uscc = ?', [stranger]);

    const rows = [
      penaltyRowInput(e.uscc), // 0 valid
      penaltyRowInput('91310116MA1J0000Z0'), // 1 bad format (Z)
      penaltyRowInput(legacyCode), // 2 checksum failure of a registered legacy code: accepted, warned
      penaltyRowInput(e.uscc, { facts: null }), // 3 missing required field
      penaltyRowInput(e.uscc, { decisionDate: '2099-01-01' }), // 4 decision date in the future
      penaltyRowInput(stranger), // 5 not registered
      licenceRowInput(e.uscc, { validFrom: '2026-09-01', validUntil: '2026-08-31' }), // 6 有效期至 < 有效期自
      penaltyRowInput(e.uscc, { severity: 'VERY_BAD' }), // 7 bad enum
      penaltyRowInput(e.uscc, { fineAmount: '-3' }), // 8 negative amount
      penaltyRowInput(e.uscc, { fineAmount: '1.1234567' }), // 9 over-precise amount
      licenceRowInput(e.uscc), // 10 valid
      penaltyRowInput(e.uscc, { penaltyCategories: ['罚款', '没收违法所得'], confiscatedAmount: '0.35' }), // 11 valid, Chinese enum terms
    ];
    const res = await ingest(rows);
    expect(res.errors).toBeUndefined();
    const out = res.data!.ingestCreditRecords;
    const brief = out.rows.map((r: any) => [r.index, r.status, r.errors.map((x: any) => `${x.field}:${x.reason}`).join(','), r.warnings.map((x: any) => x.reason).join(',')]);
    expect(brief).toEqual([
      [0, 'CREATED', '', ''],
      [1, 'REJECTED', 'uscc:INVALID_USCC_FORMAT', ''],
      [2, 'CREATED', '', 'USCC_CHECKSUM_MISMATCH'],
      [3, 'REJECTED', 'facts:REQUIRED', ''],
      [4, 'REJECTED', 'decisionDate:DATE_IN_FUTURE', ''],
      [5, 'REJECTED', 'uscc:UNKNOWN_ENTERPRISE', ''],
      [6, 'REJECTED', 'validUntil:DATE_ORDER', ''],
      [7, 'REJECTED', 'severity:INVALID_ENUM', ''],
      [8, 'REJECTED', 'fineAmount:INVALID_AMOUNT', ''],
      [9, 'REJECTED', 'fineAmount:INVALID_AMOUNT', ''],
      [10, 'CREATED', '', ''],
      [11, 'CREATED', '', ''],
    ]);
    expect(out.summary).toEqual({ received: 12, created: 4, updated: 0, unchanged: 0, rejected: 8, withWarnings: 1 });
    for (const r of out.rows.filter((x: any) => x.status === 'REJECTED')) {
      expect(r.recordId).toBeNull();
      expect(r.errors[0].message.length).toBeGreaterThan(5);
    }
    // Rejected rows changed nothing; valid ones landed.
    expect(await countRecords(e.uscc)).toBe(3);
    expect(await countRecords(legacyCode)).toBe(1);
    const stored = await hub.sql('select uscc_checksum_ok from credit_record where enterprise_uscc = ?', [legacyCode]);
    expect(stored[0].uscc_checksum_ok).toBe(false);

    // Every row left a data-quality fact, rejected ones with field and reason.
    const facts = await hub.sql(
      `select row_index, outcome, reject_field, reject_reason, checksum_warning from ingestion_fact
        where batch_id = (select batch_id from ingestion_fact where source_record_id = ? order by id desc limit 1) order by row_index`,
      [rows[0]!.sourceRecordId],
    );
    expect(facts).toHaveLength(12);
    expect(facts[2]).toMatchObject({ outcome: 'CREATED', checksum_warning: true });
    expect(facts[4]).toMatchObject({ outcome: 'REJECTED', reject_field: 'decisionDate', reject_reason: 'DATE_IN_FUTURE' });
  });

  it('records the late flag with the working-day calendar (more than 7 working days after the decision)', async () => {
    const e = await createEnterprise(hub.db.knex);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const late = penaltyRowInput(e.uscc, { decisionDate: '2026-06-01' });
    const onTime = penaltyRowInput(e.uscc, { decisionDate: today });
    await ingest([late, onTime]);
    const facts = await hub.sql(
      'select source_record_id, late, working_days_after_decision from ingestion_fact where source_record_id = any(?) order by id',
      [[late.sourceRecordId, onTime.sourceRecordId]],
    );
    expect(facts.map((f: any) => f.late)).toEqual([true, false]);
    expect(facts[0].working_days_after_decision).toBeGreaterThan(7);
    expect(facts[1].working_days_after_decision).toBe(0);
  });

  it('a repeated source record id inside one batch is rejected, not stored twice', async () => {
    const e = await createEnterprise(hub.db.knex);
    const row = penaltyRowInput(e.uscc);
    const res = await ingest([row, { ...row, content: '另一内容' }]);
    expect(res.data!.ingestCreditRecords.rows.map((r: any) => r.status)).toEqual(['CREATED', 'REJECTED']);
    expect(res.data!.ingestCreditRecords.rows[1].errors[0].reason).toBe('DUPLICATE_IN_BATCH');
    expect(await countRecords(e.uscc)).toBe(1);
  });

  it('a department cannot ingest as another department (FORBIDDEN)', async () => {
    const e = await createEnterprise(hub.db.knex);
    const res = await ingest([penaltyRowInput(e.uscc)], SCJG, 'JS-SWJ');
    expect(res.data).toBeNull();
    expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_DEPARTMENT' });
    expect(await countRecords(e.uscc)).toBe(0);
  });

  it('an approver department ingests as itself; the platform operator on any department\'s behalf', async () => {
    const e = await createEnterprise(hub.db.knex);
    const asApprover = await ingest([licenceRowInput(e.uscc)], { role: 'APPROVER', org: 'JS-SCJG' }, 'JS-SCJG');
    expect(asApprover.data!.ingestCreditRecords.summary.created).toBe(1);
    const asAdmin = await ingest([penaltyRowInput(e.uscc)], { role: 'PLATFORM_ADMIN' }, 'JS-STHJ');
    expect(asAdmin.data!.ingestCreditRecords.summary.created).toBe(1);
    const stored = await hub.sql('select department, domain from credit_record where enterprise_uscc = ? order by department', [e.uscc]);
    expect(stored).toEqual([
      { department: 'JS-SCJG', domain: '市场监管' },
      { department: 'JS-STHJ', domain: '生态环境' }, // the department's own domain by default
    ]);
  });

  it.each([
    ['PUBLIC (no token)', null, 'UNAUTHENTICATED'],
    ['BANK', { role: 'BANK', org: ORG.bankA } as As, 'FORBIDDEN'],
    ['ENTERPRISE', { role: 'ENTERPRISE', org: '91310116MA1J00000X' } as As, 'FORBIDDEN'],
    ['CREDIT_AGENCY', { role: 'CREDIT_AGENCY', org: ORG.agency } as As, 'FORBIDDEN'],
    ['ANALYST', { role: 'ANALYST' } as As, 'FORBIDDEN'],
  ])('%s cannot ingest', async (_name, as, code) => {
    const e = await createEnterprise(hub.db.knex);
    const res = await ingest([penaltyRowInput(e.uscc)], as);
    expect(res.errors![0].extensions!.code).toBe(code);
    expect(await countRecords(e.uscc)).toBe(0);
  });

  it('an unknown department is BAD_USER_INPUT for the operator', async () => {
    const res = await ingest([], { role: 'PLATFORM_ADMIN' }, 'NO-SUCH-DEPT');
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'department', reason: 'UNKNOWN_DEPARTMENT' });
  });

  it('more than 1,000 rows in one call is BAD_USER_INPUT', async () => {
    const rows = Array.from({ length: 1001 }, (_, i) => ({ sourceRecordId: `X${i}` }));
    const res = await ingest(rows);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rows', reason: 'BATCH_TOO_LARGE' });
  });

  it('a batch of 1,000 rows lands in a few statements', async () => {
    const e = await createEnterprise(hub.db.knex);
    const rows = Array.from({ length: 1000 }, () => penaltyRowInput(e.uscc));
    const { result, statements } = await hub.countSql(() => ingest(rows));
    expect(result.data!.ingestCreditRecords.summary.created).toBe(1000);
    expect(statements).toBeLessThan(15);
  });
});

describe('ingestFinancingData', () => {
  const FIN = `mutation($d: String!, $rows: [FinancingDataRowInput!]!) { ingestFinancingData(department: $d, rows: $rows) {
    summary { created updated unchanged rejected } rows { status version errors { field reason } } } }`;

  it('is idempotent, versions changes and validates per row', async () => {
    const e = await createEnterprise(hub.db.knex);
    const rows = [
      { category: 'TAX_CREDIT_GRADE', uscc: e.uscc, period: '2025', taxCreditGrade: 'A' },
      { category: '社会保险', uscc: e.uscc, period: '2026-10', headcount: '23', monthsInArrears: '0' },
      { category: 'UTILITY', uscc: e.uscc, period: '2026-10', utility: '电', monthsInArrears: '2', arrearsYuan: '1830.5' },
      { category: 'TAX_CREDIT_GRADE', uscc: e.uscc, period: '2025', taxCreditGrade: 'E' },
      { category: 'HOUSING_FUND', uscc: e.uscc, period: '2099-01', housingFundStatus: 'NORMAL' },
    ];
    const as: As = { role: 'PLATFORM_ADMIN' };
    const first = await hub.gql(FIN, { variables: { d: 'JS-SWJ', rows }, as });
    expect(first.errors).toBeUndefined();
    expect(first.data!.ingestFinancingData.rows.map((r: any) => [r.status, r.errors.map((x: any) => `${x.field}:${x.reason}`).join()])).toEqual([
      ['CREATED', ''],
      ['CREATED', ''],
      ['CREATED', ''],
      ['REJECTED', 'taxCreditGrade:INVALID_ENUM'],
      ['REJECTED', 'period:DATE_IN_FUTURE'],
    ]);
    const again = await hub.gql(FIN, { variables: { d: 'JS-SWJ', rows: rows.slice(0, 3) }, as });
    expect(again.data!.ingestFinancingData.summary).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
    const changed = await hub.gql(FIN, { variables: { d: 'JS-SWJ', rows: [{ ...rows[0], taxCreditGrade: 'B' }] }, as });
    expect(changed.data!.ingestFinancingData.rows[0]).toMatchObject({ status: 'UPDATED', version: 2 });

    const res = await hub.gql(
      `query($u: String!) { enterprise(uscc: $u) { financingData { taxCreditGrade taxCreditYear socialInsurance { headcount monthsInArrears } utilities { utility monthsInArrears arrearsYuan } } } }`,
      { variables: { u: e.uscc }, as: { role: 'REGULATOR', org: 'JS-SWJ' } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.enterprise.financingData).toEqual({
      taxCreditGrade: 'B',
      taxCreditYear: 2025,
      socialInsurance: { headcount: 23, monthsInArrears: 0 },
      utilities: [{ utility: 'ELECTRICITY', monthsInArrears: 2, arrearsYuan: '1830.50' }],
    });
  });
});
