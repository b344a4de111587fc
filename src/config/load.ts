/** Builds the frozen Config from CLI flags and environment variables (passed in, never read here). */
import { EngineError } from '../core/errors.ts';
import { type Config, parseConfig } from './schema.ts';

/** Values given on the command line; undefined means "not given". */
export interface ConfigFlags {
  readonly db?: string;
  readonly maxPageBytes?: number;
  readonly batchSize?: number;
  readonly allowPrivateNetwork?: boolean;
}

/**
 * Environment variables Marsad reads: MARSAD_DATABASE_URL (postgres://…, wins over MARSAD_DB), MARSAD_DB, MARSAD_MAX_PAGE_BYTES,
 * MARSAD_BATCH_SIZE, MARSAD_ALLOW_PRIVATE_NETWORK (1/true).
 */
export type ConfigEnv = Readonly<Record<string, string | undefined>>;

/** Flags win over env, env over defaults. Throws `usage/invalid` naming the bad setting. */
export function loadConfig(flags: ConfigFlags = {}, env: ConfigEnv = {}): Config {
  const candidate = {
    dbPath: flags.db ?? nonEmpty(env.MARSAD_DATABASE_URL) ?? nonEmpty(env.MARSAD_DB),
    maxPageBytes: flags.maxPageBytes ?? numberFrom(env.MARSAD_MAX_PAGE_BYTES),
    batchSize: flags.batchSize ?? numberFrom(env.MARSAD_BATCH_SIZE),
    allowPrivateNetwork: flags.allowPrivateNetwork || booleanFrom(env.MARSAD_ALLOW_PRIVATE_NETWORK),
  };
  const parsed = parseConfig(candidate);
  if ('issue' in parsed) {
    throw new EngineError('usage/invalid', `Setting ${parsed.issue.setting}: ${parsed.issue.message}.`);
  }
  return Object.freeze(parsed.config);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function numberFrom(value: string | undefined): number | undefined {
  return nonEmpty(value) === undefined ? undefined : Number(value);
}

function booleanFrom(value: string | undefined): boolean | undefined {
  const text = nonEmpty(value)?.trim().toLowerCase();
  if (text === undefined) return undefined;
  return text === '1' || text === 'true' || text === 'yes';
}
