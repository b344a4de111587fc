/**
 * Corpus stage entry (issue 4): near-duplicates, event clusters, storylines, timelines and claims across
 * articles. `clusterArticles` is pure: the same inputs in any order give the same result.
 */
import type { ClusterInput, ClusterResult } from './types.ts';
import { addToIndex, articleFeatures, createEventIndex, type ArticleFeatures, type EventIndex } from './cluster/event-index.ts';
import { duplicateGroups, eventClusters, storylines } from './cluster/assemble.ts';
import { buildTimeline } from './timeline/timeline.ts';
import { findClaims } from './claims/claims.ts';

export type { ClusterInput, ClusterResult } from './types.ts';
export { createEventIndex, addToIndex, articleFeatures } from './cluster/event-index.ts';

/** Clusters a batch of articles; inputs whose features cannot be computed are left out (see `skipped`). */
export function clusterArticles(inputs: readonly ClusterInput[]): ClusterResult & { readonly skipped: readonly string[] } {
  const index = createEventIndex();
  const features: ArticleFeatures[] = [];
  const skipped: string[] = [];
  const byId = new Map<string, ClusterInput>();
  for (const input of inputs) {
    if (byId.has(input.id) || typeof input.body !== 'string') {
      skipped.push(String(input.id));
      continue;
    }
    byId.set(input.id, input);
    features.push(articleFeatures(input));
  }
  addToIndex(index, features);
  return { ...resultOf(index, byId), skipped };
}

/** Assembles the full result of an index, with timeline and claims read from the inputs' annotations. */
export function resultOf(index: EventIndex, inputs: ReadonlyMap<string, ClusterInput>): ClusterResult {
  const clusters = eventClusters(index);
  const stories = storylines(index, clusters);
  const storyArticles = stories.map((s) => s.eventClusters.flatMap((c) => clusters[c]!.articles).map((id) => inputs.get(id)).filter((a): a is ClusterInput => a !== undefined));
  const timeline = storyArticles.flatMap((articles, s) => buildTimeline(s, articles));
  return {
    duplicates: duplicateGroups(index),
    eventClusters: clusters,
    storylines: stories,
    timeline: timeline.filter((e) => e.date !== null),
    undated: timeline.filter((e) => e.date === null),
    claims: storyArticles.flatMap((articles, s) => findClaims(s, articles)),
  };
}
