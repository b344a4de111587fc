import { describe, expect, it } from 'vitest';
import { addToIndex, articleFeatures, clusterArticles, createEventIndex, resultOf } from './index.ts';
import {
  ALL_ARTICLES,
  FLOOD_A,
  FLOOD_B,
  FLOOD_FOLLOW_UP,
  FOOTBALL,
  UNDATED_FLOOD,
  WIRE_COPY,
  WIRE_ORIGINAL,
} from './fixtures/articles.ts';
import type { ClusterInput } from './types.ts';

const ids = (clusters: readonly { articles: readonly string[] }[]): string[][] => clusters.map((c) => [...c.articles]);

describe('clusterArticles', () => {
  const result = clusterArticles(ALL_ARTICLES);

  it('folds an agency wire re-run by another outlet into one duplicate group flagged as wire copy', () => {
    expect(result.duplicates).toEqual([
      { original: WIRE_ORIGINAL.id, copies: [WIRE_COPY.id], wire: true, agency: 'واس' },
    ]);
  });

  it('still calls a re-run wire copy when the copy dropped the agency credit', () => {
    const uncredited = { ...WIRE_COPY, citedSources: [] };
    expect(clusterArticles([WIRE_ORIGINAL, uncredited]).duplicates).toEqual([
      { original: WIRE_ORIGINAL.id, copies: [WIRE_COPY.id], wire: true, agency: 'واس' },
    ]);
    const neither = clusterArticles([
      { ...WIRE_ORIGINAL, citedSources: [], body: WIRE_ORIGINAL.body.replace('الرياض - واس\n', '') },
      uncredited,
    ]);
    expect(neither.duplicates[0]).toMatchObject({ wire: false, agency: null });
  });

  it('puts independent reports of the same flood (one undated) in one event cluster and keeps unrelated news apart', () => {
    expect(ids(result.eventClusters)).toEqual([
      [WIRE_ORIGINAL.id, WIRE_COPY.id],
      [FLOOD_A.id, FLOOD_B.id, UNDATED_FLOOD.id],
      [FOOTBALL.id],
      [FLOOD_FOLLOW_UP.id],
    ]);
    expect(result.eventClusters[1]).toMatchObject({ firstDate: '2015-10-06', lastDate: '2015-10-07' });
  });

  it('links the flood follow-up two weeks later into the flood storyline, not the football one', () => {
    expect(result.storylines.map((s) => s.eventClusters)).toEqual([[0], [1, 3], [2]]);
    expect(result.storylines[1]).toMatchObject({ firstDate: '2015-10-06', lastDate: '2015-10-20' });
  });

  it('labels a cluster with the member headline closest to its centroid', () => {
    expect([FLOOD_A.headline, FLOOD_B.headline, UNDATED_FLOOD.headline]).toContain(result.eventClusters[1]!.label);
  });

  it('gives the same result whatever the input order, and the same ids on a rerun', () => {
    const reversed = clusterArticles([...ALL_ARTICLES].reverse());
    const rotated = clusterArticles([...ALL_ARTICLES.slice(3), ...ALL_ARTICLES.slice(0, 3)]);
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(result));
    expect(JSON.stringify(rotated)).toBe(JSON.stringify(result));
  });

  it('updates incrementally: adding later articles to an index equals clustering all at once', () => {
    const index = createEventIndex();
    const early = ALL_ARTICLES.filter((a) => a.published !== null && a.published <= '2015-10-05');
    const late = ALL_ARTICLES.filter((a) => !early.includes(a));
    addToIndex(index, early.map(articleFeatures));
    const before = index.clusters.length;
    addToIndex(index, late.map(articleFeatures));
    addToIndex(index, late.map(articleFeatures)); // already present: ignored
    expect(before).toBe(1);
    const byId = new Map(ALL_ARTICLES.map((a) => [a.id, a] as const));
    const incremental = resultOf(index, byId);
    expect(ids(incremental.eventClusters)).toEqual(ids(result.eventClusters));
  });

  it('survives empty and duplicate-id inputs without failing the batch', () => {
    const empty: ClusterInput = { id: 'empty#0', outlet: null, published: null, headline: null, body: '' };
    const out = clusterArticles([FLOOD_A, empty, { ...FLOOD_A }]);
    expect(out.skipped).toEqual([FLOOD_A.id]);
    expect(ids(out.eventClusters)).toEqual([[FLOOD_A.id], ['empty#0']]);
    expect(out.eventClusters[1]!.label).toBe('empty#0');
  });
});
