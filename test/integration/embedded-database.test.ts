import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHubProcess, spawnHub, spawnScript } from '../helpers/hub-process';

/**
 * The embedded default, as a newcomer runs it (`npm start`, no DATABASE_URL): PGlite in
 * HUB_DATA_DIR, migrated at start, demo data on the first start, a second process refused on the
 * same directory with a clear message, graceful stop on SIGTERM, and the data kept on restart.
 */
const dir = mkdtempSync(join(tmpdir(), 'credit-hub-embedded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COUNT = '{ enterprises(first: 1) { totalCount edges { node { uscc districtCode } } } }';
async function query(url: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: COUNT }) });
  return ((await res.json()) as any).data.enterprises;
}

it('serves the demo data, refuses a second process on the directory, and keeps the data across a restart', async () => {
  const env = { HUB_DATA_DIR: dir };
  const first = await startHubProcess(env);
  let firstCount: number;
  try {
    const page = await query(first.url);
    firstCount = page.totalCount;
    expect(firstCount).toBeGreaterThanOrEqual(300);
    expect(page.edges[0].node.districtCode).toBe('310116');
    expect(first.output()).toContain('demo data loaded');

    const second = spawnHub(env);
    expect(await second.exited).toBe(75);
    expect(second.output()).toMatch(/data directory .* is in use by another Credit Hub process \(pid \d+\)/);
  } finally {
    expect(await first.stop()).toBe(0);
  }

  const again = await startHubProcess(env);
  try {
    expect((await query(again.url)).totalCount).toBe(firstCount);
    expect(again.output()).not.toContain('demo data loaded');
  } finally {
    await again.stop();
  }
}, 240_000);

/** `npm run seed` as a newcomer might run it, without DATABASE_URL. */
async function seed(args: string[], dataDir: string): Promise<{ code: number | null; output: string }> {
  const run = spawnScript(resolve(__dirname, '../../scripts/seed.ts'), args, { HUB_DATA_DIR: dataDir });
  const code = await run.exited;
  return { code, output: run.output() };
}

it('refuses the COPY-loaded scale seed on the embedded database with a clear message, and releases the directory', async () => {
  const seedDir = mkdtempSync(join(tmpdir(), 'credit-hub-seed-'));
  try {
    const refused = await seed(['--enterprises', '10', '--records', '100'], seedDir);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('--records loads with COPY, which the embedded database cannot take: set DATABASE_URL');
    // The database was closed on the way out: the directory's lock is free for the next command.
    const plain = await seed(['--enterprises', '5'], seedDir);
    expect(plain.output).toContain('seeded 5 enterprises');
    expect(plain.code).toBe(0);
  } finally {
    rmSync(seedDir, { recursive: true, force: true });
  }
}, 120_000);
