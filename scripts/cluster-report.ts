/**
 * Corpus report for issue 4: clusters a news corpus of ../shared/data (no annotation: titles + text), prints the
 * number of event clusters and storylines, their size distribution, duplicate/wire groups, and a seeded random
 * sample of multi-article clusters (titles per outlet) for the hand check recorded in docs/stories.md.
 * Run: npx tsx scripts/cluster-report.ts [saudinewsnet|egy-news-2013] [--sample 30] [--seed 1] [--limit n] [--threshold t]
 */
import { findSharedDir } from '../eval/shared-dir.ts';
import { clusterArticles } from '../src/corpus/index.ts';
import { readNewsCorpus, recordToInput, type NewsCorpusName } from './news-corpus.ts';
import { seededRandom as random } from '../src/core/seeded-random.ts';

const BUCKETS: readonly [number, number][] = [
  [1, 1],
  [2, 2],
  [3, 5],
  [6, 10],
  [11, 20],
  [21, 50],
  [51, Infinity],
];

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

function distribution(sizes: readonly number[]): string {
  return BUCKETS.map(
    ([lo, hi]) =>
      `${lo === hi ? lo : hi === Infinity ? `${lo}+` : `${lo}-${hi}`}: ${sizes.filter((s) => s >= lo && s <= hi).length}`,
  ).join(' · ');
}

const shared = findSharedDir();
const name = (process.argv[2] ?? 'saudinewsnet') as NewsCorpusName;
if (!shared) {
  console.log('cluster-report: ../shared not found.');
  process.exit(0);
}
const { records } = await readNewsCorpus(shared, name);
const inputs = records.slice(0, option('--limit', records.length)).map(recordToInput);
const byId = new Map(inputs.map((i) => [i.id, i] as const));
const started = performance.now();
const threshold = option('--threshold', Number.NaN);
const result = clusterArticles(inputs, Number.isNaN(threshold) ? {} : { eventParams: { threshold } });
const seconds = (performance.now() - started) / 1000;
const sizes = result.eventClusters.map((c) => c.articles.length);
const storySizes = result.storylines.map((s) => s.eventClusters.length);
console.log(`${name}: ${inputs.length} articles clustered in ${seconds.toFixed(1)} s`);
console.log(
  `event clusters: ${sizes.length} (multi-article: ${sizes.filter((s) => s > 1).length}, articles in them: ${sizes.filter((s) => s > 1).reduce((a, b) => a + b, 0)})`,
);
console.log(`  sizes: ${distribution(sizes)}; largest ${Math.max(...sizes)}`);
console.log(
  `storylines: ${storySizes.length} (linking ≥ 2 event clusters: ${storySizes.filter((s) => s > 1).length}); clusters per storyline: ${distribution(storySizes)}`,
);
console.log(
  `duplicate groups: ${result.duplicates.length} (wire: ${result.duplicates.filter((d) => d.wire).length}), copies: ${result.duplicates.reduce((a, d) => a + d.copies.length, 0)}`,
);
const multi = result.eventClusters.filter((c) => c.articles.length > 1);
const next = random(option('--seed', 1));
const sample = new Set<number>();
while (sample.size < Math.min(option('--sample', 30), multi.length)) sample.add(Math.floor(next() * multi.length));
for (const [n, i] of [...sample].entries()) {
  const cluster = multi[i]!;
  console.log(
    `\n#${n + 1} [${cluster.articles.length} articles, ${cluster.firstDate} … ${cluster.lastDate}] ${cluster.label}`,
  );
  for (const id of cluster.articles.slice(0, 8))
    console.log(`   - ${byId.get(id)!.outlet} ${byId.get(id)!.published}: ${byId.get(id)!.headline ?? '(no title)'}`);
}
