/**
 * `marsad worker --db postgres://…`: a queue worker for team mode. Start any number, on any machines, against
 * one PostgreSQL database; `marsad ingest --enqueue` feeds them and `marsad queue` shows how they are doing.
 */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { EngineError } from '../../core/errors.ts';
import { EXIT, type CommandContext } from '../io.ts';
import { DB_OPTION_FLAGS, DB_OPTION_HELP } from '../db-option.ts';
import { parsePositiveInt } from '../option-parsers.ts';

interface WorkerOptions {
  readonly db?: string;
  readonly threads?: number;
  readonly batchSize?: number;
  readonly exitWhenIdle?: boolean;
  readonly maintenanceSeconds: number;
  readonly annotate: boolean;
}

/** The database URL, which must be PostgreSQL: the queue lives there. */
export async function queueDatabase(db: string | undefined): Promise<string> {
  const [{ loadConfig }, { isPostgresUrl }] = await Promise.all([
    import('../../config/load.ts'),
    import('../../app/open-store.ts'),
  ]);
  const config = loadConfig({ db }, process.env);
  if (!isPostgresUrl(config.dbPath))
    throw new EngineError(
      'usage/invalid',
      'The job queue needs a PostgreSQL database: pass --db postgres://… (or set MARSAD_DATABASE_URL).',
    );
  return config.dbPath;
}

export function registerWorker(program: Command, context: CommandContext): void {
  program
    .command('worker')
    .description('team mode: analyse and store pages from the PostgreSQL job queue (run any number, on any machines)')
    .option(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option(
      '--threads <n>',
      'analysis threads in this process (1: main thread; default: the number of cores)',
      parsePositiveInt,
    )
    .option('--batch-size <n>', 'jobs claimed at once', parsePositiveInt)
    .option('--exit-when-idle', 'stop once no job is queued, retrying or active')
    .option(
      '--maintenance-seconds <n>',
      'how often this worker requeues the jobs of dead workers',
      parsePositiveInt,
      30,
    )
    .option('--no-annotate', 'store extraction only, without the annotation layers')
    .action(async (options: WorkerOptions) => {
      // Loaded on use, like every verb's code, so that `marsad --help` and the other verbs start fast.
      const [
        { startAnalysisPool },
        { loadPageAnalyzer },
        { displayLocation, openConfiguredStore },
        { runQueueWorker },
        { loadConfig },
        { openPageQueue },
      ] = await Promise.all([
        import('../../app/analysis-pool.ts'),
        import('../../app/analyzer.ts'),
        import('../../app/open-store.ts'),
        import('../../app/queue-worker.ts'),
        import('../../config/load.ts'),
        import('../../app/page-queue.ts'),
      ]);
      const url = await queueDatabase(options.db);
      const config = loadConfig({ db: url, batchSize: options.batchSize }, process.env);
      const threads = options.threads ?? availableParallelism();
      const pool = threads > 1 ? startAnalysisPool({ threads, annotate: options.annotate }) : null;
      const analyze = pool ? pool.analyze : await loadPageAnalyzer({ annotate: options.annotate, derive: true });
      const store = await openConfiguredStore(config);
      const queue = await openPageQueue(url, { maintenanceSeconds: options.maintenanceSeconds });
      const stop = new AbortController();
      const onSignal = (): void => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      context.io.stderr.write(
        `marsad worker: working on ${displayLocation(url)} (${threads} analysis thread(s), batches of ${config.batchSize})\n`,
      );
      try {
        const summary = await runQueueWorker(store, queue, {
          analyze,
          batchSize: config.batchSize,
          exitWhenIdle: options.exitWhenIdle === true,
          signal: stop.signal,
          onBatch: (batch) => {
            for (const f of batch.failed) context.io.stderr.write(`  failed ${f.source}: [${f.code}] ${f.message}\n`);
          },
        });
        context.io.stdout.write(
          `worker done: ${summary.jobs} jobs in ${summary.batches} batches, ${summary.newPages} new pages, ${summary.articles} articles, ${summary.failed} failed\n`,
        );
        if (summary.failed > 0) context.setExitCode(EXIT.failed);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await queue.close();
        await store.close();
        await pool?.close();
      }
    });
}
