/**
 * Sources use cases: add (recognising a feed, a sitemap, or a home page whose feeds and sitemaps are discovered),
 * list, show, remove; and reading one feed or sitemap endpoint into links (conditional GET, sitemap indexes).
 */
import { EngineError } from '../core/errors.ts';
import { hashId } from '../core/ids.ts';
import { decodeListing } from '../fetch/decode-response.ts';
import type { FetchOutcome, HttpClient } from '../fetch/http-client.ts';
import { canonicalizeUrl } from '../sources/canonical-url.ts';
import { readPageLinks } from '../sources/html-links.ts';
import { endpointKindOf, parseEndpoint, type ListedItem, type ParsedEndpoint } from '../sources/parse-endpoint.ts';
import type { SourceEndpoint, SourceKind, SourceSummary, StoredValidators } from '../store/source-types.ts';
import type { Store } from '../store/store.ts';

export { formatEvery, parseEvery } from './schedule.ts';

export type { SourceHealth, SourceSummary } from '../store/source-types.ts';

/** 15 minutes: news sites publish every few minutes; a quarter hour keeps up without hammering them. */
export const DEFAULT_EVERY_SECONDS = 15 * 60;
/** Child sitemaps read from one sitemap index per round (news sites list their newest first). */
export const MAX_CHILD_SITEMAPS = 20;
/** Links kept from one listing, newest first when dated: a general sitemap can list a whole archive. */
export const MAX_LINKS_PER_LISTING = 1000;
const LISTING_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1';
export interface AddSourceRequest {
  readonly url: string;
  readonly name?: string | null;
  readonly everySeconds?: number;
  readonly now: Date;
}

/** Source id: derived from the canonical URL, so adding the same outlet twice is caught. */
export function sourceIdFor(canonicalUrl: string): string {
  return hashId(['source', canonicalUrl], 12);
}

/** Validates and canonicalises a source URL; throws `usage/invalid`. */
export function sourceUrlFrom(value: string): string {
  const url = canonicalizeUrl(value);
  if (url === null) throw new EngineError('usage/invalid', `«${value}» is not an http(s) URL.`);
  return url;
}

/**
 * Adds a source. With a client, the URL is fetched first to learn what it is (feed, sitemap, or a site whose feeds
 * and sitemaps are discovered); without one (the API), discovery waits for the source's first round.
 */
export async function addSource(
  store: Store,
  request: AddSourceRequest,
  client: HttpClient | null,
): Promise<SourceSummary> {
  const url = sourceUrlFrom(request.url);
  const discovered = client === null ? { kind: 'site' as const, endpoints: [] } : await discoverEndpoints(client, url);
  return store.addSource({
    id: sourceIdFor(url),
    url,
    name: request.name?.trim() || null,
    kind: discovered.kind,
    endpoints: discovered.endpoints,
    everySeconds: request.everySeconds ?? DEFAULT_EVERY_SECONDS,
    createdAt: request.now.toISOString(),
  });
}

/** What a source URL is and which feeds/sitemaps a round should read; throws when it offers none. */
export async function discoverEndpoints(
  client: HttpClient,
  url: string,
): Promise<{ kind: SourceKind; endpoints: readonly SourceEndpoint[] }> {
  const outcome = await client.fetch(url, { accept: LISTING_ACCEPT });
  if (outcome.kind !== 'ok') throw new EngineError('fetch/failed', `${url}: unexpected 304.`);
  const text = decodeListing(outcome.body, { contentTypeHeader: outcome.contentType, url: outcome.url });
  // Classified by its root only: a feed that is broken today is still followed, and its errors show in its health.
  const kind = endpointKindOf(text);
  const self = canonicalizeUrl(outcome.url) ?? outcome.url;
  if (kind !== 'page') return { kind, endpoints: [{ url: self, kind }] };
  const feeds = readPageLinks(text, outcome.url).feeds.map((feed): SourceEndpoint => ({ url: feed, kind: 'feed' }));
  const sitemaps = (await client.robots(outcome.url)).sitemaps.map(
    (sitemap): SourceEndpoint => ({ url: sitemap, kind: 'sitemap' }),
  );
  const endpoints = [...feeds, ...sitemaps];
  if (endpoints.length === 0) {
    throw new EngineError(
      'input/malformed',
      `${url}: no feed (<link rel="alternate">) and no sitemap (robots.txt) found; add a feed or sitemap URL instead.`,
    );
  }
  return { kind: 'site', endpoints };
}

/** What reading one endpoint gave: links to queue with the validators to save, or "unchanged". */
export interface ListingRead {
  readonly url: string;
  readonly unchanged: boolean;
  readonly links: readonly ListedItem[];
  readonly validators: StoredValidators | null;
  /** Child sitemaps that failed (the others' links are kept). */
  readonly errors: readonly EngineError[];
}

/**
 * Fetches an endpoint with the validators of its last fetch; a sitemap index is followed one level down (each child
 * conditional in turn). Throws when the endpoint itself fails or does not parse.
 */
export async function readListing(client: HttpClient, store: Store, url: string): Promise<readonly ListingRead[]> {
  const outcome = await client.fetch(url, { accept: LISTING_ACCEPT, conditional: await store.getValidators(url) });
  if (outcome.kind === 'not-modified') return [{ url, unchanged: true, links: [], validators: null, errors: [] }];
  const validators = validatorsOf(outcome);
  let parsed: ParsedEndpoint;
  try {
    parsed = parseOutcome(outcome, url);
  } catch (error) {
    // The validators are kept all the same: the same broken bytes are not fetched and parsed again until they change.
    return [
      {
        url,
        unchanged: false,
        links: [],
        validators,
        errors: [error instanceof EngineError ? error : new EngineError('input/malformed', String(error))],
      },
    ];
  }
  if (parsed.kind === 'sitemap-index') {
    const reads: ListingRead[] = [{ url, unchanged: false, links: [], validators, errors: [] }];
    for (const child of parsed.sitemaps.slice(0, MAX_CHILD_SITEMAPS)) {
      try {
        const childOutcome = await client.fetch(child, {
          accept: LISTING_ACCEPT,
          conditional: await store.getValidators(child),
        });
        if (childOutcome.kind === 'not-modified') continue;
        const childParsed = parseOutcome(childOutcome, child);
        reads.push({
          url: child,
          unchanged: false,
          links: linksOf(childParsed),
          validators: validatorsOf(childOutcome),
          errors: [],
        });
      } catch (error) {
        reads.push({
          url: child,
          unchanged: false,
          links: [],
          validators: null,
          errors: [error instanceof EngineError ? error : new EngineError('fetch/failed', String(error))],
        });
      }
    }
    return reads;
  }
  return [{ url, unchanged: false, links: linksOf(parsed), validators, errors: [] }];
}

function parseOutcome(outcome: Extract<FetchOutcome, { kind: 'ok' }>, url: string): ParsedEndpoint {
  const parsed = parseEndpoint(
    decodeListing(outcome.body, { contentTypeHeader: outcome.contentType, url }),
    outcome.url,
  );
  if (parsed.kind === 'page') throw new EngineError('input/malformed', `${url}: a web page, not a feed or sitemap.`);
  return parsed;
}

function validatorsOf(outcome: Extract<FetchOutcome, { kind: 'ok' }>): StoredValidators | null {
  const { etag, lastModified } = outcome.validators;
  return etag === null && lastModified === null ? null : { etag, lastModified, body: null };
}

/** Distinct links, newest first when dated, capped at MAX_LINKS_PER_LISTING. */
function linksOf(parsed: ParsedEndpoint): readonly ListedItem[] {
  if (parsed.kind !== 'feed' && parsed.kind !== 'sitemap') return [];
  const distinct = [...new Map(parsed.items.map((item) => [item.url, item])).values()];
  const dated = distinct.every((item) => item.published !== null);
  const ordered = dated ? [...distinct].sort((a, b) => b.published!.localeCompare(a.published!)) : distinct;
  return ordered.slice(0, MAX_LINKS_PER_LISTING);
}
