import { EventEmitter } from 'node:events';
import type { Knex } from '@mikro-orm/postgresql';
import type { AccessLogWriter } from '@/audit/access-log.writer';
import { createMetrics } from '@/observability/metrics';

/** The request series of /metrics (the integration test covers the endpoint itself). */
function metrics() {
  const knex = { client: new EventEmitter() } as unknown as Knex;
  const writer = { stats: { flushes: 0, entries: 0 } } as unknown as AccessLogWriter;
  return createMetrics(knex, writer);
}

it('counts requests and latency per operation name and outcome', async () => {
  const m = metrics();
  m.recordRequest('BankProfile', 'ok', 0.004);
  m.recordRequest('BankProfile', 'ok', 0.03);
  m.recordRequest('BankProfile', 'partial', 0.01);
  const text = await m.registry.metrics();
  expect(text).toMatch(/credithub_graphql_requests_total\{operation="BankProfile",outcome="ok"\} 2\n/);
  expect(text).toMatch(/credithub_graphql_requests_total\{operation="BankProfile",outcome="partial"\} 1\n/);
  expect(text).toMatch(/credithub_graphql_request_duration_seconds_bucket\{le="0.005",operation="BankProfile"\} 1\n/);
  expect(text).toMatch(/credithub_graphql_request_duration_seconds_count\{operation="BankProfile"\} 3\n/);
});

it('client-chosen operation names cannot grow the registry without bound: past 200 they count as "other"', async () => {
  const m = metrics();
  for (let i = 0; i < 250; i++) m.recordRequest(`Op${i}`, 'ok', 0.001);
  m.recordRequest('Op0', 'error', 0.001); // a name already known keeps its own series
  const text = await m.registry.metrics();
  const names = new Set([...text.matchAll(/credithub_graphql_requests_total\{operation="([^"]+)"/g)].map((x) => x[1]));
  expect(names.size).toBe(201);
  expect(names.has('Op199')).toBe(true);
  expect(names.has('Op200')).toBe(false);
  expect(text).toMatch(/credithub_graphql_requests_total\{operation="other",outcome="ok"\} 50\n/);
  expect(text).toMatch(/credithub_graphql_requests_total\{operation="Op0",outcome="error"\} 1\n/);
  expect(text).toMatch(/credithub_graphql_request_duration_seconds_count\{operation="other"\} 50\n/);
});
