/**
 * The worker-thread side of the analysis pool (src/app/analysis-pool.ts): one page in, its analysis out.
 * Each worker thread imports this module once, so the pipeline and the NER model load once per worker and are
 * reused for every page it gets. Errors cross the thread boundary as {code, message}, not as Error objects,
 * so that the engine error code survives. The pipeline is imported statically: run from the TypeScript sources,
 * a worker thread loads modules through tsx's require hook (Node 20 does not apply ESM loader hooks in workers).
 */
import { workerData } from 'node:worker_threads';
import { loadTagger } from '../analyze/entities/recognize.ts';
import { EngineError, isEngineError, type ErrorCode } from '../core/errors.ts';
import type { RawPage } from '../core/page.ts';
import { analyzePage } from '../pipeline/analyze-page.ts';
import { applyOutletDomainsFromEnv } from './outlet-domains.ts';
import { withAnnotationFallback } from './analyzer.ts';
import type { PageAnalyzer } from './ingest.ts';
import type { AnalyzedPageLike } from './page-record.ts';

export interface AnalysisTask {
  readonly page: RawPage;
  readonly annotate: boolean;
}

export type AnalysisOutcome =
  | { readonly ok: true; readonly analyzed: AnalyzedPageLike }
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string };

/** What the pool passes to every thread it starts. */
export interface AnalysisWorkerData {
  /** Load the NER model as the thread starts (all threads in parallel) instead of on the first page. */
  readonly preloadModel: boolean;
}

if ((workerData as AnalysisWorkerData | undefined)?.preloadModel) {
  try {
    loadTagger(); // cached for the thread: every page this worker annotates reuses it
  } catch {
    // A missing model is reported per page by withAnnotationFallback, as in-process.
  }
}

const analyzers = new Map<boolean, PageAnalyzer>();

/** Piscina calls the default export once per task. */
export default async function analyzeTask(task: AnalysisTask): Promise<AnalysisOutcome> {
  try {
    let analyzer = analyzers.get(task.annotate);
    if (!analyzer) {
      applyOutletDomainsFromEnv();
      analyzer = withAnnotationFallback(analyzePage, { annotate: task.annotate });
      analyzers.set(task.annotate, analyzer);
    }
    return { ok: true, analyzed: await analyzer(task.page) };
  } catch (error) {
    const engineError = isEngineError(error)
      ? error
      : new EngineError('analyze/failed', error instanceof Error ? error.message : String(error));
    return { ok: false, code: engineError.code, message: engineError.message };
  }
}
