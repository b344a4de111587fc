/**
 * Opens the PostgreSQL Store (server mode): a `pg` connection pool on a postgres:// URL, pending migrations
 * applied, the same method groups as the SQLite store. Optionally confined to one schema (tests, shared databases).
 */
import pg from 'pg';
import { EngineError, isEngineError } from '../../core/errors.ts';
import type { Store } from '../store.ts';
import { createArticleStore } from './article-reads.ts';
import { createEntityStore } from './entity-reads.ts';
import { createStoryStore } from './story-store.ts';
import { createTokenStore } from './token-store.ts';
import { createSourceStore } from './source-store.ts';
import { createReadModelStore } from './read-models.ts';
import { createSchemaIfMissing, migratePostgres } from './migrate.ts';
import { createPageStore } from './page-writes.ts';
import { createPostgresSearchIndex } from './search-index.ts';
import { redactUrl, takeSchemaParam } from './url.ts';

/**
 * Connections per store: the CLI runs one query at a time, the server a handful concurrently; PostgreSQL's
 * default max_connections (100) leaves room for several Marsad processes sharing one server.
 */
const DEFAULT_POOL_SIZE = 5;
/** Fail fast with a clear error when the server is unreachable, instead of hanging a CLI command. */
const CONNECT_TIMEOUT_MS = 10_000;
const SCHEMA_NAME_RE = /^[a-z_][a-z0-9_]{0,62}$/u;

export interface PostgresStoreOptions {
  /**
   * Keep Marsad's tables in this schema (created when missing) instead of the connection's default.
   * Default: the URL's `?schema=` parameter, if any.
   */
  readonly schema?: string;
  readonly poolSize?: number;
}

type AsyncMethods = Record<string, (...args: never[]) => Promise<unknown>>;

/**
 * The method groups with driver failures (lost connection, constraint violation) reported as `store/failed`
 * EngineErrors naming the method, the driver error as cause, so the CLI and server map them like SQLite's.
 */
function reportingStoreErrors<T extends AsyncMethods>(methods: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(methods)) {
    wrapped[name] = async (...args: never[]) => {
      try {
        return await method(...args);
      } catch (error) {
        if (isEngineError(error)) throw error;
        throw new EngineError('store/failed', `${name}: ${(error as Error).message}`, { cause: error });
      }
    };
  }
  return wrapped as T;
}

/** Opens (creating the schema and migrating when needed) the database at `location`, a postgres:// URL. */
export async function openPostgresStore(location: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const { url, schema: schemaParam } = takeSchemaParam(location);
  const schema = options.schema ?? schemaParam;
  if (schema !== undefined && !SCHEMA_NAME_RE.test(schema)) {
    throw new EngineError('usage/invalid', `Schema name «${schema}» must be lower-case letters, digits and _.`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle pooled connection that the server drops must not crash the process; the next query reconnects.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL connection lost: ${error.message}`));
  try {
    if (schema !== undefined) await createSchemaIfMissing(pool, schema);
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw new EngineError('store/failed', `Cannot open database ${redactUrl(url)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let isOpen = true;
  const methods = reportingStoreErrors({
    ...createPageStore(pool),
    ...createArticleStore(pool),
    ...createPostgresSearchIndex(pool),
    ...createEntityStore(pool),
    ...createStoryStore(pool),
    ...createTokenStore(pool),
    ...createSourceStore(pool),
    ...createReadModelStore(pool),
  });
  return {
    dialect: 'postgres',
    ...methods,
    async close() {
      if (!isOpen) return;
      isOpen = false;
      await pool.end();
    },
  };
}
