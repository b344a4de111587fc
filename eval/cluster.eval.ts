/**
 * Scores `marsad cluster` on the five seed pages against ../shared/gold/seeds/story.json: event clusters and
 * storylines (exact partition + pairwise F1), timeline recall (gold dated entries at gold precision citing the gold
 * article) and claim recall (gold multi-source claims found whole with verdict agree). Runs twice: through the real
 * pipeline (extraction + annotation + clustering; floored) and, for information, on the gold extraction without
 * annotation (no entity features: shows how much clustering leans on linked entities).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadPageAnalyzer } from '../src/app/analyzer.ts';
import { clusterArticles } from '../src/corpus/index.ts';
import { toClusterJson, type ClusterJson } from '../src/corpus/cluster-json.ts';
import { toClusterInput } from '../src/corpus/input.ts';
import type { ClusterInput } from '../src/corpus/types.ts';
import { readPages } from '../src/ingest/read-pages.ts';

interface GoldStory {
  event_clusters: { label: string; articles: string[] }[];
  storylines: { label: string; event_clusters: number[] }[];
  timeline: { date: string | null; what: string; from: string[] }[];
  claims: { subject: string; values: { article: string; text: string; value: number | null }[]; verdict: string }[];
}

type Partition = string[][];

function pairs(partition: Partition): Set<string> {
  const out = new Set<string>();
  for (const group of partition) for (const a of group) for (const b of group) if (a < b) out.add(`${a}|${b}`);
  return out;
}

function canonical(partition: Partition): string {
  return JSON.stringify(partition.map((g) => [...g].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
}

function pairF1(found: Partition, gold: Partition): number {
  const f = pairs(found);
  const g = pairs(gold);
  if (f.size === 0 && g.size === 0) return 1;
  const tp = [...f].filter((p) => g.has(p)).length;
  return f.size + g.size === 0 ? 1 : (2 * tp) / (f.size + g.size);
}

function score(json: ClusterJson, gold: GoldStory): Record<string, number> {
  const events = json.eventClusters.map((c) => [...c.articles]);
  const goldEvents = gold.event_clusters.map((c) => c.articles);
  const stories = json.storylines.map((s) => s.eventClusters.flatMap((c) => events[c]!));
  const goldStories = gold.storylines.map((s) => s.event_clusters.flatMap((c) => goldEvents[c]!));
  const dated = gold.timeline
    .filter((t) => t.date !== null)
    .flatMap((t) => t.from.map((article) => ({ date: t.date!, article })));
  const timeline = json.timeline as { date: string; sources: { article: string }[] }[];
  const timelineHits = dated.filter((g) =>
    timeline.some((e) => e.date.slice(0, g.date.length) === g.date && e.sources.some((s) => s.article === g.article)),
  );
  const goldClaims = gold.claims.filter((c) => c.values.length > 1);
  const claims = json.claims as {
    verdict: string;
    values: { article: string; value: number | null; text: string }[];
  }[];
  const claimHits = goldClaims.filter((g) =>
    claims.some(
      (c) =>
        c.verdict === 'agree' &&
        g.values.every((v) => c.values.some((cv) => cv.article === v.article && cv.value === v.value)),
    ),
  );
  return {
    'events.exact': canonical(events) === canonical(goldEvents) ? 1 : 0,
    'events.pairF1': pairF1(events, goldEvents),
    'storylines.exact': canonical(stories) === canonical(goldStories) ? 1 : 0,
    'storylines.pairF1': pairF1(stories, goldStories),
    'timeline.recall': dated.length === 0 ? 1 : timelineHits.length / dated.length,
    'claims.recall': goldClaims.length === 0 ? 1 : claimHits.length / goldClaims.length,
  };
}

function goldInputs(goldDir: string): ClusterInput[] {
  const inputs: ClusterInput[] = [];
  for (const file of readdirSync(goldDir)
    .filter((f) => /^\d{3}_.*\.json$/u.test(f))
    .sort()) {
    const gold = JSON.parse(readFileSync(join(goldDir, file), 'utf8')) as {
      file: string;
      articles: {
        headline: string | null;
        body: string;
        published: string | null;
        outlet: string | null;
        cited_sources: string[];
      }[];
    };
    gold.articles.forEach((a, i) =>
      inputs.push({
        id: `${gold.file}#${i}`,
        headline: a.headline,
        body: a.body,
        published: a.published,
        outlet: a.outlet,
        citedSources: a.cited_sources,
      }),
    );
  }
  return inputs;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Seed articles through the real pipeline; a page whose annotation fails is retried without annotation (reported). */
async function pipelineInputs(seedsDir: string): Promise<ClusterInput[] | null> {
  let annotated;
  let plain;
  try {
    annotated = await loadPageAnalyzer({ annotate: true });
    plain = await loadPageAnalyzer({ annotate: false });
  } catch (error) {
    console.log(`  pipeline not available (${message(error)}): scoring the gold extraction only`);
    return null;
  }
  const inputs: ClusterInput[] = [];
  const files = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(seedsDir, f));
  for await (const result of readPages(files, { maxBytes: 5_000_000 })) {
    if (!result.ok) continue;
    let analyzed;
    try {
      analyzed = annotated(result.page);
    } catch (error) {
      console.log(
        `  ${basename(result.source)}: annotation failed (${message(error).slice(0, 80)}); clustering without annotation`,
      );
      analyzed = plain(result.page);
    }
    analyzed.articles.forEach((article, index) =>
      inputs.push(toClusterInput(`${basename(result.source)}#${index}`, article)),
    );
  }
  return inputs;
}

function run(inputs: readonly ClusterInput[], gold: GoldStory): Record<string, number> {
  const outlets = new Map(inputs.map((i) => [i.id, i.outlet] as const));
  return score(
    toClusterJson(clusterArticles(inputs), (id) => outlets.get(id) ?? null),
    gold,
  );
}

export async function evaluate(sharedDir: string): Promise<{ metrics: Record<string, number> }> {
  const gold = JSON.parse(readFileSync(join(sharedDir, 'gold/seeds/story.json'), 'utf8')) as GoldStory;
  const metrics: Record<string, number> = {};
  for (const [metric, value] of Object.entries(run(goldInputs(join(sharedDir, 'gold/seeds')), gold))) {
    if (metric.startsWith('events') || metric.startsWith('storylines')) metrics[`gold-extraction.${metric}`] = value;
  }
  const piped = await pipelineInputs(join(sharedDir, 'seeds'));
  if (piped) for (const [metric, value] of Object.entries(run(piped, gold))) metrics[`pipeline.${metric}`] = value;
  console.log('  metric'.padEnd(42) + 'value');
  for (const [metric, value] of Object.entries(metrics)) console.log(`  ${metric.padEnd(40)}${value.toFixed(3)}`);
  return { metrics };
}
