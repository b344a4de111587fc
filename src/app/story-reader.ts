/**
 * What the API shows about stories (storylines, event clusters, timelines, claims), as one read
 * interface the routes depend on. Implementations: computed from the store's articles with the
 * corpus stage (story-compute.ts), or read from the corpus engineer's story tables.
 */
import type { EventClusterCursor } from '../store/read-model-types.ts';

export interface ArticleRef {
  readonly id: string;
  readonly headline: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
}

export interface StorylineSummary {
  readonly id: string;
  readonly label: string;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  readonly articleCount: number;
  readonly eventClusterCount: number;
  /** Distinct outlets, most articles first. */
  readonly outlets: readonly string[];
}

export interface EventClusterView {
  readonly id: string;
  readonly label: string;
  readonly storylineId: string | null;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  readonly articles: readonly ArticleRef[];
}

/** An article shown once, with the near-identical copies folded under it. */
export interface FoldedArticle extends ArticleRef {
  readonly copies: readonly ArticleRef[];
  /** True when the copies re-run the same agency text. */
  readonly wire: boolean;
}

export interface SourceView {
  readonly articleId: string;
  readonly outlet: string | null;
  readonly headline: string | null;
  /** Offsets into that article's body; `text === body.slice(start, end)`. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface TimelineEntryView {
  readonly date: string | null;
  readonly precision: 'day' | 'month' | 'year' | null;
  readonly text: string;
  readonly sources: readonly SourceView[];
}

export interface ClaimValueView {
  readonly articleId: string;
  readonly outlet: string | null;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly value: number | null;
  readonly qualifier: string;
  readonly attribution: string | null;
}

export interface ClaimView {
  /** What the figures count ('killed', 'troops', 'money', …) when the corpus stage says. */
  readonly category: string | null;
  readonly subject: string;
  readonly verdict: 'agree' | 'conflict' | 'update' | 'single-source';
  readonly values: readonly ClaimValueView[];
}

export interface StorylineDetail extends StorylineSummary {
  readonly eventClusters: readonly EventClusterView[];
  /** Articles grouped by outlet (outlets with most articles first), duplicates folded. */
  readonly articlesByOutlet: readonly { readonly outlet: string | null; readonly articles: readonly FoldedArticle[] }[];
  readonly timeline: readonly TimelineEntryView[];
  readonly undated: readonly TimelineEntryView[];
  readonly claims: readonly ClaimView[];
}

/** A page of the event-cluster list: `after` is the `next` of the previous page (keyset pagination). */
export interface EventClusterPageQuery {
  /** At most this many clusters; absent: all of them (the historical answer of GET /api/clusters). */
  readonly limit?: number;
  readonly after?: EventClusterCursor;
}

export interface EventClusterPage {
  /** Each cluster as serialised EventClusterView JSON (stored read models hand it over without parsing). */
  readonly itemsJson: readonly string[];
  /** Where the next page starts; null on the last page. */
  readonly next: EventClusterCursor | null;
}

/**
 * A page of an in-memory cluster list (readers without a stored read model): the cursor's position is the index in
 * the whole list.
 */
export function pageOfClusterViews(views: readonly EventClusterView[], query: EventClusterPageQuery): EventClusterPage {
  const start = query.after === undefined ? 0 : query.after.position + 1;
  const end = query.limit === undefined ? views.length : Math.min(views.length, start + query.limit);
  const last = views[end - 1];
  return {
    itemsJson: views.slice(start, end).map((view) => JSON.stringify(view)),
    next: end < views.length && last ? { storylineId: last.storylineId ?? '', position: end - 1 } : null,
  };
}

export interface StoryReader {
  /** Largest first (articles), then newest. */
  listStorylines(): Promise<readonly StorylineSummary[]>;
  getStoryline(id: string): Promise<StorylineDetail | null>;
  listEventClusters(): Promise<readonly EventClusterView[]>;
  /** The same list, a page at a time, serialised. */
  eventClusterPage(query: EventClusterPageQuery): Promise<EventClusterPage>;
  getEventCluster(id: string): Promise<EventClusterView | null>;
  /** Article ids of a storyline (empty when unknown), for search and entity filters. */
  storylineArticleIds(id: string): Promise<readonly string[]>;
  /** The storyline an article belongs to, if any. */
  storylineOfArticle(articleId: string): Promise<string | null>;
}

/** A reader with no stories (before the corpus stage has run). */
export const EMPTY_STORY_READER: StoryReader = {
  listStorylines: async () => [],
  getStoryline: async () => null,
  listEventClusters: async () => [],
  eventClusterPage: async () => ({ itemsJson: [], next: null }),
  getEventCluster: async () => null,
  storylineArticleIds: async () => [],
  storylineOfArticle: async () => null,
};
