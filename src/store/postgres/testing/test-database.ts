/**
 * Where the PostgreSQL tests run: TEST_DATABASE_URL when set, else a throwaway cluster started from Debian's
 * binaries, else nowhere (the tests skip). Each store a test opens lives in its own fresh schema.
 */
import pg from 'pg';
import type { Store } from '../../store.ts';
import { openPostgresStore } from '../postgres-store.ts';
import {
  canRunClusterBinaries,
  findPostgresBinaries,
  startThrowawayCluster,
  type PostgresBinaries,
} from './throwaway-cluster.ts';

export type PostgresTestTarget =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'cluster'; readonly binaries: PostgresBinaries };

export interface TestDatabase {
  readonly url: string;
  /** A store in a new, empty schema of the test database. */
  openEmptyStore(): Promise<Store>;
  /** A name for a new schema, unique in this run (for tests that open stores themselves). */
  freshSchema(): string;
  /** Drops the schemas this run created (TEST_DATABASE_URL) or deletes the whole cluster. */
  stop(): Promise<void>;
}

/** Decided synchronously, so test files can `describe.skipIf(!target)`. */
export function postgresTestTarget(env: Readonly<Record<string, string | undefined>>): PostgresTestTarget | null {
  const url = env.TEST_DATABASE_URL?.trim();
  if (url) return { kind: 'url', url };
  const binaries = findPostgresBinaries();
  return binaries && canRunClusterBinaries() ? { kind: 'cluster', binaries } : null;
}

let schemaCounter = 0;

/** Connects to (or starts) the test database. */
export async function startTestDatabase(target: PostgresTestTarget): Promise<TestDatabase> {
  const cluster = target.kind === 'cluster' ? await startThrowawayCluster(target.binaries) : null;
  const url = cluster?.url ?? (target as { url: string }).url;
  const schemas: string[] = [];
  const freshSchema = (): string => {
    schemaCounter += 1;
    const name = `marsad_test_${process.pid}_${schemaCounter}`;
    schemas.push(name);
    return name;
  };
  return {
    url,
    freshSchema,
    openEmptyStore: () => openPostgresStore(url, { schema: freshSchema(), poolSize: 2 }),
    async stop() {
      if (cluster) {
        cluster.stop();
        return;
      }
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
