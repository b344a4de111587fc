/**
 * In-process API fixture: an in-memory store holding two sample pages (indexed for search), a small
 * hand-built story reader, and the server built with them. Tests drive it with `app.inject`.
 */
import type { FastifyInstance } from 'fastify';
import { analyzeByFirstLine } from '../../app/testing/first-line-analyzer.ts';
import { indexWrittenArticles } from '../../search/store-search.ts';
import { samplePageRecord } from '../../store/sample-records.ts';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.ts';
import type { Store } from '../../store/store.ts';
import { createApiToken } from '../../app/tokens.ts';
import type { AccessOptions } from '../access.ts';
import type { ResponseCacheOptions } from '../response-cache.ts';
import { buildServer } from '../app.ts';
import { createPageIngestor, type PageIngestorOptions } from '../../app/page-ingest.ts';
import type { PageAnalyzer } from '../../app/ingest.ts';
import { pageOfClusterViews, type StorylineDetail, type StoryReader } from '../../app/story-reader.ts';

export interface ApiFixture {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly articleIds: readonly string[];
  readonly storyline: StorylineDetail;
  /** Tokens of each role, stored (hashed) in the fixture's store. */
  readonly tokens: { readonly reader: string; readonly editor: string; readonly admin: string };
  /** Authorization header of the editor token, for write requests. */
  readonly editorHeaders: { readonly authorization: string };
}

function storyReaderFor(storyline: StorylineDetail): StoryReader {
  const ids = storyline.eventClusters.flatMap((c) => c.articles.map((a) => a.id));
  return {
    listStorylines: async () => [storyline],
    getStoryline: async (id) => (id === storyline.id ? storyline : null),
    listEventClusters: async () => storyline.eventClusters,
    eventClusterPage: async (query) => pageOfClusterViews(storyline.eventClusters, query),
    getEventCluster: async (id) => storyline.eventClusters.find((c) => c.id === id) ?? null,
    storylineArticleIds: async (id) => (id === storyline.id ? ids : []),
    storylineOfArticle: async (id) => (ids.includes(id) ? storyline.id : null),
  };
}

async function sampleStoryline(store: Store, articleIds: readonly string[]): Promise<StorylineDetail> {
  const refs = [];
  for (const id of articleIds) {
    const article = (await store.getArticle(id))!;
    refs.push({ id, headline: article.headline, outlet: article.outlet, published: article.published?.date ?? null });
  }
  const first = (await store.getArticle(articleIds[0]!))!;
  const quantity = first.annotations!.quantities[0]!;
  return {
    id: 'story-olive',
    label: 'موسم الزيتون في إربد',
    firstDate: '2024-10-14',
    lastDate: '2024-10-14',
    articleCount: refs.length,
    eventClusterCount: 1,
    outlets: [...new Set(refs.map((r) => r.outlet ?? ''))],
    eventClusters: [
      {
        id: 'cluster-olive',
        label: 'افتتاح موسم القطف',
        storylineId: 'story-olive',
        firstDate: '2024-10-14',
        lastDate: '2024-10-14',
        articles: refs,
      },
    ],
    articlesByOutlet: refs.map((r) => ({ outlet: r.outlet, articles: [{ ...r, copies: [], wire: false }] })),
    timeline: [
      {
        date: '2024-10-14',
        precision: 'day',
        text: first.body.split('\n')[0]!,
        sources: [
          {
            articleId: first.id,
            outlet: first.outlet,
            headline: first.headline,
            start: 0,
            end: first.body.indexOf('\n'),
            text: first.body.split('\n')[0]!,
          },
        ],
      },
    ],
    undated: [],
    claims: [
      {
        category: null,
        subject: 'الزيت',
        verdict: 'single-source',
        values: [
          {
            articleId: first.id,
            outlet: first.outlet,
            text: quantity.text,
            start: quantity.start,
            end: quantity.end,
            value: quantity.value,
            qualifier: quantity.qualifier,
            attribution: null,
          },
        ],
      },
    ],
  };
}

export interface FixtureOptions {
  readonly analyze?: PageAnalyzer;
  /** Off-event-loop analysis (the server's worker thread). */
  readonly analyzeAsync?: PageIngestorOptions['analyzeAsync'];
  readonly bodyLimitBytes?: number;
  readonly maxPageBytes?: number;
  /** Serve the web UI from this directory (default: API only). */
  readonly webRoot?: string | null;
  readonly access?: AccessOptions;
  readonly responseCache?: ResponseCacheOptions;
}

export async function buildApiFixture(options: FixtureOptions = {}): Promise<ApiFixture> {
  const store = openSqliteStore(':memory:');
  const written = await store.writePages([samplePageRecord({ variant: 0 }), samplePageRecord({ variant: 1 })]);
  await indexWrittenArticles(store, written);
  const storyline = await sampleStoryline(store, written.newArticleIds);
  const ingest = createPageIngestor({
    store,
    analyze: options.analyze ?? analyzeByFirstLine,
    ...(options.analyzeAsync ? { analyzeAsync: options.analyzeAsync } : {}),
    maxBytes: options.maxPageBytes ?? 100_000,
    afterWrite: (w) => indexWrittenArticles(store, w),
    now: () => new Date('2024-10-15T08:00:00Z'),
  });
  const app = await buildServer(
    { store, stories: storyReaderFor(storyline), ingest },
    {
      webRoot: options.webRoot ?? null,
      bodyLimitBytes: options.bodyLimitBytes,
      access: options.access,
      responseCache: options.responseCache,
    },
  );
  const tokens = {
    reader: (await createApiToken(store, { role: 'reader' })).token,
    editor: (await createApiToken(store, { role: 'editor' })).token,
    admin: (await createApiToken(store, { role: 'admin' })).token,
  };
  return {
    app,
    store,
    articleIds: written.newArticleIds,
    storyline,
    tokens,
    editorHeaders: { authorization: `Bearer ${tokens.editor}` },
  };
}
