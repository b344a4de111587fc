import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { samplePageRecord } from '../sample-records.ts';
import type { Store } from '../store.ts';
import { openSqliteStore } from './sqlite-store.ts';

let store: Store;

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  await store.writePages([samplePageRecord({ variant: 0 }), samplePageRecord({ variant: 1 })]);
});
afterEach(async () => {
  await store.close();
});

describe('SQLite EntityStore', () => {
  it('lists linked entities with mention and article counts, most mentioned first', async () => {
    const entities = await store.listEntities({ limit: 10 });
    expect(entities.map((e) => [e.entityId, e.type, e.canonical, e.mentionCount, e.articleCount])).toEqual([
      ['e-irbid', 'LOC', 'إربد', 2, 2],
      ['e-minister-agriculture', 'ORG', 'وزير الزراعة', 2, 2],
    ]);
    expect((await store.listEntities({ limit: 10, type: 'LOC' })).map((e) => e.entityId)).toEqual(['e-irbid']);
  });

  it('restricts the listing to given articles', async () => {
    const [first] = await store.listArticles({ limit: 1 });
    const entities = await store.listEntities({ limit: 10, articleIds: [first!.id] });
    expect(entities.map((e) => e.mentionCount)).toEqual([1, 1]);
    expect(await store.listEntities({ limit: 10, articleIds: [] })).toEqual([]);
  });

  it('returns an entity with its variants and mentions whose spans index the article body', async () => {
    const entity = await store.getEntity('e-minister-agriculture', 10);
    expect(entity?.variants).toEqual([{ text: 'وزير الزراعة', count: 2 }]);
    expect(entity?.mentions).toHaveLength(2);
    for (const mention of entity!.mentions) {
      const article = await store.getArticle(mention.articleId);
      expect(article!.body.slice(mention.start, mention.end)).toBe(mention.text);
      expect(mention.headline).toBe(article!.headline);
    }
    expect(await store.getEntity('e-minister-agriculture', 1)).toMatchObject({ mentions: [expect.anything()] });
  });

  it('returns null for an unknown entity and its article ids for a known one', async () => {
    expect(await store.getEntity('nope', 10)).toBeNull();
    expect(await store.articleIdsForEntity('e-irbid')).toHaveLength(2);
    expect(await store.articleIdsForEntity('nope')).toEqual([]);
  });
});
