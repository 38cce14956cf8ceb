import type { HubContext } from '@/context';
import { CountedPage, decodeCursor, encodeCursor, pageSize, toPage } from '@/shared/pagination';
import { BadUserInputError } from '@/shared/errors';
import type { AccessLogEntry } from './access-log.types';

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
}

const CURSOR_KIND = 'access-log';

function toEntry(r: Row): AccessLogEntry {
  return {
    subjectUscc: r.enterprise_uscc,
    seq: r.seq,
    at: new Date(Number(r.at_ms)),
    requestId: r.request_id,
    role: r.role,
    organization: r.org,
    principal: r.principal,
    fields: r.fields,
    purpose: r.purpose,
    consentIds: r.consent_ids,
  };
}

export const accessLogService = {
  /** The signed-in enterprise's own entries, newest first (row scope: the viewer's org only). */
  async mine(ctx: HubContext, first: number | null | undefined, after: string | null | undefined) {
    const uscc = ctx.viewer.org!;
    const size = pageSize(first);
    const afterSeq = decodeCursor(CURSOR_KIND, after);
    if (afterSeq !== null && !/^\d{1,19}$/.test(afterSeq)) {
      throw new BadUserInputError('The cursor is not one this list issued', 'after', 'INVALID_CURSOR');
    }
    const res = await ctx.knex.raw<{ rows: Row[] }>(
      `select seq, (extract(epoch from at) * 1000)::bigint as at_ms, request_id, principal, role, org, enterprise_uscc, fields, purpose, consent_ids::text[] as consent_ids
         from access_log where enterprise_uscc = ? ${afterSeq ? 'and seq < ?' : ''}
        order by seq desc limit ?`,
      afterSeq ? [uscc, afterSeq, size + 1] : [uscc, size + 1],
    );
    const page = toPage(res.rows, size, (r) => encodeCursor(CURSOR_KIND, r.seq), toEntry);
    return new CountedPage(page, () =>
      ctx.knex
        .raw<{ rows: { n: string }[] }>('select count(*) as n from access_log where enterprise_uscc = ?', [uscc])
        .then((r) => Number(r.rows[0]!.n)),
    );
  },
};
