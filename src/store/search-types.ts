/**
 * Search part of the Store port: documents of analysed terms in, ranked article ids out.
 * Terms are produced outside the store (src/search/ analyses text); the store only indexes and ranks.
 */

/** One article as the search index sees it. Terms are space-separated analysed terms (src/text/stem.ts). */
export interface SearchDocument {
  readonly articleId: string;
  readonly outlet: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD, null when unknown. */
  readonly published: string | null;
  readonly headlineTerms: string;
  readonly bodyTerms: string;
  /** Version of the analyser that produced the terms; a bump lets a catch-up re-index. */
  readonly analyzerVersion: number;
}

export interface SearchFilters {
  /** Exact outlet name as stored. */
  readonly outlet?: string;
  /** Inclusive date bounds, YYYY-MM-DD; month/year-precision dates match when they overlap. */
  readonly from?: string;
  readonly to?: string;
  /** Restrict to these articles (an entity's or a storyline's articles, resolved by the caller). */
  readonly articleIds?: readonly string[];
}

export interface SearchRequest {
  /** An FTS5 MATCH expression over analysed terms (src/search/query.ts builds it). */
  readonly match: string;
  readonly filters: SearchFilters;
  readonly limit: number;
  readonly offset: number;
}

export interface SearchHitRow {
  readonly articleId: string;
  /** BM25 score, higher is better. */
  readonly score: number;
}

export interface SearchPage {
  readonly total: number;
  readonly hits: readonly SearchHitRow[];
  /** How many of the matches were ranked (the most recently indexed ones when fewer than `total`). */
  readonly rankedCandidates: number;
}

/** What a search hit shows of its article (headline highlights, snippet, filters), without annotations or spans. */
export interface SearchText {
  readonly articleId: string;
  readonly headline: string | null;
  readonly body: string;
  readonly outlet: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD, null when unknown. */
  readonly published: string | null;
}

/** The search methods every Store implements (Promises, like the rest of the port). */
export interface SearchIndexPort {
  /** Inserts or replaces the documents, in one transaction. */
  upsertSearchDocuments(documents: readonly SearchDocument[]): Promise<void>;
  removeSearchDocuments(articleIds: readonly string[]): Promise<void>;
  /** Ranked page of matching articles plus the total number of matches. */
  searchDocuments(request: SearchRequest): Promise<SearchPage>;
  /** Ids of articles not yet indexed (or indexed by an older analyser), at most `limit`. */
  listUnindexedArticleIds(analyzerVersion: number, limit: number): Promise<readonly string[]>;
  countSearchDocuments(): Promise<number>;
  /** The texts of these articles (unknown ids are left out), in one read. */
  searchTexts(articleIds: readonly string[]): Promise<readonly SearchText[]>;
}
