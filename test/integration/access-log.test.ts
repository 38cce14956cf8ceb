import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { AccessLogWriter } from '@/audit/access-log.writer';
import { verifyAccessLog } from '@/audit/verify';
import type { EnterpriseSeedRow } from '@/modules/enterprise/enterprise.factory';
import { isEmbeddedTestDatabase, testDatabaseUrl } from '../helpers/env';
import { createConsent, createEnterprise, createEnterprises, ORG } from '../helpers/factories';
import { startTestHub } from '../helpers/hub';
import type { TestHub } from '../helpers/hub';

/**
 * The access log (issue 2 item 6, DESIGN.md "Field-level access"): every protected value served
 * has its entry, committed before the response leaves; concurrent requests share INSERTs but get
 * one row each; the log is append-only in the database and hash-chained.
 */
let hub: TestHub;
let e: EnterpriseSeedRow;
let consentId: string;
const REG = { role: 'REGULATOR', org: ORG.marketRegulator, sub: 'inspector-7' } as const;
const ID_QUERY = 'query($u: String!) { enterprise(uscc: $u) { name legalRepresentative { idNumber phone } } }';

beforeAll(async () => {
  hub = await startTestHub();
  e = await createEnterprise(hub.db.knex);
  consentId = await createConsent(hub.db.knex, { enterpriseUscc: e.uscc, grantee: ORG.bankA, scopes: ['CONTACTS'] });
});
afterAll(() => hub.close());

const rowsFor = (requestId: string) => hub.sql('select *, consent_ids::text[] as consent_ids from access_log where request_id = ? order by seq', [requestId]);

describe('access log entries', () => {
  it('a bank reading under consent gets one entry with principal, org, fields, purpose and the consent id', async () => {
    const res = await hub.gql(ID_QUERY, { variables: { u: e.uscc }, as: { role: 'BANK', org: ORG.bankA, sub: 'loan-officer-1' }, purpose: 'LOAN_APPLICATION' });
    expect(res.errors).toBeUndefined();
    const rows = await rowsFor(res.requestId!);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      principal: 'loan-officer-1',
      role: 'BANK',
      org: ORG.bankA,
      enterprise_uscc: e.uscc,
      fields: ['LegalRepresentative.idNumber', 'LegalRepresentative.phone'],
      purpose: 'LOAN_APPLICATION',
      consent_ids: [consentId],
    });
  });

  it('public fields and denied fields write nothing', async () => {
    const pub = await hub.gql(ID_QUERY, { variables: { u: e.uscc } });
    expect(pub.errors!.every((x) => x.extensions!.code === 'FORBIDDEN')).toBe(true);
    expect(await rowsFor(pub.requestId!)).toHaveLength(0);
    const names = await hub.gql('query($u: String!) { enterprise(uscc: $u) { name } }', { variables: { u: e.uscc }, as: REG });
    expect(await rowsFor(names.requestId!)).toHaveLength(0);
  });

  it('a page read by a regulator writes one entry per enterprise served', async () => {
    const res = await hub.gql('{ enterprises(first: 7) { edges { node { uscc legalRepresentative { idNumber } } } } }', { as: REG });
    const usccs = res.data!.enterprises.edges.map((x: any) => x.node.uscc).sort();
    const rows = await rowsFor(res.requestId!);
    expect(rows.map((r: any) => r.enterprise_uscc).sort()).toEqual(usccs);
    expect(rows.every((r: any) => r.fields.join() === 'LegalRepresentative.idNumber')).toBe(true);
  });

  it('the entry is committed before the response arrives', async () => {
    // No waiting: the very first look after the response must find the row.
    const res = await hub.gql(ID_QUERY, { variables: { u: e.uscc }, as: REG });
    expect(await rowsFor(res.requestId!)).toHaveLength(1);
  });

  it('concurrent requests produce one row each and share INSERTs (group commit)', async () => {
    const targets = await createEnterprises(hub.db.knex, 24);
    const flushesBefore = hub.server.writer.stats.flushes;
    const results = await Promise.all(targets.map((t) => hub.gql(ID_QUERY, { variables: { u: t.uscc }, as: REG })));
    const flushes = hub.server.writer.stats.flushes - flushesBefore;
    for (const [i, r] of results.entries()) {
      expect(r.errors).toBeUndefined();
      const rows = await rowsFor(r.requestId!);
      expect(rows).toHaveLength(1);
      expect(rows[0].enterprise_uscc).toBe(targets[i]!.uscc);
    }
    expect(flushes).toBeGreaterThan(0);
    expect(flushes).toBeLessThan(targets.length);
  });
});

describe('two writers (two hub instances) on one log', () => {
  it('every entry lands exactly once and the chain verifies, through compare-and-set conflicts', async () => {
    // Two writers on one database: each chains its flushes on the head it last saw; the other's
    // commits make that expectation fail and force a re-read and re-chaining.
    const writers = [new AccessLogWriter(hub.db.knex), new AccessLogWriter(hub.db.knex)];
    const tag = `pipe-${Date.now()}`;
    const draft = (w: number, i: number) => ({
      at: new Date(),
      requestId: `${tag}-${w}-${i}`,
      principal: `writer-${w}`,
      role: 'REGULATOR',
      org: ORG.marketRegulator,
      enterpriseUscc: e.uscc,
      fields: ['LegalRepresentative.idNumber'],
      purpose: null,
      consentIds: [],
    });
    const appends: Promise<void>[] = [];
    for (let round = 0; round < 20; round++) {
      for (const [w, writer] of writers.entries()) {
        for (let k = 0; k < 5; k++) appends.push(writer.append([draft(w, round * 5 + k)]));
      }
      await new Promise((r) => setImmediate(r)); // let flushes start between bursts
    }
    await Promise.all(appends);
    await Promise.all(writers.map((w) => w.drain()));
    const rows = await hub.sql('select request_id, count(*)::int as n from access_log where request_id like ? group by request_id', [`${tag}-%`]);
    expect(rows).toHaveLength(200);
    expect(rows.every((r: any) => r.n === 1)).toBe(true);
    expect(writers.reduce((n, w) => n + w.stats.entries, 0)).toBe(200);
    expect(await verifyAccessLog(hub.db.knex)).toMatchObject({ ok: true, problems: [] });
  });
});

describe('append-only and hash-chained', () => {
  it('UPDATE, DELETE and TRUNCATE on the log are refused by the database', async () => {
    await expect(hub.sql("update access_log set purpose = 'X' where seq = (select max(seq) from access_log)")).rejects.toThrow(/append-only/);
    await expect(hub.sql('delete from access_log where seq = (select max(seq) from access_log)')).rejects.toThrow(/append-only/);
    await expect(hub.sql('truncate access_log')).rejects.toThrow(/append-only/);
    await expect(hub.sql('update access_log_head set seq = 0')).rejects.toThrow(/forward/);
  });

  it('audit verification passes on the intact log, and fails when a row is altered or deleted', async () => {
    await hub.gql(ID_QUERY, { variables: { u: e.uscc }, as: REG });
    expect(await verifyAccessLog(hub.db.knex)).toMatchObject({ ok: true, problems: [] });

    const [victim] = await hub.sql('select seq, purpose, principal from access_log order by seq desc limit 1 offset 2');
    // Tampering needs the trigger off (a superuser's privilege); put everything back afterwards.
    await hub.sql('alter table access_log disable trigger access_log_no_update');
    try {
      await hub.sql("update access_log set principal = 'someone-else' where seq = ?", [victim.seq]);
      const altered = await verifyAccessLog(hub.db.knex);
      expect(altered.ok).toBe(false);
      expect(altered.problems.join('\n')).toContain(`seq ${victim.seq}: content does not match its hash`);
      if (!isEmbeddedTestDatabase()) {
        // The operator's command says so too (exit code 1).
        const code = await runAuditVerify();
        expect(code).toBe(1);
      }
      await hub.sql('update access_log set principal = ? where seq = ?', [victim.principal, victim.seq]);
      expect((await verifyAccessLog(hub.db.knex)).ok).toBe(true);

      const [row] = await hub.sql('select * from access_log where seq = ?', [victim.seq]);
      await hub.sql('delete from access_log where seq = ?', [victim.seq]);
      const deleted = await verifyAccessLog(hub.db.knex);
      expect(deleted.ok).toBe(false);
      expect(deleted.problems.join('\n')).toMatch(/missing \(deleted rows\)/);
      await hub.sql(
        `insert into access_log (seq, at, request_id, principal, role, org, enterprise_uscc, fields, purpose, consent_ids, prev_hash, hash)
         values (?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?::uuid[], ?, ?)`,
        [row.seq, row.at, row.request_id, row.principal, row.role, row.org, row.enterprise_uscc, row.fields, row.purpose, row.consent_ids, row.prev_hash, row.hash],
      );
    } finally {
      await hub.sql('alter table access_log enable trigger access_log_no_update');
    }
    expect((await verifyAccessLog(hub.db.knex)).ok).toBe(true);
    if (!isEmbeddedTestDatabase()) expect(await runAuditVerify()).toBe(0);
  });
});

describe('myAccessLog (who queried me)', () => {
  it('an enterprise reads its own entries, newest first, and nobody else\'s', async () => {
    const other = await createEnterprise(hub.db.knex);
    await hub.gql(ID_QUERY, { variables: { u: other.uscc }, as: REG });
    // Other test files read pages of enterprises in parallel, so walk every page of this log.
    const nodes: any[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let page = 0; page < 50; page++) {
      const mine: any = await hub.gql(
        'query($a: String) { myAccessLog(first: 100, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { role organization principal fields purpose consentIds at } } } }',
        { as: { role: 'ENTERPRISE', org: e.uscc }, variables: { a: after } },
      );
      expect(mine.errors).toBeUndefined();
      nodes.push(...mine.data.myAccessLog.edges.map((x: any) => x.node));
      totalCount = mine.data.myAccessLog.totalCount;
      if (!mine.data.myAccessLog.pageInfo.hasNextPage) break;
      after = mine.data.myAccessLog.pageInfo.endCursor;
    }
    expect(nodes.length).toBeGreaterThanOrEqual(3);
    expect(totalCount).toBeGreaterThanOrEqual(nodes.length);
    expect(nodes.some((n: any) => n.role === 'BANK' && n.consentIds.includes(consentId) && n.purpose === 'LOAN_APPLICATION')).toBe(true);
    const others = await hub.sql('select count(*)::int as n from access_log where enterprise_uscc = ?', [other.uscc]);
    expect(others[0].n).toBe(1);
    const otherView = await hub.gql('{ myAccessLog { totalCount } }', { as: { role: 'ENTERPRISE', org: other.uscc } });
    expect(otherView.data!.myAccessLog.totalCount).toBe(1);
  });

  it('pages by cursor', async () => {
    const as = { role: 'ENTERPRISE', org: e.uscc } as const;
    const p1 = await hub.gql('{ myAccessLog(first: 2) { edges { cursor node { seq } } pageInfo { hasNextPage endCursor } } }', { as });
    const p2 = await hub.gql('query($a: String) { myAccessLog(first: 2, after: $a) { edges { node { seq } } } }', { as, variables: { a: p1.data!.myAccessLog.pageInfo.endCursor } });
    const s1 = p1.data!.myAccessLog.edges.map((x: any) => BigInt(x.node.seq));
    const s2 = p2.data!.myAccessLog.edges.map((x: any) => BigInt(x.node.seq));
    expect(p1.data!.myAccessLog.pageInfo.hasNextPage).toBe(true);
    expect(s1[0] > s1[1]).toBe(true);
    expect(s1[1] > s2[0]).toBe(true);
  });

  it.each([
    ['PUBLIC', null, 'UNAUTHENTICATED'],
    ['BANK', { role: 'BANK', org: ORG.bankA }, 'FORBIDDEN'],
    ['REGULATOR', REG, 'FORBIDDEN'],
    ['PLATFORM_ADMIN', { role: 'PLATFORM_ADMIN' }, 'FORBIDDEN'],
  ] as const)('%s may not call myAccessLog', async (_n, as, code) => {
    const res = await hub.gql('{ myAccessLog { totalCount } }', { as: as as any });
    expect(res.data).toBeNull();
    expect(res.errors![0]!.extensions!.code).toBe(code);
  });
});

function runAuditVerify(): Promise<number> {
  return new Promise((resolveExit, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', resolve(__dirname, '../../scripts/audit-verify.ts')], {
      env: { ...process.env, DATABASE_URL: testDatabaseUrl(), NODE_ENV: 'test' },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('exit', (code) => resolveExit(code ?? -1));
  });
}
