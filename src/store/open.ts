/**
 * The Store factory: picks the implementation from the location (a postgres:// URL or a SQLite path) and loads its
 * driver only then. Kept apart from the port (store.ts), which imports no implementation.
 */
import { isPostgresUrl } from './location.ts';
import type { Store } from './store.ts';

export interface StoreOptions {
  /** SQLite file path, ':memory:', or a postgres:// (postgresql://) URL for server mode. */
  readonly path: string;
}

/** Opens (creating and migrating when needed) the store. Nothing connects at import time. */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (isPostgresUrl(options.path)) {
    const { openPostgresStore } = await import('./postgres/postgres-store.ts');
    return openPostgresStore(options.path);
  }
  const { openSqliteStore } = await import('./sqlite/sqlite-store.ts');
  return openSqliteStore(options.path);
}
