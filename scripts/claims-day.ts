/**
 * Claims on a whole real day (issue 15): analyses a directory of pages once (cached as <dir>.inputs.json next to
 * it), clusters every article and lists the `conflict` claims with each value's sentence, for reading by hand.
 * `--sample N --seed S` draws N conflicts at random (seeded) over all the days given, in the order given.
 * `--requantify` re-runs the quantity layer on the cached bodies (after a change to it).
 *   npx tsx scripts/claims-day.ts <pages-dir>... [--sample 30 --seed 2027] [--requantify]
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPageAnalyzer } from '../src/app/analyzer.ts';
import { findQuantities } from '../src/analyze/quantities/index.ts';
import { seededRandom, shuffleInPlace } from '../src/core/seeded-random.ts';
import { toClusterJson } from '../src/corpus/cluster-json.ts';
import { clusterArticles } from '../src/corpus/index.ts';
import { toClusterInput } from '../src/corpus/input.ts';
import type { Claim, ClusterInput } from '../src/corpus/types.ts';
import { sentenceAround, sentenceSpans } from '../src/corpus/text/sentences.ts';
import { readPages } from '../src/ingest/read-pages.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dirs = args.filter((a, i) => !a.startsWith('--') && !['--sample', '--seed'].includes(args[i - 1] ?? ''));

async function inputsOf(dir: string): Promise<ClusterInput[]> {
  const cached = `${dir.replace(/\/$/u, '')}.inputs.json`;
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as ClusterInput[];
  const analyze = await loadPageAnalyzer({ annotate: true });
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
  const inputs: ClusterInput[] = [];
  for await (const result of readPages(files, { maxBytes: 5_000_000 })) {
    if (!result.ok) continue;
    try {
      analyze(result.page).articles.forEach((a, i) => inputs.push(toClusterInput(`${result.source}#${i}`, a)));
    } catch {
      // a failing page is skipped, as `marsad cluster` reports it per item
    }
  }
  writeFileSync(cached, JSON.stringify(inputs));
  return inputs;
}

interface Row {
  day: string;
  index: number;
  category: string;
  lines: string[];
}

const rows: Row[] = [];
for (const dir of dirs) {
  let inputs = await inputsOf(dir);
  if (args.includes('--requantify'))
    inputs = inputs.map((i) => ({ ...i, quantities: findQuantities(i.body, { exclude: i.times ?? [] }) }));
  const byId = new Map(inputs.map((i) => [i.id, i] as const));
  const json = toClusterJson(clusterArticles(inputs), (id) => byId.get(id)?.outlet ?? null);
  const verdicts = new Map<string, number>();
  for (const c of json.claims as Claim[]) verdicts.set(c.verdict, (verdicts.get(c.verdict) ?? 0) + 1);
  console.log(`# ${dir}: ${inputs.length} articles, claims ${JSON.stringify(Object.fromEntries(verdicts))}`);
  (json.claims as Claim[]).forEach((c, index) => {
    if (c.verdict !== 'conflict') return;
    const lines = c.values.map((v) => {
      const input = byId.get(v.article)!;
      const span = sentenceAround(sentenceSpans(input.body), v.start, v.end);
      const sentence = input.body.slice(span.start, span.end).replace(/\s+/gu, ' ');
      return `  [${v.value}/${v.qualifier}] «${v.text}» ${input.outlet ?? '?'} ${input.published ?? ''} ${v.article.split('/').pop()}\n      ${sentence.slice(0, 400)}`;
    });
    rows.push({ day: dir, index, category: `${c.category} subj=${c.subject}`, lines });
  });
}
let shown = rows;
const sample = option('--sample');
if (sample) {
  const random = seededRandom(Number(option('--seed') ?? 1));
  const shuffled = [...rows];
  shuffleInPlace(shuffled, random);
  shown = shuffled.slice(0, Number(sample));
  console.log(`# ${rows.length} conflicts in all; ${shown.length} drawn`);
}
shown.forEach((r, n) => console.log(`\n## ${n + 1}. ${r.day} claim ${r.index} ${r.category}\n${r.lines.join('\n')}`));
