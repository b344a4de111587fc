/**
 * Whether an article joins an event cluster, read at the level of the whole cluster (issue 15): one look-alike
 * member must not chain two happenings, and a cluster whose many members each share a little with the article (the
 * blood drive, the hospital and the victims' names of one bombing) must still be found. `linkSignals` summarises the
 * pair model's probabilities against the cluster's newest members with the article's similarity to the cluster's
 * centroid and summed headlines; `linkScore` weighs them with the cluster-level model of pair-model.ts (fitted by
 * scripts/train-event-model.ts), or, for a model without one, with the older best/mean mix. Pure.
 */
import type { PairModel } from './pair-model.ts';

/** Names of the cluster-level signals, in vector order (ClusterLinkModel weights follow this order). */
export const LINK_SIGNALS = [
  'best',
  'mean',
  'second',
  'shareLikely',
  'centroid',
  'headlineCentroid',
  'logMembers',
] as const;

/** What the decision reads of one (article, candidate cluster) pair. */
export interface LinkEvidence {
  /** Pair-model probabilities against the compared members (any order). */
  readonly probabilities: readonly number[];
  /** Cosine of the article's vector with the cluster centroid. */
  readonly centroid: number;
  /** Cosine of the article's headline with the cluster's summed headlines. */
  readonly headlineCentroid: number;
  /** Members in the cluster (all of them, not only those compared). */
  readonly members: number;
}

/** Probability from which a compared member counts as a likely match (shareLikely). */
const LIKELY = 0.5;

/** Cluster-level signal vector (see LINK_SIGNALS). */
export function linkSignals(evidence: LinkEvidence): number[] {
  const probs = [...evidence.probabilities].sort((a, b) => b - a);
  const n = Math.max(1, probs.length);
  return [
    probs[0] ?? 0,
    probs.reduce((s, p) => s + p, 0) / n,
    probs[1] ?? probs[0] ?? 0,
    probs.filter((p) => p >= LIKELY).length / n,
    evidence.centroid,
    evidence.headlineCentroid,
    Math.log(Math.max(1, evidence.members)),
  ];
}

/** The link score compared with `model.link`: the cluster-level model's probability, else the best/mean mix. */
export function linkScore(evidence: LinkEvidence, model: PairModel): number {
  const x = linkSignals(evidence);
  const cluster = model.cluster;
  if (!cluster) return (1 - model.meanWeight) * x[0]! + model.meanWeight * x[1]!;
  let z = cluster.bias;
  for (let i = 0; i < x.length; i++) z += (cluster.weights[i] ?? 0) * x[i]!;
  return 1 / (1 + Math.exp(-z));
}
