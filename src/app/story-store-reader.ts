/**
 * StoryReader over the stories kept in the store (updated after every ingest batch by app/stories.ts):
 * maps each stored StoryDetail JSON document to the API views, cutting source text from article bodies.
 * Falls back to computing stories on demand (story-compute.ts) when the store holds none.
 */
import { z } from 'zod';
import type { ClusterInput, ClusterResult } from '../corpus/types.ts';
import type { Store } from '../store/store.ts';
import { createComputedStoryReader } from './story-compute.ts';
import type { EventClusterView, StorylineDetail, StoryReader } from './story-reader.ts';
import { buildStoryViews } from './story-views.ts';

/** Stories listed at most (the storylines page is a page, not an export). */
const MAX_STORIES = 500;

const SOURCE = z.object({ article: z.string(), start: z.number().int(), end: z.number().int() });
const ENTRY = z.object({
  date: z.string().nullable(),
  precision: z.enum(['day', 'month', 'year']).nullable(),
  text: z.string(),
  sources: z.array(SOURCE),
});
const ARTICLE = z.object({
  id: z.string(),
  outlet: z.string().nullable(),
  headline: z.string().nullable(),
  published: z.string().nullable(),
});
const DETAIL = z.object({
  storyline: z.object({
    id: z.string(),
    label: z.string(),
    firstDate: z.string().nullable(),
    lastDate: z.string().nullable(),
  }),
  eventClusters: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      firstDate: z.string().nullable(),
      lastDate: z.string().nullable(),
      articles: z.array(ARTICLE),
    }),
  ),
  duplicates: z.array(
    z.object({ original: z.string(), copies: z.array(z.string()), wire: z.boolean(), agency: z.string().nullable() }),
  ),
  timeline: z.array(ENTRY),
  undated: z.array(ENTRY),
  claims: z.array(
    z.looseObject({
      subject: z.string(),
      verdict: z.enum(['agree', 'conflict', 'update', 'single-source']),
      category: z.string().optional(),
      values: z.array(
        z.looseObject({
          article: z.string(),
          outlet: z.string().nullable(),
          text: z.string(),
          start: z.number().int(),
          end: z.number().int(),
          value: z.number().nullable(),
          qualifier: z.string(),
          attribution: z.string().nullable(),
        }),
      ),
    }),
  ),
});

/** The stored detail as a one-storyline ClusterResult plus the article inputs it cites, so story-views.ts maps it. */
async function toClusterResult(
  store: Store,
  detailJson: string,
): Promise<{ result: ClusterResult; inputs: ClusterInput[] }> {
  const detail = DETAIL.parse(JSON.parse(detailJson));
  const refs = new Map(detail.eventClusters.flatMap((c) => c.articles.map((a) => [a.id, a] as const)));
  const sourceIds = new Set([...detail.timeline, ...detail.undated].flatMap((e) => e.sources.map((s) => s.article)));
  const inputs: ClusterInput[] = [];
  for (const [id, ref] of refs) {
    // Bodies are only needed to cut timeline source text.
    const body = sourceIds.has(id) ? ((await store.getArticle(id))?.body ?? '') : '';
    inputs.push({ id, outlet: ref.outlet, published: ref.published, headline: ref.headline, body });
  }
  const result: ClusterResult = {
    duplicates: detail.duplicates,
    eventClusters: detail.eventClusters.map((c) => ({ ...c, articles: c.articles.map((a) => a.id) })),
    storylines: [{ ...detail.storyline, eventClusters: detail.eventClusters.map((_, i) => i) }],
    timeline: detail.timeline.map((e) => ({ ...e, storyline: 0 })),
    undated: detail.undated.map((e) => ({ ...e, storyline: 0 })),
    claims: detail.claims.map((c) => ({ ...c, storyline: 0, values: c.values })),
  };
  return { result, inputs };
}

async function storedDetail(store: Store, id: string): Promise<StorylineDetail | null> {
  const record = await store.getStory(id);
  if (!record || record.id !== id) return null;
  const { result, inputs } = await toClusterResult(store, record.detail);
  const [view] = buildStoryViews(result, inputs).storylines;
  return view ? { ...view, id: record.id, label: record.label } : null;
}

/** Event clusters of a stored story, straight from its detail (no bodies needed). */
function clusterViews(storylineId: string, detailJson: string): EventClusterView[] {
  return DETAIL.parse(JSON.parse(detailJson)).eventClusters.map((c) => ({
    id: c.id,
    label: c.label,
    storylineId,
    firstDate: c.firstDate,
    lastDate: c.lastDate,
    articles: c.articles.map(({ id, outlet, headline, published }) => ({ id, outlet, headline, published })),
  }));
}

/** Reads stored stories; when none are stored (an older database), computes them on demand. */
export function createStoryReader(store: Store): StoryReader {
  const computed = createComputedStoryReader(store);
  // Every stored story has at least one event cluster, so one row of the cluster read model tells (an index probe).
  const hasStored = async () => (await store.listEventClusterViews({ storylineLimit: 1, limit: 1 })).length > 0;
  const readClusters = async (ids: readonly string[]): Promise<EventClusterView[]> => {
    const views: EventClusterView[] = [];
    for (const id of ids) {
      const record = await store.getStory(id);
      if (record) views.push(...clusterViews(record.id, record.detail));
    }
    return views;
  };
  // Parsed clusters are kept while the stored stories' signatures (one small query) are unchanged; stories written
  // without a signature are never cached.
  let cached: { key: string; views: Promise<EventClusterView[]> } | null = null;
  const allClusters = async (): Promise<EventClusterView[]> => {
    const signatures = [...(await store.storySignatures())]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, MAX_STORIES);
    const ids = signatures.map(([id]) => id);
    if (signatures.some(([, signature]) => signature === null)) return readClusters(ids);
    const key = signatures.map(([id, signature]) => `${id}:${signature}`).join(',');
    if (cached?.key !== key) {
      const views = readClusters(ids);
      cached = { key, views };
      views.catch(() => {
        if (cached?.views === views) cached = null;
      });
    }
    return cached.views;
  };
  return {
    listStorylines: async () => {
      if (!(await hasStored())) return computed.listStorylines();
      const stories = await store.listStories({ limit: MAX_STORIES });
      return stories.map((s) => ({
        id: s.id,
        label: s.label,
        firstDate: s.firstDate,
        lastDate: s.lastDate,
        articleCount: s.articleCount,
        eventClusterCount: s.eventCount,
        outlets: s.outlets,
      }));
    },
    getStoryline: async (id) => ((await hasStored()) ? storedDetail(store, id) : computed.getStoryline(id)),
    listEventClusters: async () => {
      if (!(await hasStored())) return computed.listEventClusters();
      const rows = await store.listEventClusterViews({ storylineLimit: MAX_STORIES });
      return rows.map((row) => JSON.parse(row.json) as EventClusterView);
    },
    // The event_cluster_views read model (kept by the store's writer): no story document is parsed.
    eventClusterPage: async (query) => {
      if (!(await hasStored())) return computed.eventClusterPage(query);
      const rows = await store.listEventClusterViews({
        storylineLimit: MAX_STORIES,
        ...(query.limit === undefined ? {} : { limit: query.limit + 1 }),
        ...(query.after === undefined ? {} : { after: query.after }),
      });
      const page = query.limit === undefined ? rows : rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        itemsJson: page.map((row) => row.json),
        next: rows.length > page.length && last ? { storylineId: last.storylineId, position: last.position } : null,
      };
    },
    getEventCluster: async (id) => {
      if (!(await hasStored())) return computed.getEventCluster(id);
      const row = await store.getEventClusterView(id);
      return row ? (JSON.parse(row.json) as EventClusterView) : null;
    },
    storylineArticleIds: async (id) => {
      if (!(await hasStored())) return computed.storylineArticleIds(id);
      const record = await store.getStory(id);
      return record && record.id === id
        ? [...new Set(clusterViews(id, record.detail).flatMap((c) => c.articles.map((a) => a.id)))]
        : [];
    },
    storylineOfArticle: async (articleId) => {
      if (!(await hasStored())) return computed.storylineOfArticle(articleId);
      return (await allClusters()).find((c) => c.articles.some((a) => a.id === articleId))?.storylineId ?? null;
    },
  };
}
