/**
 * Forward-only SQL migrations for SQLite: every `migrations/sqlite/NNNN_verb_object.sql` not yet recorded in
 * `schema_migrations` runs in name order, each in its own transaction, so a failed one leaves no trace.
 */
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { EngineError } from '../../core/errors.ts';
import { loadMigrations, MIGRATIONS_ROOT, type Migration } from '../migration-files.ts';

export { loadMigrations, type Migration };
export const SQLITE_MIGRATIONS_DIR = join(MIGRATIONS_ROOT, 'sqlite');

/** Applies the pending migrations; returns the names applied. Clock injected for `applied_at`. */
export function migrate(
  db: Database,
  migrations: readonly Migration[] = loadMigrations(SQLITE_MIGRATIONS_DIR),
  now: () => Date = () => new Date(),
): readonly string[] {
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
      throw new EngineError('store/failed', `Migration ${migration.name} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  return done;
}
