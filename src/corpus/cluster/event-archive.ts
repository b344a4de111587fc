/**
 * The port through which a bounded event index (event-index.ts `createEventIndex({ window })`) keeps what has left
 * its time window: frozen event clusters, their articles' features, every article's MinHash signature and id, and
 * the near-duplicate LSH buckets. An implementation stores strings and bytes (a spill file, a table); this module
 * turns index records into them and back. `memoryEventArchive` keeps them in Maps (tests, small runs);
 * `src/store/sqlite/event-archive-file.ts` keeps them on disk, so memory stays flat as the corpus grows.
 */
import type { LshBuckets } from '../dedup/lsh.ts';
import { memoryLshBuckets } from '../dedup/lsh.ts';
import type { ArticleFeatures, ClusterState, FrozenSummary } from './event-index.ts';

/** Storage of frozen clusters and articles; numbers are the index's article and cluster numbers. */
export interface EventArchive extends LshBuckets {
  /** Stores an article's features (JSON without the signature) once; a second put of the same number is ignored. */
  putArticle(record: {
    readonly number: number;
    readonly id: string;
    readonly features: string;
    readonly signature: Uint32Array | null;
  }): void;
  articleJson(number: number): string | null;
  signature(number: number): Uint32Array | null;
  numberOf(id: string): number | null;
  /** Stores (or replaces) a frozen cluster's state. */
  putCluster(number: number, state: string): void;
  clusterJson(number: number): string | null;
}

/** An archive in Maps, holding the same serialised forms a file would (so a test sees every round trip). */
export function memoryEventArchive(): EventArchive {
  const articles = new Map<number, { features: string; signature: Uint32Array | null }>();
  const ids = new Map<string, number>();
  const clusters = new Map<number, string>();
  const lsh = memoryLshBuckets();
  return {
    putArticle({ number, id, features, signature }) {
      if (articles.has(number)) return;
      articles.set(number, { features, signature: signature ? Uint32Array.from(signature) : null });
      ids.set(id, number);
    },
    articleJson: (number) => articles.get(number)?.features ?? null,
    signature: (number) => articles.get(number)?.signature ?? null,
    numberOf: (id) => ids.get(id) ?? null,
    putCluster: (number, state) => void clusters.set(number, state),
    clusterJson: (number) => clusters.get(number) ?? null,
    items: (key, limit) => lsh.items(key, limit),
    append: (key, item, limit) => lsh.append(key, item, limit),
  };
}

/** Archive form of features: everything but the signature, which is stored as bytes beside it. */
export function archivedFeatures(features: ArticleFeatures): string {
  return JSON.stringify({ ...features, signature: null });
}

/**
 * Features back from the archive. The archive is this process's own spill, written by `archivedFeatures` above
 * (not a boundary: no schema check, which would cost more than the clustering at a million articles).
 */
export function restoredFeatures(json: string, signature: Uint32Array | null): ArticleFeatures {
  return { ...(JSON.parse(json) as ArticleFeatures), signature };
}

interface ArchivedCluster {
  readonly members: number[];
  readonly centroid: [string, number][];
  readonly norm: number;
  readonly firstDay: number | null;
  readonly lastDay: number | null;
  readonly outlets: string[];
  readonly headlines: [string, number][];
  readonly headlineNorm: number;
  readonly frozen?: FrozenSummary;
}

/**
 * Archive form of a cluster state, with the summary of its members when they were frozen with it; Map entries keep
 * their insertion order, so sums over them repeat exactly.
 */
export function archivedCluster(state: ClusterState, frozen?: FrozenSummary): string {
  const record: ArchivedCluster = {
    members: state.members,
    centroid: [...state.centroid],
    norm: state.norm,
    firstDay: state.firstDay,
    lastDay: state.lastDay,
    outlets: [...state.outlets],
    headlines: [...state.headlines],
    headlineNorm: state.headlineNorm,
    frozen,
  };
  return JSON.stringify(record);
}

export function restoredCluster(json: string): ClusterState {
  const record = JSON.parse(json) as ArchivedCluster;
  return {
    members: record.members,
    centroid: new Map(record.centroid),
    norm: record.norm,
    firstDay: record.firstDay,
    lastDay: record.lastDay,
    outlets: new Set(record.outlets),
    headlines: new Map(record.headlines),
    headlineNorm: record.headlineNorm,
    ...(record.frozen ? { frozen: record.frozen } : {}),
  };
}
