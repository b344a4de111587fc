/**
 * The Store contract: behaviour every implementation (SQLite always; PostgreSQL on TEST_DATABASE_URL or a throwaway
 * cluster, see postgres/testing/) must show. Called from each implementation's test file with a factory for a fresh,
 * empty store; method-groups.contract.ts covers search, entities and stories the same way.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleIdFor } from '../core/ids.ts';
import { samplePageRecord } from './sample-records.ts';
import type { CoreStore } from './store.ts';

export function describeStoreContract(label: string, openEmpty: () => Promise<CoreStore>): void {
  describe(`Store contract: ${label}`, () => {
    let store: CoreStore;
    beforeEach(async () => {
      store = await openEmpty();
    });
    afterEach(async () => {
      await store.close();
    });

    it('stores a page once by content hash, however often it is written', async () => {
      const record = samplePageRecord();
      const first = await store.writePages([record, record]);
      expect(first.newPageIds).toEqual([record.page.id]);
      expect(first.newArticleIds).toEqual([articleIdFor(record.page.id, 0)]);
      const again = await store.writePages([record]);
      expect(again).toEqual({ newPageIds: [], newArticleIds: [] });
      expect(await store.countPages()).toBe(1);
      expect(await store.countArticles()).toBe(1);
      expect(await store.existingPageIds([record.page.id, 'nope'])).toEqual(new Set([record.page.id]));
    });

    it('round-trips an article with its metadata, spans and annotation layers', async () => {
      const record = samplePageRecord();
      await store.writePages([record]);
      const stored = await store.getArticle(articleIdFor(record.page.id, 0));
      const source = record.articles[0]!;
      expect(stored).toMatchObject({
        ...source.article,
        index: 0,
        pageId: record.page.id,
        url: record.page.url,
        fetchedAt: record.page.fetchedAt,
      });
      expect(stored?.annotations).toEqual(source.annotations);
      for (const quote of stored?.annotations?.quotes ?? [])
        expect(stored?.body.slice(quote.start, quote.end)).toBe(quote.text);
    });

    it('keeps the page text and removed boilerplate so the cut text can be shown', async () => {
      const record = samplePageRecord();
      await store.writePages([record]);
      const page = await store.getPage(record.page.id);
      expect(page).toMatchObject({
        body: record.page.body,
        pageText: record.pageText,
        contentType: 'text/plain',
        encoding: 'utf-8',
      });
      expect(page?.spans).toEqual(record.spans);
      const removed = page?.spans
        .filter((s) => s.kind === 'boilerplate')
        .map((s) => `${s.reason}: ${page.pageText.slice(s.start, s.end)}`);
      expect(removed).toEqual([
        'share: شارك الخبر على فيسبوك',
        'related-links: اقرأ أيضاً: ارتفاع أسعار الخضار في السوق المركزي',
      ]);
    });

    it('distinguishes an article ingested without annotation from one with empty layers', async () => {
      const record = samplePageRecord({ variant: 3, annotate: false });
      await store.writePages([record]);
      expect((await store.getArticle(articleIdFor(record.page.id, 0)))?.annotations).toBeNull();
    });

    it('lists articles newest first, undated last, then in ingest order; filters by outlet; pages', async () => {
      const dates = [null, '2024-10-14', '2024-11-02', '2024-10-14'];
      const records = dates.map((date, i) => samplePageRecord({ variant: i + 1, date }));
      await store.writePages(records);
      const all = await store.listArticles({ limit: 10 });
      expect(all.map((a) => a.pageId)).toEqual([2, 1, 3, 0].map((i) => records[i]!.page.id));
      expect(all[0]).toMatchObject({
        index: 0,
        published: { date: '2024-11-02', precision: 'day' },
        outlet: 'صحيفة الشمال',
      });
      expect(all[3]?.published).toBeNull();
      expect((await store.listArticles({ limit: 10, outlet: 'صحيفة الشمال' })).length).toBe(2);
      expect((await store.listArticles({ limit: 1, offset: 2 })).map((a) => a.pageId)).toEqual([records[3]!.page.id]);
    });

    it('finds articles by id prefix and returns null for unknown ids', async () => {
      const record = samplePageRecord();
      await store.writePages([record]);
      const id = articleIdFor(record.page.id, 0);
      expect(await store.findArticleIds(id.slice(0, 5), 5)).toEqual([id]);
      expect(await store.findArticleIds('zz', 5)).toEqual([]);
      expect(await store.getArticle('0000000000000000')).toBeNull();
      expect(await store.getPage('0000000000000000')).toBeNull();
    });

    it('rolls a whole batch back when one record is invalid', async () => {
      const good = samplePageRecord({ variant: 1 });
      const bad = samplePageRecord({ variant: 2 });
      const broken = { ...bad, spans: [{ kind: 'body' as const, start: 5, end: 5 }] };
      await expect(store.writePages([good, broken])).rejects.toThrow();
      expect(await store.countPages()).toBe(0);
      expect((await store.writePages([good])).newPageIds).toEqual([good.page.id]);
    });
  });
}
