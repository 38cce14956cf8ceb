import { usccCheckChar, USCC_CHARSET } from '@/shared/uscc';
import { createEnterprise, enterpriseRow, licenceRowInput, penaltyRowInput } from '../helpers/factories';
import { startTestHub } from '../helpers/hub';
import type { As, TestHub } from '../helpers/hub';

/**
 * 双公示 data quality (issue 3 item 8, DOMAIN.md §2.3) for a seeded month, from facts captured by
 * the real ingestion path under an injected clock, against figures computed by hand below.
 *
 * Department JS-WLJ (文化旅游局) is used by no other test file, so its figures are this file's alone.
 */
let hub: TestHub;
let clock = new Date('2026-10-14T02:00:00Z');
const DEPT = 'JS-WLJ';
const SELF: As = { role: 'REGULATOR', org: DEPT };
const ADMIN: As = { role: 'PLATFORM_ADMIN', sub: 'platform-operator' };

const INGEST = `mutation($d: String!, $rows: [CreditRecordRowInput!]!) {
  ingestCreditRecords(department: $d, rows: $rows) { summary { received created updated unchanged rejected withWarnings } } }`;
const FIGURES = `received firstReports onTime late lateProvisional errors rejected checksumWarnings corrections
  declared reconciled omissions errorRate lateRate omissionRate`;
const DQ = `query($d: String, $m: String) { dataQuality(department: $d, month: $m) {
  department departmentName month ${FIGURES}
  quarterlyEvaluation { quarter complete grade ${FIGURES} } } }`;
const DECLARE = `mutation($d: String!, $m: String!, $k: CreditRecordKind!, $c: Int!) {
  declareMonthlyDecisionCount(department: $d, month: $m, kind: $k, count: $c) { department month kind count declaredBy declaredAt } }`;

/** A well-formed code whose check character is wrong (a legacy pilot-style code, DOMAIN.md §1.4). */
function withWrongCheckChar(uscc: string): string {
  const right = usccCheckChar(uscc.slice(0, 17));
  return uscc.slice(0, 17) + USCC_CHARSET[(USCC_CHARSET.indexOf(right) + 1) % 31]!;
}

async function ingest(rows: unknown[]) {
  const res = await hub.gql(INGEST, { variables: { d: DEPT, rows }, as: SELF });
  expect(res.errors).toBeUndefined();
  return res.data!.ingestCreditRecords.summary;
}

beforeAll(async () => {
  hub = await startTestHub({ now: () => clock });
  const e = await createEnterprise(hub.db.knex);
  const legacy = await createEnterprise(hub.db.knex, { uscc: withWrongCheckChar(enterpriseRow().uscc) });
  const pen = (id: string, decisionDate: string, extra: Record<string, unknown> = {}) =>
    penaltyRowInput(e.uscc, { sourceRecordId: `WLJ-${id}`, decisionDate, ...extra });

  // Working days from chinese-days (2026): 中秋 Fri 09-25 and 国庆 10-01…10-07 are days off, Sat 10-10
  // is an adjusted working day (调休上班). Counting the working days after the decision up to and
  // including the receipt day 2026-10-14:
  //   09-29 → 09-30, 10-08, 10-09, 10-10, 10-12, 10-13, 10-14 = 7  → on time (limit 7)
  //   09-28 → + 09-29                                          = 8  → late
  //   09-24 → + 09-28 (09-25 holiday, 09-26/27 weekend)        = 9  → late
  //   10-09 → 10-10, 10-12, 10-13, 10-14                        = 4  → on time
  //   09-30 → 10-08, 10-09, 10-10, 10-12, 10-13, 10-14          = 6  → on time
  clock = new Date('2026-10-14T02:00:00Z'); // 10:00 Beijing
  const p1 = pen('P1', '2026-09-29');
  const p4 = pen('P4', '2026-10-09');
  expect(
    await ingest([
      p1,
      pen('P2', '2026-09-28'),
      pen('P3', '2026-09-24'),
      p4,
      penaltyRowInput(legacy.uscc, { sourceRecordId: 'WLJ-P5', decisionDate: '2026-09-30' }), // checksum warning
      pen('R1', '2026-10-12', { documentNumber: null }), // rejected: REQUIRED
      pen('R2', '2026-10-12', { uscc: 'NOT-A-USCC' }), // rejected: INVALID_USCC_FORMAT
    ]),
  ).toEqual({ received: 7, created: 5, updated: 0, unchanged: 0, rejected: 2, withWarnings: 1 });

  // 2026-10-20: a correction of P1, an identical re-send of P4 (not a report), a licence of 10-16
  // (10-19, 10-20 = 2 working days → on time).
  clock = new Date('2026-10-20T02:00:00Z');
  expect(
    await ingest([
      { ...p1, content: '罚款人民币叁万元整', fineAmount: '3.00' },
      p4,
      licenceRowInput(e.uscc, { sourceRecordId: 'WLJ-L1', decisionDate: '2026-10-16', validFrom: '2026-10-16' }),
    ]),
  ).toEqual({ received: 3, created: 1, updated: 1, unchanged: 1, rejected: 0, withWarnings: 0 });

  // 2026-11-02: a penalty DECIDED in October (10-30), received in November (1 working day → on time).
  clock = new Date('2026-11-02T02:00:00Z');
  expect(await ingest([pen('N1', '2026-10-30')])).toMatchObject({ created: 1 });
});
afterAll(() => hub.close());

describe('dataQuality: a seeded month equals the figures computed by hand', () => {
  it('October 2026 for the department, and its quarter', async () => {
    const d1 = await hub.gql(DECLARE, { variables: { d: DEPT, m: '2026-10', k: 'ADMINISTRATIVE_PENALTY', c: 5 }, as: { ...SELF, sub: 'wlj-docket' } });
    expect(d1.errors).toBeUndefined();
    expect(d1.data!.declareMonthlyDecisionCount).toMatchObject({ department: DEPT, month: '2026-10', kind: 'ADMINISTRATIVE_PENALTY', count: 5, declaredBy: 'wlj-docket' });
    // The platform operator on the department's behalf; a second declaration replaces the first.
    await hub.gql(DECLARE, { variables: { d: DEPT, m: '2026-10', k: 'ADMINISTRATIVE_LICENCE', c: 9 }, as: ADMIN });
    expect((await hub.gql(DECLARE, { variables: { d: DEPT, m: '2026-10', k: 'ADMINISTRATIVE_LICENCE', c: 2 }, as: ADMIN })).errors).toBeUndefined();

    const res = await hub.gql(DQ, { variables: { d: DEPT, m: '2026-10' }, as: SELF });
    expect(res.errors).toBeUndefined();
    const [m] = res.data!.dataQuality;
    // Records of October = rows RECEIVED in October (Beijing): batch 1 (7 rows) + batch 2 without the
    // UNCHANGED re-send (P1 correction, L1) = 9. The November row N1 is not among them.
    // First reports (CREATED): P1–P5, L1 = 6; on time P1, P4, P5, L1 = 4; late P2, P3 = 2.
    // Errors, each row once: R1, R2 (rejected) + P5 (checksum warning) + P1 correction = 4.
    // Omissions reconcile DECISIONS of October with records held for them, whenever received:
    //   penalties declared 5, held P4 (10-09) + N1 (10-30) = 2 → 3 missing;
    //   licences declared 2, held L1 = 1 → 1 missing. Omissions 4 of 7 declared.
    expect(m).toEqual({
      department: DEPT,
      departmentName: '上海市金山区文化和旅游局',
      month: '2026-10',
      received: 9,
      firstReports: 6,
      onTime: 4,
      late: 2,
      lateProvisional: 0,
      errors: 4,
      rejected: 2,
      checksumWarnings: 1,
      corrections: 1,
      declared: 7,
      reconciled: 3,
      omissions: 4,
      errorRate: 0.4444, // 错报率 4 / 9
      lateRate: 0.3333, // 迟报率 2 / 6
      omissionRate: 0.5714, // 漏报率 4 / 7
      quarterlyEvaluation: {
        quarter: '2026-Q4',
        complete: false, // the clock stands at 2026-11-02
        // October + November (N1: received, first report, on time).
        received: 10,
        firstReports: 7,
        onTime: 5,
        late: 2,
        lateProvisional: 0,
        errors: 4,
        rejected: 2,
        checksumWarnings: 1,
        corrections: 1,
        declared: 7,
        reconciled: 3,
        omissions: 4,
        errorRate: 0.4, // 4 / 10
        lateRate: 0.2857, // 2 / 7
        omissionRate: 0.5714, // 4 / 7
        grade: 'FAIL', // 0.4 > 0.05 (error-rate pass band)
      },
    });
  });

  it('November: only N1 was received; omissions are unknown when nothing was declared', async () => {
    const res = await hub.gql(DQ, { variables: { d: DEPT, m: '2026-11' }, as: { role: 'ANALYST' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.dataQuality[0]).toMatchObject({
      received: 1,
      firstReports: 1,
      onTime: 1,
      late: 0,
      errors: 0,
      declared: null,
      reconciled: null,
      omissions: null,
      errorRate: 0,
      lateRate: 0,
      omissionRate: null,
    });
  });

  it('without a department the platform operator gets one entry per department, in code order', async () => {
    const res = await hub.gql(DQ, { variables: { m: '2026-10' }, as: ADMIN });
    expect(res.errors).toBeUndefined();
    const depts = await hub.sql<{ code: string }>("select code from organization where kind = 'DEPARTMENT' order by code");
    expect(res.data!.dataQuality.map((x: any) => x.department)).toEqual(depts.map((d) => d.code));
    const quiet = res.data!.dataQuality.find((x: any) => x.department === 'JS-GJJ');
    expect(quiet).toMatchObject({ received: 0, errorRate: null, lateRate: null, omissions: null, quarterlyEvaluation: { grade: null } });
  });
});

describe('dataQuality: who may see it, and input validation', () => {
  it('the department itself (also without the argument), ANALYST and PLATFORM_ADMIN: yes', async () => {
    for (const [as, department] of [
      [SELF, DEPT],
      [SELF, null],
      [{ role: 'APPROVER', org: DEPT } as As, DEPT],
      [{ role: 'ANALYST' } as As, DEPT],
      [ADMIN, DEPT],
    ] as const) {
      const res = await hub.gql(DQ, { variables: { d: department, m: '2026-10' }, as });
      expect(res.errors).toBeUndefined();
      expect(res.data!.dataQuality.map((x: any) => [x.department, x.received])).toEqual([[DEPT, 9]]);
    }
  });

  it('another department: FORBIDDEN; a bank: FORBIDDEN; no token: UNAUTHENTICATED', async () => {
    const other = await hub.gql(DQ, { variables: { d: DEPT, m: '2026-10' }, as: { role: 'REGULATOR', org: 'JS-SCJG' } });
    expect(other.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_DEPARTMENT' });
    const bank = await hub.gql(DQ, { variables: { d: DEPT, m: '2026-10' }, as: { role: 'BANK', org: 'BANK-ICBC-JS' } });
    expect(bank.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const ent = await hub.gql(DQ, { variables: { m: '2026-10' }, as: { role: 'ENTERPRISE', org: '91310116MA1J8XXX0X' } });
    expect(ent.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const anon = await hub.gql(DQ, { variables: { d: DEPT, m: '2026-10' } });
    expect(anon.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('a malformed month is BAD_USER_INPUT INVALID_MONTH; an unknown department BAD_USER_INPUT UNKNOWN_DEPARTMENT', async () => {
    for (const m of ['2026-13', '2026-1', '202610', '2026-10-01', '1999-12']) {
      const res = await hub.gql(DQ, { variables: { d: DEPT, m }, as: ADMIN });
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month', reason: 'INVALID_MONTH' });
    }
    const unknown = await hub.gql(DQ, { variables: { d: 'JS-NOPE', m: '2026-10' }, as: ADMIN });
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'department', reason: 'UNKNOWN_DEPARTMENT' });
    // A bank is not a department.
    const bank = await hub.gql(DQ, { variables: { d: 'BANK-ICBC-JS', m: '2026-10' }, as: ADMIN });
    expect(bank.errors![0]!.extensions!.reason).toBe('UNKNOWN_DEPARTMENT');
  });

  it('declareMonthlyDecisionCount: only the department itself or the platform operator; no future month; count ≥ 0', async () => {
    const vars = { d: DEPT, m: '2026-09', k: 'ADMINISTRATIVE_PENALTY', c: 3 };
    const other = await hub.gql(DECLARE, { variables: vars, as: { role: 'REGULATOR', org: 'JS-SCJG' } });
    expect(other.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_DEPARTMENT' });
    const analyst = await hub.gql(DECLARE, { variables: vars, as: { role: 'ANALYST' } });
    expect(analyst.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const future = await hub.gql(DECLARE, { variables: { ...vars, m: '2026-12' }, as: SELF });
    expect(future.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month', reason: 'MONTH_IN_FUTURE' });
    const negative = await hub.gql(DECLARE, { variables: { ...vars, c: -1 }, as: SELF });
    expect(negative.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'count', reason: 'INVALID_COUNT' });
    const bad = await hub.gql(DECLARE, { variables: { ...vars, m: 'Sept' }, as: SELF });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_MONTH' });
    const unknown = await hub.gql(DECLARE, { variables: { ...vars, d: 'JS-NOPE' }, as: ADMIN });
    expect(unknown.errors![0]!.extensions!.reason).toBe('UNKNOWN_DEPARTMENT');
  });
});
