/**
 * Sources part of the Store port (issue 17): the outlets `marsad watch` follows, the article links their feeds and
 * sitemaps listed (a queue that survives a crash), per-source health, and the validators of conditional GETs.
 */

export type SourceKind = 'feed' | 'sitemap' | 'site';

/** A feed or sitemap a round fetches for a source (the source URL itself, or what its home page advertised). */
export interface SourceEndpoint {
  readonly url: string;
  readonly kind: 'feed' | 'sitemap';
}

export interface NewSource {
  readonly id: string;
  readonly url: string;
  readonly name: string | null;
  readonly kind: SourceKind;
  /** Empty until discovered (a source added without checking is resolved on its first round). */
  readonly endpoints: readonly SourceEndpoint[];
  readonly everySeconds: number;
  readonly createdAt: string;
}

export type RunStatus = 'ok' | 'partial' | 'failed';

export interface SourceSummary extends NewSource {
  readonly nextRunAt: string;
  readonly lastRunAt: string | null;
  readonly lastStatus: RunStatus | null;
  readonly lastError: string | null;
  /** Links listed so far (distinct canonical URLs). */
  readonly itemsSeen: number;
  readonly itemsPending: number;
  readonly itemsFailed: number;
  /** Articles of the pages fetched for this source (stored now or before, under any source). */
  readonly articlesStored: number;
}

export interface SourceEvent {
  readonly at: string;
  readonly url: string | null;
  readonly code: string;
  readonly message: string;
}

export interface SourceHealth extends SourceSummary {
  /** Latest first, at most `MAX_EVENTS_SHOWN`. */
  readonly errors: readonly SourceEvent[];
  /** Per UTC day the items were fetched, oldest first. */
  readonly articlesPerDay: readonly { readonly day: string; readonly articles: number }[];
}

/** A link waiting to be fetched (new, or failed with a retry due). */
export interface PendingItem {
  readonly url: string;
  readonly feedTitle: string | null;
  readonly feedPublished: string | null;
  readonly attempts: number;
}

export interface ListedLink {
  readonly url: string;
  readonly title: string | null;
  readonly published: string | null;
}

export type ItemOutcome =
  | { readonly url: string; readonly state: 'done'; readonly pageId: string }
  | {
      readonly url: string;
      readonly state: 'failed';
      readonly code: string;
      readonly message: string /** null: never retried */;
      readonly retryAt: string | null;
    };

export interface StoredValidators {
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** Kept only where a 304 needs the old body back (robots.txt). */
  readonly body: string | null;
}

/** Errors kept per source; older ones are dropped. */
export const MAX_EVENTS_KEPT = 200;
export const MAX_EVENTS_SHOWN = 50;

export interface SourceStore {
  /** Adds a source; throws `usage/invalid` when its URL is already a source. */
  addSource(source: NewSource): Promise<SourceSummary>;
  listSources(): Promise<readonly SourceSummary[]>;
  /** By id or unique id prefix; null otherwise. */
  getSource(idOrPrefix: string): Promise<SourceSummary | null>;
  sourceHealth(id: string): Promise<SourceHealth | null>;
  /** Removes the source with its queue and events; false when there was none. */
  removeSource(id: string): Promise<boolean>;
  setSourceEndpoints(
    id: string,
    change: { readonly kind: SourceKind; readonly endpoints: readonly SourceEndpoint[] },
  ): Promise<void>;
  /**
   * In one transaction: queues the links not yet known for this source and saves the listing's validators, so a
   * crash never leaves a 304 for a feed whose items were not queued. Returns how many links were new.
   */
  recordListing(change: {
    readonly sourceId: string;
    readonly endpointUrl: string;
    readonly validators: StoredValidators | null;
    readonly links: readonly ListedLink[];
    readonly at: string;
  }): Promise<number>;
  /** Links to fetch now: pending ones, and failed ones whose retry is due; oldest first. */
  pendingItems(
    sourceId: string,
    query: { readonly now: string; readonly limit: number },
  ): Promise<readonly PendingItem[]>;
  /** In one transaction: item outcomes, and an event per failure. */
  settleItems(sourceId: string, outcomes: readonly ItemOutcome[], at: string): Promise<void>;
  recordSourceEvent(sourceId: string, event: SourceEvent): Promise<void>;
  finishSourceRun(
    sourceId: string,
    run: { readonly at: string; readonly status: RunStatus; readonly error: string | null; readonly nextRunAt: string },
  ): Promise<void>;
  getValidators(url: string): Promise<StoredValidators | null>;
  putValidators(url: string, validators: StoredValidators, at: string): Promise<void>;
}
