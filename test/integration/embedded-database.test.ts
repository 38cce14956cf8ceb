import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHubProcess, spawnHub } from '../helpers/hub-process';

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
