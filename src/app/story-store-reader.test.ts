import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { samplePageRecord } from '../store/sample-records.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { createStoryReader } from './story-store-reader.ts';

let store: Store;
let ids: readonly string[];

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  ids = (await store.writePages([0, 1, 2].map((variant) => samplePageRecord({ variant })))).newArticleIds;
});
afterEach(async () => {
  await store.close();
});

async function storeStory(): Promise<string> {
  const [a, b, c] = ids as [string, string, string];
  const body = (await store.getArticle(a))!.body;
  const sentenceEnd = body.indexOf('\n');
  const ref = async (id: string, duplicateOf: string | null) => {
    const article = (await store.getArticle(id))!;
    return {
      id,
      outlet: article.outlet,
      headline: article.headline,
      published: article.published?.date ?? null,
      duplicateOf,
    };
  };
  const detail = {
    storyline: {
      id: 'st-olive',
      label: 'موسم الزيتون',
      eventClusters: [0],
      firstDate: '2024-10-14',
      lastDate: '2024-10-14',
    },
    eventClusters: [
      {
        id: 'ec-olive',
        label: 'افتتاح الموسم',
        firstDate: '2024-10-14',
        lastDate: '2024-10-14',
        articles: [await ref(a, null), await ref(b, null), await ref(c, a)],
      },
    ],
    duplicates: [{ original: a, copies: [c], wire: false, agency: null }],
    timeline: [
      {
        storyline: 0,
        date: '2024-10-14',
        precision: 'day',
        text: body.slice(0, sentenceEnd),
        sources: [{ article: a, start: 0, end: sentenceEnd }],
      },
    ],
    undated: [],
    claims: [
      {
        storyline: 0,
        category: 'money',
        subject: 'الزيت',
        verdict: 'agree',
        values: [
          {
            article: a,
            outlet: 'x',
            text: 'نحو 25 ألف طن',
            start: 1,
            end: 5,
            value: 25000,
            qualifier: 'about',
            attribution: null,
          },
        ],
      },
    ],
    topEntities: [],
  };
  await store.writeStories({
    upsert: [
      {
        id: 'st-olive',
        label: 'موسم الزيتون',
        firstDate: '2024-10-14',
        lastDate: '2024-10-14',
        articleCount: 3,
        eventCount: 1,
        outlets: ['صحيفة الشمال', 'وكالة الأنباء الأردنية'],
        detail: JSON.stringify(detail),
      },
    ],
    remove: [],
  });
  return body.slice(0, sentenceEnd);
}

describe('createStoryReader over stored stories', () => {
  it('maps a stored story: clusters, articles by outlet with the copy folded, timeline source text, claims', async () => {
    const firstSentence = await storeStory();
    const reader = createStoryReader(store);
    expect((await reader.listStorylines()).map((s) => [s.id, s.articleCount, s.eventClusterCount])).toEqual([
      ['st-olive', 3, 1],
    ]);
    const story = (await reader.getStoryline('st-olive'))!;
    expect(story.timeline[0]!.sources[0]!.text).toBe(firstSentence);
    expect(story.claims[0]).toMatchObject({ category: 'money', verdict: 'agree' });
    const folded = story.articlesByOutlet.flatMap((g) => g.articles);
    expect(folded.map((a) => [a.id, a.copies.map((c) => c.id)])).toEqual(
      expect.arrayContaining([
        [ids[0], [ids[2]]],
        [ids[1], []],
      ]),
    );
    expect(folded).toHaveLength(2);
    expect(await reader.storylineArticleIds('st-olive')).toEqual(ids);
    expect(await reader.storylineOfArticle(ids[2]!)).toBe('st-olive');
    expect((await reader.getEventCluster('ec-olive'))?.storylineId).toBe('st-olive');
  });

  it('answers null / empty for unknown ids and prefixes', async () => {
    await storeStory();
    const reader = createStoryReader(store);
    expect(await reader.getStoryline('st-')).toBeNull();
    expect(await reader.getStoryline('nope')).toBeNull();
    expect(await reader.storylineArticleIds('nope')).toEqual([]);
    expect(await reader.getEventCluster('nope')).toBeNull();
  });

  it('computes stories on demand when none are stored', async () => {
    const reader = createStoryReader(store);
    const stories = await reader.listStorylines();
    const all = (await Promise.all(stories.map((s) => reader.storylineArticleIds(s.id)))).flat();
    expect([...all].sort()).toEqual([...ids].sort());
  });
});

describe('createStoryReader cluster cache', () => {
  it('serves clusters from cache while signatures are unchanged and rereads when a story changes', async () => {
    await storeStory();
    const original = (await store.getStory('st-olive'))!;
    await store.writeStories({ upsert: [{ ...original, signature: 'sig-1' }], remove: [] });
    const reader = createStoryReader(store);
    expect((await reader.listEventClusters()).map((c) => c.label)).toEqual(['افتتاح الموسم']);
    const relabelled = original.detail.replace('افتتاح الموسم', 'ختام الموسم');
    await store.writeStories({ upsert: [{ ...original, detail: relabelled, signature: 'sig-2' }], remove: [] });
    expect((await reader.listEventClusters()).map((c) => c.label)).toEqual(['ختام الموسم']);
    expect(await reader.storylineOfArticle(ids[0]!)).toBe('st-olive');
  });
});
