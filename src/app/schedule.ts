/** A source's schedule as people write it (`15m`, `2h`, `1d`): parsed and printed without loading the fetch stack. */
import { EngineError } from '../core/errors.ts';

/** Below a minute a schedule would be impolite whatever the site's Crawl-delay. */
const MIN_EVERY_SECONDS = 60;
const EVERY = /^(?<n>\d+)\s*(?<unit>s|m|h|d)?$/u;
const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** `90s`, `15m`, `2h`, `1d` (or plain seconds) → seconds; throws `usage/invalid`. */
export function parseEvery(value: string): number {
  const match = EVERY.exec(value.trim());
  const seconds = match ? Number(match.groups!.n) * UNIT_SECONDS[match.groups!.unit ?? 's']! : Number.NaN;
  if (!Number.isFinite(seconds) || seconds < MIN_EVERY_SECONDS) {
    throw new EngineError(
      'usage/invalid',
      `--every «${value}»: expected a duration of at least 1m, like 15m, 2h or 1d.`,
    );
  }
  return seconds;
}

/** `15m` style text for a number of seconds. */
export function formatEvery(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
