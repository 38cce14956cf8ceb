import { createConsent, createCreditRecord, createEnterprises, createFinancingData, ORG } from '../helpers/factories';
import { startTestHub } from '../helpers/hub';
import type { As, TestHub } from '../helpers/hub';

/**
 * N+1 is a bug (DESIGN.md "Non-functional"): a page of 50 enterprises with 10 credit records each
 * costs as many SQL statements as a page of 5 — one batched lateral query for the pages, one for
 * the counts, one for consents, whatever the page size.
 */
let hub: TestHub;
const DISTRICT = '310187'; // only this file's enterprises (other files use 310198, 310199)

const QUERY = `query($first: Int!) { enterprises(first: $first, filter: { districtCode: "${DISTRICT}" }) { edges { node {
  uscc creditRecords(first: 10) { totalCount pageInfo { hasNextPage } edges { node { id kind publicityStatus disputed } } } } } } }`;

beforeAll(async () => {
  hub = await startTestHub();
  const knex = hub.db.knex;
  const enterprises = await createEnterprises(knex, 55, { districtCode: DISTRICT });
  for (const [i, e] of enterprises.entries()) {
    for (let k = 0; k < 3 + (i % 10); k++) {
      await createCreditRecord(knex, {
        enterpriseUscc: e.uscc,
        decisionDate: `2026-0${1 + (k % 9)}-1${k % 10}`,
        severity: k % 3 === 0 ? 'SERIOUS' : 'GENERAL',
        kind: k % 4 === 3 ? 'ADMINISTRATIVE_LICENCE' : 'ADMINISTRATIVE_PENALTY',
      });
    }
  }
  for (const e of enterprises.slice(0, 20)) {
    await createConsent(knex, { enterpriseUscc: e.uscc, grantee: ORG.bankA, scopes: ['CREDIT_RECORDS'] });
  }
});
afterAll(() => hub.close());

describe('credit records per enterprise page: SQL statements do not grow with page size', () => {
  it.each([
    ['PUBLIC', null, undefined],
    ['BANK under consent', { role: 'BANK', org: ORG.bankA } as As, 'LOAN_APPLICATION'],
    ['REGULATOR (protected values, access-logged)', { role: 'REGULATOR', org: ORG.marketRegulator } as As, undefined],
  ])('%s: first 50 costs the same as first 5', async (_name, as, purpose) => {
    const small = await hub.countSql(() => hub.gql(QUERY, { variables: { first: 5 }, as, purpose }));
    const large = await hub.countSql(() => hub.gql(QUERY, { variables: { first: 50 }, as, purpose }));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    expect(small.result.data!.enterprises.edges).toHaveLength(5);
    expect(large.result.data!.enterprises.edges).toHaveLength(50);
    const records = large.result.data!.enterprises.edges.reduce((n: number, e: any) => n + e.node.creditRecords.edges.length, 0);
    expect(records).toBeGreaterThan(100);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(10);
  });
});

it('the default cost limit admits this page of 50 × 10 records and refuses 100 × 100 before any SQL (src/http/query-cost.ts)', async () => {
  const regulator: As = { role: 'REGULATOR', org: ORG.marketRegulator };
  const NESTED = `query($n: Int!, $m: Int!) { enterprises(first: $n, filter: { districtCode: "${DISTRICT}" }) { edges { node {
    uscc creditRecords(first: $m) { edges { node { id kind severity } } } } } } }`;
  const ok = await hub.gql(NESTED, { as: regulator, variables: { n: 50, m: 10 } });
  expect(ok.errors).toBeUndefined();
  const { result, statements } = await hub.countSql(() => hub.gql(NESTED, { as: regulator, variables: { n: 100, m: 100 } }));
  expect(result.status).toBe(400);
  expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COSTLY', maxCost: 100_000 });
  expect(statements).toBe(0);
});

/**
 * Issue 5: the children a client selects come with the enterprise read (enterprise.prefetch.ts).
 * A bank's profile request and a regulator's page are then ONE statement once evaluations are
 * stored — and the answers are those of the per-field loaders (same rows, same policy).
 */
describe('an enterprise read brings the selected children along: one statement', () => {
  const PROFILE = `query($u: String!) { enterprise(uscc: $u) {
    uscc name legalRepresentative { name idNumber phone }
    financingData { taxCreditGrade taxCreditYear socialInsurance { period headcount monthsInArrears } }
    evaluation { score level }
    creditRecords(kinds: [ADMINISTRATIVE_PENALTY], first: 10) { edges { node { id documentNumber decisionDate publicityStatus penalty { fineAmount } } } } } }`;
  const PAGE = `query($first: Int!) { enterprises(first: $first, filter: { districtCode: "${DISTRICT}" }) { edges { node {
    uscc evaluation { level } creditRecords(kinds: [ADMINISTRATIVE_PENALTY], first: 1) { totalCount } } } } }`;
  const bank: As = { role: 'BANK', org: ORG.bankA };
  const regulator: As = { role: 'REGULATOR', org: ORG.marketRegulator };
  let subject: string;

  beforeAll(async () => {
    const [e] = await createEnterprises(hub.db.knex, 1, { districtCode: '310186' });
    subject = e!.uscc;
    await createConsent(hub.db.knex, { enterpriseUscc: subject, grantee: ORG.bankA, scopes: ['CONTACTS', 'FINANCING_DATA', 'EVALUATION', 'CREDIT_RECORDS'] });
    await createFinancingData(hub.db.knex, subject, { category: 'TAX_CREDIT_GRADE', period: '2025', taxCreditGrade: 'A' });
    await createFinancingData(hub.db.knex, subject, { category: 'SOCIAL_INSURANCE', period: '2026-10', headcount: 40, monthsInArrears: 1 });
    for (const d of ['2026-03-01', '2026-06-01']) {
      await createCreditRecord(hub.db.knex, { enterpriseUscc: subject, decisionDate: d, severity: 'GENERAL', fineAmount: '1.250000' });
    }
  });

  it("a bank's profile request under consent: one statement, every part served", async () => {
    // The first read computes and stores the evaluation (its own statements); the second is warm.
    await hub.gql(PROFILE, { variables: { u: subject }, as: bank, purpose: 'LOAN_APPLICATION' });
    const warm = await hub.countSql(() => hub.gql(PROFILE, { variables: { u: subject }, as: bank, purpose: 'LOAN_APPLICATION' }));
    expect(warm.result.errors).toBeUndefined();
    const e = warm.result.data!.enterprise;
    expect(e.legalRepresentative.idNumber).toMatch(/\*/); // masked for a bank
    expect(e.financingData).toEqual({ taxCreditGrade: 'A', taxCreditYear: 2025, socialInsurance: { period: '2026-10', headcount: 40, monthsInArrears: 1 } });
    expect(e.evaluation.level).toMatch(/^[A-D]$/);
    expect(e.creditRecords.edges.map((x: any) => x.node.decisionDate)).toEqual(['2026-06-01', '2026-03-01']);
    expect(e.creditRecords.edges[0].node.penalty.fineAmount).toBe('1.25');
    expect(warm.statements).toBe(1);
  });

  it('the same read without consent: one statement, and every consent-scoped part still denied', async () => {
    const res = await hub.countSql(() => hub.gql(PROFILE, { variables: { u: subject }, as: { role: 'BANK', org: ORG.bankB }, purpose: 'LOAN_APPLICATION' }));
    const e = res.result.data!.enterprise;
    expect(e.legalRepresentative.idNumber).toBeNull();
    expect(e.financingData).toBeNull();
    expect(e.evaluation).toBeNull();
    const denied = res.result.errors!.map((x: any) => x.extensions.coordinate as string);
    expect(denied).toEqual(expect.arrayContaining(['LegalRepresentative.idNumber', 'Enterprise.financingData', 'Enterprise.evaluation']));
    expect(res.statements).toBe(1);
  });

  it("a regulator's page with levels and penalty counts: one statement for 5 or 50", async () => {
    await hub.gql(PAGE, { variables: { first: 50 }, as: regulator });
    const small = await hub.countSql(() => hub.gql(PAGE, { variables: { first: 5 }, as: regulator }));
    const large = await hub.countSql(() => hub.gql(PAGE, { variables: { first: 50 }, as: regulator }));
    expect(large.result.errors).toBeUndefined();
    expect(large.result.data!.enterprises.edges).toHaveLength(50);
    expect(large.result.data!.enterprises.edges.every((x: any) => /^[A-D]$/.test(x.node.evaluation.level))).toBe(true);
    expect(large.result.data!.enterprises.edges.some((x: any) => x.node.creditRecords.totalCount > 0)).toBe(true);
    expect([small.statements, large.statements]).toEqual([1, 1]);
  });
});
