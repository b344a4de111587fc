/**
 * `npm run eval -- realday` (issue 15): a real day of news. For each development set in
 * ../shared/gold/clusters, writes every article of its window as a page (make_pages.py --window), analyses them all
 * through the real pipeline, clusters the whole window and scores the labelled ids with the gold set's own scorers
 * (score_bcubed.py, score_storylines.py, ../claims/score_claims.py). Prints beside it a TF-IDF single-link
 * baseline over titles and leads, the storyline size distribution, storylines above 60 articles joining events with
 * no shared entity, the outlet list with counts, and the claim scores. Skips when python3 or the data is absent.
 *
 * The analysed inputs of a window are cached under $MARSAD_REALDAY_CACHE (when set) so that re-scoring a
 * clustering change does not re-run annotation; delete the cache after changing extraction or annotation.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadPageAnalyzer } from '../src/app/analyzer.ts';
import { clusterArticles } from '../src/corpus/index.ts';
import { toClusterJson, type ClusterJson } from '../src/corpus/cluster-json.ts';
import { toClusterInput } from '../src/corpus/input.ts';
import type { ClusterInput } from '../src/corpus/types.ts';
import { readPages } from '../src/ingest/read-pages.ts';
import { tfidfSingleLink } from './realday-baseline.ts';

/** Development sets: gold cluster file and the claims file built on it. */
const SETS = [
  { name: 'egy', clusters: 'clusters-egy-2013-02-09_10.json', claims: 'claims-egy-2013-02-09_10.json' },
  {
    name: 'snn',
    clusters: 'clusters-saudinewsnet-2015-08-06_07.json',
    claims: 'claims-saudinewsnet-2015-08-06_07.json',
  },
] as const;

/** Storylines above this many articles must share an entity between every pair of their events (issue 15). */
const LARGE_STORYLINE = 60;

function keyValues(line: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [, key, value] of line.matchAll(/(\w+)=([-\d.]+)/gu)) out[key!] = Number(value);
  return out;
}

function python(script: string, args: readonly string[]): Record<string, number> | null {
  const run = spawnSync('python3', [script, ...args], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.log(`  ${basename(script)} failed: ${(run.stderr || run.error?.message || '').trim().slice(0, 200)}`);
    return null;
  }
  return keyValues(run.stdout);
}

/** Analyses every page of a directory (annotation on) into cluster inputs; a failing page is counted and skipped. */
async function analyseDir(dir: string): Promise<{ inputs: ClusterInput[]; failed: number }> {
  const analyze = await loadPageAnalyzer({ annotate: true });
  const inputs: ClusterInput[] = [];
  let failed = 0;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
  for await (const result of readPages(files, { maxBytes: 5_000_000 })) {
    if (!result.ok) {
      failed++;
      continue;
    }
    try {
      analyze(result.page).articles.forEach((article, index) =>
        inputs.push(toClusterInput(`${result.source}#${index}`, article)),
      );
    } catch {
      failed++;
    }
  }
  return { inputs, failed };
}

/** The window's analysed inputs, from the cache when $MARSAD_REALDAY_CACHE holds them. */
async function windowInputs(
  sharedDir: string,
  goldPath: string,
  name: string,
): Promise<{ inputs: ClusterInput[]; failed: number; pages: string } | null> {
  const cache = process.env.MARSAD_REALDAY_CACHE;
  const pages = cache ? join(cache, `${name}-window`) : mkdtempSync(join(tmpdir(), `marsad-realday-${name}-`));
  const cached = cache ? join(cache, `${name}-inputs.json`) : null;
  if (cached && existsSync(cached))
    return { ...(JSON.parse(readFileSync(cached, 'utf8')) as { inputs: ClusterInput[]; failed: number }), pages };
  if (cache) mkdirSync(cache, { recursive: true });
  const made = spawnSync('python3', [join(sharedDir, 'gold/clusters/make_pages.py'), goldPath, pages, '--window'], {
    encoding: 'utf8',
  });
  if (made.status !== 0) {
    console.log(`  make_pages.py failed: ${(made.stderr || made.error?.message || '').trim().slice(0, 200)}`);
    return null;
  }
  const analysed = await analyseDir(pages);
  if (cached) writeFileSync(cached, JSON.stringify(analysed));
  return { ...analysed, pages };
}

/** Article id as the gold files name it: the page file's base name. */
export function goldId(ref: string): string {
  return basename(ref.replace(/#\d*$/u, '')).replace(/\.txt$/u, '');
}

function histogram(sizes: readonly number[]): string {
  const bins = [
    [2, 2],
    [3, 5],
    [6, 10],
    [11, 20],
    [21, 40],
    [41, 60],
    [61, 100],
    [101, Infinity],
  ] as const;
  return bins
    .map(
      ([lo, hi]) =>
        `${lo}${hi === Infinity ? '+' : hi === lo ? '' : `-${hi}`}:${sizes.filter((s) => s >= lo && s <= hi).length}`,
    )
    .join(' ');
}

/**
 * Storylines above LARGE_STORYLINE articles with two events that share no entity id (or, unlinked, surface).
 * `withPlaces` false: places (LOC) do not count as shared — a chain through «مصر» or «القاهرة» alone is the
 * place grab-bag issue 15 describes, so the strict count links events only through people, organisations and
 * named things.
 */
function unsharedLargeStorylines(
  json: ClusterJson,
  inputs: ReadonlyMap<string, ClusterInput>,
  withPlaces = true,
): number {
  let bad = 0;
  for (const story of json.storylines) {
    const articles = story.eventClusters.flatMap((c) => json.eventClusters[c]!.articles);
    if (articles.length <= LARGE_STORYLINE) continue;
    const entitySets = story.eventClusters.map(
      (c) =>
        new Set(
          json.eventClusters[c]!.articles.flatMap((a) =>
            (inputs.get(a)?.entities ?? [])
              .filter((e) => withPlaces || e.type !== 'LOC')
              .map((e) => e.entityId ?? e.text),
          ),
        ),
    );
    const linked = (a: number, b: number): boolean => [...entitySets[a]!].some((e) => entitySets[b]!.has(e));
    // Connected through shared entities (a chain is enough); a part reachable only through words counts as unshared.
    const seen = new Set([0]);
    const queue = [0];
    while (queue.length > 0) {
      const a = queue.pop()!;
      for (let b = 0; b < entitySets.length; b++)
        if (!seen.has(b) && linked(a, b)) {
          seen.add(b);
          queue.push(b);
        }
    }
    if (seen.size < entitySets.length) bad++;
  }
  return bad;
}

export async function evaluate(sharedDir: string): Promise<{ metrics: Record<string, number> }> {
  const metrics: Record<string, number> = {};
  if (spawnSync('python3', ['--version']).status !== 0) {
    console.log('  python3 not found: the gold scorers need it; skipped');
    return { metrics };
  }
  for (const set of SETS) {
    const goldPath = join(sharedDir, 'gold/clusters', set.clusters);
    if (!existsSync(goldPath)) continue;
    const started = Date.now();
    const window = await windowInputs(sharedDir, goldPath, set.name);
    if (!window) continue;
    const analysedMs = Date.now() - started;
    const clusterStart = Date.now();
    const result = clusterArticles(window.inputs);
    const byId = new Map(window.inputs.map((i) => [i.id, i] as const));
    const json = toClusterJson(result, (id) => byId.get(id)?.outlet ?? null);
    const clusterMs = Date.now() - clusterStart;
    const out = join(mkdtempSync(join(tmpdir(), 'marsad-realday-out-')), `${set.name}.json`);
    writeFileSync(out, JSON.stringify(json));
    const events = python(join(sharedDir, 'gold/clusters/score_bcubed.py'), [goldPath, out]);
    const stories = python(join(sharedDir, 'gold/clusters/score_storylines.py'), [goldPath, out]);
    const claimsGold = join(sharedDir, 'gold/claims', set.claims);
    const claims = existsSync(claimsGold)
      ? python(join(sharedDir, 'gold/claims/score_claims.py'), [claimsGold, out])
      : null;
    const baseline = tfidfSingleLink(window.inputs);
    const baselineOut = join(
      basename(out) === out ? tmpdir() : out.replace(/[^/]+$/u, ''),
      `${set.name}-baseline.json`,
    );
    writeFileSync(baselineOut, JSON.stringify({ eventClusters: baseline.map((articles) => ({ articles })) }));
    const base = python(join(sharedDir, 'gold/clusters/score_bcubed.py'), [goldPath, baselineOut]);

    console.log(
      `  ${set.name}: ${window.inputs.length} articles from the window (${window.failed} pages failed analysis); analysis ${(analysedMs / 1000).toFixed(1)} s, clustering ${(clusterMs / 1000).toFixed(1)} s`,
    );
    const row = (label: string, s: Record<string, number> | null): void => {
      if (s)
        console.log(
          `    ${label.padEnd(22)} B3 P ${s.bcubed_p!.toFixed(3)} R ${s.bcubed_r!.toFixed(3)} F1 ${s.bcubed_f1!.toFixed(3)} | pairs P ${s.pair_p!.toFixed(3)} R ${s.pair_r!.toFixed(3)} F1 ${s.pair_f1!.toFixed(3)}`,
        );
    };
    row('events (marsad)', events);
    row('events (TF-IDF 1-link)', base);
    if (stories)
      console.log(
        `    storylines             B3 P ${stories.storyline_bcubed_p!.toFixed(3)} R ${stories.storyline_bcubed_r!.toFixed(3)} F1 ${stories.storyline_bcubed_f1!.toFixed(3)}`,
      );
    if (claims) {
      console.log(
        `    claims                 group recall ${claims.group_recall!.toFixed(3)} (${claims.found}/${claims.gold_groups}), verdict accuracy ${claims.verdict_acc!.toFixed(3)}, ` +
          `conflicts ${claims.pred_conflicts} (true ${claims.conflict_true}, false ${claims.conflict_false}, unknown ${claims.conflict_unknown}), conflict precision ${claims.conflict_precision!.toFixed(3)}`,
      );
    }
    const sizes = json.storylines
      .map((s) => s.eventClusters.reduce((n, c) => n + json.eventClusters[c]!.articles.length, 0))
      .sort((a, b) => b - a);
    console.log(
      `    storyline sizes        ${json.storylines.length} storylines of ≥ 2 articles; ${histogram(sizes)}; largest ${sizes.slice(0, 5).join(', ')}`,
    );
    const unshared = unsharedLargeStorylines(json, byId);
    const unsharedStrict = unsharedLargeStorylines(json, byId, false);
    console.log(
      `    storylines > ${LARGE_STORYLINE} articles with events sharing no entity: ${unshared}; no entity but a place: ${unsharedStrict}`,
    );
    const outlets = new Map<string, number>();
    for (const input of window.inputs)
      outlets.set(input.outlet ?? '(none)', (outlets.get(input.outlet ?? '(none)') ?? 0) + 1);
    const outletList = [...outlets].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    console.log(
      `    outlets (${outletList.length}): ${outletList
        .slice(0, 25)
        .map(([o, n]) => `${o} ${n}`)
        .join(' · ')}${outletList.length > 25 ? ' · …' : ''}`,
    );

    const put = (prefix: string, s: Record<string, number> | null, keys: readonly string[]): void => {
      if (s) for (const k of keys) if (s[k] !== undefined) metrics[`${set.name}.${prefix}.${k}`] = s[k]!;
    };
    put('events', events, ['bcubed_p', 'bcubed_r', 'bcubed_f1', 'pair_p', 'pair_r', 'pair_f1']);
    put('baseline', base, ['bcubed_f1', 'pair_f1']);
    put('storylines', stories, ['storyline_bcubed_f1']);
    put('claims', claims, ['group_recall', 'verdict_acc', 'conflict_precision']);
    metrics[`${set.name}.storylines.unshared_large`] = unshared;
    metrics[`${set.name}.storylines.unshared_large_strict`] = unsharedStrict;
    metrics[`${set.name}.storylines.largest`] = sizes[0] ?? 0;
    metrics[`${set.name}.outlets`] = outletList.length;
  }
  return { metrics };
}
