import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../src/core/article.ts';
import { hashId } from '../../src/core/ids.ts';
import type { ClusterInput } from '../../src/corpus/types.ts';
import {
  FLOOD_A,
  FLOOD_B,
  FLOOD_FOLLOW_UP,
  FOOTBALL,
  WIRE_COPY,
  WIRE_ORIGINAL,
} from '../../src/corpus/fixtures/articles.ts';
import { createStoryUpdater, rebuildAllStories } from '../../src/app/stories.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { PageRecord, Store } from '../../src/store/store.ts';

// Team mode: several queue workers' story updaters on one store, each catching up with the articles the others
// stored instead of replaying every stored article.

function record(input: ClusterInput): PageRecord {
  const text = `${input.headline}\n${input.body}\n`;
  const article: ExtractedArticle = {
    headline: input.headline,
    dek: null,
    body: input.body,
    outlet: input.outlet,
    citedSources: input.citedSources ?? [],
    spans: [],
    paragraphs: [],
    published: input.published ? { date: input.published, precision: 'day', text: input.published } : null,
  };
  return {
    page: {
      id: hashId(['page', text]),
      url: `file:///${input.id}.txt`,
      fetchedAt: '2015-10-21T00:00:00.000Z',
      contentType: 'text/plain',
      body: text,
    },
    pageText: text,
    spans: [],
    articles: [{ article, annotations: null }],
  };
}

const write = async (store: Store, inputs: readonly ClusterInput[]) =>
  (await store.writePages(inputs.map(record))).newArticleIds;

const counts = async (store: Store) => (await store.listStories({ limit: 10 })).map((s) => s.articleCount);

describe('story updaters in catch-up mode (queue workers)', () => {
  it('take in the articles other writers stored, and end as one writer after the rebuild', async () => {
    const shared = openSqliteStore(':memory:');
    const a = createStoryUpdater(shared, {}, { catchUp: true });
    const b = createStoryUpdater(shared, {}, { catchUp: true });
    await a.update(await write(shared, [WIRE_ORIGINAL, FLOOD_A]));
    expect(await counts(shared)).toEqual([]);
    await b.update(await write(shared, [FLOOD_B])); // b's first update replays the store
    expect(await counts(shared)).toEqual([2]);
    // a is now behind (b stored FLOOD_B): it catches up, and its own new articles join the same storylines.
    const update = await a.update(await write(shared, [WIRE_COPY, FLOOD_FOLLOW_UP]));
    expect(update.featured).toBe(2);
    expect(await counts(shared)).toEqual([3, 2]);
    await b.update(await write(shared, [FOOTBALL]));
    expect(await counts(shared)).toEqual([3, 2]);
    expect(await shared.countStoryFeatures()).toBe(6);
    await rebuildAllStories(shared);

    const single = openSqliteStore(':memory:');
    await createStoryUpdater(single).update(
      await write(single, [WIRE_ORIGINAL, FLOOD_A, FLOOD_B, WIRE_COPY, FLOOD_FOLLOW_UP, FOOTBALL]),
    );
    await rebuildAllStories(single);
    const ids = async (store: Store) => [...(await store.storyIds())].sort();
    expect(await ids(shared)).toEqual(await ids(single));
    for (const id of await ids(single)) expect(await shared.getStory(id)).toEqual(await single.getStory(id));
    await Promise.all([shared.close(), single.close()]);
  });
});
