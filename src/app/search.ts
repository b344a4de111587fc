/**
 * Search as a use case for the CLI and the API: the search index brought up to date, then a query over the stored
 * articles, with the storyline filter answered by the stored stories.
 */
import { searchStore, syncStoreSearchIndex } from '../search/store-search.ts';
import type { SearchOptions, SearchResponse } from '../search/search.ts';
import type { Store } from '../store/store.ts';
import { createStoryReader } from './story-store-reader.ts';

export { MAX_QUERY_CHARS } from '../search/query.ts';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../search/search.ts';
export type { SearchHit, SearchOptions, SearchResponse } from '../search/search.ts';
export { searchStore, syncStoreSearchIndex } from '../search/store-search.ts';

/** Syncs the index (articles stored since the last sync), then runs the query. */
export async function searchStoredArticles(store: Store, options: SearchOptions): Promise<SearchResponse> {
  await syncStoreSearchIndex(store);
  const stories = options.storylineId === undefined ? undefined : createStoryReader(store);
  return searchStore(store, options, stories ? (id) => stories.storylineArticleIds(id) : undefined);
}
