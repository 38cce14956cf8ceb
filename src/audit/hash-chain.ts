import { createHash } from 'node:crypto';

/** The hash the chain starts from (stored in access_log_head by the first migration). */
export const GENESIS_HASH = createHash('sha256').update('credit-hub access log genesis').digest('hex');

export interface ChainedFields {
  seq: string;
  atMs: number;
  requestId: string;
  principal: string;
  role: string;
  org: string | null;
  enterpriseUscc: string;
  fields: readonly string[];
  purpose: string | null;
  consentIds: readonly string[];
}

/**
 * hash_n = SHA-256(prev_hash ‖ canonical JSON of entry n). Each entry covers the one before it,
 * so altering or removing any row breaks every later link (tamper evidence, as X-Road's message
 * log does with its periodic hash anchors).
 */
export function entryHash(prevHash: string, e: ChainedFields): string {
  const canonical = JSON.stringify([
    e.seq,
    e.atMs,
    e.requestId,
    e.principal,
    e.role,
    e.org,
    e.enterpriseUscc,
    e.fields,
    e.purpose,
    e.consentIds,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
