import { ORG } from '../helpers/factories';
import { startTestHub } from '../helpers/hub';
import type { TestHub } from '../helpers/hub';

/** /healthz, /readyz and Prometheus /metrics (issue 2 item 7). */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const base = () => hub.url.replace('/graphql', '');

it('health and readiness answer', async () => {
  expect(await (await fetch(`${base()}/healthz`)).json()).toEqual({ status: 'ok' });
  expect(await (await fetch(`${base()}/readyz`)).json()).toEqual({ status: 'ready' });
});

it('a readiness probe leaves no timer behind (probes come every few seconds, for the life of the process)', async () => {
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  await fetch(`${base()}/readyz`); // the first probe's one-off work (connection, statement) out of the count
  const before = timers();
  for (let i = 0; i < 5; i++) expect((await fetch(`${base()}/readyz`)).status).toBe(200);
  expect(timers()).toBeLessThanOrEqual(before);
});

it('metrics count requests and latency by operation name, and show pool use', async () => {
  await hub.gql('query BankProfile { enterprises(first: 1) { totalCount } }', { as: { role: 'BANK', org: ORG.bankA } });
  await hub.gql('query BankProfile { enterprises(first: 1) { totalCount } }');
  await hub.gql('query Broken { enterprise(uscc: "bad") { name } }');
  const text = await (await fetch(`${base()}/metrics`)).text();
  expect(text).toMatch(/credithub_graphql_requests_total\{operation="BankProfile",outcome="ok"\} 2/);
  expect(text).toMatch(/credithub_graphql_requests_total\{operation="Broken",outcome="error"\} 1/);
  expect(text).toMatch(/credithub_graphql_request_duration_seconds_count\{operation="BankProfile"\} 2/);
  expect(text).toMatch(/credithub_db_pool_connections\{state="used"\} \d+/);
  expect(text).toMatch(/credithub_db_pool_connections\{state="free"\} \d+/);
});

it('a request id is echoed, or generated when absent', async () => {
  const given = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'bank-sys-000123456' },
    body: JSON.stringify({ query: '{ enterprises(first: 1) { totalCount } }' }),
  });
  expect(given.headers.get('x-request-id')).toBe('bank-sys-000123456');
  const generated = await hub.gql('{ enterprises(first: 1) { totalCount } }');
  expect(generated.requestId).toMatch(/^[0-9a-f-]{36}$/);
});
