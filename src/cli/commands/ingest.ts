/**
 * `marsad ingest <paths...>`: reads, analyses and stores pages; a progress bar on a terminal, a summary at
 * the end, exit code 1 when some items failed (the others are stored all the same).
 */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import type { AnalysisPool } from '../../app/analysis-pool.ts';
import type { FetchClient } from '../../app/fetch-client.ts';
import type { IngestProgress, IngestSummary, IngestWarning, PageAnalyzer } from '../../app/ingest.ts';
import { EXIT, type CliIo, type CommandContext } from '../io.ts';
import { parsePositiveInt } from '../option-parsers.ts';
import { DB_OPTION_FLAGS, DB_OPTION_HELP } from '../db-option.ts';
import { addFetchOptions, fetchTuning, type FetchCommandOptions } from '../fetch-options.ts';
import type { Resolver } from '../../app/fetch-client.ts';

/** Distinct warnings printed in the text summary (identical ones are grouped); --json has them all. */
const MAX_WARNINGS_SHOWN = 10;

export interface IngestCommandOptions extends FetchCommandOptions {
  readonly db?: string;
  readonly batchSize?: number;
  readonly maxBytes?: number;
  readonly maxLineBytes?: number;
  readonly maxFileBytes?: number;
  readonly maxGzipRatio?: number;
  readonly maxLines?: number;
  readonly maxFileSeconds?: number;
  readonly annotate: boolean;
  readonly json?: boolean;
  /** Analysis threads; 1 analyses in the main thread (default: the number of cores). */
  readonly workers?: number;
  /** PostgreSQL only: put the pages on the job queue for `marsad worker` processes instead of analysing here. */
  readonly enqueue?: boolean;
  readonly jobTimeout?: number;
}

/** Batches analysed ahead of the one being written when a pool analyses: keeps every worker busy during writes. */
const POOL_LOOKAHEAD = 2;

/**
 * Test hook (crash tests only): `MARSAD_TEST_KILL_AFTER_COMMIT=<n>` makes the process SIGKILL itself right after its
 * n-th batch commits, before the search index and stories are updated.
 */
const KILL_AFTER_COMMIT_ENV = 'MARSAD_TEST_KILL_AFTER_COMMIT';

export interface IngestDeps {
  readonly loadAnalyzer: (options: { annotate: boolean; derive?: boolean }) => Promise<PageAnalyzer>;
  /** Used when `workers` > 1; without it the analysis stays in-process whatever `workers` says (tests). */
  readonly startPool?: (options: { threads: number; annotate: boolean }) => AnalysisPool;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Tests: a DNS stub for URL inputs. */
  readonly resolve?: Resolver;
}

export function registerIngest(program: Command, context: CommandContext): void {
  const command = program
    .command('ingest')
    .description(
      'read pages (files, directories, .jsonl[.gz], .warc[.gz], http(s) URLs, - for stdin), analyse them and store them',
    )
    .argument('<paths...>', 'files, directories, WARC files or URLs; "-" reads one page from stdin')
    .option(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--batch-size <n>', 'pages per write transaction', parsePositiveInt)
    .option('--max-bytes <n>', 'largest page accepted, in bytes (default 5 MB; never above 16 MB)', parsePositiveInt)
    .option('--max-line-bytes <n>', 'largest JSONL line, in bytes (default 3× --max-bytes + 64 KB)', parsePositiveInt)
    .option('--max-file-bytes <n>', 'decompressed bytes read from one file (default 8 GB)', parsePositiveInt)
    .option(
      '--max-gzip-ratio <n>',
      'largest decompressed/compressed ratio of a .gz file (default 100)',
      parsePositiveInt,
    )
    .option('--max-lines <n>', 'lines read from one JSONL file (default 2,000,000)', parsePositiveInt)
    .option('--max-file-seconds <n>', 'seconds spent reading one file (default 600)', parsePositiveInt)
    .option('--no-annotate', 'store extraction only, without the annotation layers')
    .option('--json', 'print the summary as one JSON object')
    .option('--workers <n>', 'analysis threads (1: in the main thread; default: the number of cores)', parsePositiveInt)
    .option(
      '--enqueue',
      'team mode (PostgreSQL): queue the pages for `marsad worker` processes instead of analysing here',
    )
    .option(
      '--job-timeout <seconds>',
      "with --enqueue: seconds before a dead worker's job goes to another worker",
      parsePositiveInt,
    );
  addFetchOptions(command, { archive: true }).action(async (paths: string[], options: IngestCommandOptions) => {
    if (options.enqueue) {
      await runEnqueue(paths, options, context);
      return;
    }
    const [{ loadPageAnalyzer }, { startAnalysisPool }] = await Promise.all([
      import('../../app/analyzer.ts'),
      import('../../app/analysis-pool.ts'),
    ]);
    await runIngest(paths, options, context, {
      loadAnalyzer: loadPageAnalyzer,
      startPool: startAnalysisPool,
      env: process.env,
    });
  });
}

/** The command body, with its dependencies injectable for in-process tests. */
export async function runIngest(
  paths: readonly string[],
  options: IngestCommandOptions,
  context: CommandContext,
  deps: IngestDeps,
): Promise<IngestSummary> {
  const [
    { loadConfig },
    { openConfiguredStore, displayLocation },
    { ingestPageResults },
    { afterWriteHooks, catchUpDerivedState },
    { readInputs },
    { openFetchClient },
  ] = await Promise.all([
    import('../../config/load.ts'),
    import('../../app/open-store.ts'),
    import('../../app/ingest.ts'),
    import('../../app/after-write.ts'),
    import('../../app/read-inputs.ts'),
    import('../../app/fetch-client.ts'),
  ]);
  const config = loadConfig(
    {
      db: options.db,
      batchSize: options.batchSize,
      maxPageBytes: options.maxBytes,
      allowPrivateNetwork: options.allowPrivateNetwork,
    },
    deps.env,
  );
  const workers = options.workers ?? availableParallelism();
  const pool = workers > 1 && deps.startPool ? deps.startPool({ threads: workers, annotate: options.annotate }) : null;
  const killAfter = Number(deps.env[KILL_AFTER_COMMIT_ENV] ?? Number.NaN);
  const { maxLineBytes, maxFileBytes, maxGzipRatio, maxLines, maxFileSeconds } = options;
  let summary: IngestSummary;
  try {
    // Either way the analyser also computes each article's search document and clustering features (derive).
    const analyze = pool ? pool.analyze : await deps.loadAnalyzer({ annotate: options.annotate, derive: true });
    const store = await openConfiguredStore(config);
    const progress = context.io.stderr.isTTY && !paths.includes('-') ? await startBar(paths, context.io) : null;
    let fetch: FetchClient | null = null;
    const client = async () => {
      fetch ??= await openFetchClient({
        store,
        allowPrivateNetwork: config.allowPrivateNetwork,
        maxBytes: config.maxPageBytes,
        archiveDir: options.archive ?? null,
        resolve: deps.resolve,
        tuning: fetchTuning(options),
      });
      return fetch.client;
    };
    try {
      // Finish what an interrupted run left undone (search documents, story features, stories) before adding to it.
      await catchUpDerivedState(store);
      const inputs = readInputs(paths, {
        maxBytes: config.maxPageBytes,
        maxLineBytes,
        maxFileBytes,
        maxGzipRatio,
        maxLines,
        maxFileSeconds,
        client,
      });
      summary = await ingestPageResults(store, inputs, {
        analyze,
        lookahead: pool ? POOL_LOOKAHEAD : 0,
        maxBytes: config.maxPageBytes,
        batchSize: config.batchSize,
        onProgress: progress?.update,
        afterBatch: afterWriteHooks(store),
        ...(Number.isInteger(killAfter)
          ? {
              afterCommit: (batch: number) => {
                if (batch === killAfter) process.kill(process.pid, 'SIGKILL');
              },
            }
          : {}),
      });
    } finally {
      progress?.stop();
      await (fetch as FetchClient | null)?.close();
      await store.close();
    }
  } finally {
    await pool?.close();
  }
  writeSummary(summary, { io: context.io, json: options.json === true, dbPath: displayLocation(config.dbPath) });
  if (summary.failed.length > 0) context.setExitCode(EXIT.failed);
  return summary;
}

async function runEnqueue(
  paths: readonly string[],
  options: IngestCommandOptions,
  context: CommandContext,
): Promise<void> {
  const [
    { loadConfig },
    { openConfiguredStore, displayLocation },
    { enqueueInputs },
    { openPageQueue },
    { queueDatabase },
  ] = await Promise.all([
    import('../../config/load.ts'),
    import('../../app/open-store.ts'),
    import('../../app/enqueue.ts'),
    import('../../app/page-queue.ts'),
    import('./worker.ts'),
  ]);
  const url = await queueDatabase(options.db);
  const config = loadConfig({ db: url, batchSize: options.batchSize, maxPageBytes: options.maxBytes }, process.env);
  const store = await openConfiguredStore(config);
  const queue = await openPageQueue(url, { supervise: false, jobTimeoutSeconds: options.jobTimeout });
  try {
    const summary = await enqueueInputs(store, queue, paths, {
      maxBytes: config.maxPageBytes,
      batchSize: config.batchSize,
    });
    if (options.json) context.io.stdout.write(JSON.stringify({ db: displayLocation(url), ...summary }) + '\n');
    else
      context.io.stdout.write(
        `queued ${summary.enqueued} of ${summary.pages} pages on ${displayLocation(url)}: ${summary.duplicates} duplicate; ${summary.failed.length} failed\n`,
      );
    for (const f of summary.failed)
      if (!options.json) context.io.stderr.write(`  failed ${f.source}: [${f.code}] ${f.message}\n`);
    if (summary.failed.length > 0) context.setExitCode(EXIT.failed);
  } finally {
    await queue.close();
    await store.close();
  }
}

async function startBar(
  paths: readonly string[],
  io: CliIo,
): Promise<{ update: (p: IngestProgress) => void; stop: () => void }> {
  const [{ countInputFiles }, { default: cliProgress }] = await Promise.all([
    import('../../app/ingest.ts'),
    import('cli-progress'),
  ]);
  const total = await countInputFiles(paths);
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr as NodeJS.WritableStream as never,
      format: 'ingest [{bar}] {value}/{total} files | {pages} pages, {newPages} new, {failed} failed',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { pages: 0, newPages: 0, failed: 0 });
  const files = new Set<string>();
  return {
    update: (p) => {
      files.add(p.lastSource.replace(/#\d+$/u, ''));
      bar.update(Math.min(files.size, total), { pages: p.pages, newPages: p.newPages, failed: p.failed });
    },
    stop: () => bar.stop(),
  };
}

function writeSummary(summary: IngestSummary, options: { io: CliIo; json: boolean; dbPath: string }): void {
  const { io } = options;
  if (options.json) {
    io.stdout.write(JSON.stringify({ db: options.dbPath, ...summary }) + '\n');
    return;
  }
  const { pages, newPages, duplicates, articles, failed, warnings } = summary;
  io.stdout.write(
    `ingested ${pages} pages into ${options.dbPath}: ${newPages} new, ${duplicates} duplicate, ${articles} articles stored; ${failed.length} failed\n`,
  );
  for (const f of failed) io.stderr.write(`  failed ${f.source}: [${f.code}] ${f.message}\n`);
  const grouped = groupWarnings(warnings);
  for (const [message, sources] of [...grouped].slice(0, MAX_WARNINGS_SHOWN)) {
    const where = sources.length === 1 ? sources[0] : `${sources.length} pages (${sources[0]}, …)`;
    io.stderr.write(`  warning ${where}: ${message}\n`);
  }
  if (grouped.size > MAX_WARNINGS_SHOWN)
    io.stderr.write(`  … and ${grouped.size - MAX_WARNINGS_SHOWN} more kinds of warning (--json lists them all)\n`);
}

/** Warnings by message, in first-seen order: a missing model says the same thing for every page. */
function groupWarnings(warnings: readonly IngestWarning[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const { source, message } of warnings) {
    const sources = grouped.get(message);
    if (sources) sources.push(source);
    else grouped.set(message, [source]);
  }
  return grouped;
}
