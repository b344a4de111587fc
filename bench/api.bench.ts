/**
 * API throughput: `marsad serve` (a child process) on the 100,000-article bench database, loaded by a
 * local keep-alive HTTP generator with N concurrent clients cycling through the search query set.
 * Reports requests/s and latency percentiles for GET /api/search, /api/entities, /api/clusters (and /api/health as
 * a floor). Note: the bench database is ingested without annotations, so /api/entities lists nothing there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { BENCH_QUERIES, openSearchBenchStore, summarize } from './search.bench.ts';
import { REPO_ROOT } from '../eval/shared-dir.ts';

const CONCURRENCY = 16;
const DURATION_MS = 8_000;

async function startServer(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [join(REPO_ROOT, 'marsad'), 'serve', '--db', dbPath, '--port', '0', '--no-ingest'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /at (http:\/\/\S+)/u.exec(out);
      if (match) resolve(match[1]!.replace(/\/$/u, ''));
    });
    child.once('exit', (code) => reject(new Error(`marsad serve exited with ${code}`)));
  });
  return { child, url };
}

function get(agent: Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

async function load(
  base: string,
  paths: readonly string[],
): Promise<{ latencies: number[]; errors: number; seconds: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (performance.now() - started < DURATION_MS) {
      const path = paths[next++ % paths.length]!;
      const t0 = performance.now();
      const status = await get(agent, base + path).catch(() => 0);
      latencies.push(performance.now() - t0);
      if (status !== 200) errors++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  agent.destroy();
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

export async function bench(): Promise<void> {
  const { store, path } = await openSearchBenchStore();
  const articles = await store.countArticles();
  await store.close();
  const { child, url } = await startServer(path);
  try {
    const searches = BENCH_QUERIES.map(
      (q) =>
        `/api/search?${new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined) as [string, string][])}`,
    );
    await load(url, searches.slice(0, 4)); // warm-up
    const lists = [
      ['GET /api/entities', ['/api/entities']],
      ['GET /api/clusters', ['/api/clusters']],
    ] as const;
    for (const [name, paths] of [
      ['GET /api/search', searches],
      ...lists,
      ['GET /api/health', ['/api/health']],
    ] as const) {
      const result = await load(url, paths);
      console.log(
        `${name} on ${articles} articles, ${CONCURRENCY} concurrent clients, ${result.seconds.toFixed(1)} s: ` +
          `${(result.latencies.length / result.seconds).toFixed(0)} req/s, ${result.errors} errors`,
      );
      console.log(`  latency ${summarize(result.latencies)}`);
    }
  } finally {
    child.kill('SIGTERM');
  }
}
