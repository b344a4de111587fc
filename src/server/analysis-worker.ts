/**
 * Page analysis off the event loop: one worker thread running the production analyzer. The server hands it every
 * POSTed page, so a 5 MB page analysed for seconds does not stop other requests from being answered.
 */
import { Worker } from 'node:worker_threads';
import type { AnalyzedPageLike } from '../app/page-record.ts';
import { EngineError, type ErrorCode } from '../core/errors.ts';
import type { RawPage } from '../core/page.ts';

export interface AnalysisWorker {
  analyze(page: RawPage): Promise<AnalyzedPageLike>;
  close(): Promise<void>;
}

type Reply = { id: number; ok: true; analyzed: AnalyzedPageLike } | { id: number; ok: false; code: ErrorCode; message: string };

/** Starts the worker; resolves once its analyzer is loaded (a loading failure rejects). */
export async function startAnalysisWorker(options: { annotate: boolean }): Promise<AnalysisWorker> {
  const worker = new Worker(new URL('./analysis-worker-entry.mjs', import.meta.url), { workerData: { annotate: options.annotate } });
  const pending = new Map<number, { resolve: (a: AnalyzedPageLike) => void; reject: (e: Error) => void }>();
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    const onMessage = (message: { ready?: boolean }) => {
      if (!message.ready) return;
      worker.off('error', reject);
      resolve();
    };
    worker.once('message', onMessage);
    worker.once('error', reject);
  });
  const failAll = (error: Error): void => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.analyzed);
    else waiting.reject(new EngineError(reply.code, reply.message.replace(/^The page could not be analysed\. /u, '')));
  });
  worker.on('error', (error) => failAll(new EngineError('analyze/failed', `Analysis worker failed: ${error.message}`, { cause: error })));
  worker.on('exit', () => failAll(new EngineError('analyze/failed', 'The analysis worker stopped.')));
  worker.unref();
  return {
    analyze(page) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, page });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
