/**
 * Ingest of pages POSTed to the API: check the text, analyse, write one page per transaction, run the
 * after-write hooks (search index, stories), and yield to the event loop between pages so the server
 * keeps answering other requests while a batch is being ingested.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { isEngineError } from '../core/errors.ts';
import type { ContentType, RawPage } from '../core/page.ts';
import type { PageAnalyzer } from './ingest.ts';
import type { DerivedArticles } from './derived-articles.ts';
import { buildPageRecord, type AnalyzedPageLike } from './page-record.ts';
import { checkText } from '../ingest/decode.ts';
import { toPageResult } from '../ingest/read-pages.ts';
import type { Store, WriteResult } from '../store/store.ts';

export interface PageSubmission {
  readonly url?: string;
  readonly html?: string;
  readonly text?: string;
  /** ISO-8601; the server clock when absent. */
  readonly fetchedAt?: string;
}

export type SubmissionResult =
  | { readonly ok: true; readonly pageId: string; readonly duplicate: boolean; readonly articleIds: readonly string[] }
  | { readonly ok: false; readonly code: string; readonly message: string };

export type PageIngestor = (submissions: readonly PageSubmission[]) => Promise<readonly SubmissionResult[]>;

export interface PageIngestorOptions {
  readonly store: Store;
  readonly analyze: PageAnalyzer;
  /** Analysis off the event loop (the server's worker thread); used instead of `analyze` when given. */
  readonly analyzeAsync?: (page: RawPage) => Promise<AnalyzedPageLike>;
  readonly maxBytes: number;
  /** Hooks after each committed page (search indexing, story updates). */
  readonly afterWrite?: (written: WriteResult, derived?: DerivedArticles) => Promise<void>;
  readonly now?: () => Date;
}

function failure(error: unknown): SubmissionResult {
  if (isEngineError(error)) return { ok: false, code: error.code, message: error.message };
  return { ok: false, code: 'analyze/failed', message: 'The page could not be analysed.' };
}

async function ingestOne(
  options: PageIngestorOptions,
  submission: PageSubmission,
  position: number,
): Promise<SubmissionResult> {
  const contentType: ContentType = submission.html !== undefined ? 'text/html' : 'text/plain';
  const body = submission.html ?? submission.text ?? '';
  const fetchedAt = submission.fetchedAt ?? (options.now ?? (() => new Date()))().toISOString();
  const source = submission.url ?? `request#${position}`;
  const result = toPageResult(source, checkText(body, { maxBytes: options.maxBytes, contentType }), {
    url: source,
    fetchedAt,
  });
  if (!result.ok) return failure(result.error);
  const stored = await options.store.existingPageIds([result.page.id]);
  if (stored.has(result.page.id)) {
    const page = await options.store.getPage(result.page.id);
    return { ok: true, pageId: result.page.id, duplicate: true, articleIds: page?.articleIds ?? [] };
  }
  let record;
  let derived: DerivedArticles | undefined;
  try {
    const analyzed = options.analyzeAsync ? await options.analyzeAsync(result.page) : options.analyze(result.page);
    record = buildPageRecord(result.page, analyzed).record;
    if (analyzed.derived) derived = new Map(analyzed.derived.map((article) => [article.articleId, article]));
  } catch (error) {
    return failure(error);
  }
  const written = await options.store.writePages([record]);
  await options.afterWrite?.(written, derived);
  return {
    ok: true,
    pageId: result.page.id,
    duplicate: written.newPageIds.length === 0,
    articleIds: written.newArticleIds,
  };
}

/** An ingestor for API submissions; one bad page gives a failed result, the rest go on. */
export function createPageIngestor(options: PageIngestorOptions): PageIngestor {
  return async (submissions) => {
    const results: SubmissionResult[] = [];
    for (const [position, submission] of submissions.entries()) {
      results.push(await ingestOne(options, submission, position));
      await yieldToEventLoop();
    }
    return results;
  };
}
