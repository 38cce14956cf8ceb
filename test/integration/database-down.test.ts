import { ORG } from '../helpers/factories';
import { testDatabaseUrl } from '../helpers/env';
import { startTestHub } from '../helpers/hub';
import type { TestHub } from '../helpers/hub';
import { TcpProxy } from '../helpers/tcp-proxy';

/**
 * With the database unreachable, requests get SERVICE_UNAVAILABLE within 5 s (no 60-second pool
 * wait) and /readyz fails; when it returns, the hub serves again without a restart (issue 2).
 */
let hub: TestHub;
let proxy: TcpProxy;

beforeAll(async () => {
  const target = new URL(testDatabaseUrl());
  proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
  await proxy.up();
  target.host = `127.0.0.1:${proxy.port}`;
  hub = await startTestHub({ databaseUrl: target.toString(), env: { HUB_DB_ACQUIRE_TIMEOUT_MS: '1500' } });
});
afterAll(async () => {
  await proxy.up().catch(() => undefined);
  await hub.close();
  await proxy.down();
});

const QUERY = '{ enterprises(first: 2) { totalCount edges { node { uscc } } } }';
const readyz = async () => (await fetch(hub.url.replace('/graphql', '/readyz'))).status;

it('serves, fails fast while the database is down, and recovers without a restart', async () => {
  expect((await hub.gql(QUERY)).errors).toBeUndefined();
  expect(await readyz()).toBe(200);

  await proxy.down();
  const t0 = Date.now();
  const down = await hub.gql(QUERY, { as: { role: 'REGULATOR', org: ORG.marketRegulator } });
  const elapsed = Date.now() - t0;
  expect(down.errors![0]!.extensions!.code).toBe('SERVICE_UNAVAILABLE');
  expect(down.errors![0]!.message).not.toMatch(/select|enterprise|ECONN/i);
  expect(elapsed).toBeLessThan(5000); // the acceptance bound; the pool gives up after 1.5 s
  expect(await readyz()).toBe(503);
  expect((await fetch(hub.url.replace('/graphql', '/healthz'))).status).toBe(200);

  await proxy.up();
  let ok = false;
  for (let i = 0; i < 20 && !ok; i++) {
    ok = !(await hub.gql(QUERY)).errors;
    if (!ok) await new Promise((r) => setTimeout(r, 250));
  }
  expect(ok).toBe(true);
  expect(await readyz()).toBe(200);
});
