/** Reads a dialect's migration files (`migrations/<dialect>/NNNN_verb_object.sql`) in name order. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineError } from '../core/errors.ts';
import { packagePath } from '../core/package-files.ts';

export const MIGRATIONS_ROOT = packagePath('src', 'store', 'migrations');
const MIGRATION_NAME = /^\d{4}_[a-z0-9_]+\.sql$/;

export interface Migration {
  /** File name without `.sql`, e.g. '0002_create_articles'; the key recorded in schema_migrations. */
  readonly name: string;
  readonly sql: string;
}

/** The migration files of a directory, in name order. A file that breaks the naming rule is an error, not skipped. */
export function loadMigrations(dir: string): readonly Migration[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  return files.map((file) => {
    if (!MIGRATION_NAME.test(file)) {
      throw new EngineError('store/failed', `Migration file ${file} is not named NNNN_verb_object.sql.`);
    }
    return { name: file.slice(0, -'.sql'.length), sql: readFileSync(join(dir, file), 'utf8') };
  });
}
