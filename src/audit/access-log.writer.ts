import type { Knex } from '@mikro-orm/postgresql';
import { entryHash } from './hash-chain';

export interface AccessLogDraft {
  at: Date;
  requestId: string;
  principal: string;
  role: string;
  org: string | null;
  enterpriseUscc: string;
  fields: string[];
  purpose: string | null;
  consentIds: string[];
}

interface Waiter {
  drafts: AccessLogDraft[];
  resolve: () => void;
  reject: (e: unknown) => void;
}

const ROWS_PER_INSERT = 1000;
const COLUMNS = 12;

/**
 * Group commit for the access log. Requests hand in their entries and wait; one flush at a time
 * writes everything that arrived meanwhile in one transaction (lock the chain head, one INSERT,
 * move the head), then releases every waiter. Concurrent requests therefore share one INSERT, and
 * no response leaves before its entries are committed.
 *
 * Works on a single-connection pool (the embedded database): the flush holds the connection only
 * for its own short transaction and never waits for a second one.
 */
export class AccessLogWriter {
  private pending: Waiter[] = [];
  private flushing: Promise<void> | null = null;
  /** Flush statistics, for metrics and tests. */
  readonly stats = { flushes: 0, entries: 0 };

  constructor(private readonly db: Knex) {}

  append(drafts: AccessLogDraft[]): Promise<void> {
    if (drafts.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ drafts, resolve, reject });
      if (!this.flushing) this.flushing = this.loop();
    });
  }

  /** Resolves when everything handed in so far is committed (graceful shutdown). */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async loop(): Promise<void> {
    while (this.pending.length > 0) {
      // Let the requests that are finishing in this same turn join the batch.
      await new Promise<void>((r) => setImmediate(r));
      const batch = this.pending;
      this.pending = [];
      try {
        await this.write(batch.flatMap((w) => w.drafts));
        this.stats.flushes++;
        this.stats.entries += batch.reduce((n, w) => n + w.drafts.length, 0);
        for (const w of batch) w.resolve();
      } catch (e) {
        for (const w of batch) w.reject(e);
      }
    }
    this.flushing = null;
  }

  private async write(drafts: AccessLogDraft[]): Promise<void> {
    await this.db.transaction(async (trx) => {
      const head = await trx.raw<{ rows: { seq: string; hash: string }[] }>(
        'select seq, hash from access_log_head where id = 1 for update',
      );
      let seq = BigInt(head.rows[0]!.seq);
      let prev = head.rows[0]!.hash;
      const rows: Knex.RawBinding[][] = [];
      for (const d of drafts) {
        seq += 1n;
        const atMs = d.at.getTime();
        const hash = entryHash(prev, {
          seq: seq.toString(),
          atMs,
          requestId: d.requestId,
          principal: d.principal,
          role: d.role,
          org: d.org,
          enterpriseUscc: d.enterpriseUscc,
          fields: d.fields,
          purpose: d.purpose,
          consentIds: d.consentIds,
        });
        rows.push([seq.toString(), atMs, d.requestId, d.principal, d.role, d.org, d.enterpriseUscc, d.fields, d.purpose, d.consentIds, prev, hash]);
        prev = hash;
      }
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        const chunk = rows.slice(i, i + ROWS_PER_INSERT);
        const last = i + ROWS_PER_INSERT >= rows.length;
        const values = chunk
          .map(() => '(?::bigint, to_timestamp(?::double precision / 1000), ?, ?, ?, ?, ?, ?::text[], ?, ?::uuid[], ?, ?)')
          .join(', ');
        const insert = `insert into access_log
            (seq, at, request_id, principal, role, org, enterprise_uscc, fields, purpose, consent_ids, prev_hash, hash)
            values ${values}`;
        const bindings = chunk.flat();
        if (bindings.length !== chunk.length * COLUMNS) throw new Error('access log row shape');
        if (last) {
          // The head moves in the same statement as the final insert: one round trip.
          await trx.raw(
            `with ins as (${insert} returning 1) update access_log_head set seq = ?, hash = ?, updated_at = now() where id = 1`,
            [...bindings, seq.toString(), prev],
          );
        } else {
          await trx.raw(insert, bindings);
        }
      }
    });
  }
}
