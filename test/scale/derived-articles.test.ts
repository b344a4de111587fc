import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterWriteHooks } from '../../src/app/after-write.ts';
import { loadPageAnalyzer } from '../../src/app/analyzer.ts';
import { ingestPageResults } from '../../src/app/ingest.ts';
import type { AnalyzedPageLike } from '../../src/app/page-record.ts';
import { storeSnapshot } from '../../src/app/testing/store-snapshot.ts';
import { articleFeatures, featuresToJson, toClusterInput } from '../../src/corpus/index.ts';
import { toSearchDocument } from '../../src/search/documents.ts';
import { searchStore, toSearchable } from '../../src/search/store-search.ts';
import { pageFromFields, type PageResult } from '../../src/ingest/read-pages.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { scaleFixturePages } from './fixtures.ts';

// The search documents and clustering features the analyser derives (in a worker thread or in-process) must be
// exactly what the writer computes from the stored article, so that the store ends the same either way.

function fixtureResults(): PageResult[] {
  return Object.entries(scaleFixturePages()).map(([name, text]) =>
    pageFromFields(
      name,
      { url: `https://news.example/${name}`, body: text, contentType: 'text/plain', fetchedAt: null },
      { maxBytes: 1_000_000, fetchedAt: '2024-03-15T08:00:00.000Z' },
    ),
  );
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-derived-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ingestWith(path: string, derive: boolean): Promise<Store> {
  const store = openSqliteStore(path);
  const summary = await ingestPageResults(store, fixtureResults(), {
    analyze: await loadPageAnalyzer({ annotate: true, derive }),
    maxBytes: 1_000_000,
    batchSize: 3,
    afterBatch: afterWriteHooks(store),
  });
  expect(summary.failed).toEqual([]);
  return store;
}

describe('derived articles', () => {
  it('equal the search document and features computed from the stored article', async () => {
    const analyze = await loadPageAnalyzer({ annotate: true, derive: true });
    const store = await ingestWith(join(dir, 'check.db'), false);
    let checked = 0;
    let withEntities = 0;
    for (const result of fixtureResults()) {
      if (!result.ok) continue;
      const analyzed: AnalyzedPageLike = analyze(result.page);
      expect(analyzed.derived).toHaveLength(analyzed.articles.length);
      for (const derived of analyzed.derived ?? []) {
        const stored = (await store.getArticle(derived.articleId))!;
        expect(stored).not.toBeNull();
        expect(derived.search).toEqual(toSearchDocument(toSearchable(stored)));
        const fromStore = articleFeatures(toClusterInput(stored.id, { ...stored, ...(stored.annotations ?? {}) }));
        expect(featuresToJson(derived.features)).toBe(featuresToJson(fromStore));
        if ((derived.features.evidence?.entities.length ?? 0) > 0) withEntities++;
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
    expect(withEntities).toBeGreaterThan(4); // the annotation layers reached the features
    await store.close();
  }, 120_000);

  it('leave the store as the writer alone would: articles, stories, story features and search answers', async () => {
    const plain = await ingestWith(join(dir, 'plain.db'), false);
    const derived = await ingestWith(join(dir, 'derived.db'), true);
    expect(await storeSnapshot(derived)).toEqual(await storeSnapshot(plain));
    const snapshot = await storeSnapshot(derived);
    expect(snapshot.stories.length).toBeGreaterThanOrEqual(2);
    expect(await derived.storyFeaturesInOrder()).toEqual(await plain.storyFeaturesInOrder());
    expect(await derived.countSearchDocuments()).toBe(await plain.countSearchDocuments());
    for (const q of ['سد وادي الرمل', 'الدفاع المدني', 'إجلاء']) {
      const [a, b] = [await searchStore(plain, { query: q }), await searchStore(derived, { query: q })];
      expect(b).toEqual(a);
      expect(b.total).toBeGreaterThan(0);
    }
    await Promise.all([plain.close(), derived.close()]);
  }, 120_000);
});
