/**
 * One `marsad watch` round: for every due source, read its feeds and sitemaps (conditional GET), queue the new links,
 * then fetch the queued pages and store them through the ordinary ingest path (`ingestPageResults` + after-write
 * hooks). Every step commits before the next, so a process killed at any moment resumes from the queue.
 */
import { EngineError, type ErrorCode } from '../core/errors.ts';
import type { RawPage } from '../core/page.ts';
import type { HttpClient } from '../fetch/http-client.ts';
import type { ItemOutcome, PendingItem, RunStatus, SourceSummary } from '../store/source-types.ts';
import type { Store, WriteResult } from '../store/store.ts';
import { asEngineError, fetchPageResult } from './fetched-page.ts';
import { ingestPageResults, type PageAnalyzer } from './ingest.ts';
import type { AnalyzedPageLike } from './page-record.ts';
import { discoverEndpoints, readListing } from './sources.ts';

/** Pages fetched at once and written in one ingest batch. */
export const DEFAULT_PAGES_PER_BATCH = 8;
/** Pages fetched per source per round; the rest wait in the queue for the next round. */
export const DEFAULT_MAX_PAGES_PER_SOURCE = 200;
/** Sources read at the same time (politeness per host is the client's). */
export const DEFAULT_SOURCE_CONCURRENCY = 4;
/** A transient failure (timeout, 5xx, 429) is retried after an hour, then 2, 4, 8 hours; then given up. */
export const RETRY_BASE_MS = 60 * 60 * 1000;
export const MAX_ATTEMPTS = 5;

export type WatchEvent =
  | { readonly event: 'source-start'; readonly source: string; readonly url: string }
  | {
      readonly event: 'listing';
      readonly source: string;
      readonly url: string;
      readonly status: 'unchanged' | 'read';
      readonly links: number;
      readonly newLinks: number;
    }
  | {
      readonly event: 'page';
      readonly source: string;
      readonly url: string;
      readonly status: 'stored' | 'duplicate' | 'failed';
      readonly code?: string;
      readonly message?: string;
    }
  | {
      readonly event: 'error';
      readonly source: string;
      readonly url: string | null;
      readonly code: string;
      readonly message: string;
    }
  | {
      readonly event: 'source-done';
      readonly source: string;
      readonly status: RunStatus;
      readonly pages: number;
      readonly articles: number;
      readonly failed: number;
      readonly nextRunAt: string;
    }
  | {
      readonly event: 'round-done';
      readonly sources: number;
      readonly pages: number;
      readonly articles: number;
      readonly failed: number;
    };

export interface WatchDeps {
  readonly store: Store;
  readonly client: HttpClient;
  readonly analyze: PageAnalyzer;
  readonly afterBatch?: (written: WriteResult) => Promise<void> | void;
  readonly maxBytes: number;
  readonly now: () => Date;
  readonly onEvent?: (event: WatchEvent) => void;
  /** Aborting stops after the batch in hand (Ctrl-C). */
  readonly signal?: AbortSignal;
  readonly pagesPerBatch?: number;
  readonly maxPagesPerSource?: number;
  readonly sourceConcurrency?: number;
}

export interface RoundSummary {
  readonly sources: number;
  readonly pages: number;
  readonly articles: number;
  readonly failed: number;
}

interface SourceTally {
  pages: number;
  articles: number;
  failed: number;
  listingErrors: number;
  listingsRead: number;
}

/** Runs every due source (or every source with `all`) once. */
export async function runWatchRound(
  deps: WatchDeps,
  options: { all?: boolean; sourceIds?: readonly string[] } = {},
): Promise<RoundSummary> {
  const now = deps.now().toISOString();
  const due = (await deps.store.listSources()).filter((s) =>
    options.sourceIds ? options.sourceIds.includes(s.id) : options.all || s.nextRunAt <= now,
  );
  const totals = { sources: due.length, pages: 0, articles: 0, failed: 0 };
  const queue = [...due];
  // Sources run concurrently, but the after-write hooks (search index, story updater with its in-memory index) see
  // one committed batch at a time, in commit order.
  let hooks: Promise<void> = Promise.resolve();
  const afterBatch =
    deps.afterBatch &&
    ((written: WriteResult): Promise<void> => {
      const run = hooks.then(() => deps.afterBatch!(written));
      hooks = run.catch(() => undefined); // the failure is reported by ingest for its own batch; the chain goes on
      return run;
    });
  const sourceDeps: WatchDeps = { ...deps, afterBatch };
  const worker = async (): Promise<void> => {
    for (let source = queue.shift(); source && !deps.signal?.aborted; source = queue.shift()) {
      const tally = await runSource(sourceDeps, source);
      totals.pages += tally.pages;
      totals.articles += tally.articles;
      totals.failed += tally.failed + tally.listingErrors;
    }
  };
  await Promise.all(
    Array.from(
      { length: Math.min(deps.sourceConcurrency ?? DEFAULT_SOURCE_CONCURRENCY, Math.max(1, due.length)) },
      worker,
    ),
  );
  deps.onEvent?.({ event: 'round-done', ...totals });
  return totals;
}

async function runSource(deps: WatchDeps, initial: SourceSummary): Promise<SourceTally> {
  const { store } = deps;
  const tally: SourceTally = { pages: 0, articles: 0, failed: 0, listingErrors: 0, listingsRead: 0 };
  deps.onEvent?.({ event: 'source-start', source: initial.id, url: initial.url });
  let source = initial;
  if (source.endpoints.length === 0) {
    try {
      await store.setSourceEndpoints(source.id, await discoverEndpoints(deps.client, source.url));
      source = (await store.getSource(source.id)) ?? source;
    } catch (error) {
      await reportError(deps, source.id, source.url, error);
      tally.listingErrors++;
    }
  }
  for (const endpoint of source.endpoints) {
    if (deps.signal?.aborted) break;
    await readEndpoint(deps, source.id, endpoint.url, tally);
  }
  await fetchQueued(deps, source.id, tally);
  const status: RunStatus =
    tally.listingErrors > 0 && tally.listingsRead === 0
      ? 'failed'
      : tally.listingErrors + tally.failed > 0
        ? 'partial'
        : 'ok';
  const at = deps.now();
  const nextRunAt = new Date(at.getTime() + source.everySeconds * 1000).toISOString();
  const lastError =
    status === 'ok'
      ? null
      : `${tally.listingErrors} feed/sitemap error(s), ${tally.failed} page(s) failed; see the errors list.`;
  await store.finishSourceRun(source.id, { at: at.toISOString(), status, error: lastError, nextRunAt });
  deps.onEvent?.({
    event: 'source-done',
    source: source.id,
    status,
    pages: tally.pages,
    articles: tally.articles,
    failed: tally.failed + tally.listingErrors,
    nextRunAt,
  });
  return tally;
}

async function readEndpoint(deps: WatchDeps, sourceId: string, url: string, tally: SourceTally): Promise<void> {
  try {
    for (const read of await readListing(deps.client, deps.store, url)) {
      const at = deps.now().toISOString();
      const links = read.links.map((item) => ({ url: item.url, title: item.title, published: item.published }));
      const newLinks = read.unchanged
        ? 0
        : await deps.store.recordListing({ sourceId, endpointUrl: read.url, validators: read.validators, links, at });
      if (read.errors.length === 0) tally.listingsRead++;
      deps.onEvent?.({
        event: 'listing',
        source: sourceId,
        url: read.url,
        status: read.unchanged ? 'unchanged' : 'read',
        links: links.length,
        newLinks,
      });
      for (const error of read.errors) {
        tally.listingErrors++;
        await reportError(deps, sourceId, read.url, error);
      }
    }
  } catch (error) {
    tally.listingErrors++;
    await reportError(deps, sourceId, url, error);
  }
}

async function reportError(deps: WatchDeps, sourceId: string, url: string | null, error: unknown): Promise<void> {
  const { code, message } = asEngineError(error);
  await deps.store.recordSourceEvent(sourceId, { at: deps.now().toISOString(), url, code, message });
  deps.onEvent?.({ event: 'error', source: sourceId, url, code, message });
}

/** Fetches the queued links batch by batch; each batch is stored, then its items settled. */
async function fetchQueued(deps: WatchDeps, sourceId: string, tally: SourceTally): Promise<void> {
  const perBatch = deps.pagesPerBatch ?? DEFAULT_PAGES_PER_BATCH;
  const budget = deps.maxPagesPerSource ?? DEFAULT_MAX_PAGES_PER_SOURCE;
  let handled = 0;
  while (handled < budget && !deps.signal?.aborted) {
    const items = await deps.store.pendingItems(sourceId, {
      now: deps.now().toISOString(),
      limit: Math.min(perBatch, budget - handled),
    });
    if (items.length === 0) break;
    handled += items.length;
    await fetchBatch(deps, sourceId, items, tally);
  }
}

async function fetchBatch(
  deps: WatchDeps,
  sourceId: string,
  items: readonly PendingItem[],
  tally: SourceTally,
): Promise<void> {
  const results = await Promise.all(
    items.map((item) => fetchPageResult(deps.client, item.url, { maxBytes: deps.maxBytes })),
  );
  const fallbacks = new Map<string, PendingItem>();
  results.forEach((result, i) => {
    if (result.ok) fallbacks.set(result.page.id, items[i]!);
  });
  const newPageIds = new Set<string>();
  const summary = await ingestPageResults(deps.store, results, {
    analyze: withFeedFallback(deps.analyze, fallbacks),
    maxBytes: deps.maxBytes,
    batchSize: items.length,
    afterBatch: async (written) => {
      for (const id of written.newPageIds) newPageIds.add(id);
      await deps.afterBatch?.(written);
    },
  });
  for (const failure of summary.failed.filter((f) => f.source.startsWith('after-write:'))) {
    await reportError(deps, sourceId, null, new EngineError(failure.code, failure.message));
  }
  tally.articles += summary.articles;
  const failures = new Map(summary.failed.map((failure) => [failure.source, failure]));
  const at = deps.now();
  const outcomes = results.map((result, i): ItemOutcome => {
    const item = items[i]!;
    const failure =
      failures.get(item.url) ?? (result.ok ? undefined : { code: result.error.code, message: result.error.message });
    if (failure === undefined && result.ok) return { url: item.url, state: 'done', pageId: result.page.id };
    const { code, message } = failure!;
    return {
      url: item.url,
      state: 'failed',
      code,
      message,
      retryAt: retryAt({ code, message, attempts: item.attempts + 1, at }),
    };
  });
  await deps.store.settleItems(sourceId, outcomes, at.toISOString());
  const announced = new Set<string>();
  const isFirstNew = (pageId: string): boolean => {
    const first = newPageIds.has(pageId) && !announced.has(pageId);
    announced.add(pageId);
    return first;
  };
  for (const outcome of outcomes) {
    tally.pages++;
    if (outcome.state === 'failed') tally.failed++;
    deps.onEvent?.(
      outcome.state === 'done'
        ? {
            event: 'page',
            source: sourceId,
            url: outcome.url,
            status: isFirstNew(outcome.pageId) ? 'stored' : 'duplicate',
          }
        : {
            event: 'page',
            source: sourceId,
            url: outcome.url,
            status: 'failed',
            code: outcome.code,
            message: outcome.message,
          },
    );
  }
}

const TRANSIENT_MESSAGE =
  /HTTP (?:429|5\d\d)|could not be read|ECONNRESET|ECONNREFUSED|EPIPE|UND_ERR_SOCKET|Cannot resolve/u;

/** When to try a failed page again: transient failures back off from an hour; the rest are not retried. */
export function retryAt(failure: {
  code: ErrorCode | string;
  message: string;
  attempts: number;
  at: Date;
}): string | null {
  const transient =
    failure.code === 'fetch/timeout' ||
    (failure.code === 'fetch/failed' && TRANSIENT_MESSAGE.test(failure.message)) ||
    (failure.code === 'fetch/disallowed' && TRANSIENT_MESSAGE.test(failure.message));
  if (!transient || failure.attempts >= MAX_ATTEMPTS) return null;
  return new Date(failure.at.getTime() + RETRY_BASE_MS * 2 ** (failure.attempts - 1)).toISOString();
}

/** The feed's title and date fill in what the page itself does not give (the page's own date wins). */
function withFeedFallback(analyze: PageAnalyzer, fallbacks: ReadonlyMap<string, PendingItem>): PageAnalyzer {
  return (page: RawPage): AnalyzedPageLike => {
    const analyzed = analyze(page);
    const item = fallbacks.get(page.id);
    if (!item || (item.feedTitle === null && item.feedPublished === null)) return analyzed;
    const articles = analyzed.articles.map((article, index) => {
      if (index !== 0) return article;
      const published =
        article.published ??
        (item.feedPublished === null
          ? null
          : {
              date: item.feedPublished.slice(0, 10),
              precision: 'day' as const,
              text: item.feedPublished,
              from: 'feed' as const,
            });
      return { ...article, headline: article.headline ?? item.feedTitle, published };
    });
    return { ...analyzed, articles };
  };
}
