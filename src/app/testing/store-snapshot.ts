/**
 * Everything a user can see of a store, in a comparable form: pages, every article (listing order, annotations
 * included) and every story with its detail. For tests and benchmarks that check two ingest runs agree.
 */
import type { Store } from '../../store/store.ts';

export interface StoreSnapshot {
  readonly pages: number;
  readonly articles: readonly unknown[];
  readonly stories: readonly unknown[];
}

export async function storeSnapshot(store: Store): Promise<StoreSnapshot> {
  const total = await store.countArticles();
  const listed = await store.listArticles({ limit: Math.max(1, total) });
  const articles = await Promise.all(listed.map((a) => store.getArticle(a.id)));
  const ids = [...(await store.storyIds())].sort();
  const stories = await Promise.all(ids.map((id) => store.getStory(id)));
  return { pages: await store.countPages(), articles, stories };
}
