/**
 * Error analysis and parameter choice for storylines (src/corpus/cluster/storylines.ts) on the development sets of
 * ../shared/gold/clusters, with the window inputs cached by `MARSAD_REALDAY_CACHE=<dir> npm run eval -- realday`.
 *
 * Method. Event clusters are computed once per window with the shipped event parameters; storylines are then linked
 * with each candidate setting. Each set's gold storylines are split by a seeded hash of their label: a fifth of them
 * (`heldOut`) is a final block that no choice reads; choices look only at the development storylines' articles
 * (B-cubed as in score_storylines.py, over those articles). Cross-set: choose on one set, score the other.
 *
 *   npx tsx scripts/storyline-study.ts                 the grid, development scores and the cross-set choice
 *   npx tsx scripts/storyline-study.ts --errors        which development gold storylines are split, and why
 *   npx tsx scripts/storyline-study.ts --final         also scores the shipped setting on the held-out block (once)
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { addToIndex, articleFeatures, clusterAt, createEventIndex } from '../src/corpus/cluster/event-index.ts';
import { eventClusters } from '../src/corpus/cluster/assemble.ts';
import { clusterVector, linkStorylines } from '../src/corpus/cluster/storylines.ts';
import { STORYLINE_PARAMS, type StorylineParams } from '../src/corpus/cluster/params.ts';
import { cosine } from '../src/corpus/cluster/vectors.ts';
import type { ClusterInput } from '../src/corpus/types.ts';

const SHARED = process.env.MARSAD_SHARED ?? join(import.meta.dirname, '..', '..', 'shared');
const CACHE = process.env.MARSAD_REALDAY_CACHE;
if (!CACHE) throw new Error('set MARSAD_REALDAY_CACHE to the realday eval cache directory');
const SETS = [
  { name: 'egy', clusters: 'clusters-egy-2013-02-09_10.json' },
  { name: 'snn', clusters: 'clusters-saudinewsnet-2015-08-06_07.json' },
] as const;
/** Seed of the held-out split (a fifth of each set's gold storylines, by hash of seed and label). */
const HOLDOUT_SEED = 'storylines-2026-12-03';

interface Gold {
  clusters: { label: string; articles: (string | number)[] }[];
  storylines: { label: string; clusters: number[] }[];
}

function goldId(ref: string): string {
  return basename(ref.replace(/#\d*$/u, '')).replace(/\.txt$/u, '');
}

/** Gold storyline numbers in the held-out block: the fifth with the smallest hash of (seed, label). */
export function heldOutStorylines(gold: Gold): Set<number> {
  const ranked = gold.storylines
    .map((s, i) => ({ i, h: createHash('sha256').update(`${HOLDOUT_SEED}\n${s.label}`).digest('hex') }))
    .sort((a, b) => (a.h < b.h ? -1 : 1));
  return new Set(ranked.slice(0, Math.round(gold.storylines.length / 5)).map((r) => r.i));
}

interface Window {
  name: string;
  gold: Gold;
  inputs: ClusterInput[];
  heldOut: Set<number>;
  /** gold article id → gold storyline. */
  goldOf: Map<string, number>;
  clusterOfArticle: Map<string, number>;
  clusterCount: number;
  at: (c: number) => ReturnType<typeof clusterAt>;
  articlesOf: string[][];
  days: (string | null)[];
}

function loadWindow(set: (typeof SETS)[number]): Window {
  const gold = JSON.parse(readFileSync(join(SHARED, 'gold/clusters', set.clusters), 'utf8')) as Gold;
  const { inputs } = JSON.parse(readFileSync(join(CACHE!, `${set.name}-inputs.json`), 'utf8')) as {
    inputs: ClusterInput[];
  };
  const index = createEventIndex();
  addToIndex(index, inputs.map(articleFeatures));
  const clusters = eventClusters(index);
  const clusterOfArticle = new Map<string, number>();
  clusters.forEach((c, k) => c.articles.forEach((a) => clusterOfArticle.set(goldId(a), k)));
  const goldOf = new Map<string, number>();
  gold.storylines.forEach((s, i) =>
    s.clusters.forEach((c) => gold.clusters[c]!.articles.forEach((a) => goldOf.set(String(a), i))),
  );
  return {
    name: set.name,
    gold,
    inputs,
    heldOut: heldOutStorylines(gold),
    goldOf,
    clusterOfArticle,
    clusterCount: clusters.length,
    at: (c) => clusterAt(index, c),
    articlesOf: clusters.map((c) => c.articles.map(goldId)),
    days: clusters.map((c) => c.firstDate),
  };
}

/** Storyline B-cubed (score_storylines.py) over the articles of the chosen gold storylines. */
function score(
  w: Window,
  groups: number[][],
  keep: (storyline: number) => boolean,
): { p: number; r: number; f: number } {
  const storyOfCluster = new Map<number, number>();
  groups.forEach((g, s) => g.forEach((c) => storyOfCluster.set(c, s)));
  const ids = [...w.goldOf].filter(([, s]) => keep(s)).map(([a]) => a);
  const pred = (a: string): string => {
    const c = w.clusterOfArticle.get(a);
    const s = c === undefined ? undefined : storyOfCluster.get(c);
    return s === undefined || groups[s]!.reduce((n, k) => n + w.articlesOf[k]!.length, 0) < 2 ? `alone:${a}` : `s${s}`;
  };
  const G = new Map<number, Set<string>>();
  const P = new Map<string, Set<string>>();
  for (const a of ids) {
    G.set(w.goldOf.get(a)!, (G.get(w.goldOf.get(a)!) ?? new Set()).add(a));
    P.set(pred(a), (P.get(pred(a)) ?? new Set()).add(a));
  }
  let p = 0;
  let r = 0;
  for (const a of ids) {
    const g = G.get(w.goldOf.get(a)!)!;
    const q = P.get(pred(a))!;
    let both = 0;
    for (const x of q) if (g.has(x)) both++;
    p += both / q.size;
    r += both / g.size;
  }
  p /= ids.length;
  r /= ids.length;
  return { p, r, f: (2 * p * r) / (p + r || 1) };
}

function link(w: Window, params: StorylineParams): number[][] {
  return linkStorylines(w.at, [...Array(w.clusterCount).keys()], params);
}

function sizes(w: Window, groups: number[][]): number[] {
  return groups
    .map((g) => g.reduce((n, c) => n + w.articlesOf[c]!.length, 0))
    .filter((n) => n >= 2)
    .sort((a, b) => b - a);
}

function entityNames(w: Window): Map<string, string> {
  const names = new Map<string, string>();
  for (const input of w.inputs)
    for (const e of input.entities ?? []) names.set(`@${e.entityId}`, `${e.canonical}/${e.type}`);
  return names;
}

/** For each development gold storyline split over several predicted storylines: the parts and why they stay apart. */
function errors(w: Window, groups: number[][]): void {
  const storyOfCluster = new Map<number, number>();
  groups.forEach((g, s) => g.forEach((c) => storyOfCluster.set(c, s)));
  const names = entityNames(w);
  console.log(`\n## ${w.name}: split development storylines`);
  w.gold.storylines.forEach((gs, i) => {
    if (w.heldOut.has(i)) return;
    const parts = new Map<number, Set<number>>();
    for (const c of gs.clusters)
      for (const a of w.gold.clusters[c]!.articles) {
        const pc = w.clusterOfArticle.get(String(a));
        if (pc === undefined) continue;
        const s = storyOfCluster.get(pc)!;
        parts.set(s, (parts.get(s) ?? new Set()).add(pc));
      }
    if (parts.size < 2) return;
    const n = gs.clusters.reduce((k, c) => k + w.gold.clusters[c]!.articles.length, 0);
    console.log(`\n[${i}] ${gs.label} (${n} articles) → ${parts.size} predicted storylines`);
    const list = [...parts].sort((a, b) => b[1].size - a[1].size);
    const main = list[0]!;
    for (const [s, pcs] of list) {
      const foreign = groups[s]!.filter((c) => !pcs.has(c)).length;
      const ents = new Set<string>();
      for (const c of pcs)
        for (const t of clusterVector(w.at(c), STORYLINE_PARAMS.centroidTerms).terms)
          if (t.startsWith('@')) ents.add(t);
      let best = 0;
      let shared: string[] = [];
      if (s !== main[0])
        for (const c of pcs)
          for (const m of main[1]) {
            const a = clusterVector(w.at(c), 150);
            const b = clusterVector(w.at(m), 150);
            const cos = cosine(a, b);
            if (cos > best) {
              best = cos;
              shared = a.terms.filter((t) => b.terms.includes(t)).slice(0, 8);
            }
          }
      console.log(
        `  s${s}: ${pcs.size} clusters here, ${foreign} others; days ${[...pcs].map((c) => w.days[c]).join(',')}; best member cos to main ${best.toFixed(2)} [${shared.map((t) => names.get(t) ?? t).join(' ')}]`,
      );
      for (const c of [...pcs].slice(0, 3))
        console.log(
          `     · ${w.inputs.find((x) => goldId(x.id) === w.articlesOf[c]![0])?.headline?.slice(0, 90)} {${[...ents]
            .slice(0, 6)
            .map((t) => names.get(t) ?? t)
            .join(', ')}}`,
        );
    }
  });
}

const windows = SETS.filter((s) => existsSync(join(CACHE, `${s.name}-inputs.json`))).map(loadWindow);
for (const w of windows)
  console.log(
    `${w.name}: ${w.clusterCount} event clusters; held-out gold storylines: ${[...w.heldOut].map((i) => w.gold.storylines[i]!.label).join(' | ')}`,
  );

if (process.argv.includes('--errors')) {
  for (const w of windows) errors(w, link(w, STORYLINE_PARAMS));
  process.exit(0);
}

type Grid = Partial<StorylineParams>[];
const grid: Grid = [];
const list = (name: string, fallback: number[]): number[] =>
  process.env[name] ? process.env[name]!.split(',').map(Number) : fallback;
for (const threshold of list('SL_THRESHOLDS', [0.14, 0.16, 0.18, 0.2]))
  for (const memberThreshold of list('SL_MEMBER', [0.26, 0.3, 0.34]))
    for (const minSharedEntities of list('SL_MIN_SHARED', [0, 1]))
      for (const gateFrom of minSharedEntities === 0 ? [0] : list('SL_GATE_FROM', [0, 20, 60]))
        for (const sizeStep of list('SL_SIZE_STEP', [0, 0.03, 0.06]))
          grid.push({ threshold, memberThreshold, minSharedEntities, gateFrom, sizeStep });

/** Storylines above 60 articles whose events are not all connected through shared entity ids (realday eval's check). */
const entityCache = new Map<Window, Map<string, string[]>>();
function unsharedLarge(w: Window, groups: number[][]): number {
  let entitiesOf = entityCache.get(w);
  if (!entitiesOf) {
    entitiesOf = new Map();
    for (const input of w.inputs)
      entitiesOf.set(goldId(input.id), [...new Set((input.entities ?? []).map((e) => e.entityId ?? e.text))]);
    entityCache.set(w, entitiesOf);
  }
  let bad = 0;
  for (const g of groups) {
    if (g.reduce((n, c) => n + w.articlesOf[c]!.length, 0) <= 60) continue;
    // Union-find over the storyline's events: two events sharing an entity id are joined.
    const parent = g.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    const firstWith = new Map<string, number>();
    g.forEach((c, i) => {
      for (const a of w.articlesOf[c]!)
        for (const e of entitiesOf!.get(a) ?? []) {
          const j = firstWith.get(e);
          if (j === undefined) firstWith.set(e, i);
          else parent[find(i)] = find(j);
        }
    });
    if (new Set(g.map((_, i) => find(i))).size > 1) bad++;
  }
  return bad;
}

const dev = (w: Window) => (s: number) => !w.heldOut.has(s);
const rows = grid.map((g) => {
  const params = { ...STORYLINE_PARAMS, ...g };
  const perSet = windows.map((w) => {
    const groups = link(w, params);
    const all = sizes(w, groups);
    return {
      score: score(w, groups, dev(w)),
      largest: all[0] ?? 0,
      over60: all.filter((n) => n > 60).length,
      bad: unsharedLarge(w, groups),
    };
  });
  return { g, perSet };
});
const fmt = (g: Partial<StorylineParams>) => JSON.stringify(g);
for (const r of rows)
  console.log(
    `${fmt(r.g).padEnd(70)} ${r.perSet.map((s, i) => `${windows[i]!.name} F1 ${s.score.f.toFixed(3)} (P ${s.score.p.toFixed(3)} R ${s.score.r.toFixed(3)}, largest ${s.largest}, >60 ${s.over60}, unshared ${s.bad})`).join('  ')}`,
  );
const shipped = windows.map((w) => score(w, link(w, STORYLINE_PARAMS), dev(w)));
console.log(`shipped: ${shipped.map((s, i) => `${windows[i]!.name} ${s.f.toFixed(3)}`).join(' ')}`);
const both = [...rows]
  .filter((r) => r.perSet.every((s) => s.bad === 0))
  .sort((a, b) => b.perSet.reduce((n, s) => n + s.score.f, 0) - a.perSet.reduce((n, s) => n + s.score.f, 0))
  .slice(0, 8);
for (const r of both)
  console.log(`best on both (no unshared large): ${fmt(r.g)} ${r.perSet.map((s) => s.score.f.toFixed(3)).join(' / ')}`);
for (let i = 0; i < windows.length; i++) {
  const best = [...rows]
    .filter((r) => r.perSet[i]!.bad === 0)
    .sort((a, b) => b.perSet[i]!.score.f - a.perSet[i]!.score.f)[0]!;
  const other = 1 - i;
  if (!windows[other]) continue;
  console.log(
    `cross-set: chosen on ${windows[i]!.name} ${fmt(best.g)} (${best.perSet[i]!.score.f.toFixed(3)}) → ${windows[other]!.name} ${best.perSet[other]!.score.f.toFixed(3)}`,
  );
}
if (process.argv.includes('--final'))
  for (const w of windows) {
    const s = score(w, link(w, STORYLINE_PARAMS), (k) => w.heldOut.has(k));
    console.log(`held-out ${w.name}: storyline B-cubed P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} F1 ${s.f.toFixed(3)}`);
  }
