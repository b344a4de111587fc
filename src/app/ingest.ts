/**
 * Ingest use case: read pages → skip those already stored → analyse → write each batch in one transaction.
 * Idempotent and resumable: a rerun after an interruption stores only what the interrupted run had not committed.
 * The analyser is pluggable: a plain function (in-process) or an asynchronous one such as a worker-thread pool
 * (src/app/analysis-pool.ts); with `lookahead`, later batches are analysed while the single writer stores earlier
 * ones, and batches are still written in read order.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { EngineError, isEngineError, type ErrorCode } from '../core/errors.ts';
import type { RawPage } from '../core/page.ts';
import type { ReadLimits } from '../ingest/limits.ts';
import { readPages, type PageResult } from '../ingest/read-pages.ts';
import type { PageRecord, Store, WriteResult } from '../store/store.ts';
import type { DerivedArticle, DerivedArticles } from './derived-articles.ts';
import { buildPageRecord, type AnalyzedPageLike } from './page-record.ts';

/** How many input files a set of paths holds (for a progress bar). */
export { countInputFiles } from '../ingest/walk.ts';

/** Page → articles, spans and annotations (`analyzePage(page, {annotate: true})` in production). */
export type PageAnalyzer = (page: RawPage) => AnalyzedPageLike;

/** What ingest accepts: a PageAnalyzer, or an asynchronous one such as the worker pool's (src/app/analysis-pool.ts). */
export type IngestAnalyzer = (page: RawPage) => AnalyzedPageLike | Promise<AnalyzedPageLike>;

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
  readonly analyze: IngestAnalyzer;
  readonly maxBytes: number;
  /** Pages per write transaction. */
  readonly batchSize: number;
  /**
   * Batches handed to the analyser ahead of the one being written (0: analyse a batch, write it, then read on).
   * With an asynchronous analyser (a worker pool), 1–2 keep the workers busy while the store writes.
   */
  readonly lookahead?: number;
  /** Called after every item read and after every committed batch. */
  readonly onProgress?: (progress: IngestProgress) => void;
  /**
   * Runs after each committed batch (search indexing, story updates). If it throws, the pages stay stored, the
   * failure is recorded (source `after-write:<first page source>`) and the ingest goes on. `derived` holds the
   * search documents and clustering features the analyser computed for the batch's articles (empty when it computed
   * none, see derived-articles.ts).
   */
  readonly afterBatch?: (written: WriteResult, derived: DerivedArticles) => Promise<void> | void;
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
  /** Failures with the read position of their item, sorted by it at the end (same order whatever the lookahead). */
  failed: { seq: number; failure: IngestFailure }[];
  warnings: IngestWarning[];
  lastSource: string;
  batches: number;
}

/** Ingests every input path; per-item problems land in `failed`, a store failure rejects (committed batches stay). */
export async function ingestInputs(
  store: Store,
  inputs: readonly string[],
  options: IngestOptions,
): Promise<IngestSummary> {
  return ingestPageResults(
    store,
    readPages(inputs, { ...options.limits, maxBytes: options.maxBytes, stdin: options.stdin, now: options.now }),
    options,
  );
}

interface ReadItem {
  readonly seq: number;
  readonly source: string;
  readonly page: RawPage;
}

type Analysis =
  | { readonly ok: true; readonly analyzed: AnalyzedPageLike }
  | { readonly ok: false; readonly error: unknown };

/** A batch whose new pages are being analysed; `copyOf` marks a page already in flight in an earlier batch. */
interface PreparedItem extends ReadItem {
  readonly analysis: Promise<Analysis> | null;
  readonly copyOf: Promise<Analysis> | null;
}

interface RunState {
  readonly store: Store;
  readonly options: IngestOptions;
  readonly tally: Tally;
  /** Page id → analysis, for pages handed to the analyser and not yet written. */
  readonly inFlight: Map<string, Promise<Analysis>>;
}

/** Ingests already-read pages (e.g. POSTed to the API and built with `pageFromFields`), same batching and summary. */
export async function ingestPageResults(
  store: Store,
  results: AsyncIterable<PageResult> | Iterable<PageResult>,
  options: IngestOptions,
): Promise<IngestSummary> {
  const tally: Tally = {
    pages: 0,
    newPages: 0,
    duplicates: 0,
    articles: 0,
    failed: [],
    warnings: [],
    lastSource: '',
    batches: 0,
  };
  const run: RunState = { store, options, tally, inFlight: new Map() };
  const lookahead = Math.max(0, options.lookahead ?? 0);
  const report = (): void => {
    const { pages, newPages, duplicates, articles, failed, lastSource } = tally;
    options.onProgress?.({ pages, newPages, duplicates, articles, failed: failed.length, lastSource });
  };
  const prepared: PreparedItem[][] = [];
  const writeOldest = async (): Promise<void> => {
    await writeBatch(prepared.shift()!, run);
    report();
    await yieldToEventLoop(); // let a server sharing this process answer between batches
  };
  let batch: ReadItem[] = [];
  let seq = 0;
  for await (const result of results) {
    seq++;
    tally.lastSource = result.source;
    if (!result.ok) {
      tally.failed.push({ seq, failure: failure(result.source, result.error) });
      report();
      continue;
    }
    tally.pages++;
    batch.push({ seq, source: result.source, page: result.page });
    if (batch.length >= options.batchSize) {
      prepared.push(await prepareBatch(batch, run));
      batch = [];
      if (prepared.length > lookahead) await writeOldest();
      else report();
    } else {
      report(); // every item, so a progress display sees every file (new/duplicate counts move per batch)
    }
  }
  if (batch.length > 0) prepared.push(await prepareBatch(batch, run));
  while (prepared.length > 0) await writeOldest();
  report();
  const { lastSource: _lastSource, batches: _batches, failed, ...counts } = tally;
  return { ...counts, failed: failed.sort((a, b) => a.seq - b.seq).map((f) => f.failure) };
}

/** Skips stored pages and repeats, and hands the new ones to the analyser (which may work on them in the background). */
async function prepareBatch(batch: readonly ReadItem[], run: RunState): Promise<PreparedItem[]> {
  const stored = await run.store.existingPageIds(batch.map((item) => item.page.id));
  const seen = new Set<string>();
  const items: PreparedItem[] = [];
  for (const item of batch) {
    const id = item.page.id;
    if (stored.has(id) || seen.has(id)) {
      run.tally.duplicates++;
      continue;
    }
    seen.add(id);
    const earlier = run.inFlight.get(id);
    if (earlier) {
      items.push({ ...item, analysis: null, copyOf: earlier });
      continue;
    }
    const analysis = startAnalysis(item.page, run.options.analyze);
    run.inFlight.set(id, analysis);
    items.push({ ...item, analysis, copyOf: null });
  }
  return items;
}

/** Always settles (never rejects), so an analysis waiting behind the writer cannot become an unhandled rejection. */
function startAnalysis(page: RawPage, analyze: IngestAnalyzer): Promise<Analysis> {
  try {
    return Promise.resolve(analyze(page)).then(
      (analyzed): Analysis => ({ ok: true, analyzed }),
      (error: unknown): Analysis => ({ ok: false, error }),
    );
  } catch (error) {
    return Promise.resolve({ ok: false, error });
  }
}

/** Waits for the batch's analyses in read order, writes the records in one transaction, then runs the after-write hook. */
async function writeBatch(items: readonly PreparedItem[], run: RunState): Promise<void> {
  const { store, options, tally } = run;
  const records: PageRecord[] = [];
  const derived = new Map<string, DerivedArticle>();
  try {
    for (const item of items) {
      if (item.copyOf) {
        // A page repeated while its first copy was in flight: a duplicate, or the same failure if the first failed.
        const first = await item.copyOf;
        if (first.ok) tally.duplicates++;
        else tally.failed.push({ seq: item.seq, failure: analysisFailure(item.source, first.error) });
        continue;
      }
      const built = recordOf(item.source, item.page, await item.analysis!);
      if ('code' in built) {
        tally.failed.push({ seq: item.seq, failure: built });
        continue;
      }
      records.push(built.record);
      for (const article of built.derived ?? []) derived.set(article.articleId, article);
      if (item.page.decoding?.warning)
        tally.warnings.push({ source: item.source, message: `decoding: ${item.page.decoding.warning}` });
      tally.warnings.push(...built.warnings.map((message) => ({ source: item.source, message })));
    }
    if (records.length === 0) return;
    const written = await store.writePages(records);
    options.afterCommit?.(++tally.batches);
    tally.newPages += written.newPageIds.length;
    // Another writer may have stored a page between the existence check and the write.
    tally.duplicates += records.length - written.newPageIds.length;
    tally.articles += written.newArticleIds.length;
    const last = items.at(-1)!;
    await runAfterBatch(written, derived, { options, tally, source: items[0]?.source ?? '', seq: last.seq });
  } finally {
    for (const item of items) if (item.analysis) run.inFlight.delete(item.page.id);
  }
}

async function runAfterBatch(
  written: WriteResult,
  derived: DerivedArticles,
  context: { options: IngestOptions; tally: Tally; source: string; seq: number },
): Promise<void> {
  try {
    await context.options.afterBatch?.(written, derived);
  } catch (error) {
    // Boundary: the batch is committed; a failed index/story update is reported, not allowed to stop the ingest.
    const engineError = isEngineError(error)
      ? error
      : new EngineError(
          'store/failed',
          `After-write update failed: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
    context.tally.failed.push({ seq: context.seq, failure: failure(`after-write:${context.source}`, engineError) });
  }
}

function recordOf(
  source: string,
  page: RawPage,
  analysis: Analysis,
): (ReturnType<typeof buildPageRecord> & { derived?: readonly DerivedArticle[] }) | IngestFailure {
  if (!analysis.ok) return analysisFailure(source, analysis.error);
  try {
    return { ...buildPageRecord(page, analysis.analyzed), derived: analysis.analyzed.derived };
  } catch (error) {
    return analysisFailure(source, error);
  }
}

/** The batch boundary: one page's analysis failure is recorded and the batch goes on. */
function analysisFailure(source: string, error: unknown): IngestFailure {
  const engineError = isEngineError(error)
    ? error
    : new EngineError('analyze/failed', error instanceof Error ? error.message : String(error), { cause: error });
  return failure(source, engineError);
}

function failure(source: string, error: EngineError): IngestFailure {
  return { source, code: error.code, message: error.message };
}
