/**
 * Fits the same-happening pair model (src/corpus/cluster/pair-model.ts) on the development sets of
 * ../shared/gold/clusters, with the window inputs cached by `MARSAD_REALDAY_CACHE=<dir> npx tsx eval/run.ts realday`.
 *
 * Method. Each set's gold clusters are split by a seeded hash (scripts/event-gold-sets.ts): a fifth is a final
 * held-out block that no fit or choice reads; the rest (development) is also cut into 5 folds by gold cluster.
 *   - pair ranking: average precision of the logistic pair model, 5-fold by gold cluster within each set and fitted
 *     on the other set (no clustering; `--pairs-only` stops there);
 *   - cross-validation across sets: fit the logistic weights on the labelled pairs of set A, choose the decision by
 *     clustering A's whole window, then cluster B's whole window and score B (and the other way round);
 *     `--kfold` also does this 5-fold by gold cluster within each set;
 *   - final model: fit on both sets' development pairs, choose the decision on both windows, print it.
 * `--cluster-model` instead fits the cluster-level link model (cluster/cluster-link.ts) on examples recorded while
 * replaying each window (`--keep-pair`: with the committed pair weights), across sets and then on both.
 * `--compare` clusters both windows with the pair model refitted and the committed best/mean decision.
 * `--final` also scores the final model on the held-out clusters of both sets (report once).
 *
 * The decision grid: link level × mean weight × fallback text threshold (MARSAD_LINKS, MARSAD_MEAN_WEIGHTS,
 * MARSAD_TEXT_THRESHOLDS, MARSAD_CLUSTER_LINKS: comma-separated overrides; MARSAD_L2: the L2 penalty). `--drop=a,b`
 * zeroes those signals before fitting (ablation).
 *
 * Usage: MARSAD_REALDAY_CACHE=<dir> npx tsx scripts/train-event-model.ts [--pairs-only|--kfold|--cluster-model
 *   [--keep-pair]|--compare] [--final] [--drop=a,b]
 */
import {
  addToIndex,
  compareByDateThenId,
  createEventIndex,
  linkCandidates,
} from '../src/corpus/cluster/event-index.ts';
import { linkSignals } from '../src/corpus/cluster/cluster-link.ts';
import { PAIR_MODEL } from '../src/corpus/cluster/pair-model.ts';
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

/** L2 penalty of the logistic fit (per pair, on the weights, not the bias); MARSAD_L2 overrides. */
const LAMBDA = Number(process.env.MARSAD_L2 ?? 1e-3);

/** L2-regularised logistic regression fitted by Newton's method (exact optimum; the signals are few). */
function fit(x: number[][], y: number[]): { bias: number; weights: number[] } {
  const d = (x[0]?.length ?? PAIR_SIGNALS.length) + 1; // last coordinate: the bias
  const w = new Array<number>(d).fill(0);
  const row = (n: number): number[] => [...x[n]!, 1];
  for (let iter = 0; iter < 30; iter++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let n = 0; n < x.length; n++) {
      const r = row(n);
      const z = r.reduce((sum, v, k) => sum + w[k]! * v, 0);
      const p = 1 / (1 + Math.exp(-z));
      const q = Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i < d; i++) {
        g[i]! += (p - y[n]!) * r[i]!;
        for (let j = 0; j <= i; j++) h[i]![j]! += q * r[i]! * r[j]!;
      }
    }
    for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) h[j]![i] = h[i]![j]!;
    for (let i = 0; i < d; i++) {
      g[i] = g[i]! / x.length + (i < d - 1 ? LAMBDA * w[i]! : 0);
      for (let j = 0; j < d; j++) h[i]![j] = h[i]![j]! / x.length + (i === j && i < d - 1 ? LAMBDA : 0);
      h[i]![i] = h[i]![i]! + 1e-9;
    }
    const step = solve(h, g);
    for (let i = 0; i < d; i++) w[i] = w[i]! - step[i]!;
    if (Math.max(...step.map(Math.abs)) < 1e-7) break;
  }
  return { bias: w[d - 1]!, weights: w.slice(0, d - 1) };
}

/** Solves A·s = b by Gaussian elimination with partial pivoting (A small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k] = m[r]![k]! - f * m[c]![k]!;
    }
  }
  const s = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let v = m[r]![n]!;
    for (let k = r + 1; k < n; k++) v -= m[r]![k]! * s[k]!;
    s[r] = v / m[r]![r]!;
  }
  return s;
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
for (const [k, set] of process.argv.includes('--cluster-model') ? [] : sets.entries()) {
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
type Fitted = { bias: number; weights: number[] };
/** Link levels searched for the cluster-level model (MARSAD_CLUSTER_LINKS overrides). */
const CLUSTER_LINKS = (process.env.MARSAD_CLUSTER_LINKS ?? '0.4,0.5,0.6').split(',').map(Number);

/**
 * Cluster-level training examples: replays a set's whole window in clustering order with the pair model and the
 * best/mean decision, and at each labelled article (in `ids`) that the model decides for, records every candidate
 * cluster holding labelled members: its link signals (cluster-link.ts) and whether most of those members share the
 * article's gold event.
 */
function linkExamples(set: Set, pair: Fitted, ids: Set_<string>): { x: number[][]; y: number[] } {
  const index = createEventIndex({ ...EVENT_PARAMS, pairModel: { ...PAIR_MODEL, ...pair, cluster: undefined } });
  const x: number[][] = [];
  const y: number[] = [];
  for (const feature of [...set.features].sort(compareByDateThenId)) {
    const id = goldId(feature.id);
    const ev = feature.evidence;
    if (ids.has(id) && feature.day !== null && ev && (ev.entities.length > 0 || ev.figures.length > 0))
      for (const candidate of linkCandidates(index, feature)) {
        const labelled = index.clusters[candidate.cluster]!.members.map((m) => goldId(index.articles[m]!.id)).filter(
          (m) => ids.has(m),
        );
        if (labelled.length === 0) continue;
        const same = labelled.filter((m) => set.goldOf.get(m) === set.goldOf.get(id)).length;
        x.push(linkSignals(candidate.evidence));
        y.push(same * 2 >= labelled.length ? 1 : 0);
      }
    addToIndex(index, [feature]);
  }
  return { x, y };
}

/** Pair model + cluster-level model fitted on `ids` of `train`, link level chosen on those ids' windows. */
function fitAll(train: readonly { set: Set; ids: Set_<string> }[]): PairModel {
  const pp = train.map(({ set, ids }) => pairs(set, ids));
  // `--keep-pair`: the committed pair weights stay (only the cluster-level model and the link level are fitted).
  const pair = process.argv.includes('--keep-pair')
    ? { bias: PAIR_MODEL.bias, weights: PAIR_SIGNALS.map((_, k) => PAIR_MODEL.weights[k] ?? 0) }
    : fit(
        pp.flatMap((p) => p.x),
        pp.flatMap((p) => p.y),
      );
  const ex = train.map(({ set, ids }) => linkExamples(set, pair, ids));
  const cluster = fit(
    ex.flatMap((e) => e.x),
    ex.flatMap((e) => e.y),
  );
  log(`  link examples ${ex.map((e) => `${e.x.length} (${e.y.filter((v) => v === 1).length} +)`).join(', ')}`);
  let best: { model: PairModel; score: number } | null = null;
  for (const link of CLUSTER_LINKS) {
    const model: PairModel = { ...pair, link, meanWeight: 0, cluster };
    const s = train.map(({ set, ids }) => score(set, clusterWith(set, model, EVENT_PARAMS.fallbackThreshold), ids));
    const mean = s.reduce((sum, v) => sum + (v.b3 + v.pair) / 2, 0) / s.length;
    log(`    link ${link}: ${s.map((v, i) => `${train[i]!.set.name} ${fmt(v)}`).join(' · ')}`);
    if (!best || mean > best.score) best = { model, score: mean };
  }
  return best!.model;
}

const modelJson = (m: PairModel): string => {
  const r = (v: number): number => Math.round(v * 1000) / 1000;
  return JSON.stringify({
    bias: r(m.bias),
    weights: m.weights.map(r),
    link: m.link,
    meanWeight: m.meanWeight,
    cluster: m.cluster ? { bias: r(m.cluster.bias), weights: m.cluster.weights.map(r) } : undefined,
  });
};

// `--compare`: the shipped decision (best/mean mix) with the pair model refitted on both development parts, with
// and without the signals named by --drop (dev ids; a quick check of what the pair signals add).
if (process.argv.includes('--compare')) {
  const pair = fit(
    devPairs.flatMap((p) => p.x),
    devPairs.flatMap((p) => p.y),
  );
  for (const set of sets)
    console.log(
      `  refit, mix decision: ${set.name} ${fmt(score(set, clusterWith(set, { ...PAIR_MODEL, ...pair, cluster: undefined }, EVENT_PARAMS.fallbackThreshold), set.dev))}`,
    );
  process.exit(0);
}

if (process.argv.includes('--cluster-model')) {
  for (const [train, test] of [
    [0, 1],
    [1, 0],
  ] as const) {
    const model = fitAll([{ set: sets[train]!, ids: sets[train]!.dev }]);
    const s = score(sets[test]!, clusterWith(sets[test]!, model, EVENT_PARAMS.fallbackThreshold), sets[test]!.dev);
    console.log(`fit on ${sets[train]!.name}, test on ${sets[test]!.name}: link ${model.link}; dev ${fmt(s)}`);
  }
  console.log('final fit on both development parts');
  const model = fitAll(sets.map((set) => ({ set, ids: set.dev })));
  console.log(modelJson(model));
  if (process.argv.includes('--final'))
    for (const set of sets) {
      const s = score(set, clusterWith(set, model, EVENT_PARAMS.fallbackThreshold), set.heldOut);
      console.log(`  HELD-OUT ${set.name} (${set.heldOut.size} articles): ${fmt(s)}`);
    }
  process.exit(0);
}

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
  console.log(
    `  ${set.name} dev (the choice read it): ${fmt(score(set, clusterWith(set, modelOf(fitted, link), link.textThreshold), set.dev))}`,
  );
if (process.argv.includes('--final')) {
  for (const set of sets) {
    const s = score(set, clusterWith(set, modelOf(fitted, link), link.textThreshold), set.heldOut);
    console.log(`  HELD-OUT ${set.name} (${set.heldOut.size} articles): ${fmt(s)}`);
  }
}
