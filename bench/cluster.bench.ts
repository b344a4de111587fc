/**
 * Clustering throughput and peak memory (issue 4): the 31,030-article SaudiNewsNet corpus, then a 100,000-article
 * corpus (SaudiNewsNet + egy-news-2013 + perturbed copies shifted by 60 days so they form their own clusters).
 * Issue 18: `replay-<n>` cases stream n articles replayed from both corpora (bench/replay-corpus.ts) through the
 * bounded event index (frozen events spilled to a temporary SQLite file), n from CLUSTER_REPLAY_SIZES
 * (default 100000,1000000), printing time and memory every CLUSTER_REPLAY_REPORT_EVERY (100,000) articles.
 * Each case runs in its own child process with a fixed V8 heap cap, so its peak RSS is its own. Skips without ../shared.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findSharedDir } from '../eval/shared-dir.ts';
import {
  addToIndex,
  articleFeatures,
  boundedWindow,
  clusterArticles,
  clusterAt,
  createEventIndex,
  eventClusterAt,
  linkStorylines,
} from '../src/corpus/index.ts';
import type { ClusterInput } from '../src/corpus/types.ts';
import { openEventArchiveFile } from '../src/store/sqlite/event-archive-file.ts';
import { readNewsCorpus, recordToInput } from '../scripts/news-corpus.ts';
import { loadReplayCorpus } from './replay-corpus.ts';

const TARGET_ARTICLES = 100_000;
/** Copies are dated this many days later: outside every event window, so they cluster among themselves. */
const SHIFT_DAYS = 60;
/** Every n-th word of a copy is dropped, so copies are near- but not exact duplicates of each other's originals. */
const DROP_EVERY = 9;
/**
 * V8 old-space cap (MB) for each child (`--max-old-space-size`, Node's documented GC setting). Uncapped, V8 collects
 * lazily and the 100k run peaked at 1.9–2.4 GB RSS. Runs of 2026-11-23: 1400 MB ran out of heap (the 100k live set,
 * corpora included, reaches ~1.36 GB); 1700 MB finished in 210 s with peak RSS 1,713 MB (< 2 GB target).
 */
const HEAP_CAP_MB = 1700;
/**
 * Heap cap of the bounded `replay-<n>` cases: below the 1.5 GB RSS target, so V8 collects before it grows and the
 * peak RSS reflects what the run keeps (the replayed base corpora, ~350 MB, included). A run whose live set does not
 * fit dies and is reported as failed instead of passing on a lazily collected heap.
 */
const REPLAY_HEAP_CAP_MB = 1200;
/** Peak RSS target of issue 4 for the 100k case. */
const PEAK_TARGET_MB = 2048;
/** Wall-time target of issue 4 for the 100k case. */
const WALL_TARGET_S = 600;
/** Issue 15: a whole real day (the egy-news-2013 development window, 9–10 Feb 2013) and all egy-news-2013 articles. */
const REAL_DAY = ['2013-02-09', '2013-02-10'] as const;
/** Issue 18: the bounded run's targets at a million articles. */
const REPLAY_WALL_TARGET_S = 40 * 60;
const REPLAY_PEAK_TARGET_MB = 1536;
const REPLAY_SIZES = (process.env.CLUSTER_REPLAY_SIZES ?? '100000,1000000').split(',').map(Number);
/** Progress lines of a replay run: every this many articles (CLUSTER_REPLAY_REPORT_EVERY). */
const REPLAY_REPORT_EVERY = Number(process.env.CLUSTER_REPLAY_REPORT_EVERY ?? 100_000);
const CASES = [
  'realday',
  'egy-news-2013',
  'saudinewsnet',
  '100k',
  ...REPLAY_SIZES.map((n) => `replay-${n}` as const),
] as const;
type Case = (typeof CASES)[number];

function shifted(input: ClusterInput, round: number): ClusterInput {
  const date = input.published
    ? new Date(Date.parse(input.published) + SHIFT_DAYS * round * 86_400_000).toISOString().slice(0, 10)
    : null;
  const body = input.body
    .split(' ')
    .filter((_, i) => i % DROP_EVERY !== round % DROP_EVERY)
    .join(' ');
  return { ...input, id: `${input.id}~${round}`, published: date, body };
}

function run(name: string, inputs: readonly ClusterInput[]): void {
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = clusterArticles(inputs);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const multi = result.eventClusters.filter((c) => c.articles.length > 1).length;
  const verdict =
    inputs.length >= TARGET_ARTICLES
      ? `  [target <${WALL_TARGET_S} s & <${PEAK_TARGET_MB} MB: ${seconds < WALL_TARGET_S && peakMb < PEAK_TARGET_MB ? 'met' : 'MISSED'}]`
      : '';
  console.log(
    `${name.padEnd(28)} ${String(inputs.length).padStart(7)} articles  ${seconds.toFixed(1).padStart(6)} s  ${(inputs.length / seconds).toFixed(0).padStart(5)} articles/s (CPU ${cpuSeconds.toFixed(1)} s)  ` +
      `peak RSS ${peakMb.toFixed(0)} MB (before ${(before / 1048576).toFixed(0)} MB)  ${result.eventClusters.length} clusters (${multi} multi), ${result.storylines.length} storylines${verdict}`,
  );
}

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;
const peakRss = (): number => process.resourceUsage().maxRSS * 1024;

/**
 * A bounded run: articles stream in (date, id) order through the event index with a window over a spill file;
 * then event clusters (with labels) and storylines are assembled cluster by cluster. Nothing holds the corpus.
 */
async function runReplay(size: number, shared: string): Promise<void> {
  const corpus = await loadReplayCorpus(shared);
  const before = process.memoryUsage().rss;
  const archive = openEventArchiveFile();
  const window = boundedWindow({ archive });
  const index = createEventIndex(undefined, window);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const progress = (what: string): void => {
    const cpu = process.cpuUsage(cpuBefore);
    console.log(
      `  ${what.padEnd(22)} ${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s wall, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s, ` +
        `RSS ${mb(process.memoryUsage().rss)} (heap used ${mb(process.memoryUsage().heapUsed)}), peak ${mb(peakRss())}, live clusters ${index.clusters.length - window.stats.frozen + window.stats.thawed}, ` +
        `frozen ${window.stats.frozen} / thawed ${window.stats.thawed}, spill ${mb(archive.bytes())}`,
    );
  };
  let added = 0;
  for (const input of corpus.articles(size)) {
    addToIndex(index, [articleFeatures(input)]);
    if (++added % REPLAY_REPORT_EVERY === 0) progress(`${added} articles`);
  }
  // Assembly, cluster by cluster: each event record (label, members) and the storyline links.
  const sizes: number[] = [];
  let multi = 0;
  // SHA-256 of every event record and the storyline groups: a change that must keep results compares it.
  const hash = createHash('sha256');
  const groups = linkStorylines(
    (c) => {
      const record = eventClusterAt(index, c);
      hash.update(JSON.stringify(record));
      sizes.push(record.articles.length);
      if (record.articles.length > 1) multi++;
      return clusterAt(index, c);
    },
    index.clusters.map((_, c) => c),
  );
  const linked = groups.filter((g) => g.reduce((n, c) => n + sizes[c]!, 0) >= 2).length;
  hash.update(JSON.stringify(groups));
  progress('assembled');
  const seconds = (performance.now() - started) / 1000;
  const peakMb = peakRss() / 1048576;
  const verdict =
    size >= 1_000_000
      ? `  [target <${REPLAY_WALL_TARGET_S / 60} min & <${REPLAY_PEAK_TARGET_MB} MB: ${seconds < REPLAY_WALL_TARGET_S && peakMb < REPLAY_PEAK_TARGET_MB ? 'met' : 'MISSED'}]`
      : '';
  console.log(
    `replay ${String(added).padStart(8)} articles (base ${corpus.baseArticles}, ${mb(corpus.baseBytes)} compressed)  ${seconds.toFixed(0)} s  ${(added / seconds).toFixed(0)} articles/s  ` +
      `peak RSS ${peakMb.toFixed(0)} MB (before ${mb(before)})  ${sizes.length} clusters (${multi} multi), ${linked} storylines of ≥ 2 articles, results ${hash.digest('hex').slice(0, 16)}${verdict}`,
  );
  archive.close();
}

/** Child side: loads the corpora and clusters one case. */
async function runCase(which: Case, shared: string): Promise<void> {
  if (which.startsWith('replay-')) return runReplay(Number(which.slice('replay-'.length)), shared);
  if (which === 'realday' || which === 'egy-news-2013') {
    const egypt = (await readNewsCorpus(shared, 'egy-news-2013')).records.map(recordToInput);
    if (which === 'egy-news-2013') return run('egy-news-2013 (all)', egypt);
    return run(
      'real day (egy 9–10 Feb 2013)',
      egypt.filter((i) => i.published !== null && i.published >= REAL_DAY[0] && i.published <= REAL_DAY[1]),
    );
  }
  const saudi = (await readNewsCorpus(shared, 'saudinewsnet')).records.map(recordToInput);
  if (which === 'saudinewsnet') return run('saudinewsnet', saudi);
  const egypt = (await readNewsCorpus(shared, 'egy-news-2013')).records.map(recordToInput);
  const base = [...saudi, ...egypt];
  const big = [...base];
  for (let round = 1; big.length < TARGET_ARTICLES; round++) {
    for (const input of base) {
      if (big.length >= TARGET_ARTICLES) break;
      big.push(shifted(input, round));
    }
  }
  run('snn + egy-news + copies', big);
}

/** Parent side: one child per case, with the heap cap; a crashed child (e.g. out of memory) is reported, not thrown. */
export async function bench(): Promise<void> {
  if (!findSharedDir()) {
    console.log('cluster bench: ../shared not found; skipped.');
    return;
  }
  const self = fileURLToPath(import.meta.url);
  console.log(
    `(each case in a child process: node --max-old-space-size=${HEAP_CAP_MB} --import tsx; replay cases ${REPLAY_HEAP_CAP_MB})`,
  );
  const only = process.env.MARSAD_BENCH_CASES?.split(',');
  for (const which of CASES.filter((c) => !only || only.includes(c))) {
    const child = spawnSync(
      process.execPath,
      [
        `--max-old-space-size=${which.startsWith('replay-') ? REPLAY_HEAP_CAP_MB : HEAP_CAP_MB}`,
        '--import',
        'tsx',
        self,
        '--case',
        which,
      ],
      { stdio: 'inherit' },
    );
    if (child.status !== 0) console.log(`cluster bench: case ${which} failed (exit ${child.status ?? child.signal}).`);
  }
}

const caseAt = process.argv.indexOf('--case');
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && caseAt > 0) {
  const which = process.argv[caseAt + 1] as Case;
  const shared = findSharedDir();
  if (!(CASES as readonly string[]).includes(which) || !shared) {
    console.error(`cluster bench child: unknown case ${which} or ../shared missing`);
    process.exit(2);
  }
  await runCase(which, shared);
}
