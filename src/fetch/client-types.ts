/** The HTTP client's contract (http-client.ts): options, requests, outcomes, and what it archives and caches. */
import type { RobotsRules } from './robots-rules.ts';
import type { BodyLimits } from './body-limits.ts';
import type { Resolver } from './safe-lookup.ts';

/** Validators from an earlier fetch of the same URL, sent as If-None-Match / If-Modified-Since. */
export interface Validators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

/** Validators and the body kept for a URL between runs (robots.txt needs its body back after a 304). */
export interface CachedFetch extends Validators {
  readonly body: string | null;
}

/** Where the client keeps robots.txt between runs (the store, in production). */
export interface RobotsCache {
  get(url: string): Promise<CachedFetch | null>;
  put(url: string, cached: CachedFetch): Promise<void>;
}

/** One complete response, as archived to WARC: final status, headers and the body after Content-Encoding. */
export interface Exchange {
  readonly url: string;
  readonly fetchedAt: string;
  readonly status: number;
  readonly statusText: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export interface HttpClientOptions {
  readonly userAgent: string;
  readonly allowPrivateNetwork: boolean;
  readonly resolve?: Resolver;
  /** Why an address is refused (default: address-safety.ts); tests narrow it. */
  readonly blockedReason?: (address: string) => string | null;
  readonly limits: BodyLimits;
  readonly timeouts?: Partial<Timeouts>;
  readonly maxRedirects?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Per-host: connections in flight and minimum delay between request starts. */
  readonly politeness?: { readonly maxConnections?: number; readonly minDelayMs?: number };
  readonly robotsCache?: RobotsCache;
  /** Called with every 2xx response read in full (for --archive). */
  readonly onExchange?: (exchange: Exchange) => Promise<void> | void;
  readonly now?: () => Date;
}

export interface Timeouts {
  readonly connectMs: number;
  /** Until the response headers arrive. */
  readonly headersMs: number;
  /** Longest silence while reading the body. */
  readonly bodyMs: number;
  /** Whole attempt, headers and body, so a server dripping one byte at a time cannot hold a request forever. */
  readonly totalMs: number;
}

export interface RetryPolicy {
  /** Retries after the first attempt, for 429, 5xx and dropped connections. */
  readonly retries: number;
  readonly baseDelayMs: number;
  /** A Retry-After longer than this is not waited for: the fetch fails and a later round tries again. */
  readonly maxRetryAfterMs: number;
}

export interface FetchOptions {
  readonly conditional?: Validators | null;
  readonly accept?: string;
}

export type FetchOutcome =
  | { readonly kind: 'not-modified'; readonly url: string; readonly requests: number }
  | {
      readonly kind: 'ok';
      /** Where the body came from, after redirects. */
      readonly url: string;
      readonly status: number;
      readonly contentType: string | null;
      readonly body: Buffer;
      readonly validators: Validators;
      readonly fetchedAt: string;
      readonly requests: number;
    };

export interface HttpClient {
  /** GET with robots.txt, safety, politeness, redirects and retries; throws EngineError (fetch/*, input/too-large). */
  fetch(url: string, options?: FetchOptions): Promise<FetchOutcome>;
  /** The robots.txt rules for the origin of `url`. */
  robots(url: string): Promise<RobotsRules>;
  close(): Promise<void>;
}
