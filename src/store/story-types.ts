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
  /** The story with this id, or the only one whose id starts with it; null otherwise. */
  getStory(idOrPrefix: string): Promise<StoryRecord | null>;
}
