/**
 * robots.txt per origin (scheme, host and port, as the standard scopes it), parsed by robots-parser: which paths
 * Marsad may fetch, its Crawl-delay, and the sitemaps the site lists. Fetched once per origin per client, with a
 * conditional GET against the copy kept from the last run.
 */
import { createRequire } from 'node:module';

interface ParsedRobots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}
// robots-parser is CommonJS whose typings don't describe its callable export under NodeNext; load it as it ships.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => ParsedRobots;

/** The user-agent token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'Marsad';
/** A Crawl-delay above this is capped: a site asking for an hour between pages would never be read. */
export const MAX_CRAWL_DELAY_MS = 60_000;

export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** Crawl-delay in milliseconds (0 when none). */
  readonly crawlDelayMs: number;
  readonly sitemaps: readonly string[];
  /** Why everything is disallowed, when robots.txt could not be read (5xx, network, refused address). */
  readonly unavailable: { readonly code: 'fetch/disallowed' | 'fetch/blocked'; readonly reason: string } | null;
}

/** What fetching `/robots.txt` gave. */
export type RobotsFetch =
  | { readonly kind: 'text'; readonly text: string }
  /** 4xx: no robots.txt, everything allowed. */
  | { readonly kind: 'missing' }
  /** 5xx or unreachable: treated as "disallow all" for now, as Google does. */
  | { readonly kind: 'unavailable'; readonly code: 'fetch/disallowed' | 'fetch/blocked'; readonly reason: string };

export function robotsUrlFor(url: string): string {
  return new URL('/robots.txt', url).href;
}

/** Rules from what fetching robots.txt gave. */
export function parseRobots(robotsUrl: string, fetched: RobotsFetch): RobotsRules {
  if (fetched.kind === 'missing') return { isAllowed: () => true, crawlDelayMs: 0, sitemaps: [], unavailable: null };
  if (fetched.kind === 'unavailable')
    return {
      isAllowed: () => false,
      crawlDelayMs: 0,
      sitemaps: [],
      unavailable: { code: fetched.code, reason: fetched.reason },
    };
  const robots = robotsParser(robotsUrl, fetched.text);
  const delaySeconds = robots.getCrawlDelay(ROBOTS_AGENT);
  const crawlDelayMs =
    delaySeconds !== undefined && Number.isFinite(delaySeconds) && delaySeconds > 0
      ? Math.min(MAX_CRAWL_DELAY_MS, Math.round(delaySeconds * 1000))
      : 0;
  return {
    // robots-parser answers undefined for a URL of another origin; such a URL is judged by its own robots.txt.
    isAllowed: (url) => robots.isAllowed(url, ROBOTS_AGENT) !== false,
    crawlDelayMs,
    sitemaps: robots.getSitemaps(),
    unavailable: null,
  };
}
