/**
 * One `marsad worker` process: claims batches of page jobs from the PostgreSQL queue and runs each batch through
 * idempotent stages — analyse the pages not yet stored → store them (one transaction, existing pages skipped) →
 * index every article of the batch's pages for search (upsert) → store their clustering features → update the
 * stories under the corpus-wide advisory lock, unless another worker holds it → complete the jobs. A worker killed
 * at any point leaves its jobs active; after their timeout another worker reruns them, and every stage it repeats
 * finds its work already done or redoes it identically.
 * When the queue drains, the worker that notices rebuilds all stories under the lock (see `rebuildAllStories`).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { EngineError, isEngineError } from '../core/errors.ts';
import type { PageJob, PageQueue } from '../queue/page-queue.ts';
import { indexWrittenArticles } from '../search/store-search.ts';
import type { PageRecord, Store } from '../store/store.ts';
import type { IngestAnalyzer, IngestFailure } from './ingest.ts';
import { featuresToJson } from '../corpus/index.ts';
import type { DerivedArticle } from './derived-articles.ts';
import { buildPageRecord } from './page-record.ts';
import { createStoryUpdater, rebuildAllStories } from './stories.ts';

export interface QueueWorkerOptions {
  readonly analyze: IngestAnalyzer;
  /** Jobs claimed at once (pages per write transaction). */
  readonly batchSize: number;
  /** Stop once no job is queued, retrying or active anywhere (batch runs, tests); otherwise run until `signal`. */
  readonly exitWhenIdle?: boolean;
  /** Wait between polls of an empty queue. */
  readonly idleMs?: number;
  readonly signal?: AbortSignal;
  readonly onBatch?: (batch: QueueBatchResult) => void;
}

export interface QueueBatchResult {
  readonly jobs: number;
  readonly newPages: number;
  readonly articles: number;
  readonly failed: readonly IngestFailure[];
}

export interface QueueWorkerSummary {
  readonly batches: number;
  readonly jobs: number;
  readonly newPages: number;
  readonly articles: number;
  readonly failed: number;
}

/** Runs until the signal aborts (or the queue is drained, with `exitWhenIdle`). */
export async function runQueueWorker(
  store: Store,
  queue: PageQueue,
  options: QueueWorkerOptions,
): Promise<QueueWorkerSummary> {
  // Other workers store articles between this worker's batches: catch up with theirs instead of replaying every
  // stored article per batch; the drain-time rebuild below makes the stories final.
  const stories = createStoryUpdater(store, {}, { catchUp: true });
  const total = { batches: 0, jobs: 0, newPages: 0, articles: 0, failed: 0 };
  let settled = true;
  while (!options.signal?.aborted) {
    const jobs = await queue.claim(options.batchSize);
    if (jobs.length === 0) {
      const stats = await queue.stats();
      const idle = stats.queued + stats.retrying + stats.active === 0;
      if (idle && !settled) {
        // The queue has drained: recompute every story from all stored features, so the stories no longer depend
        // on which worker stored which batch in which order (the same as after a single-process ingest of the same pages).
        await queue.withStoriesLock(() => rebuildAllStories(store));
        settled = true;
      }
      if (idle && options.exitWhenIdle) break;
      await sleep(options.idleMs ?? 500, undefined, { signal: options.signal }).catch(() => undefined);
      continue;
    }
    settled = false;
    const result = await processBatch(jobs, { store, queue, analyze: options.analyze, stories });
    total.batches++;
    total.jobs += result.jobs;
    total.newPages += result.newPages;
    total.articles += result.articles;
    total.failed += result.failed.length;
    options.onBatch?.(result);
  }
  return total;
}

interface BatchContext {
  readonly store: Store;
  readonly queue: PageQueue;
  readonly analyze: IngestAnalyzer;
  readonly stories: ReturnType<typeof createStoryUpdater>;
}

async function processBatch(jobs: readonly PageJob[], context: BatchContext): Promise<QueueBatchResult> {
  const { store, queue } = context;
  const ids = [...new Set(jobs.map((job) => job.data.page.id))];
  const stored = await store.existingPageIds(ids);
  // Stage 1: analyse each page not stored yet (once, even if two jobs carry it), in parallel when the analyser is a pool.
  const firstJobOf = new Map<string, PageJob>();
  for (const job of jobs)
    if (!stored.has(job.data.page.id) && !firstJobOf.has(job.data.page.id)) firstJobOf.set(job.data.page.id, job);
  const built = await Promise.all(
    [...firstJobOf.values()].map(async (job) => {
      try {
        const analyzed = await context.analyze(job.data.page);
        return { job, record: buildPageRecord(job.data.page, analyzed).record, derived: analyzed.derived ?? [] };
      } catch (error) {
        const engineError = isEngineError(error)
          ? error
          : new EngineError('analyze/failed', error instanceof Error ? error.message : String(error));
        return { job, error: { code: engineError.code, message: engineError.message } };
      }
    }),
  );
  const failedPages = new Map<string, { code: string; message: string }>();
  const records: PageRecord[] = [];
  const derived = new Map<string, DerivedArticle>();
  for (const item of built) {
    if ('record' in item && item.record) {
      records.push(item.record);
      for (const article of item.derived ?? []) derived.set(article.articleId, article);
    } else if ('error' in item && item.error) failedPages.set(item.job.data.page.id, item.error);
  }
  // Stage 2: store (pages stored meanwhile by another worker are skipped).
  const written = records.length > 0 ? await store.writePages(records) : { newPageIds: [], newArticleIds: [] };
  // Stages 3–4 cover every stored page of the batch, also those an earlier, interrupted attempt stored.
  const articleIds: string[] = [];
  for (const id of ids) {
    if (failedPages.has(id)) continue;
    const page = await store.getPage(id);
    if (page) articleIds.push(...page.articleIds);
  }
  if (articleIds.length > 0) {
    // Search documents and features computed beside the analysis are used; those of pages an earlier attempt
    // stored are computed from the stored articles.
    await indexWrittenArticles(store, { newPageIds: [], newArticleIds: articleIds }, (id) => derived.get(id)?.search);
    // Clustering features are stored at once (idempotent upserts, no lock needed); the story update then runs only
    // if no other worker is updating stories: that worker, or the next update, or the drain-time rebuild, picks
    // these articles up from their stored features. Updates thus coalesce instead of queueing on the lock.
    const features = articleIds.flatMap((id) => {
      const article = derived.get(id);
      return article ? [{ articleId: id, features: featuresToJson(article.features) }] : [];
    });
    if (features.length > 0) await store.saveStoryFeatures(features);
    await queue.tryWithStoriesLock(() => context.stories.update(articleIds, (id) => derived.get(id)?.features));
  }
  // Stage 5: finish the jobs.
  const failed: IngestFailure[] = [];
  const done: string[] = [];
  for (const job of jobs) {
    const error = failedPages.get(job.data.page.id);
    if (!error) {
      done.push(job.id);
      continue;
    }
    failed.push({ source: job.data.source, code: error.code as IngestFailure['code'], message: error.message });
    await queue.fail(job.id, error);
  }
  await queue.complete(done);
  return { jobs: jobs.length, newPages: written.newPageIds.length, articles: written.newArticleIds.length, failed };
}
