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
import {
  addToIndex,
  createEventIndex,
} from '../src/corpus/cluster/event-index.ts';
import { eventClusters } from '../src/corpus/cluster/assemble.ts';
import { pairSignals, PAIR_SIGNALS, type PairModel, type PairSide } from '../src/corpus/cluster/pair-features.ts';
import { EVENT_PARAMS } from '../src/corpus/cluster/params.ts';
import { GOLD_SETS, goldId, loadGoldSet, scoreClusters, type GoldSet as Set } from './event-gold-sets.ts';

const started = Date.now();
const log = (m: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(0)}s] ${m}`);

const CACHE = process.env.MARSAD_REALDAY_CACHE;
if (!CACHE) throw new Error('set MARSAD_REALDAY_CACHE to the realday eval cache directory');
/** Grids searched when choosing the decision (overridable for wider searches: comma-separated numbers). */
const LINKS = (process.env.MARSAD_LINKS ?? '0.4,0.45').split(',').map(Number);
const MEAN_WEIGHTS = (process.env.MARSAD_MEAN_WEIGHTS ?? '0.25,0.5').split(',').map(Number);
/** Body-cosine threshold of the text rule when the model places no cluster (EventParams.fallbackThreshold). */
const TEXT_THRESHOLDS = (process.env.MARSAD_TEXT_THRESHOLDS ?? '0.3,0.45').split(',').map(Number);
/** `--drop a,b`: signals zeroed before fitting (ablation: what a signal adds under the same CV). */
const DROP = new globalThis.Set(
  (process.argv.find((a) => a.startsWith('--drop='))?.slice('--drop='.length) ?? '').split(',').filter(Boolean),
);
type Set_<T> = globalThis.Set<T>;

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

const score = scoreClusters;

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

/** Average precision of the pair probabilities on labelled pairs (ranking quality, no clustering needed). */
function averagePrecision(fitted: { bias: number; weights: number[] }, data: { x: number[][]; y: number[] }): number {
  const scored = data.x
    .map((x, n) => ({ p: x.reduce((z, v, k) => z + (fitted.weights[k] ?? 0) * v, fitted.bias), y: data.y[n]! }))
    .sort((a, b) => b.p - a.p);
  const positives = scored.filter((s) => s.y === 1).length;
  let hits = 0;
  let sum = 0;
  scored.forEach((s, rank) => {
    if (s.y === 1) sum += ++hits / (rank + 1);
  });
  return positives ? sum / positives : 0;
}

const fmt = (s: { b3: number; p: number; r: number; pair: number }): string =>
  `B3 F1 ${s.b3.toFixed(3)} (P ${s.p.toFixed(3)} R ${s.r.toFixed(3)}) pair F1 ${s.pair.toFixed(3)}`;

const sets = GOLD_SETS.map((s) => loadGoldSet(s.name, s.clusters, CACHE));
log('features');
const devPairs = sets.map((s) => pairs(s, s.dev));
log(`pairs ${devPairs.map((p) => `${p.x.length} (${p.y.filter((v) => v === 1).length} +)`).join(', ')}`);
const FOLDS = 5;
// Pair ranking, k-fold by gold cluster within each set and across sets (cheap: no clustering).
for (const [k, set] of sets.entries()) {
  const aps: number[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const inFold = (id: string): boolean => set.foldOf.get(set.goldOf.get(id)!) === fold;
    const train = new globalThis.Set([...set.dev].filter((id) => !inFold(id)));
    const test = new globalThis.Set([...set.dev].filter(inFold));
    aps.push(averagePrecision(fit(...xy(pairs(set, train))), pairs(set, test)));
  }
  const other = fit(...xy(devPairs[1 - k]!));
  console.log(
    `pair AP ${set.name}: ${FOLDS}-fold by gold cluster ${(aps.reduce((a, b) => a + b, 0) / FOLDS).toFixed(3)} · fitted on the other set ${averagePrecision(other, devPairs[k]!).toFixed(3)}`,
  );
}
function xy(d: { x: number[][]; y: number[] }): [number[][], number[]] {
  return [d.x, d.y];
}
if (process.argv.includes('--pairs-only')) process.exit(0);
// Clustering, across sets: fit and choose the decision on one set, cluster and score the other's whole window.
for (const [train, test] of [
  [0, 1],
  [1, 0],
] as const) {
  const fitted = fit(devPairs[train]!.x, devPairs[train]!.y);
  const link = chooseLink([sets[train]!], fitted);
  const s = score(sets[test]!, clusterWith(sets[test]!, modelOf(fitted, link), link.textThreshold), sets[test]!.dev);
  console.log(`fit on ${sets[train]!.name}, test on ${sets[test]!.name}: ${JSON.stringify(link)}; dev ${fmt(s)}`);
}
// Clustering, k-fold by gold cluster within each set (`--kfold`): fit and choose on four folds, score the fifth.
if (process.argv.includes('--kfold'))
  for (const set of sets) {
    const parts: string[] = [];
    for (let fold = 0; fold < FOLDS; fold++) {
      const inFold = (id: string): boolean => set.foldOf.get(set.goldOf.get(id)!) === fold;
      const train = new globalThis.Set([...set.dev].filter((id) => !inFold(id)));
      const test = new globalThis.Set([...set.dev].filter(inFold));
      const fitted = fit(...xy(pairs(set, train)));
      const link = chooseLink([{ ...set, dev: train }], fitted);
      parts.push(fmt(score(set, clusterWith(set, modelOf(fitted, link), link.textThreshold), test)));
    }
    console.log(`${set.name} ${FOLDS}-fold:\n  ${parts.join('\n  ')}`);
  }
console.log('final fit on both development parts');
const fitted = fit(
  devPairs.flatMap((p) => p.x),
  devPairs.flatMap((p) => p.y),
);
const link = chooseLink(sets, fitted);
const round = (v: number): number => Math.round(v * 1000) / 1000;
console.log(JSON.stringify({ bias: round(fitted.bias), weights: fitted.weights.map(round), ...link }));
for (const set of sets)
  console.log(`  ${set.name} dev (the choice read it): ${fmt(score(set, clusterWith(set, modelOf(fitted, link), link.textThreshold), set.dev))}`);
if (process.argv.includes('--final')) {
  for (const set of sets) {
    const s = score(set, clusterWith(set, modelOf(fitted, link), link.textThreshold), set.heldOut);
    console.log(`  HELD-OUT ${set.name} (${set.heldOut.size} articles): ${fmt(s)}`);
  }
}
