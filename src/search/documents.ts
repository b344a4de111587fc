/**
 * Turns articles into search documents (analysed terms + filter columns) and keeps the index in step
 * with the store: `indexArticles` after an ingest batch, `syncSearchIndex` as a catch-up.
 */
import type { SearchDocument, SearchIndexPort } from '../store/search-types.ts';
import { createTermCache, searchTerms, type TermCache } from '../text/stem.ts';

/** Bump when src/text/stem.ts can produce different terms; older documents are then re-indexed. */
export const ANALYZER_VERSION = 1;
/** Articles analysed per write transaction during a catch-up (keeps each pause of the event loop short). */
export const SYNC_BATCH = 200;

/** The article fields search needs. */
export interface SearchableArticle {
  readonly id: string;
  readonly headline: string | null;
  readonly body: string;
  readonly outlet: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly published: string | null;
}

/** The analysed document of one article. */
export function toSearchDocument(article: SearchableArticle, cache?: TermCache): SearchDocument {
  return {
    articleId: article.id,
    outlet: article.outlet,
    published: article.published,
    headlineTerms: searchTerms(article.headline ?? '', cache).join(' '),
    bodyTerms: searchTerms(article.body, cache).join(' '),
    analyzerVersion: ANALYZER_VERSION,
  };
}

/** Indexes (or re-indexes) the given articles in one transaction. */
export async function indexArticles(index: SearchIndexPort, articles: readonly SearchableArticle[]): Promise<void> {
  if (articles.length === 0) return;
  const cache = createTermCache();
  await index.upsertSearchDocuments(articles.map((article) => toSearchDocument(article, cache)));
}

export interface SyncOptions {
  readonly loadArticle: (id: string) => Promise<SearchableArticle | null>;
  /** Called between batches; return a promise (e.g. setImmediate) to let a server answer requests meanwhile. */
  readonly yieldBetweenBatches?: () => Promise<void>;
}

/** Indexes every stored article the index lacks (or holds from an older analyser); returns how many. */
export async function syncSearchIndex(index: SearchIndexPort, options: SyncOptions): Promise<number> {
  let indexed = 0;
  const skipped = new Set<string>();
  for (;;) {
    const listed = await index.listUnindexedArticleIds(ANALYZER_VERSION, SYNC_BATCH + skipped.size);
    const ids = listed.filter((id) => !skipped.has(id));
    if (ids.length === 0) return indexed;
    const articles: SearchableArticle[] = [];
    for (const id of ids.slice(0, SYNC_BATCH)) {
      const article = await options.loadArticle(id);
      if (article) articles.push(article);
      else skipped.add(id);
    }
    await indexArticles(index, articles);
    indexed += articles.length;
    await options.yieldBetweenBatches?.();
  }
}
