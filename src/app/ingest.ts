/**
 * Ingest use case: read pages → skip those already stored → analyse → write each batch in one transaction.
 * Idempotent and resumable: a rerun after an interruption stores only what the interrupted run had not committed.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { EngineError, isEngineError, type ErrorCode } from '../core/errors.ts';
import type { RawPage } from '../core/page.ts';
import type { ReadLimits } from '../ingest/limits.ts';
import { readPages, type PageResult } from '../ingest/read-pages.ts';
import type { PageRecord, Store, WriteResult } from '../store/store.ts';
import { buildPageRecord, type AnalyzedPageLike } from './page-record.ts';

/** Page → articles, spans and annotations (`analyzePage(page, {annotate: true})` in production). */
export type PageAnalyzer = (page: RawPage) => AnalyzedPageLike;

export interface IngestFailure {
  readonly source: string;
  readonly code: ErrorCode;
  readonly message: string;
}

export interface IngestWarning {
  readonly source: string;
  readonly message: string;
}

export interface IngestSummary {
  /** Pages read and decoded (new, duplicate or failed in analysis). */
  readonly pages: number;
  readonly newPages: number;
  /** Pages already stored, or seen earlier in this run. */
  readonly duplicates: number;
  /** Articles stored from the new pages. */
  readonly articles: number;
  readonly failed: readonly IngestFailure[];
  /** Problems worked around: annotations dropped for broken spans, annotation skipped for a missing model. */
  readonly warnings: readonly IngestWarning[];
}

export interface IngestProgress extends Omit<IngestSummary, 'failed' | 'warnings'> {
  readonly failed: number;
  /** Source of the last item handled (`path`, `path#line` or `-`). */
  readonly lastSource: string;
}

export interface IngestOptions {
  readonly analyze: PageAnalyzer;
  readonly maxBytes: number;
  /** Pages per write transaction. */
  readonly batchSize: number;
  /** Called after every item read and after every committed batch. */
  readonly onProgress?: (progress: IngestProgress) => void;
  /**
   * Runs after each committed batch (search indexing, story updates). If it throws, the pages stay stored, the
   * failure is recorded (source `after-write:<first page source>`) and the ingest goes on.
   */
  readonly afterBatch?: (written: WriteResult) => Promise<void> | void;
  /** Reading limits other than the page size (defaults in ingest/limits.ts). */
  readonly limits?: Partial<Omit<ReadLimits, 'maxBytes'>>;
  /**
   * Test hook: called with the batch number (1-based) right after a batch commits and before its afterBatch runs,
   * so a crash test can kill the process at exactly that point.
   */
  readonly afterCommit?: (batch: number) => void;
  readonly stdin?: NodeJS.ReadableStream;
  readonly now?: () => Date;
}

interface Tally {
  pages: number;
  newPages: number;
  duplicates: number;
  articles: number;
  failed: IngestFailure[];
  warnings: IngestWarning[];
  lastSource: string;
  batches: number;
}

/** Ingests every input path; per-item problems land in `failed`, a store failure rejects (committed batches stay). */
export async function ingestInputs(store: Store, inputs: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  return ingestPageResults(store, readPages(inputs, { ...options.limits, maxBytes: options.maxBytes, stdin: options.stdin, now: options.now }), options);
}

/** Ingests already-read pages (e.g. POSTed to the API and built with `pageFromFields`), same batching and summary. */
export async function ingestPageResults(store: Store, results: AsyncIterable<PageResult> | Iterable<PageResult>, options: IngestOptions): Promise<IngestSummary> {
  const tally: Tally = { pages: 0, newPages: 0, duplicates: 0, articles: 0, failed: [], warnings: [], lastSource: '', batches: 0 };
  const report = (): void => {
    const { pages, newPages, duplicates, articles, failed, lastSource } = tally;
    options.onProgress?.({ pages, newPages, duplicates, articles, failed: failed.length, lastSource });
  };
  let batch: { source: string; page: RawPage }[] = [];
  for await (const result of results) {
    tally.lastSource = result.source;
    if (!result.ok) {
      tally.failed.push(failure(result.source, result.error));
      report();
      continue;
    }
    tally.pages++;
    batch.push({ source: result.source, page: result.page });
    if (batch.length >= options.batchSize) {
      await ingestBatch(batch, { store, options, tally });
      batch = [];
      report();
      await yieldToEventLoop(); // let a server sharing this process answer between batches
    } else {
      report(); // every item, so a progress display sees every file (new/duplicate counts move per batch)
    }
  }
  if (batch.length > 0) await ingestBatch(batch, { store, options, tally });
  report();
  const { lastSource: _lastSource, batches: _batches, ...summary } = tally;
  return summary;
}

interface BatchContext {
  readonly store: Store;
  readonly options: IngestOptions;
  readonly tally: Tally;
}

async function ingestBatch(batch: readonly { source: string; page: RawPage }[], { store, options, tally }: BatchContext): Promise<void> {
  const stored = await store.existingPageIds(batch.map((item) => item.page.id));
  const seen = new Set<string>();
  const records: PageRecord[] = [];
  for (const { source, page } of batch) {
    if (stored.has(page.id) || seen.has(page.id)) {
      tally.duplicates++;
      continue;
    }
    seen.add(page.id);
    const built = analyzeOne(source, page, options.analyze);
    if ('code' in built) {
      tally.failed.push(built);
      continue;
    }
    records.push(built.record);
    if (page.decoding?.warning) tally.warnings.push({ source, message: `decoding: ${page.decoding.warning}` });
    tally.warnings.push(...built.warnings.map((message) => ({ source, message })));
  }
  if (records.length === 0) return;
  const written = await store.writePages(records);
  options.afterCommit?.(++tally.batches);
  tally.newPages += written.newPageIds.length;
  // Another writer may have stored a page between the existence check and the write.
  tally.duplicates += records.length - written.newPageIds.length;
  tally.articles += written.newArticleIds.length;
  await runAfterBatch(written, { options, tally, source: batch[0]?.source ?? '' });
}

async function runAfterBatch(written: WriteResult, context: { options: IngestOptions; tally: Tally; source: string }): Promise<void> {
  try {
    await context.options.afterBatch?.(written);
  } catch (error) {
    // Boundary: the batch is committed; a failed index/story update is reported, not allowed to stop the ingest.
    const engineError = isEngineError(error) ? error : new EngineError('store/failed', `After-write update failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    context.tally.failed.push(failure(`after-write:${context.source}`, engineError));
  }
}

function analyzeOne(source: string, page: RawPage, analyze: PageAnalyzer): ReturnType<typeof buildPageRecord> | IngestFailure {
  try {
    return buildPageRecord(page, analyze(page));
  } catch (error) {
    // The batch boundary: one page's analysis failure is recorded and the batch goes on.
    const engineError = isEngineError(error) ? error : new EngineError('analyze/failed', error instanceof Error ? error.message : String(error), { cause: error });
    return failure(source, engineError);
  }
}

function failure(source: string, error: EngineError): IngestFailure {
  return { source, code: error.code, message: error.message };
}
