/**
 * `marsad serve --workers N`: N server processes sharing one listening socket through node:cluster. The primary
 * only supervises: it forks the workers (each re-runs the same `marsad serve` command line and so the same code
 * path, whether Marsad runs from sources or from a build), reports the URL once the first one listens, replaces a
 * worker that dies, and stops them all on SIGINT/SIGTERM. Each worker opens its own store connection: SQLite in
 * WAL mode serves concurrent readers, PostgreSQL a pool per process.
 */
import cluster, { type Worker } from 'node:cluster';
import { EngineError } from '../core/errors.ts';

/** Environment variable telling a forked worker its number (1…N). */
export const SERVE_WORKER_ENV = 'MARSAD_SERVE_WORKER';

interface ListeningMessage {
  readonly type: 'marsad-listening';
  readonly url: string;
}

function isListening(message: unknown): message is ListeningMessage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'marsad-listening';
}

/** True in a process forked by `runServerPrimary`. */
export function isServerWorker(): boolean {
  return cluster.isWorker && process.env[SERVE_WORKER_ENV] !== undefined;
}

/** The worker's number (1…N), or null outside a cluster. Worker 1 does the once-per-server chores. */
export function serverWorkerNumber(): number | null {
  return isServerWorker() ? Number(process.env[SERVE_WORKER_ENV]) : null;
}

/** Called by a worker once it listens, so the primary can print the URL. */
export function announceListening(url: string): void {
  process.send?.({ type: 'marsad-listening', url } satisfies ListeningMessage);
}

export interface PrimaryOptions {
  readonly workers: number;
  /** Called once, with the URL of the first worker that listens. */
  readonly onListening: (url: string) => void;
  readonly log: (line: string) => void;
}

/**
 * Forks the workers and supervises them until SIGINT/SIGTERM; resolves when all have exited. A worker that exits
 * before any has listened (no database, port taken) stops them all and rejects, instead of being restarted forever.
 */
export async function runServerPrimary(options: PrimaryOptions): Promise<void> {
  let stopping = false;
  let announced = false;
  let startFailure: EngineError | null = null;
  const live = new Set<Worker>();
  let stop = (): void => {};
  const fork = (number: number): void => {
    const worker = cluster.fork({ [SERVE_WORKER_ENV]: String(number) });
    live.add(worker);
    worker.on('message', (message: unknown) => {
      if (!isListening(message) || announced) return;
      announced = true;
      options.onListening(message.url);
    });
    worker.on('exit', (code, signal) => {
      live.delete(worker);
      if (stopping) return;
      if (!announced) {
        startFailure = new EngineError(
          'usage/invalid',
          `Server worker ${number} stopped before listening (${signal ?? `code ${code}`}).`,
        );
        stop();
        return;
      }
      options.log(`worker ${number} exited (${signal ?? `code ${code}`}); starting a new one`);
      fork(number);
    });
  };
  await new Promise<void>((resolve) => {
    stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      stopping = true;
      if (live.size === 0) resolve();
      for (const worker of live) {
        worker.on('exit', () => {
          if (live.size === 0) resolve();
        });
        worker.kill('SIGTERM');
      }
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    for (let number = 1; number <= options.workers; number++) fork(number);
  });
  if (startFailure) throw startFailure;
}
