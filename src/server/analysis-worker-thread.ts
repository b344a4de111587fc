/**
 * Inside the analysis worker thread: loads the production analyzer once and answers {id, page} messages with the
 * analysed page or an error (code and message), so a big POSTed page never blocks the server's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadPageAnalyzer } from '../app/analyzer.ts';
import { isEngineError } from '../core/errors.ts';
import type { RawPage } from '../core/page.ts';

const port = parentPort!;
const analyze = await loadPageAnalyzer({ annotate: (workerData as { annotate: boolean }).annotate });
port.on('message', (message: { id: number; page: RawPage }) => {
  try {
    port.postMessage({ id: message.id, ok: true, analyzed: analyze(message.page) });
  } catch (error) {
    const code = isEngineError(error) ? error.code : 'analyze/failed';
    port.postMessage({ id: message.id, ok: false, code, message: error instanceof Error ? error.message : String(error) });
  }
});
port.postMessage({ ready: true });
