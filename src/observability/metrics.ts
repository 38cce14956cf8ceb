import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Knex } from '@mikro-orm/postgresql';
import type { AccessLogWriter } from '@/audit/access-log.writer';

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

/** Prometheus metrics of one hub instance (its own registry, so tests can run several). */
export function createMetrics(knex: Knex, writer: AccessLogWriter) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'credithub_' });
  const requests = new Counter({
    name: 'credithub_graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok, error, partial)',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'credithub_graphql_request_duration_seconds',
    help: 'GraphQL request latency by operation name',
    labelNames: ['operation'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'credithub_db_pool_connections',
    help: 'Database pool connections by state',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const pool = (knex.client as { pool?: TarnPool }).pool;
      if (!pool) return;
      this.set({ state: 'used' }, pool.numUsed());
      this.set({ state: 'free' }, pool.numFree());
      this.set({ state: 'pending_acquire' }, pool.numPendingAcquires());
      this.set({ state: 'pending_create' }, pool.numPendingCreates());
    },
  });
  new Gauge({
    name: 'credithub_access_log_flushes',
    help: 'Access-log group commits since start',
    registers: [registry],
    collect() {
      this.set(writer.stats.flushes);
    },
  });
  new Gauge({
    name: 'credithub_access_log_entries',
    help: 'Access-log entries written since start',
    registers: [registry],
    collect() {
      this.set(writer.stats.entries);
    },
  });
  const statements = new Counter({
    name: 'credithub_sql_statements_total',
    help: 'SQL statements sent to PostgreSQL',
    registers: [registry],
  });
  (knex.client as { on(event: 'query', listener: () => void): void }).on('query', () => statements.inc());

  // The operation name is the client's to choose: past MAX_OPERATIONS distinct names the rest are
  // counted as "other", so a client cannot grow the registry without bound. Each name's series
  // are looked up once (prom-client hashes and sorts the labels on every call otherwise).
  interface Series { latency: { observe(v: number): void }; outcomes: Map<string, { inc(): void }>; label: string }
  const byOperation = new Map<string, Series>();
  function series(operation: string): Series {
    let s = byOperation.get(operation);
    if (!s) {
      if (byOperation.size >= MAX_OPERATIONS && operation !== OTHER) return series(OTHER);
      s = { latency: latency.labels(operation), outcomes: new Map(), label: operation };
      byOperation.set(operation, s);
    }
    return s;
  }
  /** One GraphQL request answered: its outcome and its latency in seconds. */
  function recordRequest(operation: string, outcome: 'ok' | 'partial' | 'error', seconds: number): void {
    const s = series(operation);
    let counter = s.outcomes.get(outcome);
    if (!counter) s.outcomes.set(outcome, (counter = requests.labels(s.label, outcome)));
    counter.inc();
    s.latency.observe(seconds);
  }
  return { registry, recordRequest };
}

const MAX_OPERATIONS = 200;
const OTHER = 'other';
export type Metrics = ReturnType<typeof createMetrics>;
