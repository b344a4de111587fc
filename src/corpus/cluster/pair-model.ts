/**
 * Weights of the same-happening pair model (pair-features.ts, signals in PAIR_SIGNALS order), fitted by
 * scripts/train-event-model.ts on the development parts of both sets in ../shared/gold/clusters (every fifth gold
 * cluster held out), link level chosen by clustering both whole windows. Method and figures: docs/stories.md.
 * Regenerate with that script; do not edit by hand.
 */

/** A fitted same-happening model (scripts/train-event-model.ts). */
export interface PairModel {
  readonly bias: number;
  readonly weights: readonly number[];
  /** Level of the link score (see meanWeight) from which an article joins a cluster. */
  readonly link: number;
  /** Without `cluster`: link score = (1 − meanWeight) × best member probability + meanWeight × mean probability. */
  readonly meanWeight: number;
  /** Cluster-level logistic model over LINK_SIGNALS (cluster-link.ts); when present the link score is its probability. */
  readonly cluster?: { readonly bias: number; readonly weights: readonly number[] };
}

export const PAIR_MODEL: PairModel = Object.freeze({
  bias: -4.56,
  weights: Object.freeze([
    2.324, 1.408, 2.248, 1.838, 1.093, 1.066, 0.429, 0.765, 0.415, 0.245, -0.407, -0.016, -0.146, -0.559, 0.308,
  ]),
  link: 0.45,
  meanWeight: 0.25,
});
