import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../core/article.ts';
import { hashId } from '../core/ids.ts';
import type { ClusterInput } from '../corpus/types.ts';
import { FLOOD_A, FLOOD_B, FLOOD_FOLLOW_UP, FOOTBALL, WIRE_COPY, WIRE_ORIGINAL } from '../corpus/fixtures/articles.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { PageRecord, Store } from '../store/store.ts';
import { createStoryUpdater, updateStories, type StoryDetail } from './stories.ts';

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

async function ingest(store: Store, inputs: readonly ClusterInput[]): Promise<readonly string[]> {
  const written = await store.writePages(inputs.map(record));
  await updateStories(store, written.newArticleIds);
  return written.newArticleIds;
}

describe('updateStories', () => {
  it('keeps stories up to date batch by batch: multi-article storylines only, duplicates folded, vanished ones removed', async () => {
    const store = openSqliteStore(':memory:');
    await ingest(store, [WIRE_ORIGINAL, FLOOD_A, FOOTBALL]);
    expect(await store.listStories({ limit: 10 })).toEqual([]);

    await ingest(store, [WIRE_COPY, FLOOD_B, FLOOD_FOLLOW_UP]);
    const stories = await store.listStories({ limit: 10 });
    expect(stories.map((s) => [s.articleCount, s.eventCount, s.firstDate, s.lastDate])).toEqual([
      [3, 2, '2015-10-06', '2015-10-20'],
      [2, 1, '2015-10-04', '2015-10-05'],
    ]);
    expect(stories[0]!.outlets).toEqual(['أخبار الساحل', 'صحيفة الجنوب']);

    const wire = await store.getStory(stories[1]!.id.slice(0, 6));
    const detail = JSON.parse(wire!.detail) as StoryDetail;
    const articles = detail.eventClusters[0]!.articles;
    expect(articles.map((a) => a.outlet)).toEqual(['الرياض اليوم', 'بوابة الخليج']);
    expect(articles[1]!.duplicateOf).toBe(articles[0]!.id);
    expect(detail.duplicates[0]).toMatchObject({ wire: true, agency: 'واس' });

    // One updater across batches (as ingest uses it) gives the same stories as fresh replays.
    const fresh = openSqliteStore(':memory:');
    const updater = createStoryUpdater(fresh);
    for (const batch of [
      [WIRE_ORIGINAL, FLOOD_A, FOOTBALL],
      [WIRE_COPY, FLOOD_B, FLOOD_FOLLOW_UP],
    ]) {
      await updater.update((await fresh.writePages(batch.map(record))).newArticleIds);
    }
    expect(await fresh.listStories({ limit: 10 })).toEqual(stories);
    await fresh.close();

    // A long-lived updater notices features another writer stored in between and replays them.
    const shared = openSqliteStore(':memory:');
    const server = createStoryUpdater(shared);
    await server.update((await shared.writePages([WIRE_ORIGINAL, FLOOD_A].map(record))).newArticleIds);
    await createStoryUpdater(shared).update((await shared.writePages([FLOOD_B].map(record))).newArticleIds);
    await server.update((await shared.writePages([WIRE_COPY].map(record))).newArticleIds);
    expect((await shared.listStories({ limit: 10 })).map((s) => s.articleCount)).toEqual([2, 2]);
    await shared.close();

    const again = await updateStories(store, []);
    expect(again).toEqual({ featured: 0, written: 0, removed: 0 });
    expect(await store.getStory('no-such-story')).toBeNull();
    await store.close();
  });
});
