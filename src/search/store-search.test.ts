import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { samplePageRecord } from '../store/sample-records.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { indexWrittenArticles, searchStore, syncStoreSearchIndex } from './store-search.ts';

let store: Store;
beforeEach(() => {
  store = openSqliteStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

describe('search over the Store', () => {
  it('indexes the articles an ingest batch wrote and finds them by a stemmed, hamza-free query', async () => {
    const written = await store.writePages([samplePageRecord({ variant: 0 })]);
    await indexWrittenArticles(store, written);
    const result = await searchStore(store, { query: 'الزيتون اربد' });
    expect(result.total).toBe(1);
    const hit = result.hits[0]!;
    expect(hit.published).toBe('2024-10-14');
    expect(hit.headlineHighlights.map((h) => hit.headline!.slice(h.start, h.end))).toEqual(['الزيتون', 'إربد']);
  });

  it('catches up on stored articles that were never indexed, and filters by entity', async () => {
    await store.writePages([samplePageRecord({ variant: 0 }), samplePageRecord({ variant: 3 })]);
    expect(await syncStoreSearchIndex(store)).toBe(2);
    expect(await syncStoreSearchIndex(store)).toBe(0);
    expect((await searchStore(store, { query: 'الموسم' })).total).toBe(2);
    expect((await searchStore(store, { query: 'الموسم', entityId: 'e-irbid' })).total).toBe(2);
    expect((await searchStore(store, { query: 'الموسم', entityId: 'unknown' })).total).toBe(0);
    expect((await searchStore(store, { query: 'الموسم', outlet: 'صحيفة الشمال' })).total).toBe(1);
  });
});
