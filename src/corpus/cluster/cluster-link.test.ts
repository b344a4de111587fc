import { describe, expect, it } from 'vitest';
import { linkScore, linkSignals, LINK_SIGNALS, type LinkEvidence } from './cluster-link.ts';
import type { PairModel } from './pair-model.ts';

const MIX: PairModel = { bias: 0, weights: [], link: 0.45, meanWeight: 0.25 };
// A cluster-level model that rewards many likely members and a centroid match, and distrusts a lone look-alike.
const LEARNED: PairModel = { ...MIX, link: 0.5, cluster: { bias: -3, weights: [1, 2, 1, 2, 3, 1, 0] } };

// One bombing reported by many outlets: every member shares a little with the article, none much.
const WIDE: LinkEvidence = {
  probabilities: [0.35, 0.4, 0.3, 0.38, 0.42, 0.36],
  centroid: 0.45,
  headlineCentroid: 0.4,
  members: 6,
};
// One look-alike member in a cluster about something else.
const LOOKALIKE: LinkEvidence = {
  probabilities: [0.6, 0.02, 0.03, 0.01],
  centroid: 0.12,
  headlineCentroid: 0.1,
  members: 4,
};

describe('cluster-level link decision', () => {
  it('gives one signal per named signal, whatever the order of the probabilities', () => {
    const x = linkSignals(WIDE);
    expect(x).toHaveLength(LINK_SIGNALS.length);
    expect(linkSignals({ ...WIDE, probabilities: [...WIDE.probabilities].reverse() })).toEqual(x);
    expect(x[LINK_SIGNALS.indexOf('best')]).toBe(0.42);
    expect(x[LINK_SIGNALS.indexOf('second')]).toBe(0.4);
    expect(x[LINK_SIGNALS.indexOf('shareLikely')]).toBe(0);
    expect(linkSignals(LOOKALIKE)[LINK_SIGNALS.indexOf('shareLikely')]).toBe(0.25);
  });

  it('without a cluster-level model, mixes the best and the mean member probability', () => {
    const mean = WIDE.probabilities.reduce((s, p) => s + p, 0) / WIDE.probabilities.length;
    expect(linkScore(WIDE, MIX)).toBeCloseTo(0.75 * 0.42 + 0.25 * mean);
  });

  it('with a cluster-level model, joins the wide cluster and leaves the look-alike', () => {
    expect(linkScore(WIDE, LEARNED)).toBeGreaterThan(LEARNED.link);
    expect(linkScore(LOOKALIKE, LEARNED)).toBeLessThan(LEARNED.link);
    expect(linkScore(LOOKALIKE, MIX)).toBeGreaterThan(linkScore(WIDE, MIX));
  });
});
