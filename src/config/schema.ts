/**
 * The one configuration schema, validated at the edge (CLI flags, env). Frozen values flow inward; no module reads
 * env or argv itself. Four scalar settings, checked by hand: the CLI's start-up path does not load a schema library
 * for them (zod alone costs ~30 ms of a one-page `analyze`, see docs/architecture.md § Start-up).
 */
import { DEFAULT_MAX_PAGE_BYTES } from '../ingest/limits.ts';

export { DEFAULT_MAX_PAGE_BYTES };
/** Pages per write transaction: large enough to amortise the commit (fsync in WAL), small enough that an interrupt loses little work. */
export const DEFAULT_BATCH_SIZE = 50;
export const DEFAULT_DB_PATH = './marsad.db';
/** The largest batch accepted. */
export const MAX_BATCH_SIZE = 10_000;

export interface Config {
  /** SQLite file (or ':memory:'), or a postgres:// URL for server mode. */
  readonly dbPath: string;
  readonly maxPageBytes: number;
  readonly batchSize: number;
  /** Let fetches reach loopback, private, link-local and metadata addresses (src/fetch/address-safety.ts). Off by default. */
  readonly allowPrivateNetwork: boolean;
}

/** A setting before defaults and checks; undefined means "not given". */
export type ConfigCandidate = { readonly [K in keyof Config]?: Config[K] | undefined };

/** One setting that failed its check. */
export interface ConfigIssue {
  readonly setting: keyof Config;
  readonly message: string;
}

/** Applies the defaults and checks every setting; the first failing setting is returned as an issue. */
export function parseConfig(candidate: ConfigCandidate): { config: Config } | { issue: ConfigIssue } {
  const dbPath = candidate.dbPath ?? DEFAULT_DB_PATH;
  if (typeof dbPath !== 'string' || dbPath.length === 0) {
    return { issue: { setting: 'dbPath', message: 'expected a non-empty path or URL' } };
  }
  const maxPageBytes = candidate.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES;
  if (!isPositiveInteger(maxPageBytes)) {
    return { issue: { setting: 'maxPageBytes', message: `expected a positive whole number, got ${maxPageBytes}` } };
  }
  const batchSize = candidate.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!isPositiveInteger(batchSize) || batchSize > MAX_BATCH_SIZE) {
    return {
      issue: { setting: 'batchSize', message: `expected a whole number from 1 to ${MAX_BATCH_SIZE}, got ${batchSize}` },
    };
  }
  const allowPrivateNetwork = candidate.allowPrivateNetwork ?? false;
  if (typeof allowPrivateNetwork !== 'boolean') {
    return { issue: { setting: 'allowPrivateNetwork', message: 'expected true or false' } };
  }
  return { config: { dbPath, maxPageBytes, batchSize, allowPrivateNetwork } };
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
