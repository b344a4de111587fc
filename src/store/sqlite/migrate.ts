/**
 * Forward-only SQL migrations for SQLite: every `migrations/sqlite/NNNN_verb_object.sql` not yet recorded in
 * `schema_migrations` runs in name order, each in its own transaction, so a failed one leaves no trace.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { EngineError } from '../../core/errors.ts';

export const SQLITE_MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations', 'sqlite');
const MIGRATION_NAME = /^(?<version>\d{4})_[a-z0-9_]+\.sql$/;

export interface Migration {
  /** File name without `.sql`, e.g. '0002_create_articles'; the key recorded in schema_migrations. */
  readonly name: string;
  readonly sql: string;
}

/** The migration files of a directory, in name order. A file that breaks the naming rule is an error, not skipped. */
export function loadMigrations(dir: string = SQLITE_MIGRATIONS_DIR): readonly Migration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  return files.map((file) => {
    if (!MIGRATION_NAME.test(file)) {
      throw new EngineError('store/failed', `Migration file ${file} is not named NNNN_verb_object.sql.`);
    }
    return { name: file.slice(0, -'.sql'.length), sql: readFileSync(join(dir, file), 'utf8') };
  });
}

/** Applies the pending migrations; returns the names applied. Clock injected for `applied_at`. */
export function migrate(db: Database, migrations: readonly Migration[] = loadMigrations(), now: () => Date = () => new Date()): readonly string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE name = ?').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  const done: string[] = [];
  for (const migration of migrations) {
    // Checked inside the write lock: two processes opening a fresh database both migrate safely.
    const apply = db.transaction((): boolean => {
      if (isApplied.get(migration.name) !== undefined) return false;
      db.exec(migration.sql);
      record.run(migration.name, now().toISOString());
      return true;
    });
    try {
      if (apply.immediate()) done.push(migration.name);
    } catch (error) {
      throw new EngineError('store/failed', `Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
    }
  }
  return done;
}
