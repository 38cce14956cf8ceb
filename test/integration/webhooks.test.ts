import { publishEvent } from '@/events';
import { createEnterprise, ORG } from '../helpers/factories';
import { startTestHub } from '../helpers/hub';
import type { TestHub } from '../helpers/hub';
import { WebhookReceiver } from '../helpers/webhook-receiver';

/**
 * Webhooks through the transactional outbox (issue 4 item 4): registered per department, HMAC
 * signed, retried with backoff after a failure, carrying an event id for de-duplication; an event
 * whose transaction rolls back is never sent.
 */
let hub: TestHub;
const receiver = new WebhookReceiver();
const DEPT = 'JS-STHJ';
const REG = { role: 'REGULATOR', org: DEPT } as const;
let uscc: string;

beforeAll(async () => {
  hub = await startTestHub({ env: { HUB_WEBHOOK_DISPATCH: 'true', HUB_WEBHOOK_RETRY_BASE_MS: '150', HUB_WEBHOOK_POLL_MS: '100' } });
  await receiver.start();
  uscc = (await createEnterprise(hub.db.knex)).uscc;
});
afterAll(async () => {
  await hub.sql('update webhook set active = false where url = ?', [receiver.url]);
  await hub.close();
  await receiver.stop();
});

const REGISTER = `mutation($i: RegisterWebhookInput!) { registerWebhook(input: $i) { secret webhook { id department url topics active } } }`;

it('a department registers a webhook and receives the secret once', async () => {
  const res = await hub.gql(REGISTER, { as: REG, variables: { i: { department: DEPT, url: receiver.url, topics: ['TEST_EVENT'] } } });
  expect(res.errors).toBeUndefined();
  receiver.secret = res.data!.registerWebhook.secret;
  expect(receiver.secret.length).toBeGreaterThanOrEqual(40);
  const list = await hub.gql('query($d: String!) { webhooks(department: $d) { url topics active } }', { as: REG, variables: { d: DEPT } });
  expect(list.data!.webhooks).toEqual([{ url: receiver.url, topics: ['TEST_EVENT'], active: true }]);
});

it.each([
  ['another department', { role: 'REGULATOR', org: 'JS-SCJG' }, 'FORBIDDEN'],
  ['a bank', { role: 'BANK', org: ORG.bankA }, 'FORBIDDEN'],
  ['the public', null, 'UNAUTHENTICATED'],
] as const)('%s cannot register a webhook for the department', async (_n, as, code) => {
  const res = await hub.gql(REGISTER, { as: as as any, variables: { i: { department: DEPT, url: receiver.url } } });
  expect(res.errors![0]!.extensions!.code).toBe(code);
});

it('rejects a URL that is not http(s)', async () => {
  const res = await hub.gql(REGISTER, { as: REG, variables: { i: { department: DEPT, url: 'file:///etc/passwd' } } });
  expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
});

it('a committed event is delivered signed; after a 500 it is retried and delivered again with the same event id', async () => {
  receiver.failNext = 1;
  const before = receiver.received.length;
  const { id } = await hub.db.knex.transaction((trx) =>
    publishEvent(trx, { topic: 'TEST_EVENT', audience: DEPT, subjectUscc: uscc, payload: { hello: '世界' } }),
  );
  await receiver.waitFor(() => receiver.processed.has(id));
  const attempts = receiver.received.slice(before).filter((r) => r.eventId === id);
  expect(attempts.map((a) => a.attempt)).toEqual([1, 2]);
  expect(attempts.every((a) => a.signatureValid)).toBe(true);
  expect(attempts[1]!.body).toMatchObject({ id, topic: 'TEST_EVENT', audience: DEPT, subjectUscc: uscc, payload: { hello: '世界' } });
  // The hub records the 204 just after the receiver answered it.
  let row: any;
  for (let i = 0; i < 50; i++) {
    [row] = await hub.sql('select status, attempts, last_status from webhook_delivery where event_id = ?', [id]);
    if (row.status === 'DELIVERED') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(row).toMatchObject({ status: 'DELIVERED', attempts: 2, last_status: 204 });
});

it('an event whose transaction rolls back is never delivered', async () => {
  let id = '';
  await expect(
    hub.db.knex.transaction(async (trx) => {
      id = (await publishEvent(trx, { topic: 'TEST_EVENT', audience: DEPT, subjectUscc: uscc, payload: {} })).id;
      throw new Error('business rule failed');
    }),
  ).rejects.toThrow('business rule failed');
  await new Promise((r) => setTimeout(r, 500));
  expect(receiver.received.some((r) => r.eventId === id)).toBe(false);
  expect(await hub.sql('select 1 from hub_event where id = ?', [id])).toHaveLength(0);
});

it('events for other departments or other topics are not sent to this webhook', async () => {
  const other = await hub.db.knex.transaction((trx) => publishEvent(trx, { topic: 'TEST_EVENT', audience: 'JS-SCJG', subjectUscc: uscc, payload: {} }));
  const topic = await hub.db.knex.transaction((trx) => publishEvent(trx, { topic: 'OTHER_TOPIC', audience: DEPT, subjectUscc: uscc, payload: {} }));
  await new Promise((r) => setTimeout(r, 400));
  expect(receiver.received.some((r) => r.eventId === other.id || r.eventId === topic.id)).toBe(false);
});
