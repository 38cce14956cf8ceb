/**
 * The raw baseline of `npm run bench`: node `http` + a `pg` pool and hand-written SQL giving the
 * same answers as the hub for the two benchmark workloads — with the same JWT check, the same
 * consent check and the same hash-chained access-log insert (group-committed). No GraphQL, no
 * ORM, no policy engine: the physical limit for this work on this machine.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { jwtVerify } from 'jose';
import { Pool } from 'pg';
import type { PoolClient } from 'pg';
import { pgConnectionFromUrl } from '@/config/database-url';
import { maskIdNumber, maskPhone } from '@/shared/id-card';

const conn = pgConnectionFromUrl(process.env.DATABASE_URL!);
const pool = new Pool({ host: conn.host, port: conn.port, user: conn.user, password: conn.password, database: conn.database, max: Number(process.env.RAW_POOL_MAX ?? 10), options: '-c plan_cache_mode=force_generic_plan -c jit=off' });
const key = new TextEncoder().encode(process.env.HUB_JWT_SECRET!);
const tokens = new Map<string, { role: string; org: string | null; sub: string }>();
let statements = 0;
const names = new Map<string, string>();
let requests = 0;

async function q<R>(c: PoolClient | Pool, text: string, params: unknown[]): Promise<R[]> {
  statements++;
  // Named prepared statements: planned once per connection, as the hub's are (src/db/prepared.ts).
  let name = names.get(text);
  if (!name && params.length) names.set(text, (name = `raw${names.size}`));
  return (await c.query({ name, text, values: params })).rows as R[];
}

// ── access log: the same chain, group-committed ───────────────────────────────────────────────
interface Entry { at: Date; requestId: string; principal: string; role: string; org: string | null; uscc: string; fields: string[]; purpose: string | null; consentIds: string[] }
let pending: { e: Entry[]; done: (err?: unknown) => void }[] = [];
let flushing = false;
function hashOf(prev: string, seq: string, e: Entry): string {
  const canonical = JSON.stringify([seq, e.at.getTime(), e.requestId, e.principal, e.role, e.org, e.uscc, e.fields, e.purpose, e.consentIds]);
  return createHash('sha256').update(prev).update('\n').update(canonical).digest('hex');
}
async function flush(): Promise<void> {
  flushing = true;
  while (pending.length) {
    await new Promise((r) => setImmediate(r));
    const batch = pending;
    pending = [];
    const entries = batch.flatMap((b) => b.e);
    const c = await pool.connect();
    try {
      await q(c, 'begin', []);
      const [head] = await q<{ seq: string; hash: string }>(c, 'select seq, hash from access_log_head where id = 1 for update', []);
      let seq = BigInt(head!.seq);
      let prev = head!.hash;
      const cols: unknown[][] = Array.from({ length: 12 }, () => []);
      for (const e of entries) {
        seq += 1n;
        const h = hashOf(prev, seq.toString(), e);
        [seq.toString(), e.at.getTime(), e.requestId, e.principal, e.role, e.org, e.uscc, `{${e.fields.join(',')}}`, e.purpose, `{${e.consentIds.join(',')}}`, prev, h].forEach((v, i) => cols[i]!.push(v));
        prev = h;
      }
      await q(c,
        `with ins as (insert into access_log (seq, at, request_id, principal, role, org, enterprise_uscc, fields, purpose, consent_ids, prev_hash, hash)
           select s, to_timestamp(a::double precision / 1000), r, p, ro, o, u, f::text[], pu, ci::uuid[], ph, h
             from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
                  as x(s, a, r, p, ro, o, u, f, pu, ci, ph, h) returning 1)
         update access_log_head set seq = $13, hash = $14, updated_at = now() where id = 1`,
        [...cols, seq.toString(), prev]);
      await q(c, 'commit', []);
      for (const b of batch) b.done();
    } catch (err) {
      await c.query('rollback').catch(() => undefined);
      for (const b of batch) b.done(err);
    } finally {
      c.release();
    }
  }
  flushing = false;
}
function log(e: Entry[]): Promise<void> {
  if (!e.length) return Promise.resolve();
  return new Promise((resolve, reject) => {
    pending.push({ e, done: (err) => (err ? reject(err) : resolve()) });
    if (!flushing) void flush();
  });
}

// ── workloads ─────────────────────────────────────────────────────────────────────────────────
const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
function displayAmount(v: string | null): string | null {
  if (v === null) return null;
  const [i, f = ''] = v.split('.');
  return `${i}.${f.replace(/0+$/, '').padEnd(2, '0')}`;
}
function status(r: { publication: string; publicity_end_date: string | null; repaired_at: string | null }, today: string): string {
  if (r.repaired_at) return 'REPAIRED';
  if (r.publication === 'NEVER') return 'NOT_PUBLISHED';
  if (r.publication === 'ALWAYS') return 'PUBLISHED';
  return today < r.publicity_end_date! ? 'IN_WINDOW' : 'EXPIRED';
}

async function q1(uscc: string, who: { role: string; org: string | null; sub: string }, purpose: string | null, requestId: string) {
  const today = beijingToday();
  const [row] = await q<any>(pool,
    `with c as (select id, scopes from consent where grantee_org = $1 and enterprise_uscc = $2 and purpose = $3
                  and revoked_at is null and valid_from <= now() and valid_until > now() order by created_at desc)
     select e.uscc, e.name, e.industry_code, e.district_code, to_char(e.established_on, 'YYYY-MM-DD') as established_on, e.status,
            e.registered_capital, e.address, e.lr_name, e.lr_id_number, e.lr_phone,
            (select json_agg(json_build_object('id', id, 'scopes', scopes)) from c) as consents,
            (select json_agg(f) from (select category, period, tax_credit_grade, headcount, months_in_arrears from financing_data
                where enterprise_uscc = $2 and superseded_at is null and category in ('TAX_CREDIT_GRADE','SOCIAL_INSURANCE')
                order by category, period desc, received_at desc) f) as fin,
            (select json_build_object('score', score, 'level', level) from credit_evaluation where enterprise_uscc = $2) as ev,
            (select json_agg(r) from (
               select record_id, document_number, to_char(decision_date, 'YYYY-MM-DD') as decision_date, severity, publication,
                      to_char(publicity_end_date, 'YYYY-MM-DD') as publicity_end_date, repaired_at, details->>'violationType' as vt, fine_amount::text
                 from credit_record r
                where enterprise_uscc = $2 and superseded_at is null and kind = 'ADMINISTRATIVE_PENALTY'
                  and ((publication = 'ALWAYS' or (publication = 'WINDOW' and repaired_at is null and publicity_end_date > $4::date))
                       or (repaired_at is null and exists (select 1 from c where 'CREDIT_RECORDS' = any (c.scopes))))
                order by decision_date desc, record_id desc limit 10) r) as recs
       from enterprise e where e.uscc = $2`,
    [who.org, uscc, purpose, today]);
  if (!row) return { data: { enterprise: null } };
  const consentFor = (scope: string) => (row.consents ?? []).find((c: any) => c.scopes.includes(scope))?.id ?? null;
  const contacts = consentFor('CONTACTS');
  const fin = consentFor('FINANCING_DATA');
  const ev = consentFor('EVALUATION');
  const recs = consentFor('CREDIT_RECORDS');
  const fields: string[] = [];
  const ids = new Set<string>();
  const use = (coord: string, id: string | null) => { if (id) { fields.push(coord); ids.add(id); } };
  use('LegalRepresentative.idNumber', contacts);
  use('LegalRepresentative.phone', contacts);
  const tax = (row.fin ?? []).filter((f: any) => f.category === 'TAX_CREDIT_GRADE');
  const si = (row.fin ?? []).find((f: any) => f.category === 'SOCIAL_INSURANCE');
  const financingData = row.fin && fin ? {
    taxCreditGrade: tax[0]?.tax_credit_grade ?? null,
    taxCreditYear: tax[0] ? Number(tax[0].period) : null,
    socialInsurance: si ? { period: si.period, headcount: si.headcount ?? 0, monthsInArrears: si.months_in_arrears ?? 0 } : null,
  } : null;
  if (financingData) {
    if (financingData.taxCreditGrade !== null) use('FinancingData.taxCreditGrade', fin);
    if (financingData.taxCreditYear !== null) use('FinancingData.taxCreditYear', fin);
    if (financingData.socialInsurance) use('FinancingData.socialInsurance', fin);
  }
  if (row.ev && ev) { use('CreditEvaluation.level', ev); use('CreditEvaluation.score', ev); }
  const edges = (row.recs ?? []).map((r: any) => {
    const st = status(r, today);
    if (st !== 'PUBLISHED' && st !== 'IN_WINDOW') for (const c of ['CreditRecord.decisionDate', 'CreditRecord.documentNumber', 'CreditRecord.id', 'CreditRecord.penalty', 'CreditRecord.publicityStatus', 'CreditRecord.severity']) use(c, recs);
    return { node: { id: r.record_id, documentNumber: r.document_number, decisionDate: r.decision_date, severity: r.severity, publicityStatus: st,
      penalty: { violationType: r.vt ?? '', fineAmount: displayAmount(r.fine_amount) } } };
  });
  await log([{ at: new Date(), requestId, principal: who.sub, role: who.role, org: who.org, uscc, fields: [...new Set(fields)].sort(), purpose, consentIds: [...ids].sort() }].filter((e) => e.fields.length));
  return {
    data: {
      enterprise: {
        uscc: row.uscc, name: row.name, industryCode: row.industry_code, districtCode: row.district_code, establishedOn: row.established_on,
        status: row.status, registeredCapital: row.registered_capital, address: row.address,
        legalRepresentative: { name: row.lr_name, idNumber: contacts && row.lr_id_number ? maskIdNumber(row.lr_id_number) : null, phone: contacts && row.lr_phone ? maskPhone(row.lr_phone) : null },
        financingData,
        evaluation: row.ev && ev ? { score: row.ev.score, level: row.ev.level } : null,
        creditRecords: { edges },
      },
    },
  };
}

const cursorOf = (uscc: string) => Buffer.from(`enterprise:${uscc}`).toString('base64url');
async function q2(industry: string, after: string | null, who: { role: string; org: string | null; sub: string }, requestId: string) {
  const afterKey = after ? Buffer.from(after, 'base64url').toString().slice('enterprise:'.length) : '';
  const rows = await q<any>(pool,
    `select e.uscc, e.name, ev.level,
            (select count(*)::int from credit_record r where r.enterprise_uscc = e.uscc and r.superseded_at is null and r.kind = 'ADMINISTRATIVE_PENALTY') as penalties
       from enterprise e left join credit_evaluation ev on ev.enterprise_uscc = e.uscc
      where e.industry_code = $1 and e.uscc > $2 order by e.uscc limit 51`,
    [industry, afterKey]);
  const page = rows.slice(0, 50);
  const at = new Date();
  await log(page.filter((r) => r.level).map((r) => ({ at, requestId, principal: who.sub, role: who.role, org: who.org, uscc: r.uscc, fields: ['CreditEvaluation.level'], purpose: null, consentIds: [] })));
  return {
    data: {
      enterprises: {
        edges: page.map((r) => ({ cursor: cursorOf(r.uscc), node: { uscc: r.uscc, name: r.name, evaluation: r.level ? { level: r.level.trim() } : null, creditRecords: { totalCount: r.penalties } } })),
        pageInfo: { hasNextPage: rows.length > 50, endCursor: page.length ? cursorOf(page[page.length - 1].uscc) : null },
      },
    },
  };
}

let seq = 0;
const server = http.createServer((req, res) => {
  if (req.url === '/stats') {
    res.end(JSON.stringify({ statements, requests }));
    return;
  }
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    void (async () => {
      try {
        requests++;
        const auth = req.headers.authorization!.slice(7);
        let who = tokens.get(auth);
        if (!who) {
          const { payload } = await jwtVerify(auth, key, { algorithms: ['HS256'] });
          who = { role: String(payload.role), org: (payload.org as string) ?? null, sub: String(payload.sub) };
          tokens.set(auth, who);
        }
        const { operationName, variables } = JSON.parse(body) as { operationName: string; variables: Record<string, string | null> };
        const requestId = `raw-${process.pid}-${++seq}`;
        const purpose = (req.headers['x-hub-purpose'] as string | undefined) ?? null;
        const out = operationName === 'Q1' ? await q1(variables.u!, who, purpose, requestId) : await q2(variables.industry ?? 'C', variables.after ?? null, who, requestId);
        const json = JSON.stringify(out);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
        res.end(json);
      } catch (e) {
        res.writeHead(500).end(JSON.stringify({ errors: [{ message: String(e) }] }));
      }
    })();
  });
});
server.listen(Number(process.env.PORT ?? 4700), '127.0.0.1', () => process.stdout.write(`raw baseline listening on ${process.env.PORT ?? 4700}\n`));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
