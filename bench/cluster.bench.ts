/**
 * Clustering throughput and peak memory (issue 4): the 31,030-article SaudiNewsNet corpus, then a 100,000-article
 * corpus (SaudiNewsNet + egy-news-2013 + perturbed copies shifted by 60 days so they form their own clusters).
 * No annotation (titles + text). Target: 100k articles in < 10 min on 2 cores, peak RSS < 2 GB. Skips without ../shared.
 */
import { findSharedDir } from '../eval/shared-dir.ts';
import { clusterArticles } from '../src/corpus/index.ts';
import type { ClusterInput } from '../src/corpus/types.ts';
import { readNewsCorpus, recordToInput } from '../scripts/news-corpus.ts';

const TARGET_ARTICLES = 100_000;
/** Copies are dated this many days later: outside every event window, so they cluster among themselves. */
const SHIFT_DAYS = 60;
/** Every n-th word of a copy is dropped, so copies are near- but not exact duplicates of each other's originals. */
const DROP_EVERY = 9;

function shifted(input: ClusterInput, round: number): ClusterInput {
  const date = input.published ? new Date(Date.parse(input.published) + SHIFT_DAYS * round * 86_400_000).toISOString().slice(0, 10) : null;
  const body = input.body.split(' ').filter((_, i) => i % DROP_EVERY !== round % DROP_EVERY).join(' ');
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
  console.log(`${name.padEnd(28)} ${String(inputs.length).padStart(7)} articles  ${seconds.toFixed(1).padStart(6)} s  ${(inputs.length / seconds).toFixed(0).padStart(5)} articles/s (CPU ${cpuSeconds.toFixed(1)} s)  `
    + `peak RSS ${peakMb.toFixed(0)} MB (before ${(before / 1048576).toFixed(0)} MB)  ${result.eventClusters.length} clusters (${multi} multi), ${result.storylines.length} storylines`);
}

export async function bench(): Promise<void> {
  const shared = findSharedDir();
  if (!shared) {
    console.log('cluster bench: ../shared not found; skipped.');
    return;
  }
  const saudi = (await readNewsCorpus(shared, 'saudinewsnet')).records.map(recordToInput);
  const egypt = (await readNewsCorpus(shared, 'egy-news-2013')).records.map(recordToInput);
  run('saudinewsnet', saudi);
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
