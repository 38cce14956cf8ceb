import { createCreditRecord, createEnterprise } from '../helpers/factories';
import { startTestHub } from '../helpers/hub';
import type { TestHub } from '../helpers/hub';

/**
 * 谁认定、谁修复: the department that produced a record handles its objections and repairs, so its
 * approvers see that record whole even outside the publicity window — rows and fields alike — while
 * another department's approvers see only what the public sees.
 */
let hub: TestHub;
let uscc: string;
let expiredId: string;
beforeAll(async () => {
  hub = await startTestHub({ now: () => new Date('2026-11-26T04:00:00Z') });
  uscc = (await createEnterprise(hub.db.knex)).uscc;
  expiredId = (await createCreditRecord(hub.db.knex, { enterpriseUscc: uscc, department: 'JS-SCJG', decisionDate: '2023-01-10', severity: 'GENERAL' })).recordId;
  await createCreditRecord(hub.db.knex, { enterpriseUscc: uscc, department: 'JS-SCJG', decisionDate: '2026-10-10', severity: 'GENERAL' });
});
afterAll(() => hub.close());

const LIST = `query($u: String!) { enterprise(uscc: $u) { creditRecords(first: 20) { totalCount edges { node { id publicityStatus documentNumber penalty { content } } } } } }`;

it('an approver of the producing department sees its expired record with its content; the access log records it', async () => {
  const res = await hub.gql(LIST, { as: { role: 'APPROVER', org: 'JS-SCJG' }, variables: { u: uscc } });
  expect(res.errors).toBeUndefined();
  const nodes = res.data!.enterprise.creditRecords.edges.map((e: any) => e.node);
  expect(nodes).toHaveLength(2);
  const expired = nodes.find((n: any) => n.id === expiredId);
  expect(expired).toMatchObject({ publicityStatus: 'EXPIRED', penalty: { content: '警告' } });
  const [entry] = await hub.sql('select fields from access_log where request_id = ?', [res.requestId]);
  expect(entry.fields).toContain('CreditRecord.documentNumber');
});

it("another department's approver sees only the record inside its window, like the public", async () => {
  const res = await hub.gql(LIST, { as: { role: 'APPROVER', org: 'JS-SWJ' }, variables: { u: uscc } });
  expect(res.errors).toBeUndefined();
  const nodes = res.data!.enterprise.creditRecords.edges.map((e: any) => e.node);
  expect(nodes.map((n: any) => n.publicityStatus)).toEqual(['IN_WINDOW']);
  expect(res.data!.enterprise.creditRecords.totalCount).toBe(1);
});
