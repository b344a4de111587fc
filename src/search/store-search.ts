/**
 * Search wired to the Store port: article loading, entity filters, indexing of newly ingested
 * articles (ingest's `afterBatch`) and the catch-up run by `marsad serve` and `marsad search`.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { SearchDocument } from '../store/search-types.ts';
import type { Store, StoredArticle, WriteResult } from '../store/store.ts';
import { createTermCache } from '../text/stem.ts';
import { indexArticles, syncSearchIndex, type SearchableArticle } from './documents.ts';
import { searchArticles, type SearchDeps, type SearchOptions, type SearchResponse } from './search.ts';

/** The fields search needs from a stored article. */
export function toSearchable(article: StoredArticle): SearchableArticle {
  return {
    id: article.id,
    headline: article.headline,
    body: article.body,
    outlet: article.outlet,
    published: article.published?.date ?? null,
  };
}

/** Storyline membership, supplied by the corpus layer once it exists (kept optional so search works without it). */
export type StorylineArticles = (storylineId: string) => Promise<readonly string[]>;

/** One memo for every search a process runs (bounded, see createTermCache). */
const SNIPPET_TERM_CACHE = createTermCache();

/** The articles an entity filter keeps (default: the articles that mention the entity). */
export type EntityArticles = (entityId: string) => Promise<readonly string[]>;

export function storeSearchDeps(
  store: Store,
  storylineArticles?: StorylineArticles,
  entityArticles?: EntityArticles,
): SearchDeps {
  return {
    index: store,
    termCache: SNIPPET_TERM_CACHE,
    loadArticle: async (id) => {
      const article = await store.getArticle(id);
      return article ? toSearchable(article) : null;
    },
    loadArticles: async (ids) =>
      (await store.searchTexts(ids)).map(({ articleId, ...text }) => ({ id: articleId, ...text })),
    articleIdsForEntity: entityArticles ?? ((entityId) => store.articleIdsForEntity(entityId)),
    ...(storylineArticles ? { articleIdsForStoryline: storylineArticles } : {}),
  };
}

/** Runs a search against the store. */
export function searchStore(
  store: Store,
  options: SearchOptions,
  storylineArticles?: StorylineArticles,
  entityArticles?: EntityArticles,
): Promise<SearchResponse> {
  return searchArticles(storeSearchDeps(store, storylineArticles, entityArticles), options);
}

/**
 * Indexes the articles an ingest batch wrote: pass as (part of) `ingestInputs`' `afterBatch`. `prepared` gives the
 * documents already analysed elsewhere (the analysis threads); the other articles are read back and analysed here.
 */
export async function indexWrittenArticles(
  store: Store,
  written: WriteResult,
  prepared?: (articleId: string) => SearchDocument | undefined,
): Promise<void> {
  const documents: SearchDocument[] = [];
  const articles: SearchableArticle[] = [];
  for (const id of written.newArticleIds) {
    const document = prepared?.(id);
    if (document) {
      documents.push(document);
      continue;
    }
    const article = await store.getArticle(id);
    if (article) articles.push(toSearchable(article));
  }
  if (documents.length > 0) await store.upsertSearchDocuments(documents);
  await indexArticles(store, articles);
}

/** Indexes every stored article the index lacks, yielding to the event loop between batches. */
export function syncStoreSearchIndex(store: Store): Promise<number> {
  return syncSearchIndex(store, {
    loadArticle: async (id) => {
      const article = await store.getArticle(id);
      return article ? toSearchable(article) : null;
    },
    yieldBetweenBatches: () => yieldToEventLoop(),
  });
}
