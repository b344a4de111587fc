/**
 * Forward-only SQL migrations for PostgreSQL: every `migrations/postgres/NNNN_verb_object.sql` not yet recorded in
 * `schema_migrations` runs in name order, each in its own transaction (PostgreSQL DDL is transactional).
 */
import { join } from 'node:path';
import type pg from 'pg';
import { EngineError } from '../../core/errors.ts';
import { loadMigrations, MIGRATIONS_ROOT, type Migration } from '../migration-files.ts';
import { withTransaction } from './transaction.ts';

export type { Migration };
export const POSTGRES_MIGRATIONS_DIR = join(MIGRATIONS_ROOT, 'postgres');

/**
 * Key of the transaction-scoped advisory lock that serialises migrations: two processes opening a fresh
 * database at once (a server and an ingest) take turns instead of both creating the same tables.
 * Arbitrary constant ('marsad' in ASCII hex), the same in every process.
 */
const MIGRATION_LOCK_KEY = 0x6d61727361;

/**
 * Creates the schema a store is confined to, under the migration lock (two processes creating it at once would
 * otherwise race on the catalog). `schema` must already be validated as a plain identifier.
 */
export async function createSchemaIfMissing(pool: pg.Pool, schema: string): Promise<void> {
  await withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  });
}

/** The PostgreSQL migration files, in name order; a misnamed file is an error. */
export function loadPostgresMigrations(dir: string = POSTGRES_MIGRATIONS_DIR): readonly Migration[] {
  return loadMigrations(dir);
}

/** Applies the pending migrations on the pool's schema; returns the names applied. Clock injected for `applied_at`. */
export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly Migration[] = loadPostgresMigrations(),
  now: () => Date = () => new Date(),
): Promise<readonly string[]> {
  const done: string[] = [];
  for (const migration of migrations) {
    try {
      const applied = await withTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
        await client.query(
          'CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
        );
        const seen = await client.query('SELECT 1 FROM schema_migrations WHERE name = $1', [migration.name]);
        if (seen.rowCount !== 0) return false;
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)', [
          migration.name,
          now().toISOString(),
        ]);
        return true;
      });
      if (applied) done.push(migration.name);
    } catch (error) {
      throw new EngineError('store/failed', `Migration ${migration.name} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  return done;
}
