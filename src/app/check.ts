/**
 * `marsad check`: verifies the invariants that tie the derived state (story features, article→event rows, stories,
 * search documents) to the stored articles, and `--repair` rebuilds what is derived. The reference is a replay of the
 * stored features in ingest order, which is exactly what every story update computes.
 */
import { articleFeatures, featuresToJson, toClusterInput } from '../corpus/index.ts';
import { ANALYZER_VERSION } from '../search/documents.ts';
import type { Store } from '../store/store.ts';
import { catchUpDerivedState } from './after-write.ts';
import { createStoryUpdater, deriveStories, replayStoredIndex, type StoryDetail } from './stories.ts';

export type ViolationKind =
  | 'features-missing'
  | 'features-broken'
  | 'features-stale'
  | 'event-missing'
  | 'event-wrong'
  | 'storyline-wrong'
  | 'article-in-two-storylines'
  | 'story-missing'
  | 'story-stale'
  | 'story-changed'
  | 'search-missing'
  | 'search-orphans'
  | 'entity-stats-stale'
  | 'cluster-views-stale';

export interface Violation {
  readonly kind: ViolationKind;
  /** The article or story concerned (empty for counts). */
  readonly id: string;
  readonly detail: string;
}

export interface CheckReport {
  readonly articles: number;
  readonly stories: number;
  readonly violations: readonly Violation[];
}

/** Violations listed per kind in a report; the count is always exact. */
const MAX_LISTED_PER_KIND = 1_000;

/** Checks every invariant; reads the whole store (features recomputed from each article). */
export async function checkStore(store: Store): Promise<CheckReport> {
  const violations: Violation[] = [];
  const perKind = new Map<ViolationKind, number>();
  const add = (kind: ViolationKind, id: string, detail: string): void => {
    const n = (perKind.get(kind) ?? 0) + 1;
    perKind.set(kind, n);
    if (n <= MAX_LISTED_PER_KIND) violations.push({ kind, id, detail });
  };
  const ordered = await store.storyFeaturesInOrder();
  const { index, missing, broken } = await replayStoredIndex(store);
  for (const id of missing) add('features-missing', id, 'The article has no story features.');
  for (const id of broken) add('features-broken', id, 'The stored story features do not parse.');
  for (const row of ordered) {
    if (row.features === null) continue;
    const article = await store.getArticle(row.articleId);
    if (!article) continue;
    const expected = featuresToJson(
      articleFeatures(toClusterInput(article.id, { ...article, ...(article.annotations ?? {}) })),
    );
    if (expected !== row.features && !broken.includes(row.articleId))
      add('features-stale', row.articleId, "The stored story features differ from the article's.");
  }

  const derived = deriveStories(index);
  const stored = new Map((await store.articleEvents()).map((r) => [r.articleId, r]));
  for (const row of derived.assignments) {
    const have = stored.get(row.articleId);
    if (!have) add('event-missing', row.articleId, 'The article is in no stored event.');
    else if (have.eventId !== row.eventId)
      add('event-wrong', row.articleId, `Stored in event ${have.eventId}, replay puts it in ${row.eventId}.`);
    else if (have.storylineId !== row.storylineId)
      add(
        'storyline-wrong',
        row.articleId,
        `Stored in storyline ${have.storylineId ?? 'none'}, replay says ${row.storylineId ?? 'none'}.`,
      );
  }

  const signatures = await store.storySignatures();
  const storyOf = new Map<string, string>();
  for (const id of [...signatures.keys()].sort()) {
    const expected = derived.signatures.get(id);
    if (expected === undefined) add('story-stale', id, 'A stored story that a replay no longer produces.');
    else if (signatures.get(id) !== expected)
      add('story-changed', id, 'The stored story differs from the replay (membership, clusters or duplicates).');
    const story = await store.getStory(id);
    const detail = story ? (JSON.parse(story.detail) as StoryDetail) : null;
    for (const cluster of detail?.eventClusters ?? []) {
      for (const article of cluster.articles) {
        const other = storyOf.get(article.id);
        if (other !== undefined && other !== id)
          add('article-in-two-storylines', article.id, `Listed in storylines ${other} and ${id}.`);
        storyOf.set(article.id, id);
      }
    }
  }
  for (const id of derived.signatures.keys())
    if (!signatures.has(id)) add('story-missing', id, 'A storyline the replay produces is not stored.');

  const articles = await store.countArticles();
  const unindexed = await store.listUnindexedArticleIds(ANALYZER_VERSION, MAX_LISTED_PER_KIND);
  for (const id of unindexed) add('search-missing', id, 'The article has no current search document.');
  const documents = await store.countSearchDocuments();
  if (documents > articles) add('search-orphans', '', `${documents} search documents for ${articles} articles.`);
  // Read models of the API lists (entity_stats, event_cluster_views) against a fresh derivation.
  const drift = await store.readModelDrift();
  if (drift.entityStats > 0)
    add('entity-stats-stale', '', `${drift.entityStats} entity list row(s) differ from the stored mentions.`);
  if (drift.eventClusterViews > 0)
    add(
      'cluster-views-stale',
      '',
      `${drift.eventClusterViews} event cluster list row(s) differ from the stored stories.`,
    );
  // Kinds capped in the list still count fully.
  for (const [kind, n] of perKind) {
    if (n > MAX_LISTED_PER_KIND)
      violations.push({ kind, id: '', detail: `… ${n - MAX_LISTED_PER_KIND} more of this kind.` });
  }
  return { articles, stories: signatures.size, violations };
}

/**
 * Rebuilds the derived state: search documents the index lacks, every article's story features recomputed, every
 * article→event row and every story rewritten from the replay (stale stories removed), and the API's list read
 * models derived again from the stored mentions and stories.
 */
export async function repairStore(store: Store): Promise<void> {
  await catchUpDerivedState(store);
  const updater = createStoryUpdater(store, { recomputeFeatures: true, rewriteAll: true });
  try {
    await updater.update([]);
  } finally {
    updater.close();
  }
  await store.rebuildReadModels();
}
