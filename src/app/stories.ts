/**
 * Keeps the stored stories up to date after each ingest batch: computes the new articles' clustering features
 * once, replays every stored feature row through the event index (deterministic (date, id) order), and rewrites
 * the storylines that gained articles (with timeline, claims and top entities), deleting those that vanished.
 */
import { joinShortForms } from '../corpus/entities/short-forms.ts';
import type { ArticleAnnotations } from '../core/annotation.ts';
import { MIN_STORYLINE_ARTICLES } from '../corpus/cluster-json.ts';
import {
  addToIndex,
  articleFeatures,
  type ArticleFeatures,
  boundedWindow,
  buildTimeline,
  createEventIndex,
  type EventIndex,
  duplicateGroups,
  eventClusters,
  featuresFromJson,
  featuresToJson,
  findClaims,
  isIndexed,
  storylines,
  toClusterInput,
  type ClusterInput,
} from '../corpus/index.ts';
import { EVENT_PARAMS } from '../corpus/cluster/params.ts';
import { openEventArchiveFile, type EventArchiveFile } from '../store/sqlite/event-archive-file.ts';
import { createStoryDeriver, storySignature, type StoryDelta, type StoryDeriver } from './story-derivation.ts';
import type { Claim, DuplicateGroup, EventCluster, Storyline, TimelineEntry } from '../corpus/types.ts';
import type { StoredArticle, Store } from '../store/store.ts';
import type { ArticleEventRow, StoryRecord, StoryStateChange } from '../store/story-types.ts';

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
  readonly topEntities: readonly {
    readonly entityId: string;
    readonly canonical: string;
    readonly type: string;
    readonly articles: number;
  }[];
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

/**
 * Articles of the stories rewritten lately, kept between updates so that a story that gained an article reads only
 * that article back, not all of its articles. Least recently used first out, bounded by text length (a story's
 * detail quotes its articles' bodies, so the bodies are kept).
 */
interface StoryInputCache {
  readonly entries: Map<string, ClusterInput>;
  chars: number;
  readonly maxChars: number;
}

/** Characters of article text the cache keeps (~16 MB of UTF-16, plus the annotations). */
const CACHED_INPUT_CHARS = 8_000_000;

function createInputCache(maxChars = CACHED_INPUT_CHARS): StoryInputCache {
  return { entries: new Map(), chars: 0, maxChars };
}

function inputSize(input: ClusterInput): number {
  return input.body.length + (input.headline?.length ?? 0);
}

/** The stored articles among `ids` as clustering inputs, through the cache when one is given. */
async function cachedInputs(
  store: Store,
  ids: readonly string[],
  cache: StoryInputCache | null,
): Promise<Map<string, ClusterInput>> {
  if (cache === null) return loadInputs(store, ids);
  const out = new Map<string, ClusterInput>();
  const missing: string[] = [];
  for (const id of ids) {
    const hit = cache.entries.get(id);
    if (hit === undefined) {
      missing.push(id);
      continue;
    }
    cache.entries.delete(id); // re-inserted last: the Map stays in order of use
    cache.entries.set(id, hit);
    out.set(id, hit);
  }
  for (const [id, input] of await loadInputs(store, missing)) {
    out.set(id, input);
    cache.entries.set(id, input);
    cache.chars += inputSize(input);
  }
  for (const [id, input] of cache.entries) {
    if (cache.chars <= cache.maxChars) break;
    cache.entries.delete(id);
    cache.chars -= inputSize(input);
  }
  return out;
}

async function loadInputs(store: Store, ids: readonly string[]): Promise<Map<string, ClusterInput>> {
  const out = new Map<string, ClusterInput>();
  for (const id of ids) {
    const article = await store.getArticle(id);
    if (article) out.set(id, inputOf(article));
  }
  return out;
}

/** Features of the stored articles among `ids`, in `ids` order: those `known` gives, else computed from the article. */
async function featuresOf(store: Store, ids: readonly string[], known?: KnownFeatures): Promise<ArticleFeatures[]> {
  const missing = ids.filter((id) => known?.(id) === undefined);
  const loaded = missing.length > 0 ? await loadInputs(store, missing) : new Map<string, ClusterInput>();
  const out: ArticleFeatures[] = [];
  for (const id of ids) {
    const features = known?.(id) ?? (loaded.has(id) ? articleFeatures(loaded.get(id)!) : undefined);
    if (features) out.push(features);
  }
  return out;
}

/** Keeps one event index across the batches of an ingest run; the first update replays the stored features. */
export interface StoryUpdater {
  /** `known` gives features already computed elsewhere (the analysis threads); the rest are computed here. */
  update(newArticleIds: readonly string[], known?: KnownFeatures): Promise<StoriesUpdate>;
  /** Deletes the index's spill file (also done at process exit); the updater must not be used afterwards. */
  close(): void;
  /** The bounded index's and the derivation's counters (tests, benches), or null before the first update. */
  stats(): {
    readonly frozen: number;
    readonly thawed: number;
    readonly settled: number;
    readonly restarts: number;
    readonly relinked: number;
  } | null;
  /** What the updater holds in memory, by structure (memory studies), or null before the first update. */
  sizes(): Record<string, number> | null;
}

/** Clustering features computed beside the analysis, by article id. */
export type KnownFeatures = (articleId: string) => ArticleFeatures | undefined;

/** What the updater knows is stored, kept in step with each committed update. */
interface StoryState {
  /** A bounded index: events that can no longer receive articles are frozen into `archive` (a spill file). */
  readonly index: EventIndex;
  readonly archive: EventArchiveFile;
  readonly deriver: StoryDeriver;
  /**
   * Article id → `eventId storylineId` as stored in article_events, read for the first derivation only (which
   * derives every row) and dropped after it; later derivations name the rows that can have changed themselves.
   */
  assigned: Map<string, string> | null;
  /** Story id → stored membership signature. */
  readonly signatures: Map<string, string | null>;
}

/**
 * A new bounded event index over a fresh spill file (docs/stories.md «Bounded memory»). A spill file left open is
 * deleted at process exit by event-archive-file.ts itself (no second exit hook here: one that closed the file after
 * that hook had removed its directory failed the exit with a disk I/O error).
 */
function boundedIndex(): { index: EventIndex; archive: EventArchiveFile } {
  const archive = openEventArchiveFile();
  return { index: createEventIndex(EVENT_PARAMS, boundedWindow({ archive })), archive };
}

function closeState(state: StoryState | null): void {
  if (state === null) return;
  state.archive.close();
}

/**
 * Articles join the event index one at a time in ingest order (articles.seq), never as a batch: the corpus stage
 * sorts each batch it is given by date, so feeding it whole batches would make the storylines depend on where the
 * batches were cut. One at a time, the index after N articles is the same however the N arrived (one run or two,
 * batches of 1 or 5,000, a crash and a re-run).
 */
function addInOrder(index: EventIndex, features: readonly ArticleFeatures[]): number[] {
  return features.flatMap((feature) => addToIndex(index, [feature]));
}

/**
 * An updater for one ingest run (or a server's lifetime). The first update, and any update after another writer
 * stored stories, replays every article in ingest order, computing the features of articles that have none (the
 * batch of a run killed between its commit and its story update); later updates add the new articles to the
 * in-memory index. Features, article→event rows and stories of one update commit in one transaction.
 */
export function createStoryUpdater(
  store: Store,
  repair: RepairOptions = {},
  options: UpdaterOptions = {},
): StoryUpdater {
  let state: StoryState | null = null;
  const inputs = createInputCache();
  return {
    async update(newArticleIds, known) {
      let fresh: ArticleFeatures[];
      let added: number[];
      let next: StoryState;
      if (state !== null && state.index.articles.length === (await store.countStoryFeatures())) {
        fresh = (await featuresOf(store, newArticleIds, known)).filter((f) => !isIndexed(state!.index, f.id));
        added = addInOrder(state.index, fresh);
        next = state;
      } else if (state !== null && options.catchUp) {
        ({ state: next, fresh, added } = await catchUpStored(store, state, known));
      } else {
        ({ state: next, fresh, added } = await replayStored(store, state === null ? repair : {}, known));
      }
      if (next !== state) closeState(state);
      state = next;
      try {
        const change = storyChangeOf(next, fresh, next.deriver.derive(added));
        await store.commitStoryState(await withRecords(store, change, inputs));
        applyChange(next, change);
        return { featured: fresh.length, written: change.upsert.length, removed: change.remove.length };
      } catch (error) {
        // The index is ahead of the store now: the next update replays.
        closeState(state);
        state = null;
        throw error;
      }
    },
    close() {
      closeState(state);
      state = null;
    },
    stats() {
      if (state === null) return null;
      const window = state.index.window as ReturnType<typeof boundedWindow>;
      return { frozen: window.stats.frozen, thawed: window.stats.thawed, ...state.deriver.stats };
    },
    sizes() {
      if (state === null) return null;
      const { index } = state;
      let liveClusters = 0;
      for (const cluster of index.clusters) if (cluster !== undefined) liveClusters++;
      return {
        articles: index.articles.length,
        liveArticles: index.byId.size,
        clusters: index.clusters.length,
        liveClusters,
        eventTerms: index.postings.size,
        ...state.deriver.sizes(),
        cachedInputs: inputs.entries.size,
        cachedChars: inputs.chars,
      };
    },
  };
}

export interface UpdaterOptions {
  /**
   * When other writers stored articles since the last update (team mode's queue workers), add just those to the index,
   * in ingest order, instead of replaying every stored article: the per-batch cost stays proportional to the new
   * articles, but the index order then depends on when each writer committed, so the stories are only final after a
   * `rebuildAllStories` (the queue workers run it when the queue drains).
   */
  readonly catchUp?: boolean;
}

/** What `marsad check --repair` distrusts in the stored story state. */
export interface RepairOptions {
  /** Recompute every article's features from the article instead of reading the stored row. */
  readonly recomputeFeatures?: boolean;
  /** Rewrite every article→event row and every story, whatever the stored signatures say. */
  readonly rewriteAll?: boolean;
}

/** Parsed stored features, or null when the row is missing or not a features document. */
function parsedFeatures(json: string | null): ArticleFeatures | null {
  if (json === null) return null;
  try {
    return featuresFromJson(json);
  } catch {
    return null; // a broken row is recomputed like a missing one
  }
}

/** A new index over every stored article in ingest order; articles without stored features get them computed. */
async function replayStored(
  store: Store,
  repair: RepairOptions,
  known?: KnownFeatures,
): Promise<{ state: StoryState; fresh: ArticleFeatures[]; added: number[] }> {
  const { index, archive } = boundedIndex();
  const fresh: ArticleFeatures[] = [];
  const added: number[] = [];
  try {
    for (const row of await store.storyFeaturesInOrder()) {
      let features = repair.recomputeFeatures ? null : parsedFeatures(row.features);
      if (features === null) {
        const [computed] = await featuresOf(store, [row.articleId], known);
        if (!computed) continue;
        features = computed;
        fresh.push(features);
      }
      added.push(...addToIndex(index, [features]));
    }
  } catch (error) {
    archive.close();
    throw error;
  }
  const assigned = new Map(
    (await store.articleEvents()).map((r) => [r.articleId, assignment(r.eventId, r.storylineId)]),
  );
  const signatures = new Map(await store.storySignatures());
  if (repair.rewriteAll) {
    assigned.clear();
    for (const id of signatures.keys()) signatures.set(id, null);
  }
  return { state: { index, archive, deriver: createStoryDeriver(index), assigned, signatures }, fresh, added };
}

/**
 * The updater's state brought up to the store after other writers stored articles (see `UpdaterOptions.catchUp`):
 * the stored articles the index lacks join it in ingest order, the stored assignments and signatures are re-read.
 * Replays everything instead when the store no longer lists an article the index holds.
 */
async function catchUpStored(
  store: Store,
  state: StoryState,
  known?: KnownFeatures,
): Promise<{ state: StoryState; fresh: ArticleFeatures[]; added: number[] }> {
  const rows = await store.storyFeaturesInOrder();
  const held = rows.reduce((n, row) => n + (isIndexed(state.index, row.articleId) ? 1 : 0), 0);
  if (held !== state.index.articles.length) return replayStored(store, {}, known);
  const fresh: ArticleFeatures[] = [];
  const added: number[] = [];
  for (const row of rows) {
    if (isIndexed(state.index, row.articleId)) continue;
    let features = (row.features !== null ? known?.(row.articleId) : undefined) ?? parsedFeatures(row.features);
    if (features === null) {
      const [computed] = await featuresOf(store, [row.articleId], known);
      if (!computed) continue;
      features = computed;
      fresh.push(features);
    }
    added.push(...addToIndex(state.index, [features]));
  }
  // Other writers may have rewritten stories: compare with what is stored now.
  state.signatures.clear();
  for (const [id, signature] of await store.storySignatures()) state.signatures.set(id, signature);
  return { state, fresh, added };
}

function assignment(eventId: string, storylineId: string | null): string {
  return `${eventId} ${storylineId ?? ''}`;
}

/** The event index over the stored features in ingest order, as every update builds it (for `marsad check`). */
export async function replayStoredIndex(
  store: Store,
): Promise<{ index: EventIndex; missing: readonly string[]; broken: readonly string[] }> {
  const index = createEventIndex();
  const missing: string[] = [];
  const broken: string[] = [];
  for (const row of await store.storyFeaturesInOrder()) {
    const features = parsedFeatures(row.features);
    if (features === null) (row.features === null ? missing : broken).push(row.articleId);
    else addToIndex(index, [features]);
  }
  return { index, missing, broken };
}

/** The derived story state of an index: event clusters, the storylines worth storing and who is where. */
export interface DerivedStories {
  readonly clusters: readonly EventCluster[];
  readonly stories: readonly Storyline[];
  readonly duplicates: readonly DuplicateGroup[];
  /** Article id → its event id and stored storyline id. */
  readonly assignments: readonly ArticleEventRow[];
  /** Story id → membership signature. */
  readonly signatures: ReadonlyMap<string, string>;
}

/** Everything stored about stories is a function of the index: this computes it. */
export function deriveStories(index: EventIndex): DerivedStories {
  const clusters = eventClusters(index);
  const stories = storylines(index, clusters).filter(
    (s) => s.eventClusters.reduce((n, c) => n + clusters[c]!.articles.length, 0) >= MIN_STORYLINE_ARTICLES,
  );
  const duplicates = duplicateGroups(index);
  const storyOfCluster = new Map<number, string>();
  for (const story of stories) for (const c of story.eventClusters) storyOfCluster.set(c, story.id);
  const assignments: ArticleEventRow[] = [];
  clusters.forEach((cluster, c) => {
    for (const articleId of cluster.articles)
      assignments.push({ articleId, eventId: cluster.id, storylineId: storyOfCluster.get(c) ?? null });
  });
  const signatures = new Map(
    stories.map((story) => {
      const members = story.eventClusters.map((c) => clusters[c]!);
      const ids = new Set(members.flatMap((c) => c.articles));
      return [
        story.id,
        storySignature(
          story,
          members,
          duplicates.filter((d) => ids.has(d.original)),
        ),
      ];
    }),
  );
  return { clusters, stories, duplicates, assignments, signatures };
}

/** A story change without the stories' records (assembled by `withRecords`, which reads their articles). */
interface PendingChange extends Omit<StoryStateChange, 'upsert'> {
  readonly upsert: readonly { readonly story: Storyline; readonly signature: string }[];
  readonly delta: StoryDelta;
}

/** The rows to write so the store matches the index: features of fresh articles, changed rows, changed stories. */
function storyChangeOf(state: StoryState, fresh: readonly ArticleFeatures[], delta: StoryDelta): PendingChange {
  const stored = state.assigned;
  const assignments =
    stored === null
      ? delta.assignments
      : delta.assignments.filter((r) => stored.get(r.articleId) !== assignment(r.eventId, r.storylineId));
  state.assigned = null; // only the first derivation compares with every stored row
  const upsert = delta.stories
    .filter((story) => state.signatures.get(story.id) !== delta.signatures.get(story.id))
    .map((story) => ({ story, signature: delta.signatures.get(story.id)! }));
  const remove = delta.full
    ? [...state.signatures.keys()].filter((id) => !delta.signatures.has(id)).sort()
    : delta.gone.filter((id) => state.signatures.has(id));
  return {
    features: fresh.map((f) => ({ articleId: f.id, features: featuresToJson(f) })),
    assignments,
    upsert,
    remove,
    delta,
  };
}

async function withRecords(
  store: Store,
  change: PendingChange,
  cache: StoryInputCache | null = null,
): Promise<StoryStateChange> {
  const upsert: StoryRecord[] = [];
  for (const { story, signature } of change.upsert) {
    const context = { story, cluster: change.delta.cluster, duplicates: change.delta.duplicates(story) };
    upsert.push({ ...(await storyRecord(store, context, cache)), signature });
  }
  return { features: change.features, assignments: change.assignments, upsert, remove: change.remove };
}

function applyChange(state: StoryState, change: PendingChange): void {
  for (const story of change.upsert) state.signatures.set(story.story.id, story.signature);
  for (const id of change.remove) state.signatures.delete(id);
}

/** Updates stored stories for the articles just ingested (one-off: replays all stored features). */
export async function updateStories(store: Store, newArticleIds: readonly string[]): Promise<StoriesUpdate> {
  const updater = createStoryUpdater(store);
  try {
    return await updater.update(newArticleIds);
  } finally {
    updater.close();
  }
}

/**
 * Recomputes every story from all stored features and rewrites them all (team mode, when the queue drains). Queue
 * workers commit in whatever order they finish, so this replay uses the corpus stage's own (date, id) order: the
 * result depends only on the set of stored articles, whichever worker stored which.
 */
export async function rebuildAllStories(store: Store): Promise<StoriesUpdate> {
  const features: ArticleFeatures[] = [];
  const fresh: ArticleFeatures[] = [];
  for (const row of await store.storyFeaturesInOrder()) {
    let parsed = parsedFeatures(row.features);
    if (parsed === null) {
      const [computed] = await featuresOf(store, [row.articleId]);
      if (!computed) continue;
      parsed = computed;
      fresh.push(parsed);
    }
    features.push(parsed);
  }
  const { index, archive } = boundedIndex();
  // Every row and story is rewritten: nothing stored is trusted.
  const signatures = new Map<string, string | null>([...(await store.storyIds())].map((id) => [id, null]));
  const state: StoryState = { index, archive, deriver: createStoryDeriver(index), assigned: new Map(), signatures };
  try {
    const added = addToIndex(index, features);
    const change = storyChangeOf(state, fresh, state.deriver.derive(added));
    await store.commitStoryState(await withRecords(store, change));
    return { featured: fresh.length, written: change.upsert.length, removed: change.remove.length };
  } finally {
    closeState(state);
  }
}

async function storyRecord(
  store: Store,
  context: {
    story: Storyline;
    cluster: (c: number) => EventCluster;
    duplicates: readonly DuplicateGroup[];
  },
  cache: StoryInputCache | null,
): Promise<Omit<StoryRecord, 'signature'>> {
  const { story, duplicates } = context;
  const clusters = story.eventClusters.map(context.cluster);
  const ids = clusters.flatMap((c) => c.articles);
  const inputs = await cachedInputs(store, ids, cache);
  const articles = ids.map((id) => inputs.get(id)).filter((a): a is ClusterInput => a !== undefined);
  const copyOf = new Map(duplicates.flatMap((d) => d.copies.map((c) => [c, d.original] as const)));
  const timeline = buildTimeline(0, articles);
  const detail: StoryDetail = {
    storyline: { ...story, eventClusters: story.eventClusters.map((_, i) => i) },
    eventClusters: clusters.map((cluster) => ({
      ...cluster,
      articles: cluster.articles.map((id) => storyArticle(inputs.get(id), id, copyOf.get(id) ?? null)),
    })),
    duplicates,
    timeline: timeline.filter((e) => e.date !== null),
    undated: timeline.filter((e) => e.date === null),
    claims: findClaims(0, articles),
    topEntities: topEntities(articles),
  };
  const outlets = [...new Set(articles.map((a) => a.outlet).filter((o): o is string => o !== null))].sort();
  return {
    id: story.id,
    label: story.label,
    firstDate: story.firstDate,
    lastDate: story.lastDate,
    articleCount: ids.length,
    eventCount: story.eventClusters.length,
    outlets,
    detail: JSON.stringify(detail),
  };
}

function storyArticle(input: ClusterInput | undefined, id: string, duplicateOf: string | null): StoryArticle {
  return {
    id,
    outlet: input?.outlet ?? null,
    headline: input?.headline ?? null,
    published: input?.published ?? null,
    duplicateOf,
  };
}

/** The storyline's most cited entities; a person's short form counts for the one full name it fits («مبارك» → «حسني مبارك»). */
function topEntities(articles: readonly ClusterInput[]): StoryDetail['topEntities'] {
  const seen = new Map<string, { canonical: string; type: string; articles: Set<string> }>();
  for (const article of joinShortForms(articles)) {
    for (const entity of article.entities ?? []) {
      const entry = seen.get(entity.entityId) ?? {
        canonical: entity.canonical,
        type: entity.type,
        articles: new Set<string>(),
      };
      entry.articles.add(article.id);
      seen.set(entity.entityId, entry);
    }
  }
  return [...seen]
    .map(([entityId, e]) => ({ entityId, canonical: e.canonical, type: e.type, articles: e.articles.size }))
    .sort((a, b) => b.articles - a.articles || (a.canonical < b.canonical ? -1 : 1))
    .slice(0, TOP_ENTITIES);
}
