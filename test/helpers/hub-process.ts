import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export interface HubProcess {
  child: ChildProcess;
  port: number;
  url: string;
  output(): string;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
}

const MAIN = resolve(__dirname, '../../src/main.ts');

export interface SpawnedScript {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** stdout and stderr so far. */
  output(): string;
}

/**
 * Runs one of the project's TypeScript entry points in its own process, as an npm script does, with
 * a minimal environment (no DATABASE_URL unless given: the embedded default).
 */
export function spawnScript(script: string, args: string[], env: Record<string, string>): SpawnedScript {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', script, ...args], {
    cwd: resolve(__dirname, '../..'),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, exited, output: () => out };
}

/** Starts `src/main.ts` as `npm start` does, in its own process (PGlite cannot run inside jest's VM). */
export function spawnHub(env: Record<string, string>): SpawnedScript {
  return spawnScript(MAIN, [], { PORT: '0', HUB_LOG_LEVEL: 'info', ...env });
}

export async function startHubProcess(env: Record<string, string>, timeoutMs = 90_000): Promise<HubProcess> {
  const p = spawnHub(env);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = /"port":(\d+),"url"/.exec(p.output());
    if (m) {
      const port = Number(m[1]);
      return {
        child: p.child,
        port,
        url: `http://127.0.0.1:${port}/graphql`,
        output: () => p.output(),
        async stop() {
          p.child.kill('SIGTERM');
          return p.exited;
        },
      };
    }
    if (p.child.exitCode !== null || Date.now() > deadline) {
      p.child.kill('SIGKILL');
      throw new Error(`hub did not start:\n${p.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
