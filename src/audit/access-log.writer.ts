import type { Knex } from '@mikro-orm/postgresql';
import { entryHash } from './hash-chain';
import { preparedRaw } from '@/db/prepared';

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

/**
 * Group commit for the access log. Requests hand in their entries and wait; one flush at a time
 * writes everything that arrived meanwhile in ONE statement (move the chain head and insert the
 * entries, see write()), then releases every waiter. Concurrent requests therefore share one
 * INSERT, and no response leaves before its entries are committed.
 *
 * Works on a single-connection pool (the embedded database): the flush holds the connection only
 * for its own short transaction and never waits for a second one.
 */
export class AccessLogWriter {
  private pending: Waiter[] = [];
  private flushing: Promise<void> | null = null;
  /** The chain head as this process last wrote or read it (optimistic: checked by the write). */
  private head: { seq: string; hash: string } | null = null;
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
    // Let the requests that are finishing in this same turn join the first batch. Later batches
    // start as soon as the previous flush is committed: what arrived meanwhile is the batch (a
    // turn of the event loop more would only add to every waiting response's latency).
    await new Promise<void>((r) => setImmediate(r));
    while (this.pending.length > 0) {
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

  /**
   * One statement per flush: move the chain head from the (seq, hash) this process last saw to the
   * new one and insert the entries, atomically (a single autocommitted statement). If another hub
   * instance moved the head meanwhile, nothing is written; the head is re-read and the batch
   * re-chained on top of it.
   */
  private async write(drafts: AccessLogDraft[]): Promise<void> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const head = (this.head ??= await this.readHead());
      let seq = BigInt(head.seq);
      let prev = head.hash;
      const rows: unknown[] = [];
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
        rows.push({ s: seq.toString(), a: atMs, r: d.requestId, p: d.principal, ro: d.role, o: d.org, u: d.enterpriseUscc, f: d.fields, pu: d.purpose, c: d.consentIds, ph: prev, h: hash });
        prev = hash;
      }
      // The entries travel as one JSON document: a page of 50 enterprises logs 50 entries, and
      // twelve parameter arrays cost the driver an escaping pass per element.
      const res = await preparedRaw<{ rowCount: number }>(
        this.db,
        `with moved as (
           update access_log_head set seq = ?, hash = ?, updated_at = now()
            where id = 1 and seq = ? and hash = ? returning 1)
         insert into access_log (seq, at, request_id, principal, role, org, enterprise_uscc, fields, purpose, consent_ids, prev_hash, hash)
         select x.s, to_timestamp(x.a / 1000), x.r, x.p, x.ro, x.o, x.u, x.f, x.pu, x.c, x.ph, x.h
           from json_to_recordset(?::json)
                as x(s bigint, a double precision, r text, p text, ro text, o text, u text, f text[], pu text, c uuid[], ph text, h text)
          where exists (select 1 from moved)`,
        [seq.toString(), prev, head.seq, head.hash, JSON.stringify(rows)],
      );
      if (res.rowCount === drafts.length) {
        this.head = { seq: seq.toString(), hash: prev };
        return;
      }
      this.head = null; // another instance wrote first: re-chain on its head
    }
    throw new Error('access log: could not move the chain head after 20 attempts');
  }

  private async readHead(): Promise<{ seq: string; hash: string }> {
    const res = await this.db.raw<{ rows: { seq: string; hash: string }[] }>('select seq, hash from access_log_head where id = 1');
    return res.rows[0]!;
  }
}
