/**
 * `marsad watch`: runs the sources on their schedules until Ctrl-C (which finishes the batch in hand), or one round
 * with `--once` (for cron). A progress line on a terminal; `--json` prints one JSON line per event.
 */
import type { Command } from 'commander';
import type { PageAnalyzer } from '../../app/ingest.ts';
import { parseEvery } from '../../app/schedule.ts';
import type { RoundSummary, WatchEvent } from '../../app/watch-round.ts';
import type { Store } from '../../app/open-store.ts';
import type { HttpClientOptions, Resolver } from '../../app/fetch-client.ts';
import { DB_OPTION_FLAGS, DB_OPTION_HELP } from '../db-option.ts';
import { addFetchOptions, fetchTuning, type FetchCommandOptions } from '../fetch-options.ts';
import { EXIT, type CliIo, type CommandContext } from '../io.ts';
import { parsePositiveInt } from '../option-parsers.ts';

/** How often a long-running watch looks for sources that became due or were added. */
const MAX_IDLE_MS = 60_000;

export interface WatchCommandOptions extends FetchCommandOptions {
  readonly db?: string;
  readonly once?: boolean;
  readonly all?: boolean;
  readonly json?: boolean;
  readonly every?: string;
  readonly maxBytes?: number;
  readonly annotate: boolean;
}

export interface WatchDepsForCli {
  readonly loadAnalyzer: (options: { annotate: boolean }) => Promise<PageAnalyzer>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Tests: a DNS stub, retry timings, a clock, and a way to stop a long-running watch. */
  readonly resolve?: Resolver;
  readonly retry?: HttpClientOptions['retry'];
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
}

export function registerWatch(program: Command, context: CommandContext): void {
  const command = program
    .command('watch')
    .description('fetch new articles from the sources on their schedules (Ctrl-C stops after the page in hand)')
    .option(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--once', 'run one round of the due sources and exit (for cron)')
    .option('--all', 'with --once: run every source now, due or not')
    .option('--every <duration>', "run every source at this interval (15m, 2h…) instead of each one's own schedule")
    .option('--json', 'print one JSON line per event')
    .option('--max-bytes <n>', 'largest page accepted, in bytes, on the wire and after decompression', parsePositiveInt)
    .option('--no-annotate', 'store extraction only, without the annotation layers');
  addFetchOptions(command, { archive: true }).action(async (options: WatchCommandOptions) => {
    const controller = new AbortController();
    let interrupts = 0;
    const onSigint = (): void => {
      interrupts++;
      if (interrupts > 1) process.exit(130);
      context.io.stderr.write('\nmarsad watch: stopping after the page in hand (Ctrl-C again to quit now)\n');
      controller.abort();
    };
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigint);
    try {
      const { loadPageAnalyzer } = await import('../../app/analyzer.ts');
      await runWatch(options, context, { loadAnalyzer: loadPageAnalyzer, env: process.env, signal: controller.signal });
    } finally {
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigint);
    }
  });
}

/** The command body, with its dependencies injectable for in-process tests. */
export async function runWatch(
  options: WatchCommandOptions,
  context: CommandContext,
  deps: WatchDepsForCli,
): Promise<RoundSummary> {
  // Loaded on use, like every verb's code, so that `marsad --help` and the other verbs start fast.
  const [
    { loadConfig },
    { displayLocation, openConfiguredStore },
    { openFetchClient },
    { afterWriteHooks },
    { runWatchRound },
  ] = await Promise.all([
    import('../../config/load.ts'),
    import('../../app/open-store.ts'),
    import('../../app/fetch-client.ts'),
    import('../../app/after-write.ts'),
    import('../../app/watch-round.ts'),
  ]);
  const config = loadConfig(
    { db: options.db, maxPageBytes: options.maxBytes, allowPrivateNetwork: options.allowPrivateNetwork },
    deps.env,
  );
  const everySeconds = options.every === undefined ? null : parseEvery(options.every);
  const analyze = await deps.loadAnalyzer({ annotate: options.annotate });
  const now = deps.now ?? (() => new Date());
  const store = await openConfiguredStore(config);
  const fetch = await openFetchClient({
    store,
    allowPrivateNetwork: config.allowPrivateNetwork,
    maxBytes: config.maxPageBytes,
    archiveDir: options.archive ?? null,
    resolve: deps.resolve,
    tuning: { ...fetchTuning(options), retry: deps.retry },
    now,
  });
  const printer = eventPrinter(context.io, options.json === true);
  const totals = { sources: 0, pages: 0, articles: 0, failed: 0 };
  // One story updater for the whole run: its in-memory event index is built once, not replayed every round.
  const afterBatch = afterWriteHooks(store);
  try {
    let lastRound = 0;
    do {
      const roundNow = now();
      const runAll =
        options.all === true || (everySeconds !== null && roundNow.getTime() - lastRound >= everySeconds * 1000);
      lastRound = runAll ? roundNow.getTime() : lastRound;
      const round = await runWatchRound(
        {
          store,
          client: fetch.client,
          analyze,
          afterBatch,
          maxBytes: config.maxPageBytes,
          now,
          signal: deps.signal,
          onEvent: printer.event,
        },
        { all: runAll },
      );
      totals.sources += round.sources;
      totals.pages += round.pages;
      totals.articles += round.articles;
      totals.failed += round.failed;
      if (options.once || deps.signal?.aborted) break;
      await idle(await msUntilNextDue(store, { now, everySeconds, lastRound }), deps.signal);
    } while (!deps.signal?.aborted);
  } finally {
    printer.done();
    await fetch.close();
    await store.close();
  }
  if (!options.json) {
    const archive = fetch.archivePath ? `; responses archived in ${fetch.archivePath}` : '';
    context.io.stdout.write(
      `watched ${totals.sources} source round(s) into ${displayLocation(config.dbPath)}: ${totals.pages} pages, ${totals.articles} articles stored, ${totals.failed} failed${archive}\n`,
    );
  }
  if (totals.failed > 0) context.setExitCode(EXIT.failed);
  return totals;
}

async function msUntilNextDue(
  store: Store,
  context: { now: () => Date; everySeconds: number | null; lastRound: number },
): Promise<number> {
  const now = context.now().getTime();
  if (context.everySeconds !== null) return Math.max(1000, context.lastRound + context.everySeconds * 1000 - now);
  const next = Math.min(...(await store.listSources()).map((s) => Date.parse(s.nextRunAt)));
  return Math.min(MAX_IDLE_MS, Math.max(1000, Number.isFinite(next) ? next - now : MAX_IDLE_MS));
}

async function idle(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** JSON lines on stdout, or a one-line progress display on a terminal's stderr (nothing when not a terminal). */
function eventPrinter(io: CliIo, json: boolean): { event: (e: WatchEvent) => void; done: () => void } {
  if (json) return { event: (e) => void io.stdout.write(JSON.stringify(e) + '\n'), done: () => undefined };
  if (!io.stderr.isTTY) return { event: () => undefined, done: () => undefined };
  const count = { pages: 0, stored: 0, failed: 0 };
  let shown = false;
  return {
    event: (e) => {
      if (e.event === 'page') {
        count.pages++;
        if (e.status === 'stored') count.stored++;
        if (e.status === 'failed') count.failed++;
      }
      const where = 'url' in e && e.url ? ` · ${e.url}` : '';
      io.stderr.write(
        `\r\u001b[2Kwatch: ${count.pages} pages, ${count.stored} new, ${count.failed} failed${where}`.slice(0, 200),
      );
      shown = true;
    },
    done: () => {
      if (shown) io.stderr.write('\n');
    },
  };
}
