import 'reflect-metadata';
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { signDevToken } from '@/identity/jwt';
import { fail, parseArgs } from './cli';

/**
 * `npm run bench -- [--duration 20] [--rounds 4] [--warmup 5] [--connections 32] [--pool N]` (DATABASE_URL: a database
 * seeded with `npm run seed -- --enterprises 100000 --records 1000000`).
 *
 * In one run on one database: starts the raw baseline (scripts/bench/raw-server.ts) and the hub,
 * checks they give the same answers, loads them in turns with autocannon after a warm-up, and prints per
 * workload requests/s, p50, p99, the hub/raw ratio, SQL statements per request (counted by each
 * server) and the hub's peak RSS — as Markdown and JSON in bench-results/.
 */
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const BANK = 'BANK-ICBC-JS';
const REGULATOR_ORG = 'JS-SCJG';
const INDUSTRY = 'C';
/** Issue 5: a cursor page deep in the list must be as fast as the first. */
const DEEP_PAGE = 1000;
const DEPTH_SAMPLES = 200;
const POOL_CANDIDATES = [2, 4, 10];
const CALIBRATION_ROUNDS = 3;

const Q1 = `query Q1($u: String!) { enterprise(uscc: $u) {
  uscc name industryCode districtCode establishedOn status registeredCapital address
  legalRepresentative { name idNumber phone }
  financingData { taxCreditGrade taxCreditYear socialInsurance { period headcount monthsInArrears } }
  evaluation { score level }
  creditRecords(kinds: [ADMINISTRATIVE_PENALTY], first: 10) {
    edges { node { id documentNumber decisionDate severity publicityStatus penalty { violationType fineAmount } } } } } }`;
const Q2 = `query Q2($industry: String!, $after: String) { enterprises(filter: { industryCode: $industry }, first: 50, after: $after) {
  edges { cursor node { uscc name evaluation { level } creditRecords(kinds: [ADMINISTRATIVE_PENALTY], first: 1) { totalCount } } }
  pageInfo { hasNextPage endCursor } } }`;

interface Server { name: 'raw' | 'hub'; url: string; proc: ChildProcess; stats(): Promise<{ statements: number; requests: number }> }

/** The node flags of `npm start` (heap limits), so the hub is measured as it is run. */
function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(resolve(__dirname, '../package.json'), 'utf8')) as { scripts: Record<string, string> };
  return pkg.scripts.start!.split(/\s+/).filter((a) => /^--max-[a-z-]+=\d+$/.test(a));
}

function start(name: 'raw' | 'hub', port: number, env: Record<string, string>): Promise<Server> {
  // The hub runs as `npm start` does: the compiled build with its heap limits.
  const argv = name === 'raw' ? ['-r', '@swc-node/register', 'scripts/bench/raw-server.ts'] : [...startFlags(), 'dist/src/main.js'];
  const proc = spawn(process.execPath, argv, {
    cwd: resolve(__dirname, '..'),
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const base = `http://127.0.0.1:${port}`;
  const stats = async () => {
    if (name === 'raw') return (await (await fetch(`${base}/stats`)).json()) as { statements: number; requests: number };
    const text = await (await fetch(`${base}/metrics`)).text();
    const statements = Number(/^credithub_sql_statements_total (\d+)/m.exec(text)?.[1] ?? 0);
    const requests = [...text.matchAll(/^credithub_graphql_requests_total\{[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
    return { statements, requests };
  };
  return new Promise((resolveStart, reject) => {
    const t = setInterval(() => {
      if (proc.exitCode !== null) {
        clearInterval(t);
        reject(new Error(`${name} exited:\n${out}`));
        return;
      }
      fetch(`${base}${name === 'raw' ? '/stats' : '/readyz'}`).then(
        (r) => {
          if (r.ok && proc.exitCode === null) {
            clearInterval(t);
            resolveStart({ name, url: `${base}/graphql`, proc, stats });
          }
        },
        () => undefined,
      );
    }, 200);
  });
}

/** Stops a server and waits for it to exit (its port is free again). */
function stop(s: Server): Promise<void> {
  return new Promise((done) => {
    if (s.proc.exitCode !== null) return done();
    s.proc.once('exit', () => done());
    s.proc.kill('SIGTERM');
  });
}

function peakRssMb(pid: number): { peak: number; now: number } {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0) / 1024;
  return { peak: Math.round(kb('VmHWM')), now: Math.round(kb('VmRSS')) };
}

async function post(url: string, token: string, purpose: string | null, body: unknown) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(purpose ? { 'x-hub-purpose': purpose } : {}) }, body: JSON.stringify(body) });
  return (await res.json()) as { data?: unknown; errors?: unknown[] };
}

interface Load { rps: number; p50: number; p99: number; requests: number; errors: number; non2xx: number; statementsPerRequest: number }

/** One load round: requests served, seconds, every response time (ms), errors, SQL statements counted by the server. */
interface Round { requests: number; seconds: number; latencies: number[]; errors: number; non2xx: number; statements: number; served: number }

/** `amount`: send that many requests (each body once when it equals bodies.length) instead of loading for `seconds`. */
async function round(s: Server, token: string, purpose: string | null, bodies: string[], seconds: number, connections: number, amount?: number): Promise<Round> {
  const before = await s.stats();
  let i = 0;
  const latencies: number[] = [];
  const r = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(
      {
        url: s.url,
        connections,
        ...(amount ? { amount } : { duration: seconds }),
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(purpose ? { 'x-hub-purpose': purpose } : {}) },
        requests: [{ setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
      },
      (err: Error | null, result) => (err ? fail(err) : done(result)),
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  const after = await s.stats();
  return {
    requests: r.requests.total,
    seconds: r.duration,
    latencies,
    errors: r.errors,
    non2xx: r.non2xx,
    statements: after.statements - before.statements,
    served: after.requests - before.requests,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! * 100) / 100 : NaN;
}

/** Rounds of one server pooled: requests/s over their total time, percentiles over every response. */
function pooled(rounds: Round[]): Load {
  const all = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const sum = (f: (r: Round) => number) => rounds.reduce((n, r) => n + f(r), 0);
  const served = sum((r) => r.served);
  return {
    rps: Math.round(sum((r) => r.requests) / sum((r) => r.seconds)),
    p50: percentile(all, 0.5),
    p99: percentile(all, 0.99),
    requests: sum((r) => r.requests),
    errors: sum((r) => r.errors),
    non2xx: sum((r) => r.non2xx),
    statementsPerRequest: served ? Math.round((sum((r) => r.statements) / served) * 100) / 100 : NaN,
  };
}

async function load(s: Server, token: string, purpose: string | null, bodies: string[], seconds: number, connections: number): Promise<Load> {
  return pooled([await round(s, token, purpose, bodies, seconds, connections)]);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const duration = Number(args.duration ?? 20);
  const warmup = Number(args.warmup ?? 5);
  const connections = Number(args.connections ?? 32);
  // The two servers take turns (raw, hub, raw, hub …) so that a slow spell of this shared machine
  // falls on both, not on whichever happened to run then; each gets `duration` seconds in all.
  const rounds = Math.max(1, Number(args.rounds ?? 4));
  const fixedPool = args.pool === undefined ? null : Number(args.pool);
  if (fixedPool !== null && (!Number.isInteger(fixedPool) || fixedPool < 1 || fixedPool > 200)) fail('--pool must be a whole number of connections from 1 to 200');
  const dbUrl = process.env.DATABASE_URL;
  if (!dbUrl) fail('npm run bench needs DATABASE_URL (a database seeded with npm run seed -- --enterprises 100000 --records 1000000)');

  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  const usccs = (await db.query<{ enterprise_uscc: string }>(
    `select enterprise_uscc from consent where grantee_org = $1 and revoked_at is null and valid_until > now() order by enterprise_uscc limit 10000`, [BANK])).rows.map((r) => r.enterprise_uscc);
  const counts = (await db.query<{ e: string; r: string }>('select (select count(*) from enterprise) as e, (select count(*) from credit_record) as r')).rows[0]!;
  // Cursors of the first 200 pages of the industry, so every Q2 request is a real next-page call.
  const pageKeys = (await db.query<{ uscc: string }>(
    `select uscc from (select uscc, row_number() over (order by uscc) as n from enterprise where industry_code = $1) x where n % 50 = 0 and n <= 10000 order by uscc`, [INDUSTRY])).rows;
  const cursors: (string | null)[] = [null, ...pageKeys.map((r) => Buffer.from(`enterprise:${r.uscc}`).toString('base64url'))];
  // Cursor depth: the cursor that opens page DEEP_PAGE (or the deepest page the industry has).
  const industrySize = Number((await db.query<{ n: string }>('select count(*) as n from enterprise where industry_code = $1', [INDUSTRY])).rows[0]!.n);
  const deepPage = Math.max(2, Math.min(DEEP_PAGE, Math.floor((industrySize - 1) / 50) + 1));
  const deepKey = (await db.query<{ uscc: string }>('select uscc from enterprise where industry_code = $1 order by uscc offset $2 limit 1', [INDUSTRY, (deepPage - 1) * 50 - 1])).rows[0]!.uscc;
  const deepCursor = Buffer.from(`enterprise:${deepKey}`).toString('base64url');
  await db.end();
  if (usccs.length < 100) fail(`only ${usccs.length} enterprises have a consent for ${BANK}: seed with --records to create them`);

  execFileSync(process.execPath, ['-r', '@swc-node/register', 'scripts/build.ts'], { cwd: resolve(__dirname, '..'), stdio: 'inherit' });
  const base = { DATABASE_URL: dbUrl, HUB_JWT_SECRET: SECRET, NODE_ENV: 'production', HUB_LOG_LEVEL: 'warn', HUB_SEED_DEMO: 'false' };
  const bankToken = await signDevToken(SECRET, { role: 'BANK', org: BANK, sub: 'bench-bank' }, '2h');
  const regToken = await signDevToken(SECRET, { role: 'REGULATOR', org: REGULATOR_ORG, sub: 'bench-regulator' }, '2h');
  const q1Bodies = usccs.map((u) => JSON.stringify({ operationName: 'Q1', query: Q1, variables: { u } }));
  const q2Bodies = cursors.map((after) => JSON.stringify({ operationName: 'Q2', query: Q2, variables: { industry: INDUSTRY, after } }));

  // Connection pool size: the raw baseline's best on this machine, and the same for the hub. On a
  // 2-core database host more connections than cores only make the backends contend (measured in
  // A/B runs: the raw baseline served 1.25 × as many profile reads with 4 connections as with 10,
  // the hub 1.10 ×). `--pool N` fixes the size instead.
  let pool = fixedPool ?? 0;
  const tried: string[] = [];
  if (fixedPool === null) {
    // One raw server per candidate, loaded in turns like the measured rounds, so that a slow spell
    // of the machine does not decide the size.
    const probes = await Promise.all(POOL_CANDIDATES.map((size, k) => start('raw', 4710 + k, { ...base, RAW_POOL_MAX: String(size) })));
    try {
      const served = POOL_CANDIDATES.map(() => 0);
      for (const probe of probes) await load(probe, bankToken, 'LOAN_APPLICATION', q1Bodies, 2, connections);
      for (let k = 0; k < CALIBRATION_ROUNDS; k++) {
        for (const [j, probe] of probes.entries()) served[j] += (await round(probe, bankToken, 'LOAN_APPLICATION', q1Bodies, 3, connections)).requests;
      }
      let best = -1;
      for (const [j, size] of POOL_CANDIDATES.entries()) {
        const rps = Math.round(served[j]! / (3 * CALIBRATION_ROUNDS));
        tried.push(`${size}: ${rps}/s`);
        if (rps > best) [best, pool] = [rps, size];
      }
    } finally {
      await Promise.all(probes.map(stop));
    }
    process.stdout.write(`pool size: raw Q1 with ${tried.join(', ')} → ${pool} for both servers\n`);
  }
  const env = { ...base, HUB_DB_POOL_MAX: String(pool), RAW_POOL_MAX: String(pool) };
  const raw = await start('raw', 4701, env);
  const hub = await start('hub', 4702, env);

  try {
    // Prime: the hub computes (and stores) evaluations on first read; both then read the same rows.
    // Every profile and page once, however long that takes on a fresh 1M database; the warm-ups
    // below then run on both servers.
    process.stdout.write(`priming: ${usccs.length} profiles and ${cursors.length} pages through the hub\n`);
    await round(hub, bankToken, 'LOAN_APPLICATION', q1Bodies, 0, connections, q1Bodies.length);
    await round(hub, regToken, null, q2Bodies, 0, connections, q2Bodies.length);

    // Same answers, checked on a sample.
    for (const [i, body] of [...q1Bodies.slice(0, 20).map((b) => ['Q1', b]), ...q2Bodies.slice(0, 5).map((b) => ['Q2', b])].entries()) {
      const [wl, b] = body as [string, string];
      const token = wl === 'Q1' ? bankToken : regToken;
      const purpose = wl === 'Q1' ? 'LOAN_APPLICATION' : null;
      const [a, h] = await Promise.all([post(raw.url, token, purpose, JSON.parse(b)), post(hub.url, token, purpose, JSON.parse(b))]);
      if (JSON.stringify(a.data) !== JSON.stringify(h.data) || h.errors) {
        throw new Error(`raw and hub disagree on ${wl} #${i}:\nraw ${JSON.stringify(a).slice(0, 1500)}\nhub ${JSON.stringify(h).slice(0, 1500)}`);
      }
    }
    process.stdout.write('raw and hub give the same answers on the sample\n');

    const results: Record<string, { raw: Load; hub: Load; ratio: number; p99Ratio: number; roundRatios: number[]; hubPeakRssMb?: number }> = {};
    for (const [wl, token, purpose, bodies] of [['Q1', bankToken, 'LOAN_APPLICATION', q1Bodies], ['Q2', regToken, null, q2Bodies]] as const) {
      await load(raw, token, purpose, bodies as string[], warmup, connections);
      await load(hub, token, purpose, bodies as string[], warmup, connections);
      const rawRounds: Round[] = [];
      const hubRounds: Round[] = [];
      for (let k = 0; k < rounds; k++) {
        rawRounds.push(await round(raw, token, purpose, bodies as string[], duration / rounds, connections));
        hubRounds.push(await round(hub, token, purpose, bodies as string[], duration / rounds, connections));
      }
      const r = pooled(rawRounds);
      const h = pooled(hubRounds);
      const perRound = rawRounds.map((x, k) => Math.round((hubRounds[k]!.requests / hubRounds[k]!.seconds / (x.requests / x.seconds)) * 100) / 100);
      results[wl] = { raw: r, hub: h, ratio: Math.round((h.rps / r.rps) * 100) / 100, p99Ratio: Math.round((h.p99 / r.p99) * 100) / 100, roundRatios: perRound };
      if (wl === 'Q1') results[wl].hubPeakRssMb = peakRssMb(hub.proc.pid!).peak;
      process.stdout.write(`${wl}: raw ${r.rps}/s, hub ${h.rps}/s (×${results[wl].ratio}; by round ${perRound.join(', ')})\n`);
    }

    // One request at a time (latency, not throughput): Q1's own cost, which issue 5 wants to be
    // index-bound (the same at 1M enterprises as at 100k), and Q2's page 1 against a deep page.
    const p50Of = async (s: Server, token: string, purpose: string | null, bodies: unknown[]) => {
      const times: number[] = [];
      for (let i = 0; i < DEPTH_SAMPLES; i++) {
        const t0 = process.hrtime.bigint();
        await post(s.url, token, purpose, bodies[i % bodies.length]);
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      return percentile(times.sort((a, b) => a - b), 0.5);
    };
    const q2Body = (after: string | null) => ({ operationName: 'Q2', query: Q2, variables: { industry: INDUSTRY, after } });
    const depth: Record<string, { page1P50: number; deepP50: number }> = {};
    const single: Record<string, { q1P50: number }> = {};
    for (const s of [raw, hub]) {
      single[s.name] = { q1P50: await p50Of(s, bankToken, 'LOAN_APPLICATION', q1Bodies.map((b) => JSON.parse(b) as unknown)) };
      depth[s.name] = { page1P50: await p50Of(s, regToken, null, [q2Body(null)]), deepP50: await p50Of(s, regToken, null, [q2Body(deepCursor)]) };
    }
    process.stdout.write(`Q1 one at a time: raw ${single.raw!.q1P50} ms, hub ${single.hub!.q1P50} ms\n`);
    process.stdout.write(`cursor depth (page 1 vs page ${deepPage}): raw ${JSON.stringify(depth.raw)}, hub ${JSON.stringify(depth.hub)}\n`);

    const date = new Date().toISOString();
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const md = [
      `Benchmark ${date} — ${machine}; ${counts.e} enterprises, ${counts.r} credit records; ${connections} connections, database pool ${pool} for both, ${duration} s per server and workload in ${rounds} alternating rounds, after ${warmup} s warm-up.`,
      '',
      '| workload | server | req/s | p50 ms | p99 ms | SQL/request | errors | hub/raw req/s (by round) | hub/raw p99 | hub peak RSS |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...Object.entries(results).flatMap(([wl, x]) => [
        `| ${wl} | raw | ${x.raw.rps} | ${x.raw.p50} | ${x.raw.p99} | ${x.raw.statementsPerRequest} | ${x.raw.errors + x.raw.non2xx} | | | |`,
        `| ${wl} | hub | ${x.hub.rps} | ${x.hub.p50} | ${x.hub.p99} | ${x.hub.statementsPerRequest} | ${x.hub.errors + x.hub.non2xx} | **${x.ratio}** (${x.roundRatios.join(', ')}) | ${x.p99Ratio} | ${x.hubPeakRssMb ? `${x.hubPeakRssMb} MB` : ''} |`,
      ]),
      '',
      `Q1 one request at a time (p50 of ${DEPTH_SAMPLES}): raw ${single.raw!.q1P50} ms, hub ${single.hub!.q1P50} ms.`,
      '',
      `Q2 cursor depth, one request at a time (p50 of ${DEPTH_SAMPLES}): page 1 vs page ${deepPage} of industry ${INDUSTRY} (${industrySize} enterprises) — raw ${depth.raw!.page1P50} / ${depth.raw!.deepP50} ms, hub ${depth.hub!.page1P50} / ${depth.hub!.deepP50} ms.`,
    ].join('\n');
    mkdirSync(resolve(__dirname, '../bench-results'), { recursive: true });
    const stamp = date.replace(/[:.]/g, '-');
    writeFileSync(resolve(__dirname, `../bench-results/bench-${stamp}.json`), JSON.stringify({ date, machine, data: counts, connections, pool, poolCalibration: tried, duration, rounds, warmup, results, q1Single: single, cursorDepth: { page: deepPage, industrySize, ...depth } }, null, 2));
    writeFileSync(resolve(__dirname, `../bench-results/bench-${stamp}.md`), `${md}\n`);
    process.stdout.write(`\n${md}\n`);
  } finally {
    await Promise.all([stop(raw), stop(hub)]);
  }
}
main().catch((e) => fail(`bench failed: ${e instanceof Error ? e.message : String(e)}`));
