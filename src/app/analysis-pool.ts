/**
 * Analysis (extraction + annotation) on every core: a Piscina pool of worker threads, each running
 * src/app/analysis-worker.ts and so loading the pipeline and the NER model once. Its `analyze` is an asynchronous
 * analyser for `ingestInputs`, whose single writer keeps storing batches in read order; pair it with `lookahead` there.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Piscina } from 'piscina';
import { EngineError } from '../core/errors.ts';
import type { RawPage } from '../core/page.ts';
import type { AnalysisOutcome, AnalysisTask, AnalysisWorkerData } from './analysis-worker.ts';
import type { AnalyzedPageLike } from './page-record.ts';
import { resolveWorkerModule } from './worker-module.ts';

/** How often `ready` looks at the threads' start counter. */
const READY_POLL_MS = 20;

export interface AnalysisPool {
  readonly analyze: (page: RawPage) => Promise<AnalyzedPageLike>;
  readonly threads: number;
  /** Resolves once every thread has loaded the pipeline and the model and analysed the warm-up pages. */
  ready(): Promise<void>;
  /** Waits for running tasks, then stops the threads. */
  close(): Promise<void>;
}

export interface AnalysisPoolOptions {
  readonly threads: number;
  /** Annotate (each thread loads the NER model as it starts, once). */
  readonly annotate: boolean;
  /**
   * Also compute each article's search document and clustering features in the threads (see derived-articles.ts),
   * so that the single writer only writes. Default true.
   */
  readonly derive?: boolean;
  /** Pages each thread analyses once as it starts (compiles the code, fills the word caches). */
  readonly warmUp?: readonly RawPage[];
}

/** Starts `threads` worker threads at once. */
export function startAnalysisPool(options: AnalysisPoolOptions): AnalysisPool {
  const worker = resolveWorkerModule('analysis-worker', import.meta.url);
  const started = new Int32Array(new SharedArrayBuffer(4));
  const pool = new Piscina<AnalysisTask, AnalysisOutcome>({
    filename: worker.filename,
    execArgv: [...worker.execArgv],
    minThreads: options.threads,
    maxThreads: options.threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    workerData: {
      annotate: options.annotate,
      derive: options.derive ?? true,
      warmUp: options.warmUp ?? [],
      started,
    } satisfies AnalysisWorkerData,
  });
  let failure: unknown = null;
  pool.on('error', (error: unknown) => {
    failure = error;
  });
  const analyze = async (page: RawPage): Promise<AnalyzedPageLike> => {
    const outcome = await pool.run({ page });
    if (outcome.ok) return outcome.analyzed;
    throw Object.assign(new EngineError(outcome.code), { message: outcome.message });
  };
  const ready = async (): Promise<void> => {
    while (Atomics.load(started, 0) < options.threads) {
      if (failure !== null)
        throw new EngineError('analyze/failed', `An analysis thread failed to start: ${String(failure)}`);
      await sleep(READY_POLL_MS);
    }
  };
  return { analyze, threads: options.threads, ready, close: () => pool.close() };
}
