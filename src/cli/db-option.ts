/** The `--db` option every store-backed verb accepts: one definition, so the help text stays the same everywhere. */
import type { Store } from '../app/open-store.ts';

export const DB_OPTION_FLAGS = '--db <path|url>';
export const DB_OPTION_HELP =
  'SQLite file or postgres:// URL (default ./marsad.db, or $MARSAD_DATABASE_URL / $MARSAD_DB)';

/**
 * The configured store (`--db`, environment, default), which must already exist. Config and store code load on use,
 * so that `marsad --help` and the verbs that need no database start fast.
 */
export async function openExistingStore(
  db: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<Store> {
  const [{ loadConfig }, { openConfiguredStore }] = await Promise.all([
    import('../config/load.ts'),
    import('../app/open-store.ts'),
  ]);
  return openConfiguredStore(loadConfig({ db }, env), { mustExist: true });
}
