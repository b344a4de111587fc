/**
 * What the single writer would otherwise compute from each stored article after a batch commits: its search
 * document (analysed terms) and its clustering features. Both are pure functions of the page record, so the analyser
 * computes them where it runs (a worker thread of the pool, or in-process) and ingest hands them to the after-write
 * hooks, which then neither read the articles back nor stem or vectorise them on the writer's thread. The hooks
 * compute anything missing from the stored article as before, with the same functions: the stored state is the same
 * either way (test/scale/derived-articles.test.ts checks it).
 */
import { articleIdFor } from '../core/ids.ts';
import { articleFeatures, toClusterInput, type ArticleFeatures } from '../corpus/index.ts';
import { toSearchDocument } from '../search/documents.ts';
import type { SearchDocument } from '../store/search-types.ts';
import type { ArticleRecord, PageRecord } from '../store/store.ts';
import { createTermCache } from '../text/stem.ts';

/** The derived state of one article, keyed by its (deterministic) id. */
export interface DerivedArticle {
  readonly articleId: string;
  readonly search: SearchDocument;
  readonly features: ArticleFeatures;
}

/** Derived state of a batch's articles by article id (what ingest passes to `afterBatch`). */
export type DerivedArticles = ReadonlyMap<string, DerivedArticle>;

/** One memo of stemmed words for the thread (bounded, see createTermCache): a worker keeps it across pages. */
const TERM_CACHE = createTermCache();

/** The search document and clustering features of one article as the store will hold it. */
export function deriveArticle(pageId: string, index: number, record: ArticleRecord): DerivedArticle {
  const articleId = articleIdFor(pageId, index);
  const { article, annotations } = record;
  const search = toSearchDocument(
    {
      id: articleId,
      headline: article.headline,
      body: article.body,
      outlet: article.outlet,
      published: article.published?.date ?? null,
    },
    TERM_CACHE,
  );
  const features = articleFeatures(toClusterInput(articleId, { ...article, ...(annotations ?? {}) }));
  return { articleId, search, features };
}

/** Derived state of every article of a page record, in article order. */
export function derivePageArticles(record: Pick<PageRecord, 'page' | 'articles'>): DerivedArticle[] {
  return record.articles.map((article, index) => deriveArticle(record.page.id, index, article));
}
