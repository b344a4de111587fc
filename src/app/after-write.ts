/**
 * What must follow every committed ingest write, in order: the search index, then (when the corpus area
 * wires it in) the stories. One place, used by `marsad ingest` and the server's page ingest.
 */
import { indexWrittenArticles } from '../search/store-search.ts';
import { createStoryUpdater } from './stories.ts';
import type { Store, WriteResult } from '../store/store.ts';

/** The after-write hook for `ingestInputs`' `afterBatch` (or the server's `afterWrite`). */
export function afterWriteHooks(store: Store): (written: WriteResult) => Promise<void> {
  const stories = createStoryUpdater(store);
  return async (written) => {
    if (written.newArticleIds.length === 0) return;
    // Search first: a failed story update must not leave stored articles unsearchable.
    await indexWrittenArticles(store, written);
    await stories.update(written.newArticleIds);
  };
}
