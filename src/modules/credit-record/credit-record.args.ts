import { decodeCursor, pageSize } from '@/shared/pagination';
import { invalidCursor } from './credit-record.errors';
import type { RecordListArgs } from './credit-record.loaders';

export const CURSOR_KIND = 'creditRecord';
const CURSOR_KEY =
  /^(\d{4}-\d{2}-\d{2})\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

function parseAfter(
  after: string | null | undefined,
): { decisionDate: string; recordId: string } | null {
  const key = decodeCursor(CURSOR_KIND, after);
  if (key === null) return null;
  const m = CURSOR_KEY.exec(key);
  if (!m) throw invalidCursor();
  return { decisionDate: m[1]!, recordId: m[2]! };
}

/**
 * `Enterprise.creditRecords(kinds, first, after)` as the loaders key them: kinds deduplicated and
 * sorted (so equal lists share a loader), the page size checked, the cursor decoded. Throws
 * BAD_USER_INPUT on a bad size or cursor.
 */
export function recordListArgs(
  kinds: readonly string[] | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): RecordListArgs {
  return {
    kinds: kinds && kinds.length ? [...new Set(kinds)].sort() : null,
    size: pageSize(first),
    after: parseAfter(after),
  };
}
