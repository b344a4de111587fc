/**
 * What must follow every committed ingest write, in order: the search index, then the stories. One place, used by
 * `marsad ingest` and the server's page ingest; `catchUpDerivedState` finishes what a killed run left undone.
 */
import { indexWrittenArticles, syncStoreSearchIndex } from '../search/store-search.ts';
import { createStoryUpdater, type StoriesUpdate } from './stories.ts';
import type { Store, WriteResult } from '../store/store.ts';
import type { DerivedArticles } from './derived-articles.ts';

/**
 * The after-write hook for `ingestInputs`' `afterBatch` (or the server's `afterWrite`). `derived` holds the search
 * documents and clustering features the analyser already computed (derived-articles.ts); anything missing is
 * computed here from the stored article.
 */
export function afterWriteHooks(store: Store): (written: WriteResult, derived?: DerivedArticles) => Promise<void> {
  const stories = createStoryUpdater(store);
  return async (written, derived) => {
    if (written.newArticleIds.length === 0) return;
    // Search first: a failed story update must not leave stored articles unsearchable.
    await indexWrittenArticles(store, written, derived && ((id) => derived.get(id)?.search));
    await stories.update(written.newArticleIds, derived && ((id) => derived.get(id)?.features));
  };
}

export interface CatchUp {
  /** Articles added to the search index. */
  readonly searchIndexed: number;
  readonly stories: StoriesUpdate;
}

/**
 * Brings the derived state in step with the stored articles: indexes articles the search index lacks, computes the
 * story features of articles that have none and rewrites every story row that differs from a replay in ingest
 * order. A no-op (apart from the replay) when nothing was left undone. Run at the start of `marsad ingest` and
 * `marsad serve`, and by `marsad check --repair`.
 */
export async function catchUpDerivedState(store: Store): Promise<CatchUp> {
  const searchIndexed = await syncStoreSearchIndex(store);
  const updater = createStoryUpdater(store);
  try {
    return { searchIndexed, stories: await updater.update([]) };
  } finally {
    updater.close();
  }
}
