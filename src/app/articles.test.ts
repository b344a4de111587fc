import { describe, expect, it } from 'vitest';
import { articleIdFor } from '../core/ids.ts';
import { samplePageRecord } from '../store/sample-records.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { resolveArticle, viewArticle } from './articles.ts';

async function storeWith(variants: readonly number[]): Promise<Store> {
  const store = openSqliteStore(':memory:');
  await store.writePages(variants.map((variant) => samplePageRecord({ variant })));
  return store;
}

describe('resolveArticle', () => {
  it('finds an article by full id and by unique prefix', async () => {
    const store = await storeWith([0]);
    const id = articleIdFor(samplePageRecord().page.id, 0);
    expect((await resolveArticle(store, id)).id).toBe(id);
    expect((await resolveArticle(store, id.slice(0, 4))).id).toBe(id);
    await store.close();
  });

  it('reports an ambiguous prefix with its candidates as a usage error', async () => {
    const base = await storeWith([0]);
    const store: Store = { ...base, findArticleIds: async () => ['abcd1111aaaaaaaa', 'abcd2222bbbbbbbb'] };
    await expect(resolveArticle(store, 'abcd')).rejects.toMatchObject({
      code: 'usage/invalid',
      message: expect.stringContaining('abcd1111aaaaaaaa, abcd2222bbbbbbbb'),
    });
    await base.close();
  });

  it('reports unknown ids and too-short prefixes as not found', async () => {
    const store = await storeWith([0]);
    await expect(resolveArticle(store, 'ffffffff')).rejects.toMatchObject({ code: 'store/not-found' });
    await expect(resolveArticle(store, 'ab')).rejects.toMatchObject({ code: 'store/not-found' });
    await store.close();
  });
});

describe('viewArticle', () => {
  it('lists the boilerplate removed from the article and its page, cut from the page text', async () => {
    const store = await storeWith([0]);
    const record = samplePageRecord();
    const view = await viewArticle(store, articleIdFor(record.page.id, 0));
    expect(view.removed.map((r) => [r.reason, r.scope, r.text])).toEqual([
      ['share', 'article', 'شارك الخبر على فيسبوك'],
      ['related-links', 'page', 'اقرأ أيضاً: ارتفاع أسعار الخضار في السوق المركزي'],
    ]);
    for (const r of view.removed) expect(record.pageText.slice(r.start, r.end)).toBe(r.text);
    await store.close();
  });
});
