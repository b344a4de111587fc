/**
 * PostgreSQL StoryStore: per-article clustering features and story documents (see story-types.ts). Each write
 * is one multi-row `unnest` statement inside one transaction; JSON documents are stored and returned verbatim.
 */
import type pg from 'pg';
import { toStorySummary, type StoryRow } from '../rows.ts';
import type {
  ArticleEventRow,
  OrderedFeaturesRow,
  StoryListQuery,
  StoryRecord,
  StoryStateChange,
  StoryStore,
} from '../story-types.ts';
import { pgText } from './pg-text.ts';
import { prepared } from './prepared.ts';
import { withTransaction } from './transaction.ts';

// Rows are upserted in key order so concurrent story updates lock rows in the same order (no deadlock).
const SAVE_FEATURES = `
  INSERT INTO story_features (article_id, features)
  SELECT * FROM unnest($1::text[], $2::text[]) AS u (article_id, features)
  ORDER BY article_id
  ON CONFLICT (article_id) DO UPDATE SET features = excluded.features`;
const UPSERT_STORIES = `
  INSERT INTO stories (id, label, first_date, last_date, article_count, event_count, outlets, detail, signature)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[])
    AS u (id, label, first_date, last_date, article_count, event_count, outlets, detail, signature)
  ORDER BY id
  ON CONFLICT (id) DO UPDATE SET label = excluded.label, first_date = excluded.first_date, last_date = excluded.last_date,
    article_count = excluded.article_count, event_count = excluded.event_count, outlets = excluded.outlets, detail = excluded.detail,
    signature = excluded.signature`;
const UPSERT_EVENTS = `
  INSERT INTO article_events (article_id, event_id, storyline_id)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS u (article_id, event_id, storyline_id)
  ORDER BY article_id
  ON CONFLICT (article_id) DO UPDATE SET event_id = excluded.event_id, storyline_id = excluded.storyline_id`;
const FEATURES_IN_ORDER = `SELECT a.id AS "articleId", f.features FROM articles a LEFT JOIN story_features f ON f.article_id = a.id ORDER BY a.seq`;
const SUMMARY_COLUMNS = 'id, label, first_date, last_date, article_count, event_count, outlets';
// Latest first, undated last, then larger first; id makes it total. Matches the stories_listing index.
const LIST_STORIES = `SELECT ${SUMMARY_COLUMNS} FROM stories
  ORDER BY last_date IS NULL, last_date DESC, article_count DESC, id LIMIT $1 OFFSET $2`;
// The exact id first; otherwise a prefix match counts only when it is the only one (LIMIT 2 tells).
const GET_STORY = `SELECT ${SUMMARY_COLUMNS}, detail FROM stories WHERE starts_with(id, $1) ORDER BY id = $1 DESC, id LIMIT 2`;

/** The last entry per key wins, as with row-by-row upserts (one statement may not touch a row twice). */
function lastByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

async function writeStoryRows(
  client: pg.PoolClient,
  change: { readonly upsert: readonly StoryRecord[]; readonly remove: readonly string[] },
): Promise<void> {
  const upsert = lastByKey(change.upsert, (s) => s.id);
  if (change.remove.length > 0)
    await prepared(client, 'DELETE FROM stories WHERE id = ANY($1::text[])', [change.remove]);
  if (upsert.length === 0) return;
  await prepared(client, UPSERT_STORIES, [
    upsert.map((s) => s.id),
    upsert.map((s) => pgText(s.label)),
    upsert.map((s) => s.firstDate),
    upsert.map((s) => s.lastDate),
    upsert.map((s) => s.articleCount),
    upsert.map((s) => s.eventCount),
    upsert.map((s) => pgText(JSON.stringify(s.outlets))),
    upsert.map((s) => pgText(s.detail)),
    upsert.map((s) => s.signature ?? null),
  ]);
}

async function commitState(client: pg.PoolClient, change: StoryStateChange): Promise<void> {
  const features = lastByKey(change.features, (r) => r.articleId);
  if (features.length > 0)
    await prepared(client, SAVE_FEATURES, [features.map((r) => r.articleId), features.map((r) => pgText(r.features))]);
  const events = lastByKey(change.assignments, (r) => r.articleId);
  if (events.length > 0)
    await prepared(client, UPSERT_EVENTS, [
      events.map((r) => r.articleId),
      events.map((r) => r.eventId),
      events.map((r) => r.storylineId),
    ]);
  await writeStoryRows(client, change);
}

/** StoryStore methods over a pool on a migrated schema. */
export function createStoryStore(pool: pg.Pool): StoryStore {
  return {
    async saveStoryFeatures(rows) {
      const latest = lastByKey(rows, (r) => r.articleId);
      if (latest.length === 0) return;
      await prepared(pool, SAVE_FEATURES, [latest.map((r) => r.articleId), latest.map((r) => pgText(r.features))]);
    },
    async countStoryFeatures() {
      return (await prepared<{ n: number }>(pool, 'SELECT count(*)::int AS n FROM story_features')).rows[0]?.n ?? 0;
    },
    async loadStoryFeatures() {
      return (
        await prepared<{ articleId: string; features: string }>(
          pool,
          'SELECT article_id AS "articleId", features FROM story_features ORDER BY article_id',
        )
      ).rows;
    },
    async writeStories(change) {
      await withTransaction(pool, (client) => writeStoryRows(client, change));
    },
    async storyFeaturesInOrder() {
      return (await prepared<OrderedFeaturesRow>(pool, FEATURES_IN_ORDER)).rows;
    },
    async articleEvents() {
      return (
        await prepared<ArticleEventRow>(
          pool,
          'SELECT article_id AS "articleId", event_id AS "eventId", storyline_id AS "storylineId" FROM article_events ORDER BY article_id',
        )
      ).rows;
    },
    async storySignatures() {
      const rows = (await prepared<{ id: string; signature: string | null }>(pool, 'SELECT id, signature FROM stories'))
        .rows;
      return new Map(rows.map((r) => [r.id, r.signature]));
    },
    async commitStoryState(change) {
      await withTransaction(pool, (client) => commitState(client, change));
    },
    async listStories(query: StoryListQuery) {
      return (await prepared<StoryRow>(pool, LIST_STORIES, [query.limit, query.offset ?? 0])).rows.map(toStorySummary);
    },
    async storyIds() {
      return (await prepared<{ id: string }>(pool, 'SELECT id FROM stories ORDER BY id')).rows.map((r) => r.id);
    },
    async getStory(idOrPrefix) {
      const rows = (await prepared<StoryRow>(pool, GET_STORY, [idOrPrefix])).rows;
      const row = rows[0]?.id === idOrPrefix || rows.length === 1 ? rows[0] : undefined;
      return row ? { ...toStorySummary(row), detail: row.detail ?? '' } : null;
    },
  };
}
