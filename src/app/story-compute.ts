/**
 * A StoryReader that runs the corpus stage (`clusterArticles`) over the stored articles on demand and
 * caches the result until the article count changes. For demo-sized databases and until stories are
 * kept in the store; larger corpora are cut to the newest `maxArticles`.
 */
import { clusterArticles } from '../corpus/index.ts';
import { toClusterInput } from '../corpus/input.ts';
import type { ClusterInput } from '../corpus/types.ts';
import type { Store } from '../store/store.ts';
import { pageOfClusterViews, type StoryReader } from './story-reader.ts';
import { buildStoryViews, summaryOf, type StoryViews } from './story-views.ts';

/** Newest articles clustered on demand: bounds the CPU and memory of one computation (a fallback for stores without stories). */
export const DEFAULT_MAX_COMPUTED_ARTICLES = 5_000;
const PAGE = 200;

async function loadInputs(store: Store, maxArticles: number): Promise<ClusterInput[]> {
  const inputs: ClusterInput[] = [];
  for (let offset = 0; offset < maxArticles; offset += PAGE) {
    const page = await store.listArticles({ limit: Math.min(PAGE, maxArticles - offset), offset });
    for (const summary of page) {
      const article = await store.getArticle(summary.id);
      if (article) inputs.push(toClusterInput(article.id, { ...article, ...(article.annotations ?? {}) }));
    }
    if (page.length < PAGE) break;
  }
  return inputs;
}

export function createComputedStoryReader(store: Store, maxArticles = DEFAULT_MAX_COMPUTED_ARTICLES): StoryReader {
  let cached: { count: number; views: Promise<StoryViews> } | null = null;
  const views = async (): Promise<StoryViews> => {
    const count = await store.countArticles();
    if (cached === null || cached.count !== count) {
      // Cache the promise so concurrent requests share one computation.
      const computed = loadInputs(store, maxArticles).then((inputs) =>
        buildStoryViews(clusterArticles(inputs), inputs),
      );
      cached = { count, views: computed };
      // A failed run is not cached: the next request tries again.
      computed.catch(() => {
        if (cached?.views === computed) cached = null;
      });
    }
    return cached.views;
  };
  return {
    listStorylines: async () => (await views()).storylines.map(summaryOf),
    getStoryline: async (id) => (await views()).storylines.find((s) => s.id === id) ?? null,
    listEventClusters: async () => (await views()).clusters,
    eventClusterPage: async (query) => pageOfClusterViews((await views()).clusters, query),
    getEventCluster: async (id) => (await views()).clusters.find((c) => c.id === id) ?? null,
    storylineArticleIds: async (id) => {
      const story = (await views()).storylines.find((s) => s.id === id);
      return story ? [...new Set(story.eventClusters.flatMap((c) => c.articles.map((a) => a.id)))] : [];
    },
    storylineOfArticle: async (articleId) => (await views()).storylineOfArticle.get(articleId) ?? null,
  };
}
