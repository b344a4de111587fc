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
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
import { ingestPageResults, type IngestAnalyzer } from '../src/app/ingest.ts';
import { storeSnapshot } from '../src/app/testing/store-snapshot.ts';
import type { RawPage } from '../src/core/page.ts';
import { pageFromFields, type PageResult } from '../src/ingest/read-pages.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { generatePages } from './generate-pages.ts';
import { BENCH_QUERIES, openSearchBenchStore } from './search.bench.ts';

const SCALE_PAGES = Number(process.env.SCALE_PAGES ?? 1000);
const SCALE_WARMUP = Number(process.env.SCALE_WARMUP ?? 100);
/** Linux clock ticks per second (USER_HZ) in /proc/<pid>/task/<tid>/stat. */
const CLOCK_TICKS = 100;
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
  const pool = workers > 1 ? startAnalysisPool({ threads: workers, annotate: true, warmUp: input.warmUp }) : null;
  if (pool) {
    await pool.ready();
    analyze = pool.analyze;
  } else {
    const analyzer = await loadPageAnalyzer({ annotate: true, derive: true });
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
    `ingest with annotation → SQLite: ${input.source}; batches of 50; ${input.warmUp.length} warm-up pages per analyser thread (not timed); ${await loadAverage()}`,
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
  await store.close();
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
  if (process.env.SCALE_PART !== 'search') await benchIngest();
  if (process.env.SCALE_PART !== 'ingest') await benchSearch();
}
