/**
 * The one configuration schema (zod), validated at the edge (CLI flags, env). Frozen values flow
 * inward; no module reads env or argv itself.
 */
import { z } from 'zod';

import { DEFAULT_MAX_PAGE_BYTES } from '../ingest/limits.ts';

export { DEFAULT_MAX_PAGE_BYTES };
/** Pages per write transaction: large enough to amortise the commit (fsync in WAL), small enough that an interrupt loses little work. */
export const DEFAULT_BATCH_SIZE = 50;
export const DEFAULT_DB_PATH = './marsad.db';

export const CONFIG_SCHEMA = z.object({
  /** SQLite file (or ':memory:'), or a postgres:// URL for server mode. */
  dbPath: z.string().min(1).default(DEFAULT_DB_PATH),
  maxPageBytes: z.number().int().positive().default(DEFAULT_MAX_PAGE_BYTES),
  batchSize: z.number().int().positive().max(10_000).default(DEFAULT_BATCH_SIZE),
  /** Let fetches reach loopback, private, link-local and metadata addresses (src/fetch/address-safety.ts). Off by default. */
  allowPrivateNetwork: z.boolean().default(false),
});

export type Config = Readonly<z.infer<typeof CONFIG_SCHEMA>>;
