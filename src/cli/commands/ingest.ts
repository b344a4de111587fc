/**
 * `marsad ingest <paths...>`: reads, analyses and stores pages; a progress bar on a terminal, a summary at
 * the end, exit code 1 when some items failed (the others are stored all the same).
 */
import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { afterWriteHooks } from '../../app/after-write.ts';
import { loadPageAnalyzer } from '../../app/analyzer.ts';
import { openFetchClient, type FetchClient } from '../../app/fetch-client.ts';
import { ingestPageResults, type IngestProgress, type IngestSummary, type IngestWarning, type PageAnalyzer } from '../../app/ingest.ts';
import { readInputs } from '../../app/read-inputs.ts';
import { openConfiguredStore } from '../../app/open-store.ts';
import { loadConfig } from '../../config/load.ts';
import { countInputFiles } from '../../ingest/walk.ts';
import { displayLocation } from '../../store/store.ts';
import { EXIT, type CliIo, type CommandContext } from '../io.ts';
import { DB_OPTION_FLAGS, DB_OPTION_HELP } from '../db-option.ts';
import { addFetchOptions, fetchTuning, type FetchCommandOptions } from '../fetch-options.ts';
import type { Resolver } from '../../fetch/safe-lookup.ts';

/** Distinct warnings printed in the text summary (identical ones are grouped); --json has them all. */
const MAX_WARNINGS_SHOWN = 10;

export interface IngestCommandOptions extends FetchCommandOptions {
  readonly db?: string;
  readonly batchSize?: number;
  readonly maxBytes?: number;
  readonly annotate: boolean;
  readonly json?: boolean;
}

export interface IngestDeps {
  readonly loadAnalyzer: (options: { annotate: boolean }) => Promise<PageAnalyzer>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Tests: a DNS stub for URL inputs. */
  readonly resolve?: Resolver;
}

/** Commander parser for positive integer options. */
export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer.');
  return n;
}

export function registerIngest(program: Command, context: CommandContext): void {
  const command = program
    .command('ingest')
    .description('read pages (files, directories, .jsonl[.gz], .warc[.gz], http(s) URLs, - for stdin), analyse them and store them')
    .argument('<paths...>', 'files, directories, WARC files or URLs; "-" reads one page from stdin')
    .option(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--batch-size <n>', 'pages per write transaction', parsePositiveInt)
    .option('--max-bytes <n>', 'largest page accepted, in bytes', parsePositiveInt)
    .option('--no-annotate', 'store extraction only, without the annotation layers')
    .option('--json', 'print the summary as one JSON object');
  addFetchOptions(command, { archive: true })
    .action(async (paths: string[], options: IngestCommandOptions) => {
      await runIngest(paths, options, context, { loadAnalyzer: loadPageAnalyzer, env: process.env });
    });
}

/** The command body, with its dependencies injectable for in-process tests. */
export async function runIngest(paths: readonly string[], options: IngestCommandOptions, context: CommandContext, deps: IngestDeps): Promise<IngestSummary> {
  const config = loadConfig({ db: options.db, batchSize: options.batchSize, maxPageBytes: options.maxBytes, allowPrivateNetwork: options.allowPrivateNetwork }, deps.env);
  const analyze = await deps.loadAnalyzer({ annotate: options.annotate });
  const store = await openConfiguredStore(config);
  const progress = context.io.stderr.isTTY && !paths.includes('-') ? await startBar(paths, context.io) : null;
  let summary: IngestSummary;
  let fetch: FetchClient | null = null;
  const client = async () => {
    fetch ??= await openFetchClient({
      store, allowPrivateNetwork: config.allowPrivateNetwork, maxBytes: config.maxPageBytes, archiveDir: options.archive ?? null, resolve: deps.resolve, tuning: fetchTuning(options),
    });
    return fetch.client;
  };
  try {
    const inputs = readInputs(paths, { maxBytes: config.maxPageBytes, client });
    summary = await ingestPageResults(store, inputs, {
      analyze, maxBytes: config.maxPageBytes, batchSize: config.batchSize, onProgress: progress?.update, afterBatch: afterWriteHooks(store),
    });
  } finally {
    progress?.stop();
    await (fetch as FetchClient | null)?.close();
    await store.close();
  }
  writeSummary(summary, { io: context.io, json: options.json === true, dbPath: displayLocation(config.dbPath) });
  if (summary.failed.length > 0) context.setExitCode(EXIT.failed);
  return summary;
}

async function startBar(paths: readonly string[], io: CliIo): Promise<{ update: (p: IngestProgress) => void; stop: () => void }> {
  const total = await countInputFiles(paths);
  const bar = new cliProgress.SingleBar({
    stream: io.stderr as NodeJS.WritableStream as never,
    format: 'ingest [{bar}] {value}/{total} files | {pages} pages, {newPages} new, {failed} failed',
    hideCursor: true,
    clearOnComplete: true,
  }, cliProgress.Presets.shades_classic);
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
  io.stdout.write(`ingested ${pages} pages into ${options.dbPath}: ${newPages} new, ${duplicates} duplicate, ${articles} articles stored; ${failed.length} failed\n`);
  for (const f of failed) io.stderr.write(`  failed ${f.source}: [${f.code}] ${f.message}\n`);
  const grouped = groupWarnings(warnings);
  for (const [message, sources] of [...grouped].slice(0, MAX_WARNINGS_SHOWN)) {
    const where = sources.length === 1 ? sources[0] : `${sources.length} pages (${sources[0]}, …)`;
    io.stderr.write(`  warning ${where}: ${message}\n`);
  }
  if (grouped.size > MAX_WARNINGS_SHOWN) io.stderr.write(`  … and ${grouped.size - MAX_WARNINGS_SHOWN} more kinds of warning (--json lists them all)\n`);
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
