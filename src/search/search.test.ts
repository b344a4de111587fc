import { describe, expect, it } from 'vitest';
import { searchArticles, type SearchDeps, type SearchOptions } from './search.ts';
import { buildTestIndex } from './testing/corpus.ts';
import { syncSearchIndex } from './documents.ts';

async function deps(): Promise<SearchDeps> {
  const { index, articles } = await buildTestIndex();
  return {
    index,
    loadArticle: async (id) => articles.get(id) ?? null,
    articleIdsForEntity: async (id) => (id === 'ent-iraq-defence' ? ['art-visit'] : []),
    articleIdsForStoryline: async (id) => (id === 'story-coalition' ? ['art-talks', 'art-visit'] : []),
  };
}
const ids = async (d: SearchDeps, options: SearchOptions) =>
  (await searchArticles(d, options)).hits.map((h) => h.articleId);
const total = async (d: SearchDeps, options: SearchOptions) => (await searchArticles(d, options)).total;

describe('searchArticles', () => {
  it('finds an article that only spells «الأميركية» when searching «الأمريكية», with exact highlight spans', async () => {
    const result = await searchArticles(await deps(), { query: 'القوات الأمريكية' });
    expect(result.hits.map((h) => h.articleId)).toEqual(['art-talks']);
    const hit = result.hits[0]!;
    const surfaces = hit.snippet.highlights.map((h) => hit.snippet.text.slice(h.start, h.end));
    expect(surfaces).toContain('الأميركية');
    expect(surfaces).toContain('القوات');
  });

  it('ranks the article whose headline names the query first', async () => {
    const result = await searchArticles(await deps(), { query: 'واشنطن' });
    expect(result.total).toBe(2);
    expect(result.hits.map((h) => h.articleId)).toEqual(['art-visit', 'art-talks']);
    const visit = result.hits[0]!;
    expect(visit.headlineHighlights.map((h) => visit.headline!.slice(h.start, h.end))).toEqual(['واشنطن']);
  });

  it('matches a phrase only when the words are adjacent', async () => {
    expect(await ids(await deps(), { query: '"وزير الدفاع"' })).toEqual(['art-visit']);
    expect(await total(await deps(), { query: '"الدفاع وزير"' })).toBe(0);
  });

  it('applies outlet, date, entity and storyline filters', async () => {
    const d = await deps();
    expect(await ids(d, { query: 'تدريب', outlet: 'صحيفة الرافدين' })).toEqual(['art-ghana']);
    expect(await ids(d, { query: 'تدريب', from: '2023-01-01', to: '2023-12-31' })).toEqual(['art-visit']);
    expect(await ids(d, { query: 'واشنطن', entityId: 'ent-iraq-defence' })).toEqual(['art-visit']);
    expect(await ids(d, { query: 'تدريب', storylineId: 'story-coalition' })).toEqual(['art-visit']);
    expect(await total(d, { query: 'تدريب', storylineId: 'unknown' })).toBe(0);
  });

  it('paginates and clamps the page size', async () => {
    const d = await deps();
    const first = await searchArticles(d, { query: 'واشنطن', pageSize: 1, page: 1 });
    const second = await searchArticles(d, { query: 'واشنطن', pageSize: 1, page: 2 });
    expect(first.total).toBe(2);
    expect([first.hits[0]!.articleId, second.hits[0]!.articleId]).toEqual(['art-visit', 'art-talks']);
    expect((await searchArticles(d, { query: 'واشنطن', pageSize: 10_000 })).pageSize).toBe(100);
  });

  it('returns nothing for a query of stop words or only exclusions', async () => {
    expect((await searchArticles(await deps(), { query: 'في من' })).hits).toEqual([]);
    expect(await total(await deps(), { query: '-غانا' })).toBe(0);
  });

  it('excludes words prefixed with a minus', async () => {
    expect(await ids(await deps(), { query: 'تدريب -غانا' })).toEqual(['art-visit']);
  });
});

describe('syncSearchIndex', () => {
  it('indexes stored articles the index lacks and skips ids that cannot be loaded', async () => {
    const { db, index, articles } = await buildTestIndex([]);
    db.exec("INSERT INTO articles (id) VALUES ('art-talks'), ('art-ghana'), ('gone')");
    const source = (await buildTestIndex()).articles;
    let yields = 0;
    const count = await syncSearchIndex(index, {
      loadArticle: async (id) => source.get(id) ?? articles.get(id) ?? null,
      yieldBetweenBatches: async () => {
        yields++;
      },
    });
    expect(count).toBe(2);
    expect(yields).toBe(1);
    expect(await index.countSearchDocuments()).toBe(2);
    expect(await syncSearchIndex(index, { loadArticle: async (id) => source.get(id) ?? null })).toBe(0);
  });
});
