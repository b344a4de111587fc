/** PostgreSQL StoryStore: features rows and story documents (see story-types.ts), each write batch in one transaction. */
import type pg from 'pg';
import type { StoryFeaturesRow, StoryListQuery, StoryRecord, StoryStore, StorySummary } from '../story-types.ts';
import { withTransaction } from './transaction.ts';

interface StoryRow {
  id: string;
  label: string;
  first_date: string | null;
  last_date: string | null;
  article_count: number;
  event_count: number;
  outlets: string;
  detail?: string;
}

function toSummary(row: StoryRow): StorySummary {
  return { id: row.id, label: row.label, firstDate: row.first_date, lastDate: row.last_date, articleCount: Number(row.article_count), eventCount: Number(row.event_count), outlets: JSON.parse(row.outlets) as string[] };
}

const UPSERT = `INSERT INTO stories (id, label, first_date, last_date, article_count, event_count, outlets, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT (id) DO UPDATE SET label = excluded.label, first_date = excluded.first_date, last_date = excluded.last_date,
    article_count = excluded.article_count, event_count = excluded.event_count, outlets = excluded.outlets, detail = excluded.detail`;

/** StoryStore methods over a pool on a migrated schema. */
export function createStoryStore(pool: pg.Pool): StoryStore {
  return {
    async saveStoryFeatures(rows: readonly StoryFeaturesRow[]) {
      await withTransaction(pool, async (client) => {
        for (const row of rows) {
          await client.query('INSERT INTO story_features (article_id, features) VALUES ($1, $2) ON CONFLICT (article_id) DO UPDATE SET features = excluded.features', [row.articleId, row.features]);
        }
      });
    },
    async loadStoryFeatures() {
      const result = await pool.query<StoryFeaturesRow>('SELECT article_id AS "articleId", features FROM story_features ORDER BY article_id');
      return result.rows;
    },
    async writeStories(change) {
      await withTransaction(pool, async (client) => {
        for (const id of change.remove) await client.query('DELETE FROM stories WHERE id = $1', [id]);
        for (const s of change.upsert) await client.query(UPSERT, [s.id, s.label, s.firstDate, s.lastDate, s.articleCount, s.eventCount, JSON.stringify(s.outlets), s.detail]);
      });
    },
    async listStories(query: StoryListQuery) {
      const result = await pool.query<StoryRow>('SELECT id, label, first_date, last_date, article_count, event_count, outlets FROM stories ORDER BY last_date IS NULL, last_date DESC, article_count DESC, id LIMIT $1 OFFSET $2', [query.limit, query.offset ?? 0]);
      return result.rows.map(toSummary);
    },
    async storyIds() {
      const result = await pool.query<{ id: string }>('SELECT id FROM stories ORDER BY id');
      return result.rows.map((r) => r.id);
    },
    async getStory(idOrPrefix: string) {
      const pattern = `${idOrPrefix.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
      const result = await pool.query<StoryRow>("SELECT * FROM stories WHERE id = $1 OR id LIKE $2 ESCAPE '\\' ORDER BY id = $1 DESC, id LIMIT 2", [idOrPrefix, pattern]);
      const exact = result.rows.find((r) => r.id === idOrPrefix);
      const row = exact ?? (result.rows.length === 1 ? result.rows[0] : undefined);
      return row ? { ...toSummary(row), detail: row.detail! } : null;
    },
  };
}
