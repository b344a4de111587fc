/**
 * `npm run bench -- scale`: how Marsad uses more cores.
 * 1. Ingest with annotation (real pipeline and NER model) into SQLite, in this process, with the analysis in the
 *    main thread (`--workers 1`) and in a pool of 2 worker threads (`--workers 2`): wall time, pages/s and the
 *    process's CPU-seconds (main thread + worker threads), and whether both stores hold the same articles and stories.
 * 2. `/api/search` at 16 concurrent clients against `marsad serve --workers 1` and `--workers 2` (real processes) on
 *    the 100k-article search bench database: requests/s, p50/p95 latency.
 * Input: the first SCALE_PAGES records of SaudiNewsNet from ../shared when present, else generated pages.
 * On a shared machine, wall-clock speedups are only as good as the idle cores: read the CPU-seconds beside them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { startAnalysisPool } from '../src/app/analysis-pool.ts';
import { afterWriteHooks } from '../src/app/after-write.ts';
import { loadPageAnalyzer } from '../src/app/analyzer.ts';
import { enqueuePageResults } from '../src/app/enqueue.ts';
import { ingestPageResults, type IngestAnalyzer } from '../src/app/ingest.ts';
import { rebuildAllStories } from '../src/app/stories.ts';
import { openPageQueue, type PageQueue } from '../src/queue/page-queue.ts';
import { openPostgresStore } from '../src/store/postgres/postgres-store.ts';
import {
  postgresTestTarget,
  startTestDatabase,
  type TestDatabase,
} from '../src/store/postgres/testing/test-database.ts';
import { storeSnapshot } from '../src/app/testing/store-snapshot.ts';
import type { RawPage } from '../src/core/page.ts';
import { pageFromFields, type PageResult } from '../src/ingest/read-pages.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { buildCli } from '../scripts/build.mjs';
import { generatePages } from './generate-pages.ts';
import { BENCH_QUERIES, openSearchBenchStore } from './search.bench.ts';

const SCALE_PAGES = Number(process.env.SCALE_PAGES ?? 1000);
/** Pages of the team-mode (PostgreSQL) part: the first SCALE_PG_PAGES of the measured ones (keeps the bench < 6 min). */
const SCALE_PG_PAGES = Number(process.env.SCALE_PG_PAGES ?? 600);
const SCALE_WARMUP = Number(process.env.SCALE_WARMUP ?? 100);
/** `SCALE_DERIVE=0`: the analysers do not derive search documents and features (the writer computes them, as before). */
const DERIVE = process.env.SCALE_DERIVE !== '0';
/** Linux clock ticks per second (USER_HZ) in /proc/<pid>/task/<tid>/stat. */
const CLOCK_TICKS = 100;
/** Jobs a `marsad worker` claims at once in the team-mode run. */
const QUEUE_BATCH = 25;
const QUEUE_POLL_MS = 100;
const CLIENTS = 16;
const SEARCH_SECONDS = Number(process.env.SCALE_SEARCH_SECONDS ?? 15);
const MARSAD = join(dirname(fileURLToPath(import.meta.url)), '..', 'marsad');

function sharedDir(): string | null {
  for (const dir of [process.env.MARSAD_SHARED, join(process.cwd(), '..', 'shared'), '/work/shared'])
    if (dir && existsSync(join(dir, 'data'))) return dir;
  return null;
}

async function inputPages(): Promise<{ results: PageResult[]; warmUp: RawPage[]; source: string }> {
  const shared = sharedDir();
  const file = shared ? join(shared, 'data', 'saudinewsnet', 'saudinewsnet.jsonl.gz') : null;
  const defaults = { maxBytes: 5_000_000, fetchedAt: '2015-08-01T00:00:00.000Z' };
  const wanted = SCALE_PAGES + SCALE_WARMUP;
  let results: PageResult[] = [];
  let source: string;
  if (file && existsSync(file)) {
    const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()) });
    for await (const line of lines) {
      if (results.length >= wanted) break;
      const record = JSON.parse(line) as { url?: string; title?: string; date?: string; text?: string };
      const body = [record.title, record.date, record.text].filter(Boolean).join('\n');
      results.push(
        pageFromFields(
          `snn#${results.length + 1}`,
          { url: record.url ?? null, body, contentType: 'text/plain', fetchedAt: null },
          defaults,
        ),
      );
    }
    source = `SaudiNewsNet records 1–${Math.min(results.length, SCALE_PAGES)} (title, date, text as a plain page)`;
  } else {
    results = generatePages({ count: wanted, seed: 5 }).map(({ page }, i) => ({
      ok: true as const,
      source: `gen#${i}`,
      page,
    }));
    source = `${SCALE_PAGES} generated pages`;
  }
  // The pages after the measured ones warm every analyser up (not timed, not stored).
  const warmUp = results.slice(SCALE_PAGES).flatMap((r) => (r.ok ? [r.page] : []));
  return { results: results.slice(0, SCALE_PAGES), warmUp, source };
}

/** CPU-seconds of this process's main thread so far (Linux /proc; NaN elsewhere). */
function mainThreadCpuSeconds(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

function processCpuSeconds(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
}

interface IngestRun {
  readonly startSeconds: number;
  readonly startCpu: number;
  readonly seconds: number;
  readonly cpu: number;
  readonly mainCpu: number;
  readonly summary: Awaited<ReturnType<typeof ingestPageResults>>;
  readonly snapshot: Awaited<ReturnType<typeof storeSnapshot>>;
}

/**
 * One ingest into a fresh SQLite file. The analyser starts first (model loaded, the warm-up pages analysed by every
 * thread, or in-process for 1 worker): that start is reported apart; the timed part is the steady-state ingest.
 */
async function ingestRun(
  input: { results: PageResult[]; warmUp: RawPage[] },
  workers: number,
  path: string,
): Promise<IngestRun> {
  const startCpu = processCpuSeconds();
  const startWall = performance.now();
  let analyze: IngestAnalyzer;
  const pool =
    workers > 1 ? startAnalysisPool({ threads: workers, annotate: true, derive: DERIVE, warmUp: input.warmUp }) : null;
  if (pool) {
    await pool.ready();
    analyze = pool.analyze;
  } else {
    const analyzer = await loadPageAnalyzer({ annotate: true, derive: DERIVE });
    for (const page of input.warmUp) {
      try {
        analyzer(page);
      } catch {
        // as in the pool's warm-up
      }
    }
    analyze = analyzer;
  }
  const startSeconds = (performance.now() - startWall) / 1000;
  const store = openSqliteStore(path);
  const cpu = processCpuSeconds();
  const mainCpu = mainThreadCpuSeconds();
  const started = performance.now();
  const summary = await ingestPageResults(store, input.results, {
    analyze,
    lookahead: pool ? 2 : 0,
    maxBytes: 5_000_000,
    batchSize: 50,
    afterBatch: afterWriteHooks(store),
  });
  const seconds = (performance.now() - started) / 1000;
  const used = processCpuSeconds() - cpu;
  const usedMain = mainThreadCpuSeconds() - mainCpu;
  await pool?.close();
  const snapshot = await storeSnapshot(store);
  await store.close();
  return { startSeconds, startCpu: cpu - startCpu, seconds, cpu: used, mainCpu: usedMain, summary, snapshot };
}

async function loadAverage(): Promise<string> {
  const { loadavg, cpus } = await import('node:os');
  return `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores`;
}

async function benchIngest(): Promise<void> {
  const input = await inputPages();
  console.log(
    `ingest with annotation → SQLite: ${input.source}; batches of 50; ${input.warmUp.length} warm-up pages per analyser thread (not timed); derived articles ${DERIVE ? 'in the analysers' : 'by the writer (SCALE_DERIVE=0)'}; ${await loadAverage()}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-scale-'));
  try {
    const runs: IngestRun[] = [];
    for (const workers of [1, 2]) {
      const run = await ingestRun(input, workers, join(dir, `w${workers}.db`));
      runs.push(run);
      console.log(
        `  --workers ${workers}: start ${run.startSeconds.toFixed(1)} s (${run.startCpu.toFixed(1)} CPU-s); ingest ${run.seconds.toFixed(1)} s wall, ${(run.summary.pages / run.seconds).toFixed(1)} pages/s, ${run.cpu.toFixed(1)} CPU-s (main thread ${run.mainCpu.toFixed(1)}), ${(run.summary.pages / run.cpu).toFixed(1)} pages per CPU-s; ${run.summary.newPages} new pages, ${run.summary.articles} articles; ${await loadAverage()}`,
      );
    }
    const [one, two] = runs as [IngestRun, IngestRun];
    const same = isDeepStrictEqual(one.snapshot, two.snapshot);
    const speedup = one.seconds / two.seconds;
    // What 2 idle cores would give: the 2-worker CPU spread over both cores, unless the main thread alone is longer.
    const idleBound = one.cpu / Math.max(two.cpu / 2, two.mainCpu);
    console.log(
      `  SQLite SPEEDUP 2 vs 1 workers: ${speedup.toFixed(2)}× wall (target ≥ 1.70×); CPU-s 2/1 ${(two.cpu / one.cpu).toFixed(2)}; bound on 2 idle cores CPU-s(1) / max(CPU-s(2)/2, main thread) = ${idleBound.toFixed(2)}×; identical stores: ${same}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU-seconds (user + system) of the given processes so far, from /proc (NaN when unreadable). */
function processesCpuSeconds(pids: readonly number[]): number {
  let total = 0;
  for (const pid of pids) {
    const fields = statFields(pid);
    if (!fields) return Number.NaN;
    total += (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  }
  return total;
}

/** Fields after the command name of /proc/<pid>/stat (field 3 of the man page is index 0). */
function statFields(pid: string | number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/**
 * CPU-seconds of the local PostgreSQL server whose unix-socket directory `url` names: the postmaster with its reaped
 * children (backends that exited) plus its live children; NaN when it is not a local cluster.
 */
function postgresServerCpuSeconds(url: string): number {
  const socketDir = new URL(url).searchParams.get('host');
  if (!socketDir) return Number.NaN;
  const all = readdirSync('/proc').filter((name) => /^\d+$/u.test(name));
  const postmaster = all.find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8')
        .split('\0')
        .some((arg) => arg.startsWith(socketDir));
    } catch {
      return false;
    }
  });
  const own = postmaster ? statFields(postmaster) : null;
  if (!own) return Number.NaN;
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const pid of all) {
    const fields = statFields(pid);
    if (fields && fields[1] === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / CLOCK_TICKS;
}

interface QueueRun {
  readonly seconds: number;
  readonly workerCpu: number;
  readonly serverCpu: number;
  readonly pages: number;
  readonly snapshot: Awaited<ReturnType<typeof storeSnapshot>>;
}

/** Polls the queue until `completed` jobs are done (or one failed). */
async function waitForCompleted(queue: PageQueue, completed: number): Promise<void> {
  for (;;) {
    const stats = await queue.stats();
    if (stats.failed > 0) throw new Error(`queue: ${stats.failed} failed jobs (${JSON.stringify(stats.lastFailures)})`);
    if (stats.completed >= completed) return;
    await sleep(QUEUE_POLL_MS);
  }
}

/**
 * `processes` × `marsad worker --threads 1` on a fresh schema. The workers start on the warm-up pages (timing
 * excluded: process start, model load, first pages); once those are done the measured pages are enqueued and the
 * clock runs until the queue has completed them all. Then the workers stop and the stories are rebuilt once (what a
 * worker does when the queue drains) so that both runs are compared on their final state.
 */
async function queueRun(
  database: TestDatabase,
  input: { results: PageResult[]; warmUp: RawPage[] },
  processes: number,
): Promise<QueueRun> {
  const schema = database.freshSchema();
  const url = `${database.url}${database.url.includes('?') ? '&' : '?'}schema=${schema}`;
  const store = await openPostgresStore(url);
  const queue = await openPageQueue(url, { supervise: false });
  const workers: ChildProcess[] = [];
  try {
    const warm = await enqueuePageResults(
      store,
      queue,
      input.warmUp.map((page, i) => ({ ok: true as const, source: `warm#${i}`, page })),
      500,
    );
    for (let i = 0; i < processes; i++)
      workers.push(
        spawn(
          process.execPath,
          [MARSAD, 'worker', '--db', url, '--threads', '1', '--batch-size', String(QUEUE_BATCH)],
          {
            stdio: ['ignore', 'ignore', 'inherit'],
          },
        ),
      );
    await waitForCompleted(queue, warm.enqueued);
    const workerPids = workers.map((w) => w.pid!);
    const workerCpu = processesCpuSeconds(workerPids);
    const serverCpu = postgresServerCpuSeconds(database.url);
    const started = performance.now();
    const measured = await enqueuePageResults(store, queue, input.results, 500);
    await waitForCompleted(queue, warm.enqueued + measured.enqueued);
    const seconds = (performance.now() - started) / 1000;
    const run = {
      seconds,
      workerCpu: processesCpuSeconds(workerPids) - workerCpu,
      serverCpu: postgresServerCpuSeconds(database.url) - serverCpu,
      pages: measured.enqueued,
    };
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once('exit', () => resolve());
            worker.kill('SIGTERM');
          }),
      ),
    );
    await rebuildAllStories(store);
    const snapshot = await storeSnapshot(store);
    const byId = (items: readonly unknown[]) =>
      [...items].sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1));
    // Listing order is commit order, which differs between runs with several writers: compare by id.
    return { ...run, snapshot: { ...snapshot, articles: byId(snapshot.articles) } };
  } finally {
    for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    await queue.close();
    await store.close();
  }
}

async function benchQueue(): Promise<void> {
  const target = postgresTestTarget(process.env);
  if (!target) {
    console.log('team mode (PostgreSQL): skipped — no TEST_DATABASE_URL and no PostgreSQL binaries');
    return;
  }
  const all = await inputPages();
  const results = all.results.slice(0, SCALE_PG_PAGES);
  const input = { ...all, results, source: `${all.source}, the first ${results.length} (SCALE_PG_PAGES)` };
  const database = await startTestDatabase(target);
  try {
    console.log(
      `ingest with annotation → PostgreSQL (${target.kind === 'cluster' ? 'throwaway cluster' : 'TEST_DATABASE_URL'}), marsad worker --threads 1 processes, batches of ${QUEUE_BATCH}: ${input.source}; ${input.warmUp.length} warm-up pages first (not timed); ${await loadAverage()}`,
    );
    const runs: QueueRun[] = [];
    for (const processes of [1, 2]) {
      const run = await queueRun(database, input, processes);
      runs.push(run);
      console.log(
        `  ${processes} worker process(es): ${run.seconds.toFixed(1)} s wall, ${(run.pages / run.seconds).toFixed(1)} pages/s, workers ${run.workerCpu.toFixed(1)} CPU-s, PostgreSQL server ${run.serverCpu.toFixed(1)} CPU-s; ${run.pages} pages; ${await loadAverage()}`,
      );
    }
    const [one, two] = runs as [QueueRun, QueueRun];
    const same = isDeepStrictEqual(one.snapshot, two.snapshot);
    const cpuOne = one.workerCpu + one.serverCpu;
    const cpuTwo = two.workerCpu + two.serverCpu;
    console.log(
      `  PostgreSQL SPEEDUP 2 vs 1 worker processes: ${(one.seconds / two.seconds).toFixed(2)}× wall (target ≥ 1.70×); CPU-s (workers + server) 2/1 ${(cpuTwo / cpuOne).toFixed(2)}; bound on 2 idle cores CPU-s(1) / (CPU-s(2)/2) = ${(cpuOne / (cpuTwo / 2)).toFixed(2)}×; same pages, articles, ids and storylines: ${same}`,
    );
  } finally {
    await database.stop();
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function startServe(path: string, workers: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    [MARSAD, 'serve', '--db', path, '--port', '0', '--workers', String(workers), '--no-ingest'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      const match = / at (http:\/\/\S+)/u.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code})`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function searchLoad(
  url: string,
  seconds: number,
): Promise<{ requests: number; rps: number; p50: number; p95: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  let next = 0;
  const client = async (): Promise<void> => {
    while (performance.now() < until) {
      const query = BENCH_QUERIES[next++ % BENCH_QUERIES.length]!;
      const params = new URLSearchParams(
        Object.entries(query).filter(([, v]) => v !== undefined) as [string, string][],
      );
      const started = performance.now();
      const response = await fetch(`${url}api/search?${params}`);
      await response.arrayBuffer();
      if (response.status !== 200) errors++;
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const elapsed = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: sorted.length,
    rps: sorted.length / elapsed,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    errors,
  };
}

async function benchSearch(): Promise<void> {
  const { store, path } = await openSearchBenchStore();
  const articles = await store.countArticles();
  const featured = await store.countStoryFeatures();
  await store.close();
  if (featured < articles) {
    // `marsad serve` finishes the derived state before it listens (catchUpDerivedState): on this database that means
    // clustering features for every article first — many minutes for 100k — so the load would measure that instead.
    console.log(
      `/api/search: skipped — ${path} has story features for ${featured} of ${articles} articles, and marsad serve would compute the rest before listening (see docs/scale.md)`,
    );
    return;
  }
  console.log(
    `/api/search, ${CLIENTS} concurrent clients, ${SEARCH_SECONDS} s per run, ${articles} articles (${path}); ${await loadAverage()}`,
  );
  for (const workers of [1, 2]) {
    const server = await startServe(path, workers);
    try {
      await searchLoad(server.url, 2); // warm-up: page cache, JIT
      const result = await searchLoad(server.url, SEARCH_SECONDS);
      console.log(
        `  serve --workers ${workers}: ${result.rps.toFixed(1)} req/s, p50 ${result.p50.toFixed(0)} ms, p95 ${result.p95.toFixed(0)} ms (${result.requests} requests, ${result.errors} errors); ${await loadAverage()}`,
      );
    } finally {
      await server.stop();
    }
  }
}

export async function bench(): Promise<void> {
  const part = process.env.SCALE_PART;
  // The PostgreSQL and search parts spawn ./marsad, which runs dist/: build it from the current source first.
  if (part !== 'ingest') await buildCli();
  if (!part || part === 'ingest') await benchIngest();
  if (!part || part === 'postgres') await benchQueue();
  if (!part || part === 'search') await benchSearch();
}
