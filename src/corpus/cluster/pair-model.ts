/**
 * Weights of the same-happening pair model (pair-features.ts), fitted by scripts/train-event-model.ts on the
 * development sets of ../shared/gold/clusters (cross-validated across the two sets; method and figures in
 * docs/stories.md). Regenerate with that script; do not edit by hand.
 */
import type { PairModel } from './pair-features.ts';

export const PAIR_MODEL: PairModel = Object.freeze({
  bias: -6,
  weights: Object.freeze([4, 3, 3, 2, 0, 0, 2, 0.5, 0.5, -0.5, -0.5, -1.5, 0.5, -0.5, 0.3]),
  link: 0.5,
  meanWeight: 0,
});
