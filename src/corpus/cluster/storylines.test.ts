import { describe, expect, it } from 'vitest';
import type { ClusterState } from './event-index.ts';
import { linkStorylines } from './storylines.ts';
import { STORYLINE_PARAMS } from './params.ts';

// Written for these tests: event clusters as centroids of folded terms and linked entities (`@id`).
function cluster(day: number, terms: Record<string, number>): ClusterState {
  const centroid = new Map(Object.entries(terms));
  return {
    members: [0],
    centroid,
    norm: Math.sqrt([...centroid.values()].reduce((s, w) => s + w * w, 0)),
    firstDay: day,
    lastDay: day,
    outlets: new Set(),
    headlines: new Map(),
    headlineNorm: 0,
  };
}

const STRIKE = cluster(100, { اضراب: 5, عمال: 4, مصنع: 3, غزل: 3, '@e_mahalla': 3, '@e_union': 2 });
// The strike's storyline drifts into wages and the union's talks with the ministry.
const TALKS = cluster(101, { اضراب: 3, عمال: 2, اجور: 5, وزاره: 4, مفاوضات: 4, '@e_union': 3, '@e_ministry': 3 });
const WAGES = [102, 103, 104].map((day) =>
  cluster(day, { اجور: 5, حد: 4, ادني: 4, مفاوضات: 3, وزاره: 3, '@e_union': 3, '@e_ministry': 2 }),
);
// Day 105: the strike ends; close to the strike's own cluster (0.87), far from the drifted storyline centroid (0.28).
const STRIKE_ENDS = cluster(105, { اضراب: 5, عمال: 4, مصنع: 3, غزل: 3, انتهاء: 4, '@e_mahalla': 3 });
// Another factory's strike in another town: the same words, no shared actor or place.
const OTHER_STRIKE = cluster(103, { اضراب: 5, عمال: 4, مصنع: 3, سكر: 3, '@e_naga_hammadi': 3 });

describe('storylines', () => {
  it('links a cluster to the storyline member it continues, when the centroid has drifted', () => {
    const clusters = [STRIKE, TALKS, ...WAGES, STRIKE_ENDS];
    const order = clusters.map((_, c) => c);
    const params = { ...STORYLINE_PARAMS, threshold: 0.34, memberThreshold: 0.7, minSharedEntities: 0 };
    expect(linkStorylines(clusters, order, { ...params, memberThreshold: 2 })).toEqual([[0, 1, 2, 3, 4], [5]]);
    expect(linkStorylines(clusters, order, params)).toEqual([[0, 1, 2, 3, 4, 5]]);
  });

  it('keeps a look-alike happening with no shared linked entity out of the storyline', () => {
    const clusters = [STRIKE, OTHER_STRIKE];
    const params = { ...STORYLINE_PARAMS, threshold: 0.3, memberThreshold: 2 };
    expect(linkStorylines(clusters, [0, 1], { ...params, minSharedEntities: 0 })).toEqual([[0, 1]]);
    expect(linkStorylines(clusters, [0, 1], { ...params, minSharedEntities: 1 })).toEqual([[0], [1]]);
  });
});
