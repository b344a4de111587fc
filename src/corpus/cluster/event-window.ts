/**
 * Bounded memory for the event index (issue 18): only clusters that can still receive articles stay in memory.
 * A cluster untouched for more than `openDays` days behind the newest article is frozen into an EventArchive
 * (its state and its members' features); when a late article needs it — a candidate found through the term
 * postings, or the original of a near-duplicate found through the LSH buckets, which the archive keeps for every
 * article — it is thawed first. Decisions therefore never change: the window only decides what is in memory.
 */
import {
  archivedCluster,
  archivedFeatures,
  restoredCluster,
  restoredFeatures,
  type EventArchive,
} from './event-archive.ts';
import type { ArticleFeatures, ClusterState, EventIndex, IndexWindow } from './event-index.ts';
import { frozenSummary } from './assemble.ts';

export interface WindowOptions {
  readonly archive: EventArchive;
  /**
   * Days behind the newest article after which an untouched cluster is frozen, by default the event parameters'
   * `maxSpanDays` (2): a dated article joins a cluster only within that many days of the cluster's first day, so in
   * date order a cluster untouched for longer is never a candidate again; only near-duplicate re-runs (found through
   * the LSH buckets) and undated or late-ingested articles thaw one. Measured on the 31,030 SaudiNewsNet articles
   * (docs/stories.md «Bounded memory»): 1 day → 264 thaws, peak 3,608 clusters in memory; 2 → 126, 4,414; 3 → 85,
   * 5,841; 5 → 41, 7,643. A thaw costs one read of the cluster; each extra day keeps ~1,000–1,400 more clusters.
   */
  readonly openDays?: number;
}

/** Counters of a bounded run (reported by the bench and the docs). */
export interface WindowStats {
  frozen: number;
  thawed: number;
  /** Largest number of clusters in memory at once. */
  peakLive: number;
}

/** A window over an archive; pass it to `createEventIndex(params, window)`. */
export function boundedWindow(options: WindowOptions): IndexWindow & { readonly stats: WindowStats } {
  const { archive } = options;
  let newestDay: number | null = null;
  /** Live cluster → newest day seen when it last gained a member (insertion order ≈ age). */
  const touchedOn = new Map<number, number>();
  /** Articles whose features are already in the archive (thawed clusters): not written again on refreezing. */
  const archived = new Set<number>();
  const stats: WindowStats = { frozen: 0, thawed: 0, peakLive: 0 };

  function freeze(index: EventIndex, cluster: number): void {
    const state = index.clusters[cluster]!;
    // Summarised while its members are in memory: assembling the results then reads only this cluster's record.
    const summary = frozenSummary(
      state,
      state.members.map((n) => index.articles[n]!),
    );
    for (const n of state.members) {
      const feature = index.articles[n]!;
      if (!archived.delete(n))
        archive.putArticle({
          number: n,
          id: feature.id,
          features: archivedFeatures(feature),
          signature: feature.signature,
        });
      index.articles[n] = undefined;
      index.byId.delete(feature.id);
    }
    archive.putCluster(cluster, archivedCluster(state, summary));
    index.clusters[cluster] = undefined;
    touchedOn.delete(cluster);
    stats.frozen++;
  }

  function peekCluster(cluster: number): ClusterState {
    const json = archive.clusterJson(cluster);
    if (json === null) throw new Error(`event archive: cluster ${cluster} is neither in memory nor archived`);
    return restoredCluster(json);
  }

  function peekArticle(article: number): ArticleFeatures {
    const json = archive.articleJson(article);
    if (json === null) throw new Error(`event archive: article ${article} is neither in memory nor archived`);
    return restoredFeatures(json, archive.signature(article));
  }

  return {
    buckets: archive,
    stats,
    beforeAdd(index, feature) {
      if (feature.day === null || (newestDay !== null && feature.day <= newestDay)) return;
      newestDay = feature.day;
      const horizon = newestDay - (options.openDays ?? index.params.maxSpanDays);
      // Ordered by last touch, and the newest day only grows: the stale clusters come first.
      for (const [cluster, day] of touchedOn) {
        if (day >= horizon) break;
        freeze(index, cluster);
      }
    },
    touched(_index, cluster) {
      touchedOn.delete(cluster); // re-inserted last: the Map stays ordered by last touch
      touchedOn.set(cluster, newestDay ?? Number.NEGATIVE_INFINITY);
      stats.peakLive = Math.max(stats.peakLive, touchedOn.size);
    },
    thaw(index, cluster) {
      if (index.clusters[cluster] !== undefined) return;
      const { frozen: _summary, ...state } = peekCluster(cluster); // live again: it may change
      for (const n of state.members) {
        const feature = peekArticle(n);
        index.articles[n] = feature;
        index.byId.set(feature.id, n);
        archived.add(n);
      }
      index.clusters[cluster] = state;
      touchedOn.set(cluster, newestDay ?? Number.NEGATIVE_INFINITY);
      stats.thawed++;
    },
    signature(index, article) {
      const live = index.articles[article];
      return live ? live.signature : archive.signature(article);
    },
    has: (_index, id) => archive.numberOf(id) !== null,
    peekCluster: (_index, cluster) => peekCluster(cluster),
    peekArticle: (_index, article) => peekArticle(article),
  };
}
