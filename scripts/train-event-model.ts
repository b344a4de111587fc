/**
 * Fits the same-happening pair model (src/corpus/cluster/pair-model.ts) on the development sets of
 * ../shared/gold/clusters, with the window inputs cached by `MARSAD_REALDAY_CACHE=<dir> npm run eval -- realday`.
 *
 * Method. Each set's gold clusters are split by index: every fifth cluster (index % 5 == 4) is a final held-out
 * block that no fit or choice reads. On the remaining (development) clusters:
 *   - cross-validation across sets: fit the logistic weights on the labelled pairs of set A, choose the link level by
 *     clustering A's whole window, then cluster B's whole window and score B (and the other way round);
 *   - final model: fit on both sets' development pairs, choose the link level on both windows, print it.
 * `--final` also scores the final model on the held-out clusters of both sets (report once).
 *
 * The decision grid: link level × mean weight × fallback text threshold (MARSAD_LINKS, MARSAD_MEAN_WEIGHTS,
 * MARSAD_TEXT_THRESHOLDS: comma-separated overrides). `--drop=a,b` zeroes those signals before fitting (ablation).
 *
 * Usage: MARSAD_REALDAY_CACHE=<dir> npx tsx scripts/train-event-model.ts [--final] [--drop=a,b]
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  addToIndex,
  articleFeatures,
  createEventIndex,
  type ArticleFeatures,
} from '../src/corpus/cluster/event-index.ts';
import { eventClusters } from '../src/corpus/cluster/assemble.ts';
import { pairSignals, PAIR_SIGNALS, type PairModel, type PairSide } from '../src/corpus/cluster/pair-features.ts';
import { EVENT_PARAMS } from '../src/corpus/cluster/params.ts';
import type { ClusterInput } from '../src/corpus/types.ts';

const started = Date.now();
const log = (m: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(0)}s] ${m}`);

const SHARED = process.env.MARSAD_SHARED ?? join(import.meta.dirname, '..', '..', 'shared');
const CACHE = process.env.MARSAD_REALDAY_CACHE;
if (!CACHE) throw new Error('set MARSAD_REALDAY_CACHE to the realday eval cache directory');
const SETS = [
  { name: 'egy', clusters: 'clusters-egy-2013-02-09_10.json' },
  { name: 'snn', clusters: 'clusters-saudinewsnet-2015-08-06_07.json' },
] as const;
/** Grids searched when choosing the decision (overridable for wider searches: comma-separated numbers). */
const LINKS = (process.env.MARSAD_LINKS ?? '0.4,0.45').split(',').map(Number);
const MEAN_WEIGHTS = (process.env.MARSAD_MEAN_WEIGHTS ?? '0.25,0.5').split(',').map(Number);
/** Body-cosine threshold of the text rule when the model places no cluster (EventParams.fallbackThreshold). */
const TEXT_THRESHOLDS = (process.env.MARSAD_TEXT_THRESHOLDS ?? '0.3,0.45').split(',').map(Number);
/** `--drop a,b`: signals zeroed before fitting (ablation: what a signal adds under the same CV). */
const DROP = new globalThis.Set(
  (process.argv.find((a) => a.startsWith('--drop='))?.slice('--drop='.length) ?? '').split(',').filter(Boolean),
);

interface Set {
  readonly name: string;
  readonly inputs: ClusterInput[];
  readonly features: ArticleFeatures[];
  /** Gold cluster index of each labelled article id. */
  readonly goldOf: Map<string, number>;
  readonly dev: Set_<string>;
  readonly heldOut: Set_<string>;
}
type Set_<T> = globalThis.Set<T>;

const goldId = (ref: string): string => basename(ref.replace(/#\d*$/u, '')).replace(/\.txt$/u, '');

function load(name: string, clustersFile: string): Set {
  const gold = JSON.parse(readFileSync(join(SHARED, 'gold/clusters', clustersFile), 'utf8')) as {
    clusters: { articles: string[] }[];
  };
  const goldOf = new Map<string, number>();
  const dev = new globalThis.Set<string>();
  const heldOut = new globalThis.Set<string>();
  gold.clusters.forEach((c, k) =>
    c.articles.forEach((a) => {
      goldOf.set(a, k);
      (k % 5 === 4 ? heldOut : dev).add(a);
    }),
  );
  const { inputs } = JSON.parse(readFileSync(join(CACHE!, `${name}-inputs.json`), 'utf8')) as {
    inputs: ClusterInput[];
  };
  return { name, inputs, features: inputs.map(articleFeatures), goldOf, dev, heldOut };
}

/** Labelled pairs (both in `ids`) within two days that share at least some words: signals and label. */
function pairs(set: Set, ids: Set_<string>): { x: number[][]; y: number[] } {
  const sides = set.features
    .filter((f) => ids.has(goldId(f.id)))
    .map((f) => {
      return {
        id: goldId(f.id),
        side: {
          outlet: f.outlet,
          day: f.day,
          vector: f.vector,
          headlineVector: f.headlineVector,
          evidence: f.evidence!,
        } as PairSide,
      };
    });
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < sides.length; i++) {
    for (let j = i + 1; j < sides.length; j++) {
      const a = sides[i]!;
      const b = sides[j]!;
      if (a.side.day !== null && b.side.day !== null && Math.abs(a.side.day - b.side.day) > 2) continue;
      const s = pairSignals(a.side, b.side).map((v, k) => (DROP.has(PAIR_SIGNALS[k]!) ? 0 : v));
      if (s[0]! < 0.05 && s[2]! < 0.05) continue;
      x.push(s);
      y.push(set.goldOf.get(a.id) === set.goldOf.get(b.id) ? 1 : 0);
    }
  }
  return { x, y };
}

/** L2-regularised logistic regression by full-batch gradient descent (positives up-weighted to balance). */
function fit(x: number[][], y: number[]): { bias: number; weights: number[] } {
  const d = PAIR_SIGNALS.length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const pos = y.filter((v) => v === 1).length;
  const posWeight = 1;
  void pos;
  const lambda = 1e-3;
  for (let iter = 0; iter < 1500; iter++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    let total = 0;
    for (let n = 0; n < x.length; n++) {
      let z = b;
      for (let k = 0; k < d; k++) z += w[k]! * x[n]![k]!;
      const p = 1 / (1 + Math.exp(-z));
      const weight = y[n] === 1 ? posWeight : 1;
      const g = (p - y[n]!) * weight;
      for (let k = 0; k < d; k++) gw[k]! += g * x[n]![k]!;
      gb += g;
      total += weight;
    }
    const rate = 1.0;
    for (let k = 0; k < d; k++) w[k] = w[k]! - rate * (gw[k]! / total + lambda * w[k]!);
    b -= rate * (gb / total);
  }
  return { bias: b, weights: w };
}

/** B-cubed and pairwise F1 of a clustering over the gold ids in `ids` (score_bcubed.py's definitions). */
function score(
  set: Set,
  clusters: readonly (readonly string[])[],
  ids: Set_<string>,
): { b3: number; pair: number; p: number; r: number } {
  const predOf = new Map<string, number>();
  clusters.forEach((c, k) =>
    c.forEach((ref) => {
      const id = goldId(ref);
      if (ids.has(id) && !predOf.has(id)) predOf.set(id, k);
    }),
  );
  let next = -1;
  for (const id of ids) if (!predOf.has(id)) predOf.set(id, next--);
  const G = new Map<number, string[]>();
  const P = new Map<number, string[]>();
  for (const id of ids) {
    G.set(set.goldOf.get(id)!, [...(G.get(set.goldOf.get(id)!) ?? []), id]);
    P.set(predOf.get(id)!, [...(P.get(predOf.get(id)!) ?? []), id]);
  }
  let bp = 0;
  let br = 0;
  for (const id of ids) {
    const g = G.get(set.goldOf.get(id)!)!;
    const p = P.get(predOf.get(id)!)!;
    const inter = p.filter((a) => set.goldOf.get(a) === set.goldOf.get(id)).length;
    bp += inter / p.length;
    br += inter / g.length;
  }
  bp /= ids.size;
  br /= ids.size;
  const c2 = (n: number): number => (n * (n - 1)) / 2;
  const goldPairs = [...G.values()].reduce((s, g) => s + c2(g.length), 0);
  const predPairs = [...P.values()].reduce((s, p) => s + c2(p.length), 0);
  let tp = 0;
  for (const p of P.values()) {
    const count = new Map<number, number>();
    for (const a of p) count.set(set.goldOf.get(a)!, (count.get(set.goldOf.get(a)!) ?? 0) + 1);
    for (const v of count.values()) tp += c2(v);
  }
  const pp = predPairs ? tp / predPairs : 1;
  const pr = goldPairs ? tp / goldPairs : 1;
  const f = (a: number, b: number): number => (a + b > 0 ? (2 * a * b) / (a + b) : 0);
  return { b3: f(bp, br), pair: f(pp, pr), p: bp, r: br };
}

interface Decision {
  readonly link: number;
  readonly meanWeight: number;
  readonly textThreshold: number;
}

function clusterWith(set: Set, model: PairModel, textThreshold: number): string[][] {
  const index = createEventIndex({ ...EVENT_PARAMS, pairModel: model, fallbackThreshold: textThreshold });
  addToIndex(index, set.features);
  return eventClusters(index).map((c) => [...c.articles]);
}

/** The decision (link level, mean weight, text threshold) maximising mean(B3 F1, pair F1) on the sets' development ids. */
function chooseLink(sets: readonly Set[], fitted: { bias: number; weights: number[] }): Decision {
  let best = { link: 0.5, meanWeight: 0, textThreshold: EVENT_PARAMS.fallbackThreshold, score: -1 };
  for (const textThreshold of TEXT_THRESHOLDS)
    for (const meanWeight of MEAN_WEIGHTS) {
      for (const link of LINKS) {
        const s = sets.map((set) =>
          score(set, clusterWith(set, { ...fitted, link, meanWeight }, textThreshold), set.dev),
        );
        const mean = s.reduce((sum, v) => sum + (v.b3 + v.pair) / 2, 0) / s.length;
        log(
          `    text ${textThreshold} mean ${meanWeight} link ${link}: ${s.map((v, i) => `${sets[i]!.name} B3 ${v.b3.toFixed(3)} pair ${v.pair.toFixed(3)}`).join(' · ')}`,
        );
        if (mean > best.score) best = { link, meanWeight, textThreshold, score: mean };
      }
    }
  return { link: best.link, meanWeight: best.meanWeight, textThreshold: best.textThreshold };
}

const modelOf = (fitted: { bias: number; weights: number[] }, d: Decision): PairModel => ({
  bias: fitted.bias,
  weights: fitted.weights,
  link: d.link,
  meanWeight: d.meanWeight,
});

const sets = SETS.map((s) => load(s.name, s.clusters));
log('features');
const devPairs = sets.map((s) => pairs(s, s.dev));
log(`pairs ${devPairs.map((p) => `${p.x.length} (${p.y.filter((v) => v === 1).length} +)`).join(', ')}`);
for (const [train, test] of [
  [0, 1],
  [1, 0],
] as const) {
  console.log(`fit on ${sets[train]!.name}, test on ${sets[test]!.name}`);
  const fitted = fit(devPairs[train]!.x, devPairs[train]!.y);
  const link = chooseLink([sets[train]!], fitted);
  const s = score(sets[test]!, clusterWith(sets[test]!, modelOf(fitted, link), link.textThreshold), sets[test]!.dev);
  console.log(
    `  => ${JSON.stringify(link)}; ${sets[test]!.name} dev: B3 F1 ${s.b3.toFixed(3)} (P ${s.p.toFixed(3)} R ${s.r.toFixed(3)}) pair F1 ${s.pair.toFixed(3)}`,
  );
}
console.log('final fit on both development parts');
const fitted = fit(
  devPairs.flatMap((p) => p.x),
  devPairs.flatMap((p) => p.y),
);
const link = chooseLink(sets, fitted);
const round = (v: number): number => Math.round(v * 1000) / 1000;
console.log(JSON.stringify({ bias: round(fitted.bias), weights: fitted.weights.map(round), ...link }));
if (process.argv.includes('--final')) {
  for (const set of sets) {
    const s = score(set, clusterWith(set, modelOf(fitted, link), link.textThreshold), set.heldOut);
    console.log(
      `  HELD-OUT ${set.name} (${set.heldOut.size} articles): B3 F1 ${s.b3.toFixed(3)} (P ${s.p.toFixed(3)} R ${s.r.toFixed(3)}) pair F1 ${s.pair.toFixed(3)}`,
    );
  }
}
