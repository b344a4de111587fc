/**
 * Article search: parse and analyse the query, rank with the store's FTS5/BM25 index, then load each
 * hit and cut a highlighted snippet from its original body. Used by `marsad search` and GET /api/search.
 */
import type { Span } from '../core/span.ts';
import type { SearchFilters, SearchIndexPort } from '../store/search-types.ts';
import type { SearchableArticle } from './documents.ts';
import { highlightTerms, parseQuery, toFtsMatch, type QueryClause } from './query.ts';
import { SNIPPET_CHARS, buildSnippet, findHighlights, type Snippet } from './snippet.ts';
import type { TermCache } from '../text/stem.ts';

/** Results per page by default and at most (a results page, not an export). */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface SearchOptions {
  readonly query: string;
  readonly outlet?: string;
  /** Inclusive YYYY-MM-DD bounds on the published date. */
  readonly from?: string;
  readonly to?: string;
  readonly entityId?: string;
  readonly storylineId?: string;
  /** 1-based. */
  readonly page?: number;
  readonly pageSize?: number;
}

export interface SearchHit {
  readonly articleId: string;
  readonly headline: string | null;
  /** Matched words in the headline. */
  readonly headlineHighlights: readonly Span[];
  readonly outlet: string | null;
  readonly published: string | null;
  readonly score: number;
  readonly snippet: Snippet;
}

export interface SearchResponse {
  readonly query: string;
  /** The analysed clauses, so a user sees how the query was understood. */
  readonly clauses: readonly QueryClause[];
  readonly total: number;
  /** Matches that were ranked: all of them, or the most recently indexed ones for very common queries. */
  readonly rankedCandidates: number;
  readonly page: number;
  readonly pageSize: number;
  readonly hits: readonly SearchHit[];
}

/** What search reads from the store. */
export interface SearchDeps {
  readonly index: SearchIndexPort;
  readonly loadArticle: (id: string) => Promise<SearchableArticle | null>;
  /** The page's articles in one read (preferred over `loadArticle` when given); unknown ids are left out. */
  readonly loadArticles?: (ids: readonly string[]) => Promise<readonly SearchableArticle[]>;
  /** Article ids of an entity / a storyline, for the filters (absent: the filter matches nothing). */
  readonly articleIdsForEntity?: (entityId: string) => Promise<readonly string[]>;
  readonly articleIdsForStoryline?: (storylineId: string) => Promise<readonly string[]>;
  /** Word → term memo shared across requests (snippets re-analyse each hit's body). */
  readonly termCache?: TermCache;
}

/** Intersection of the article-id restrictions from the entity and storyline filters, if any. */
async function restrictArticleIds(deps: SearchDeps, options: SearchOptions): Promise<readonly string[] | undefined> {
  let ids: readonly string[] | undefined;
  if (options.entityId !== undefined) ids = (await deps.articleIdsForEntity?.(options.entityId)) ?? [];
  if (options.storylineId !== undefined) {
    const story = (await deps.articleIdsForStoryline?.(options.storylineId)) ?? [];
    if (ids === undefined) ids = story;
    else {
      const inStory = new Set(story);
      ids = ids.filter((id) => inStory.has(id));
    }
  }
  return ids;
}

/** Runs a search; a query with nothing to match (only stop words, only exclusions) returns no hits. */
export async function searchArticles(deps: SearchDeps, options: SearchOptions): Promise<SearchResponse> {
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(options.pageSize ?? DEFAULT_PAGE_SIZE)));
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const parsed = parseQuery(options.query);
  const match = toFtsMatch(parsed);
  const empty = {
    query: options.query,
    clauses: parsed.required,
    total: 0,
    rankedCandidates: 0,
    page,
    pageSize,
    hits: [],
  };
  if (match === null) return empty;
  const articleIds = await restrictArticleIds(deps, options);
  if (articleIds !== undefined && articleIds.length === 0) return empty;
  const filters: SearchFilters = { outlet: options.outlet, from: options.from, to: options.to, articleIds };
  const definedFilters = Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined),
  ) as SearchFilters;
  const result = await deps.index.searchDocuments({
    match,
    filters: definedFilters,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const terms = highlightTerms(parsed);
  const hits: SearchHit[] = [];
  const loaded = deps.loadArticles
    ? new Map((await deps.loadArticles(result.hits.map((row) => row.articleId))).map((a) => [a.id, a]))
    : null;
  for (const row of result.hits) {
    const article = loaded ? (loaded.get(row.articleId) ?? null) : await deps.loadArticle(row.articleId);
    if (!article) continue;
    hits.push({
      articleId: article.id,
      headline: article.headline,
      headlineHighlights: article.headline ? findHighlights(article.headline, terms, deps.termCache) : [],
      outlet: article.outlet,
      published: article.published,
      score: row.score,
      snippet: buildSnippet(article.body, terms, SNIPPET_CHARS, deps.termCache),
    });
  }
  return { ...empty, total: result.total, rankedCandidates: result.rankedCandidates, hits };
}
