/**
 * The worker-thread side of the analysis pool (src/app/analysis-pool.ts): one page in, its analysis out.
 * Each worker thread imports this module once, so the pipeline and the NER model load once per worker and are
 * reused for every page it gets. With `derive`, the thread also computes each article's search document and
 * clustering features (src/app/derived-articles.ts), work the single writer would otherwise do. Errors cross the
 * thread boundary as {code, message}, not as Error objects, so that the engine error code survives. The pipeline is
 * imported statically: run from the TypeScript sources, a worker thread loads modules through tsx's require hook
 * (Node 20 does not apply ESM loader hooks in workers).
 */
import { workerData } from 'node:worker_threads';
import { loadTagger } from '../analyze/entities/recognize.ts';
import { EngineError, isEngineError, type ErrorCode } from '../core/errors.ts';
import type { RawPage } from '../core/page.ts';
import { analyzePage } from '../pipeline/analyze-page.ts';
import { applyOutletDomainsFromEnv } from './outlet-domains.ts';
import { withAnnotationFallback, withDerivedArticles } from './analyzer.ts';
import type { PageAnalyzer } from './ingest.ts';
import type { AnalyzedPageLike } from './page-record.ts';

export interface AnalysisTask {
  readonly page: RawPage;
}

export type AnalysisOutcome =
  | { readonly ok: true; readonly analyzed: AnalyzedPageLike }
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string };

/** What the pool passes to every thread it starts. */
export interface AnalysisWorkerData {
  readonly annotate: boolean;
  /** Also compute the articles' search documents and clustering features. */
  readonly derive: boolean;
  /**
   * Pages every thread analyses once as it starts (results dropped), after loading the model: the thread's code is
   * compiled and its word caches filled before real work arrives.
   */
  readonly warmUp: readonly RawPage[];
  /** Slot 0 counts the threads that finished starting (model loaded, warm-up done); the pool waits on it. */
  readonly started: Int32Array;
}

const data = workerData as AnalysisWorkerData;

applyOutletDomainsFromEnv();
const analyzer: PageAnalyzer = ((): PageAnalyzer => {
  const analyze = withAnnotationFallback(analyzePage, { annotate: data.annotate });
  return data.derive ? withDerivedArticles(analyze) : analyze;
})();

if (data.annotate) {
  try {
    loadTagger(); // cached for the thread: every page this worker annotates reuses it
  } catch {
    // A missing model is reported per page by withAnnotationFallback, as in-process.
  }
}
for (const page of data.warmUp) {
  try {
    analyzer(page);
  } catch {
    // A warm-up page that fails only warms less.
  }
}
Atomics.add(data.started, 0, 1);

/** Piscina calls the default export once per task. */
export default async function analyzeTask(task: AnalysisTask): Promise<AnalysisOutcome> {
  try {
    return { ok: true, analyzed: analyzer(task.page) };
  } catch (error) {
    const engineError = isEngineError(error)
      ? error
      : new EngineError('analyze/failed', error instanceof Error ? error.message : String(error));
    return { ok: false, code: engineError.code, message: engineError.message };
  }
}
