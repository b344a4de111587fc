/**
 * Story part of the Store port (issue 4): per-article clustering features (computed once at ingest) and the
 * stories built from them. A story is a storyline; its detail (event clusters, duplicates, timeline, claims) is a
 * JSON document assembled by src/app/stories.ts, so every dialect stores it the same way.
 */

export interface StoryFeaturesRow {
  readonly articleId: string;
  /** JSON of the corpus stage's ArticleFeatures (vectors, MinHash signature, dates). */
  readonly features: string;
}

export interface StorySummary {
  readonly id: string;
  readonly label: string;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  readonly articleCount: number;
  readonly eventCount: number;
  readonly outlets: readonly string[];
}

export interface StoryRecord extends StorySummary {
  /** JSON document of the story's detail (see app/stories.ts `StoryDetail`). */
  readonly detail: string;
  /** Hash of the story's membership (app/stories.ts): an update rewrites the story when it changes. */
  readonly signature?: string | null;
}

/** The event cluster an article is in (exactly one) and its stored storyline (at most one). */
export interface ArticleEventRow {
  readonly articleId: string;
  readonly eventId: string;
  readonly storylineId: string | null;
}

/** Everything one story update writes, committed in one transaction. */
export interface StoryStateChange {
  /** Features of articles that had none (upserted). */
  readonly features: readonly StoryFeaturesRow[];
  /** Article → event/storyline rows that are new or changed (upserted). */
  readonly assignments: readonly ArticleEventRow[];
  readonly upsert: readonly StoryRecord[];
  readonly remove: readonly string[];
}

/** An article in ingest order, with its stored features (null when it has none yet). */
export interface OrderedFeaturesRow {
  readonly articleId: string;
  readonly features: string | null;
}

export interface StoryListQuery {
  readonly limit: number;
  readonly offset?: number;
}

export interface StoryStore {
  saveStoryFeatures(rows: readonly StoryFeaturesRow[]): Promise<void>;
  countStoryFeatures(): Promise<number>;
  /** Every stored features row, by article id. */
  loadStoryFeatures(): Promise<readonly StoryFeaturesRow[]>;
  /** In one transaction: upserts these stories and deletes the listed ids. */
  writeStories(change: { readonly upsert: readonly StoryRecord[]; readonly remove: readonly string[] }): Promise<void>;
  /** Latest first (last date, undated last), then larger first. */
  listStories(query: StoryListQuery): Promise<readonly StorySummary[]>;
  /** Every stored story id. */
  storyIds(): Promise<readonly string[]>;
  /** Every article in ingest order (articles.seq) with its features or null: the order stories are built in. */
  storyFeaturesInOrder(): Promise<readonly OrderedFeaturesRow[]>;
  /** Every stored article → event/storyline row. */
  articleEvents(): Promise<readonly ArticleEventRow[]>;
  /** Story id → stored membership signature (null for stories written before signatures). */
  storySignatures(): Promise<ReadonlyMap<string, string | null>>;
  /** Features, assignments and stories of one update, in one transaction. */
  commitStoryState(change: StoryStateChange): Promise<void>;
  /** The story with this id, or the only one whose id starts with it; null otherwise. */
  getStory(idOrPrefix: string): Promise<StoryRecord | null>;
}
