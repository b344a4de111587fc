/**
 * Corpus stage entry (issue 4): near-duplicates, event clusters, storylines, timelines and claims across
 * articles. `clusterArticles` is pure: the same inputs in any order give the same result.
 */
import type { ClusterInput, ClusterResult } from './types.ts';
import {
  addToIndex,
  articleFeatures,
  createEventIndex,
  type ArticleFeatures,
  type EventIndex,
} from './cluster/event-index.ts';
import { duplicateGroups, eventClusters, storylines } from './cluster/assemble.ts';
import { buildTimeline } from './timeline/timeline.ts';
import { findClaims } from './claims/claims.ts';
import { EVENT_PARAMS, type EventParams } from './cluster/params.ts';
import type { EventArchive } from './cluster/event-archive.ts';
import { boundedWindow, type WindowStats } from './cluster/event-window.ts';

export type { ClusterInput, ClusterResult } from './types.ts';
export {
  createEventIndex,
  addToIndex,
  articleFeatures,
  type EventIndex,
  type ArticleFeatures,
} from './cluster/event-index.ts';

export interface ClusterOptions {
  /** Overrides of the event thresholds (tuning runs; defaults in cluster/params.ts). */
  readonly eventParams?: Partial<EventParams>;
  /**
   * Bounded memory (issue 18): events that can no longer receive articles are frozen into this archive and thawed
   * when a late article needs them (cluster/event-window.ts). The result is identical to an unbounded run.
   */
  readonly archive?: EventArchive;
  /** Days behind the newest article an untouched event stays in memory (default: `maxSpanDays` of the event parameters). */
  readonly openDays?: number;
  /** Receives the window's counters (frozen, thawed, peak live clusters) of a bounded run. */
  readonly onWindowStats?: (stats: WindowStats) => void;
}

/** Clusters a batch of articles; an input with a repeated id or a non-text body is left out (listed in `skipped`). */
export function clusterArticles(
  inputs: readonly ClusterInput[],
  options: ClusterOptions = {},
): ClusterResult & { readonly skipped: readonly string[] } {
  const window = options.archive ? boundedWindow({ archive: options.archive, openDays: options.openDays }) : null;
  const index = createEventIndex({ ...EVENT_PARAMS, ...options.eventParams }, window);
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
  const result = { ...resultOf(index, byId), skipped };
  if (window) options.onWindowStats?.(window.stats);
  return result;
}

/** Assembles the full result of an index, with timeline and claims read from the inputs' annotations. */
export function resultOf(index: EventIndex, inputs: ReadonlyMap<string, ClusterInput>): ClusterResult {
  const clusters = eventClusters(index);
  const stories = storylines(index, clusters);
  const storyArticles = stories.map((s) =>
    s.eventClusters
      .flatMap((c) => clusters[c]!.articles)
      .map((id) => inputs.get(id))
      .filter((a): a is ClusterInput => a !== undefined),
  );
  const clusterIndex = new Map<string, number>();
  clusters.forEach((c, k) => c.articles.forEach((id) => clusterIndex.set(id, k)));
  const timeline = storyArticles.flatMap((articles, s) => buildTimeline(s, articles));
  return {
    duplicates: duplicateGroups(index),
    eventClusters: clusters,
    storylines: stories,
    timeline: timeline.filter((e) => e.date !== null),
    undated: timeline.filter((e) => e.date === null),
    // Agreeing figures are grouped across a storyline; differing ones only within one happening (event cluster).
    claims: storyArticles.flatMap((articles, s) => findClaims(s, articles, (id) => clusterIndex.get(id))),
  };
}

export { duplicateGroups, eventClusterAt, eventClusters, storylines } from './cluster/assemble.ts';
export { linkStorylines } from './cluster/storylines.ts';
export { clusterAt, isIndexed } from './cluster/event-index.ts';
export { memoryEventArchive, type EventArchive } from './cluster/event-archive.ts';
export { boundedWindow, type WindowStats } from './cluster/event-window.ts';
export { buildTimeline } from './timeline/timeline.ts';
export { findClaims } from './claims/claims.ts';
export { featuresFromJson, featuresToJson } from './features-json.ts';
export { toClusterInput } from './input.ts';
