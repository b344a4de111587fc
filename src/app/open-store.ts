/** Composition: config → an open Store. The only place that decides which Store implementation to use. */
import { existsSync } from 'node:fs';
import type { Config } from '../config/schema.ts';
import { EngineError } from '../core/errors.ts';
import { isPostgresUrl } from '../store/location.ts';
import { openStore } from '../store/open.ts';
import type { Store } from '../store/store.ts';

export { displayLocation, isPostgresUrl } from '../store/location.ts';
export type { Store } from '../store/store.ts';

/**
 * Opens the configured store. With `mustExist`, a missing database file is a clear error instead of a new empty one
 * (a postgres:// URL names a server, checked by connecting).
 */
export async function openConfiguredStore(config: Config, options: { mustExist?: boolean } = {}): Promise<Store> {
  if (
    options.mustExist &&
    config.dbPath !== ':memory:' &&
    !isPostgresUrl(config.dbPath) &&
    !existsSync(config.dbPath)
  ) {
    throw new EngineError(
      'store/not-found',
      `No database at ${config.dbPath}; run \`marsad ingest <paths...>\` first or pass --db.`,
    );
  }
  return openStore({ path: config.dbPath });
}
