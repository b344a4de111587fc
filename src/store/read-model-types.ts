/**
 * Read models part of the Store port (issues 16 and 18): tables derived from the stored data so the API's lists are
 * index scans — the entity list (entity_stats) and the event-cluster list (event_cluster_views) — plus data
 * generations, the validators of answers a server process keeps. The writer keeps them current (triggers in the
 * transaction of each write); `marsad check` compares them with a fresh derivation and `--repair` rebuilds them.
 */

/** One event cluster as the API sends it: the EventClusterView JSON, already serialised by the store. */
export interface EventClusterViewRow {
  readonly storylineId: string;
  readonly position: number;
  readonly clusterId: string;
  /** JSON of {id, label, storylineId, firstDate, lastDate, articles: [{id, outlet, headline, published}]}. */
  readonly json: string;
}

/** Keyset position in the event-cluster listing (order: storyline id, then the cluster's place in its storyline). */
export interface EventClusterCursor {
  readonly storylineId: string;
  readonly position: number;
}

export interface EventClusterListQuery {
  /** Only the clusters of the first `storylineLimit` storylines by id (the list's historical scope). */
  readonly storylineLimit: number;
  /** At most this many clusters (absent: all of them). */
  readonly limit?: number;
  readonly after?: EventClusterCursor;
}

/** Rows of a read model that differ from a fresh derivation of the stored data. */
export interface ReadModelDrift {
  readonly entityStats: number;
  readonly eventClusterViews: number;
}

export interface ReadModelStore {
  /** Event clusters of the stored storylines in list order. */
  listEventClusterViews(query: EventClusterListQuery): Promise<readonly EventClusterViewRow[]>;
  /** The stored event cluster with this id, or null. */
  getEventClusterView(clusterId: string): Promise<EventClusterViewRow | null>;
  /**
   * A token that changes whenever the named data change (committed by any process), or null when this store cannot
   * tell cheaply (then nothing may be cached on it).
   */
  dataGeneration(kinds: readonly DataKind[]): Promise<string | null>;
  /** Compares every read model with a derivation from the stored data. */
  readModelDrift(): Promise<ReadModelDrift>;
  /** Rebuilds every read model from the stored data, in one transaction. */
  rebuildReadModels(): Promise<void>;
}

/** Kinds of stored data an answer can depend on. */
export type DataKind = 'search' | 'entities' | 'stories' | 'articles';

/** An `event_cluster_views` row as both dialects select it. */
export interface EventClusterViewSqlRow {
  storyline_id: string;
  position: number;
  cluster_id: string;
  view: string;
}

/** The row as the read model returns it. */
export const toViewRow = (row: EventClusterViewSqlRow): EventClusterViewRow => ({
  storylineId: row.storyline_id,
  position: row.position,
  clusterId: row.cluster_id,
  json: row.view,
});
