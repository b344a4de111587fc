/**
 * Opens the SQLite Store: better-sqlite3 with WAL, foreign keys on and a busy timeout so a reader (the
 * server) and a writer (an ingest) can share the file; runs pending migrations; composes the method groups.
 */
import Database from 'better-sqlite3';
import { EngineError } from '../../core/errors.ts';
import type { Store } from '../store.ts';
import { createArticleStore } from './article-reads.ts';
import { migrate } from './migrate.ts';
import { createPageStore } from './page-writes.ts';
import { createSqliteSearchIndex } from './search-index.ts';
import { createEntityStore } from './entity-reads.ts';
import { createStoryStore } from './story-store.ts';
import { createTokenStore } from './token-store.ts';
import { createSourceStore } from './source-store.ts';
import { createReadModelStore } from './read-models.ts';

/** How long a write waits for another connection's lock before failing; an ingest batch commits well within it. */
const BUSY_TIMEOUT_MS = 10_000;

/** Opens (creating and migrating) the database at `path`; ':memory:' gives a private in-memory store. */
export function openSqliteStore(path: string): Store {
  let db: Database.Database;
  try {
    db = new Database(path);
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    migrate(db);
  } catch (error) {
    throw new EngineError('store/failed', `Cannot open database ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const open = db;
  return {
    dialect: 'sqlite',
    ...createPageStore(open),
    ...createArticleStore(open),
    ...createSqliteSearchIndex(open),
    ...createEntityStore(open),
    ...createStoryStore(open),
    ...createTokenStore(open),
    ...createSourceStore(open),
    ...createReadModelStore(open),
    async close() {
      if (open.open) open.close();
    },
  };
}
