/**
 * Analysis (extraction + annotation) on every core: a Piscina pool of worker threads, each running
 * src/app/analysis-worker.ts and so loading the pipeline and the NER model once. Its `analyze` is an asynchronous
 * analyser for `ingestInputs`, whose single writer keeps storing batches in read order; pair it with `lookahead` there.
 */
import { Piscina } from 'piscina';
import { EngineError } from '../core/errors.ts';
import type { RawPage } from '../core/page.ts';
import type { AnalysisOutcome, AnalysisTask, AnalysisWorkerData } from './analysis-worker.ts';
import type { AnalyzedPageLike } from './page-record.ts';
import { resolveWorkerModule } from './worker-module.ts';

export interface AnalysisPool {
  readonly analyze: (page: RawPage) => Promise<AnalyzedPageLike>;
  readonly threads: number;
  /** Waits for running tasks, then stops the threads. */
  close(): Promise<void>;
}

/** Starts `threads` worker threads at once; with `annotate`, each loads the NER model as it starts, once. */
export function startAnalysisPool(options: { threads: number; annotate: boolean }): AnalysisPool {
  const worker = resolveWorkerModule('analysis-worker', import.meta.url);
  const pool = new Piscina<AnalysisTask, AnalysisOutcome>({
    filename: worker.filename,
    execArgv: [...worker.execArgv],
    minThreads: options.threads,
    maxThreads: options.threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    workerData: { preloadModel: options.annotate } satisfies AnalysisWorkerData,
  });
  const analyze = async (page: RawPage): Promise<AnalyzedPageLike> => {
    const outcome = await pool.run({ page, annotate: options.annotate });
    if (outcome.ok) return outcome.analyzed;
    throw Object.assign(new EngineError(outcome.code), { message: outcome.message });
  };
  return { analyze, threads: options.threads, close: () => pool.close() };
}
