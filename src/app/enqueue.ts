/**
 * `marsad ingest --enqueue`: read pages and put the ones not stored yet on the PostgreSQL job queue, for
 * `marsad worker` processes to analyse and store. Reading problems are reported per item, as in a plain ingest.
 */
import { readPages, type PageResult } from '../ingest/read-pages.ts';
import type { PageJobData, PageQueue } from '../queue/page-queue.ts';
import type { Store } from '../store/store.ts';
import type { IngestFailure } from './ingest.ts';

export interface EnqueueSummary {
  readonly pages: number;
  readonly enqueued: number;
  /** Already stored, or repeated in this run. */
  readonly duplicates: number;
  readonly failed: readonly IngestFailure[];
}

export async function enqueueInputs(
  store: Store,
  queue: PageQueue,
  inputs: readonly string[],
  options: { maxBytes: number; batchSize: number; stdin?: NodeJS.ReadableStream },
): Promise<EnqueueSummary> {
  return enqueuePageResults(
    store,
    queue,
    readPages(inputs, { maxBytes: options.maxBytes, stdin: options.stdin }),
    options.batchSize,
  );
}

export async function enqueuePageResults(
  store: Store,
  queue: PageQueue,
  results: AsyncIterable<PageResult> | Iterable<PageResult>,
  batchSize: number,
): Promise<EnqueueSummary> {
  const tally = { pages: 0, enqueued: 0, duplicates: 0, failed: [] as IngestFailure[] };
  const seen = new Set<string>();
  let batch: PageJobData[] = [];
  const flush = async (): Promise<void> => {
    const stored = await store.existingPageIds(batch.map((job) => job.page.id));
    const fresh = batch.filter((job) => !stored.has(job.page.id));
    tally.duplicates += batch.length - fresh.length;
    tally.enqueued += await queue.enqueue(fresh);
    batch = [];
  };
  for await (const result of results) {
    if (!result.ok) {
      tally.failed.push({ source: result.source, code: result.error.code, message: result.error.message });
      continue;
    }
    tally.pages++;
    if (seen.has(result.page.id)) {
      tally.duplicates++;
      continue;
    }
    seen.add(result.page.id);
    batch.push({ source: result.source, page: result.page });
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return tally;
}
