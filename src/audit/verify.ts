import type { Knex } from '@mikro-orm/postgresql';
import { entryHash, GENESIS_HASH } from './hash-chain';

export interface VerifyResult {
  ok: boolean;
  entries: number;
  problems: string[];
}

interface Row {
  seq: string;
  at_ms: string;
  request_id: string;
  principal: string;
  role: string;
  org: string | null;
  enterprise_uscc: string;
  fields: string[];
  purpose: string | null;
  consent_ids: string[];
  prev_hash: string;
  hash: string;
}

const BATCH = 5000;

/**
 * Walks the whole access log in seq order and recomputes the chain: a changed row breaks its own
 * hash, a deleted row leaves a gap in seq and a broken prev_hash link, a deleted tail no longer
 * matches access_log_head. Reports the first problems found (at most 20).
 */
export async function verifyAccessLog(knex: Knex): Promise<VerifyResult> {
  // The head is read first: entries committed while we walk lie beyond it and are left for the
  // next run, so a busy hub never looks truncated.
  const head = await knex.raw<{ rows: { seq: string; hash: string }[] }>('select seq, hash from access_log_head where id = 1');
  const h = head.rows[0];
  if (!h) return { ok: false, entries: 0, problems: ['access_log_head is missing'] };
  const headSeq = BigInt(h.seq);
  const problems: string[] = [];
  let prevHash = GENESIS_HASH;
  let prevSeq = 0n;
  let entries = 0;
  for (;;) {
    const res = await knex.raw<{ rows: Row[] }>(
      `select seq, (extract(epoch from at) * 1000)::bigint as at_ms, request_id, principal, role, org, enterprise_uscc,
              fields, purpose, consent_ids::text[] as consent_ids, prev_hash, hash
         from access_log where seq > ? and seq <= ? order by seq limit ?`,
      [prevSeq.toString(), headSeq.toString(), BATCH],
    );
    for (const r of res.rows) {
      entries++;
      const seq = BigInt(r.seq);
      if (seq !== prevSeq + 1n) problems.push(`seq ${prevSeq + 1n}..${seq - 1n} missing (deleted rows)`);
      if (r.prev_hash !== prevHash) problems.push(`seq ${seq}: prev_hash does not match the previous entry`);
      const expected = entryHash(r.prev_hash, {
        seq: r.seq,
        atMs: Number(r.at_ms),
        requestId: r.request_id,
        principal: r.principal,
        role: r.role,
        org: r.org,
        enterpriseUscc: r.enterprise_uscc,
        fields: r.fields,
        purpose: r.purpose,
        consentIds: r.consent_ids,
      });
      if (expected !== r.hash) problems.push(`seq ${seq}: content does not match its hash (altered)`);
      prevHash = r.hash;
      prevSeq = seq;
      if (problems.length >= 20) return { ok: false, entries, problems };
    }
    if (res.rows.length < BATCH) break;
  }
  if (headSeq !== prevSeq || h.hash !== prevHash) {
    problems.push(`the log ends at seq ${prevSeq} but the head says ${h.seq} (rows deleted at the end, or the head altered)`);
  }
  return { ok: problems.length === 0, entries, problems };
}
