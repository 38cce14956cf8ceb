import { createConsent, createCreditRecord, createEnterprises, ORG } from '../helpers/factories';
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
