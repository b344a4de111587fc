/**
 * Marsad's one HTTP client (undici): address safety checked before connecting and on every redirect hop, robots.txt
 * obeyed per origin (with Crawl-delay), per-host politeness, conditional GET, retries with backoff that honour
 * Retry-After, at most `maxRedirects` redirects with same-chain cookies, timeouts, and body/decompression limits.
 */
import { isIP } from 'node:net';
import { setTimeout as sleepMs } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { EngineError, isEngineError } from '../core/errors.ts';
import { decodeContentEncoding, readLimited } from './body-limits.ts';
import { createChainCookies, type ChainCookies } from './chain-cookies.ts';
import { createHostScheduler, type HostScheduler } from './host-scheduler.ts';
import { watchRequestsSent, type RequestSentWatcher } from './request-sent.ts';
import { blockedAddressReason } from './address-safety.ts';
import { parseRobots, robotsUrlFor, type RobotsFetch, type RobotsRules } from './robots-rules.ts';
import type {
  FetchOptions,
  FetchOutcome,
  HttpClient,
  HttpClientOptions,
  RetryPolicy,
  Timeouts,
} from './client-types.ts';

export type {
  CachedFetch,
  Exchange,
  FetchOptions,
  FetchOutcome,
  HttpClient,
  HttpClientOptions,
  RetryPolicy,
  RobotsCache,
  Timeouts,
  Validators,
} from './client-types.ts';
import { blockedAddressError, createSafeLookup, systemResolver } from './safe-lookup.ts';

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, headersMs: 20_000, bodyMs: 20_000, totalMs: 60_000 };
export const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 1_000, maxRetryAfterMs: 120_000 };
/** Two connections per host and a second between request starts: polite defaults for news sites. */
export const DEFAULT_POLITENESS = { maxConnections: 2, minDelayMs: 1_000 };
export const DEFAULT_MAX_REDIRECTS = 5;

const RETRY_STATUS: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);
const REDIRECT_STATUS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const RETRY_NETWORK_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNREFUSED']);
const TIMEOUT_CODES: ReadonlySet<string> = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

interface HopResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Read only for 2xx; null otherwise. */
  readonly body: Buffer | null;
}

interface ClientContext {
  readonly options: HttpClientOptions;
  readonly agent: Agent;
  readonly scheduler: HostScheduler;
  readonly sent: RequestSentWatcher;
  readonly timeouts: Timeouts;
  readonly retry: RetryPolicy;
  readonly robotsByOrigin: Map<string, Promise<RobotsRules>>;
  readonly now: () => Date;
}

/** Builds a client; `close()` ends its connections. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const politeness = { ...DEFAULT_POLITENESS, ...options.politeness };
  const lookup = createSafeLookup({
    allowPrivateNetwork: options.allowPrivateNetwork,
    resolve: options.resolve ?? systemResolver,
    blockedReason: options.blockedReason,
  });
  const agent = new Agent({
    connections: politeness.maxConnections,
    connect: { timeout: timeouts.connectMs, lookup },
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
  });
  const context: ClientContext = {
    options,
    agent,
    timeouts,
    scheduler: createHostScheduler({ maxConnections: politeness.maxConnections, minDelayMs: politeness.minDelayMs }),
    sent: watchRequestsSent(),
    retry: { ...DEFAULT_RETRY, ...options.retry },
    robotsByOrigin: new Map(),
    now: options.now ?? (() => new Date()),
  };
  return {
    fetch: (url, fetchOptions = {}) => fetchChain(context, url, { ...fetchOptions, obeyRobots: true }),
    robots: (url) => robotsFor(context, url),
    async close() {
      context.sent.close();
      await agent.close();
    },
  };
}

/** Only http(s), and an IP literal is checked here because the socket skips the DNS step (and its check) for it. */
export function checkTarget(
  url: URL,
  allowPrivateNetwork: boolean,
  blockedReason: (address: string) => string | null = blockedAddressReason,
): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new EngineError('fetch/blocked', `${url.href}: only http and https URLs are fetched.`);
  }
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (allowPrivateNetwork || isIP(host) === 0) return;
  const reason = blockedReason(host);
  if (reason !== null) throw blockedAddressError(host, host, reason);
}

async function fetchChain(
  context: ClientContext,
  startUrl: string,
  options: FetchOptions & { obeyRobots: boolean },
): Promise<FetchOutcome> {
  const cookies = createChainCookies();
  const maxRedirects = context.options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const chain: string[] = [];
  let url = parseUrl(startUrl);
  let requests = 0;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    chain.push(url.href);
    checkTarget(url, context.options.allowPrivateNetwork, context.options.blockedReason);
    const rules = options.obeyRobots ? await robotsFor(context, url.href) : null;
    if (rules?.unavailable) throw new EngineError(rules.unavailable.code, `${url.href}: ${rules.unavailable.reason}`);
    if (rules && !rules.isAllowed(url.href))
      throw new EngineError('fetch/disallowed', `${url.href} (robots.txt of ${url.host}).`);
    const { response, attempts } = await fetchWithRetries(context, url, {
      ...options,
      cookies,
      crawlDelayMs: rules?.crawlDelayMs ?? 0,
    });
    requests += attempts;
    cookies.store(url.host, response.headers['set-cookie']);
    if (REDIRECT_STATUS.has(response.status)) {
      const location = header(response.headers, 'location');
      if (!location)
        throw new EngineError('fetch/failed', `${url.href}: HTTP ${response.status} without a Location header.`);
      url = parseUrl(location, url.href);
      continue;
    }
    if (response.status === 304) return { kind: 'not-modified', url: url.href, requests };
    if (response.status < 200 || response.status >= 300 || response.body === null) {
      throw new EngineError('fetch/failed', `${url.href}: HTTP ${response.status} ${response.statusText}`.trim() + '.');
    }
    return okOutcome(context, { url, response, body: response.body, requests });
  }
  throw new EngineError('fetch/failed', `More than ${maxRedirects} redirects: ${chain.join(' → ')}.`);
}

async function okOutcome(
  context: ClientContext,
  hop: { url: URL; response: HopResponse; body: Buffer; requests: number },
): Promise<FetchOutcome> {
  const fetchedAt = context.now().toISOString();
  const { url, response, body } = hop;
  if (context.options.onExchange) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    await context.options.onExchange({
      url: url.href,
      fetchedAt,
      status: response.status,
      statusText: response.statusText,
      headers,
      body,
    });
  }
  return {
    kind: 'ok',
    url: url.href,
    status: response.status,
    contentType: header(response.headers, 'content-type') ?? null,
    body,
    validators: {
      etag: header(response.headers, 'etag') ?? null,
      lastModified: header(response.headers, 'last-modified') ?? null,
    },
    fetchedAt,
    requests: hop.requests,
  };
}

interface HopOptions extends FetchOptions {
  readonly cookies: ChainCookies;
  readonly crawlDelayMs: number;
}

async function fetchWithRetries(
  context: ClientContext,
  url: URL,
  options: HopOptions,
): Promise<{ response: HopResponse; attempts: number }> {
  const { retry } = context;
  for (let attempt = 0; ; attempt++) {
    let response: HopResponse;
    try {
      response = await fetchHop(context, url, options);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt < retry.retries && code !== undefined && RETRY_NETWORK_CODES.has(code)) {
        await sleepMs(retry.baseDelayMs * 2 ** attempt);
        continue;
      }
      throw asFetchError(error, url.href);
    }
    if (!RETRY_STATUS.has(response.status)) return { response, attempts: attempt + 1 };
    const wait = retryDelayMs(header(response.headers, 'retry-after'), { attempt, retry, now: context.now() });
    if (attempt >= retry.retries || wait > retry.maxRetryAfterMs) {
      const after =
        wait > retry.maxRetryAfterMs
          ? ` (asks to retry after ${Math.round(wait / 1000)} s)`
          : ` after ${attempt + 1} attempts`;
      throw new EngineError('fetch/failed', `${url.href}: HTTP ${response.status} ${response.statusText}${after}.`);
    }
    await sleepMs(wait);
  }
}

/** Retry-After (seconds or an HTTP date) when given, otherwise exponential backoff from the base delay. */
export function retryDelayMs(
  retryAfter: string | undefined,
  context: { attempt: number; retry: RetryPolicy; now: Date },
): number {
  const backoff = context.retry.baseDelayMs * 2 ** context.attempt;
  if (retryAfter === undefined) return backoff;
  const trimmed = retryAfter.trim();
  if (/^\d+$/u.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? backoff : Math.max(0, at - context.now.getTime());
}

/** One request: waits for the host's turn, sends, reads (2xx) or discards (other) the body, frees the turn. */
async function fetchHop(context: ClientContext, url: URL, options: HopOptions): Promise<HopResponse> {
  const turn = await context.scheduler.acquire(url.host, options.crawlDelayMs);
  const stopWaiting = context.sent.expect(url, turn.sent);
  try {
    const headers: Record<string, string> = {
      'user-agent': context.options.userAgent,
      accept: options.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-encoding': 'gzip, deflate, br',
      'accept-language': 'ar,en;q=0.5',
    };
    const cookie = options.cookies.headerFor(url.host);
    if (cookie) headers.cookie = cookie;
    if (options.conditional?.etag) headers['if-none-match'] = options.conditional.etag;
    if (options.conditional?.lastModified) headers['if-modified-since'] = options.conditional.lastModified;
    const response = await request(url, {
      method: 'GET',
      headers,
      dispatcher: context.agent,
      signal: AbortSignal.timeout(context.timeouts.totalMs),
    });
    const declared = Number(header(response.headers, 'content-length') ?? Number.NaN);
    const { maxBytes, maxDecodedBytes } = context.options.limits;
    if (response.statusCode < 200 || response.statusCode >= 300) {
      await response.body.dump({ limit: 64 * 1024 }).catch(() => undefined); // lets the connection be reused; a failure here only closes it
      return {
        status: response.statusCode,
        statusText: statusText(response.statusCode),
        headers: response.headers,
        body: null,
      };
    }
    if (declared > maxBytes) {
      response.body.destroy();
      throw new EngineError('input/too-large', `${url.href}: Content-Length ${declared} bytes > limit ${maxBytes}.`);
    }
    const raw = await readLimited(response.body, maxBytes, url.href);
    const body = decodeContentEncoding(raw, header(response.headers, 'content-encoding'), {
      maxDecodedBytes,
      url: url.href,
    });
    return {
      status: response.statusCode,
      statusText: statusText(response.statusCode),
      headers: response.headers,
      body,
    };
  } finally {
    stopWaiting();
    turn.release();
  }
}

async function robotsFor(context: ClientContext, url: string): Promise<RobotsRules> {
  const origin = new URL(url).origin;
  let rules = context.robotsByOrigin.get(origin);
  if (!rules) {
    rules = loadRobots(context, robotsUrlFor(url));
    context.robotsByOrigin.set(origin, rules);
  }
  return rules;
}

async function loadRobots(context: ClientContext, robotsUrl: string): Promise<RobotsRules> {
  const cache = context.options.robotsCache;
  const cached = cache ? await cache.get(robotsUrl) : null;
  let fetched: RobotsFetch;
  try {
    const outcome = await fetchChain(context, robotsUrl, {
      obeyRobots: false,
      accept: 'text/plain',
      conditional: cached?.body != null ? cached : null,
    });
    if (outcome.kind === 'not-modified') {
      fetched = { kind: 'text', text: cached?.body ?? '' };
    } else {
      const text = outcome.body.toString('utf8');
      fetched = { kind: 'text', text };
      await cache?.put(robotsUrl, { ...outcome.validators, body: text });
    }
  } catch (error) {
    fetched = robotsFailure(error);
  }
  return parseRobots(robotsUrl, fetched);
}

/** A missing robots.txt (4xx) allows everything; a 5xx, timeout or refused address disallows the origin for now. */
function robotsFailure(error: unknown): RobotsFetch {
  const message = error instanceof Error ? error.message : String(error);
  if (
    isEngineError(error) &&
    error.code === 'fetch/failed' &&
    /HTTP 4\d\d/u.test(message) &&
    !/HTTP 429/u.test(message)
  )
    return { kind: 'missing' };
  if (isEngineError(error) && error.code === 'fetch/blocked')
    return { kind: 'unavailable', code: 'fetch/blocked', reason: message };
  return {
    kind: 'unavailable',
    code: 'fetch/disallowed',
    reason: `robots.txt could not be read (${message}); the site is skipped until it can.`,
  };
}

function parseUrl(value: string, base?: string): URL {
  try {
    return new URL(value, base);
  } catch (error) {
    throw new EngineError('fetch/failed', `Not a URL: «${value}».`, { cause: error });
  }
}

function header(headers: Readonly<Record<string, string | string[] | undefined>>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The EngineError for a failed request: a refused address keeps its own error; timeouts and network errors say so. */
function asFetchError(error: unknown, url: string): EngineError {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (isEngineError(cause)) return cause;
  }
  const err = error as NodeJS.ErrnoException;
  if ((err.code && TIMEOUT_CODES.has(err.code)) || err.name === 'TimeoutError' || err.name === 'AbortError') {
    return new EngineError('fetch/timeout', `${url}: ${err.message}`, { cause: error });
  }
  return new EngineError('fetch/failed', `${url}: ${err.code ? `${err.code} ` : ''}${err.message}`, { cause: error });
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function statusText(status: number): string {
  return STATUS_TEXT[status] ?? '';
}
