import { createCommitment, createEnterprises } from '../helpers/factories';
import { startTestHub } from '../helpers/hub';
import type { As, TestHub } from '../helpers/hub';

/**
 * N+1 is a bug (DESIGN.md "Non-functional"): a department's commitment list and
 * `enterprises { commitments }` cost the same number of SQL statements for a page of 50 as for a
 * page of 5 — one statement for the page, one per batched relation (subjects, checks), one for
 * totalCount, whatever the page size.
 */
let hub: TestHub;
const DISTRICT = '310165'; // only this file's enterprises
const SUPERVISING = 'JS-NYNC'; // only this file's commitments are supervised by it
const RECORDING = 'JS-GHZY';
const PUBS = ['PUBLIC', 'LIMITED', 'NOT_PUBLIC'] as const;

/**
 * Statements the request issued: the webhook dispatcher polls the same pool in the background
 * (src/events), and its polls are not the request's.
 */
async function requestSql(fn: () => Promise<any>): Promise<{ result: any; statements: number }> {
  const r = await hub.countSql(fn);
  return { result: r.result, statements: r.sql.filter((q) => !/webhook_delivery/.test(q)).length };
}

const LIST = `query($first: Int!) { commitments(first: $first) { totalCount pageInfo { hasNextPage endCursor }
  edges { node { id number status overdue subject { uscc name } recordingDepartment { name } checks { id } } } } }`;

const ENTERPRISES = `query($first: Int!) { enterprises(first: $first, filter: { districtCode: "${DISTRICT}" }) { edges { node {
  uscc commitments(first: 5) { totalCount pageInfo { hasNextPage } edges { node { id publicationType subject { name } } } } } } } }`;

beforeAll(async () => {
  hub = await startTestHub({ now: () => new Date('2026-12-15T04:00:00Z') });
  const enterprises = await createEnterprises(hub.db.knex, 55, { districtCode: DISTRICT, status: 'ACTIVE' });
  for (const [i, e] of enterprises.entries()) {
    for (let k = 0; k < 1 + (i % 4); k++) {
      await createCommitment(hub.db.knex, {
        enterpriseUscc: e.uscc,
        publicationType: PUBS[(i + k) % 3],
        recordingDepartment: RECORDING,
        supervisingDepartment: SUPERVISING,
        // Some deficiency-tolerant ones are overdue on the hub's clock (listed first).
        type: k === 1 ? 'DEFICIENCY_TOLERANT' : 'APPROVAL_SUBSTITUTE',
        materialDueDate: k === 1 ? '2026-12-01' : null,
      });
    }
  }
});
afterAll(() => hub.close());

describe('commitment lists: SQL statements do not grow with page size', () => {
  it.each([
    ['REGULATOR of the supervising department', { role: 'REGULATOR', org: SUPERVISING } as As],
    ['APPROVER of the recording department', { role: 'APPROVER', org: RECORDING } as As],
    ['PLATFORM_ADMIN', { role: 'PLATFORM_ADMIN' } as As],
  ])("Query.commitments, %s: first 50 costs the same as first 5", async (_name, as) => {
    const small = await requestSql(() => hub.gql(LIST, { variables: { first: 5 }, as }));
    const large = await requestSql(() => hub.gql(LIST, { variables: { first: 50 }, as }));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    expect(small.result.data!.commitments.edges).toHaveLength(5);
    expect(large.result.data!.commitments.edges).toHaveLength(50);
    expect(large.result.data!.commitments.edges[0].node.overdue).toBe(true);
    expect(large.statements).toBe(small.statements);
    // page + count + batched relations, plus the access log's group commit when values are logged
    expect(large.statements).toBeLessThanOrEqual(10);
  });

  it.each([
    ['PUBLIC', null],
    ['REGULATOR of the supervising department (non-public values, access-logged)', { role: 'REGULATOR', org: SUPERVISING } as As],
    ['APPROVER of another department', { role: 'APPROVER', org: 'JS-SWJ' } as As],
  ])('enterprises { commitments }, %s: first 50 costs the same as first 5', async (_name, as) => {
    const small = await requestSql(() => hub.gql(ENTERPRISES, { variables: { first: 5 }, as }));
    const large = await requestSql(() => hub.gql(ENTERPRISES, { variables: { first: 50 }, as }));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    expect(large.result.data!.enterprises.edges).toHaveLength(50);
    const n = large.result.data!.enterprises.edges.reduce((s: number, e: any) => s + e.node.commitments.edges.length, 0);
    expect(n).toBeGreaterThan(30);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(8);
  });
});
