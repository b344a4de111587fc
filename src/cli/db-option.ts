/** The `--db` option every store-backed verb accepts: one definition, so the help text stays the same everywhere. */
export const DB_OPTION_FLAGS = '--db <path|url>';
export const DB_OPTION_HELP = 'SQLite file or postgres:// URL (default ./marsad.db, or $MARSAD_DATABASE_URL / $MARSAD_DB)';
