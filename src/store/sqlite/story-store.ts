/** SQLite StoryStore: features rows and story documents (see story-types.ts), each write batch in one transaction. */
import type { Database } from 'better-sqlite3';
import type {
  ArticleEventRow,
  OrderedFeaturesRow,
  StoryFeaturesRow,
  StoryListQuery,
  StoryRecord,
  StoryStateChange,
  StoryStore,
} from '../story-types.ts';
import { toStorySummary, type StoryRow } from '../rows.ts';

/** StoryStore methods over an open, migrated database. */
export function createStoryStore(db: Database): StoryStore {
  const saveFeatures = db.prepare(
    'INSERT INTO story_features (article_id, features) VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET features = excluded.features',
  );
  const upsert =
    db.prepare(`INSERT INTO stories (id, label, first_date, last_date, article_count, event_count, outlets, detail, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET label = excluded.label, first_date = excluded.first_date, last_date = excluded.last_date,
      article_count = excluded.article_count, event_count = excluded.event_count, outlets = excluded.outlets, detail = excluded.detail,
      signature = excluded.signature`);
  const upsertEvent = db.prepare(`INSERT INTO article_events (article_id, event_id, storyline_id) VALUES (?, ?, ?)
    ON CONFLICT (article_id) DO UPDATE SET event_id = excluded.event_id, storyline_id = excluded.storyline_id`);
  const writeStoryRows = (change: {
    readonly upsert: readonly StoryRecord[];
    readonly remove: readonly string[];
  }): void => {
    for (const id of change.remove) remove.run(id);
    for (const s of change.upsert)
      upsert.run(
        s.id,
        s.label,
        s.firstDate,
        s.lastDate,
        s.articleCount,
        s.eventCount,
        JSON.stringify(s.outlets),
        s.detail,
        s.signature ?? null,
      );
  };
  const commitState = db.transaction((change: StoryStateChange) => {
    for (const row of change.features) saveFeatures.run(row.articleId, row.features);
    for (const row of change.assignments) upsertEvent.run(row.articleId, row.eventId, row.storylineId);
    writeStoryRows(change);
  });
  const remove = db.prepare('DELETE FROM stories WHERE id = ?');
  const list = db.prepare(
    'SELECT id, label, first_date, last_date, article_count, event_count, outlets FROM stories ORDER BY last_date IS NULL, last_date DESC, article_count DESC, id LIMIT ? OFFSET ?',
  );
  const byPrefix = db.prepare(
    "SELECT * FROM stories WHERE id = ? OR id LIKE ? ESCAPE '\\' ORDER BY id = ? DESC, id LIMIT 2",
  );
  return {
    async saveStoryFeatures(rows: readonly StoryFeaturesRow[]) {
      db.transaction(() => {
        for (const row of rows) saveFeatures.run(row.articleId, row.features);
      })();
    },
    async countStoryFeatures() {
      return db.prepare('SELECT count(*) FROM story_features').pluck().get() as number;
    },
    async loadStoryFeatures() {
      return db
        .prepare('SELECT article_id AS articleId, features FROM story_features ORDER BY article_id')
        .all() as StoryFeaturesRow[];
    },
    async writeStories(change) {
      db.transaction(() => writeStoryRows(change))();
    },
    async listStories(query: StoryListQuery) {
      return (list.all(query.limit, query.offset ?? 0) as StoryRow[]).map(toStorySummary);
    },
    async storyIds() {
      return db.prepare('SELECT id FROM stories ORDER BY id').pluck().all() as string[];
    },
    async storyFeaturesInOrder() {
      return db
        .prepare(
          'SELECT a.id AS articleId, f.features FROM articles a LEFT JOIN story_features f ON f.article_id = a.id ORDER BY a.seq',
        )
        .all() as OrderedFeaturesRow[];
    },
    async articleEvents() {
      return db
        .prepare(
          'SELECT article_id AS articleId, event_id AS eventId, storyline_id AS storylineId FROM article_events ORDER BY article_id',
        )
        .all() as ArticleEventRow[];
    },
    async storySignatures() {
      const rows = db.prepare('SELECT id, signature FROM stories').all() as { id: string; signature: string | null }[];
      return new Map(rows.map((r) => [r.id, r.signature]));
    },
    async commitStoryState(change) {
      commitState.immediate(change);
    },
    async getStory(idOrPrefix: string) {
      const rows = byPrefix.all(
        idOrPrefix,
        `${idOrPrefix.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`,
        idOrPrefix,
      ) as StoryRow[];
      const exact = rows.find((r) => r.id === idOrPrefix);
      const row = exact ?? (rows.length === 1 ? rows[0] : undefined);
      return row ? { ...toStorySummary(row), detail: row.detail! } : null;
    },
  };
}
