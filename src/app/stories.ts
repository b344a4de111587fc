/**
 * Keeps the stored stories up to date after each ingest batch: computes the new articles' clustering features
 * once, replays every stored feature row through the event index (deterministic (date, id) order), and rewrites
 * the storylines that gained articles (with timeline, claims and top entities), deleting those that vanished.
 */
import type { ArticleAnnotations } from '../core/annotation.ts';
import { MIN_STORYLINE_ARTICLES } from '../corpus/cluster-json.ts';
import { addToIndex, articleFeatures, buildTimeline, createEventIndex, type EventIndex, duplicateGroups, eventClusters, featuresFromJson, featuresToJson, findClaims, storylines, toClusterInput, type ClusterInput } from '../corpus/index.ts';
import type { Claim, DuplicateGroup, EventCluster, Storyline, TimelineEntry } from '../corpus/types.ts';
import type { StoredArticle, Store } from '../store/store.ts';
import type { StoryRecord } from '../store/story-types.ts';

export type { StorySummary } from '../store/story-types.ts';

/** Entities listed per story. */
const TOP_ENTITIES = 10;

export interface StoryArticle {
  readonly id: string;
  readonly outlet: string | null;
  readonly headline: string | null;
  readonly published: string | null;
  /** The original this article near-duplicates, when it is a copy. */
  readonly duplicateOf: string | null;
}

/** The JSON document stored per story (`marsad story --json` prints it). */
export interface StoryDetail {
  readonly storyline: Storyline;
  readonly eventClusters: readonly (Omit<EventCluster, 'articles'> & { readonly articles: readonly StoryArticle[] })[];
  readonly duplicates: readonly DuplicateGroup[];
  readonly timeline: readonly TimelineEntry[];
  readonly undated: readonly TimelineEntry[];
  readonly claims: readonly Claim[];
  readonly topEntities: readonly { readonly entityId: string; readonly canonical: string; readonly type: string; readonly articles: number }[];
}

export interface StoriesUpdate {
  readonly featured: number;
  readonly written: number;
  readonly removed: number;
}

function inputOf(article: StoredArticle): ClusterInput {
  const annotations: Partial<ArticleAnnotations> = article.annotations ?? {};
  return toClusterInput(article.id, { ...article, ...annotations });
}

async function loadInputs(store: Store, ids: readonly string[]): Promise<Map<string, ClusterInput>> {
  const out = new Map<string, ClusterInput>();
  for (const id of ids) {
    const article = await store.getArticle(id);
    if (article) out.set(id, inputOf(article));
  }
  return out;
}

/** Keeps one event index across the batches of an ingest run; the first update replays the stored features. */
export interface StoryUpdater {
  update(newArticleIds: readonly string[]): Promise<StoriesUpdate>;
}

/**
 * An updater for one ingest run (or a server's lifetime). Later batches are added to the in-memory index without
 * replaying the store, unless the store holds features the index lacks; a new updater replays every stored row in
 * (date, id) order.
 */
export function createStoryUpdater(store: Store): StoryUpdater {
  let index: EventIndex | null = null;
  return {
    async update(newArticleIds) {
      const fresh = await loadInputs(store, newArticleIds);
      const features = [...fresh.values()].map(articleFeatures);
      await store.saveStoryFeatures(features.map((f) => ({ articleId: f.id, features: featuresToJson(f) })));
      const unseen = index === null ? features : features.filter((f) => !index!.byId.has(f.id));
      // Replay when starting, or when another writer (a CLI ingest beside the server) stored features we lack.
      if (index === null || index.articles.length + unseen.length !== await store.countStoryFeatures()) {
        index = createEventIndex();
        addToIndex(index, (await store.loadStoryFeatures()).map((row) => featuresFromJson(row.features)));
      } else {
        addToIndex(index, unseen);
      }
      return writeChangedStories(store, index, new Set(fresh.keys()));
    },
  };
}

/** Updates stored stories for the articles just ingested (one-off: replays all stored features). */
export async function updateStories(store: Store, newArticleIds: readonly string[]): Promise<StoriesUpdate> {
  return createStoryUpdater(store).update(newArticleIds);
}

/**
 * Recomputes every story from all stored features (replayed in the index's deterministic order) and rewrites them
 * all, removing vanished ones: the result depends only on the stored articles, not on the order or batches they
 * came in. Team-mode workers run it (under the stories lock) when the queue drains.
 */
export async function rebuildAllStories(store: Store): Promise<StoriesUpdate> {
  const index = createEventIndex();
  addToIndex(index, (await store.loadStoryFeatures()).map((row) => featuresFromJson(row.features)));
  return writeChangedStories(store, index, new Set(index.articles.map((f) => f.id)));
}

async function writeChangedStories(store: Store, index: EventIndex, fresh: ReadonlySet<string>): Promise<StoriesUpdate> {
  const clusters = eventClusters(index);
  const stories = storylines(index, clusters).filter((s) => s.eventClusters.reduce((n, c) => n + clusters[c]!.articles.length, 0) >= MIN_STORYLINE_ARTICLES);
  const stored = new Set(await store.storyIds());
  const touched = stories.filter((s) => !stored.has(s.id) || s.eventClusters.some((c) => clusters[c]!.articles.some((id) => fresh.has(id))));
  const duplicates = duplicateGroups(index);
  const upsert: StoryRecord[] = [];
  for (const story of touched) upsert.push(await storyRecord(store, { story, clusters, duplicates }));
  const keep = new Set(stories.map((s) => s.id));
  const remove = [...stored].filter((id) => !keep.has(id));
  await store.writeStories({ upsert, remove });
  return { featured: fresh.size, written: upsert.length, removed: remove.length };
}

async function storyRecord(store: Store, context: { story: Storyline; clusters: readonly EventCluster[]; duplicates: readonly DuplicateGroup[] }): Promise<StoryRecord> {
  const { story, clusters } = context;
  const ids = story.eventClusters.flatMap((c) => clusters[c]!.articles);
  const inputs = await loadInputs(store, ids);
  const articles = ids.map((id) => inputs.get(id)).filter((a): a is ClusterInput => a !== undefined);
  const idSet = new Set(ids);
  const duplicates = context.duplicates.filter((d) => idSet.has(d.original));
  const copyOf = new Map(duplicates.flatMap((d) => d.copies.map((c) => [c, d.original] as const)));
  const timeline = buildTimeline(0, articles);
  const detail: StoryDetail = {
    storyline: { ...story, eventClusters: story.eventClusters.map((_, i) => i) },
    eventClusters: story.eventClusters.map((c) => ({ ...clusters[c]!, articles: clusters[c]!.articles.map((id) => storyArticle(inputs.get(id), id, copyOf.get(id) ?? null)) })),
    duplicates,
    timeline: timeline.filter((e) => e.date !== null),
    undated: timeline.filter((e) => e.date === null),
    claims: findClaims(0, articles),
    topEntities: topEntities(articles),
  };
  const outlets = [...new Set(articles.map((a) => a.outlet).filter((o): o is string => o !== null))].sort();
  return { id: story.id, label: story.label, firstDate: story.firstDate, lastDate: story.lastDate, articleCount: ids.length, eventCount: story.eventClusters.length, outlets, detail: JSON.stringify(detail) };
}

function storyArticle(input: ClusterInput | undefined, id: string, duplicateOf: string | null): StoryArticle {
  return { id, outlet: input?.outlet ?? null, headline: input?.headline ?? null, published: input?.published ?? null, duplicateOf };
}

function topEntities(articles: readonly ClusterInput[]): StoryDetail['topEntities'] {
  const seen = new Map<string, { canonical: string; type: string; articles: Set<string> }>();
  for (const article of articles) {
    for (const entity of article.entities ?? []) {
      const entry = seen.get(entity.entityId) ?? { canonical: entity.canonical, type: entity.type, articles: new Set<string>() };
      entry.articles.add(article.id);
      seen.set(entity.entityId, entry);
    }
  }
  return [...seen].map(([entityId, e]) => ({ entityId, canonical: e.canonical, type: e.type, articles: e.articles.size }))
    .sort((a, b) => b.articles - a.articles || (a.canonical < b.canonical ? -1 : 1)).slice(0, TOP_ENTITIES);
}
