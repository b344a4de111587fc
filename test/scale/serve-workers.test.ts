import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexWrittenArticles } from '../../src/search/store-search.ts';
import { samplePageRecord } from '../../src/store/sample-records.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

// `marsad serve --workers 2` as a real process tree (node:cluster): one port, two server processes, restarts.
const MARSAD = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'marsad');

let dir: string;
let db: string;
let server: ChildProcess | null = null;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-serve-workers-'));
  db = join(dir, 'serve.db');
  const store = openSqliteStore(db);
  await indexWrittenArticles(
    store,
    await store.writePages([samplePageRecord({ variant: 0 }), samplePageRecord({ variant: 1 })]),
  );
  await store.close();
});
afterAll(() => {
  if (server?.exitCode === null) server.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function childPids(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** The status of a GET on a connection of its own (never a kept-alive socket that may have gone with a killed worker). */
function statusOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}

async function waitFor<T>(probe: () => T | null, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== null) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('marsad serve --workers 2', () => {
  it('serves from two processes on one port, replaces a killed worker, and stops cleanly on SIGTERM', async () => {
    server = spawn(process.execPath, [MARSAD, 'serve', '--db', db, '--port', '0', '--workers', '2', '--no-ingest'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    server.stdout!.on('data', (chunk) => {
      out += String(chunk);
    });
    const url = await waitFor(() => /at (http:\/\/\S+) \(2 workers\)/u.exec(out)?.[1] ?? null, 60_000);
    await waitFor(() => (childPids(server!.pid!).length === 2 ? true : null), 60_000);

    const responses = await Promise.all(Array.from({ length: 24 }, () => fetch(`${url}api/articles?limit=5`)));
    expect(responses.map((r) => r.status)).toEqual(Array(24).fill(200));
    expect(new Set(responses.map((r) => r.headers.get('etag'))).size).toBe(1); // same validator from either process

    const [victim] = childPids(server.pid!);
    process.kill(victim!, 'SIGKILL');
    await waitFor(() => {
      const pids = childPids(server!.pid!);
      return pids.length === 2 && !pids.includes(victim!) ? true : null;
    }, 60_000);
    const afterRestart = await Promise.all(Array.from({ length: 8 }, () => statusOnNewConnection(`${url}api/health`)));
    expect(afterRestart).toEqual(Array(8).fill(200));

    const exited = new Promise<number | null>((resolve) => server!.on('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);

  it('fails with a clear message, instead of restarting forever, when the workers cannot start', async () => {
    const child = spawn(
      process.execPath,
      [MARSAD, 'serve', '--db', join(dir, 'missing.db'), '--port', '0', '--workers', '2'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let err = '';
    child.stderr!.on('data', (chunk) => {
      err += String(chunk);
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).not.toBe(0);
    expect(err).toMatch(/stopped before listening/u);
  }, 60_000);
});
