/**
 * `marsad sources add|list|show|remove`: the outlets `marsad watch` follows. `add` fetches the URL to learn whether
 * it is a feed, a sitemap or a home page (whose feeds and sitemaps it discovers); `show` prints the source's health.
 */
import type { Command } from 'commander';
import type { Store } from '../../app/open-store.ts';
import { formatEvery, parseEvery } from '../../app/schedule.ts';
import { EngineError } from '../../core/errors.ts';
import type { Resolver } from '../../app/fetch-client.ts';
import type { SourceHealth, SourceSummary } from '../../app/sources.ts';
import { DB_OPTION_FLAGS, DB_OPTION_HELP } from '../db-option.ts';
import { addFetchOptions, fetchTuning, type FetchCommandOptions } from '../fetch-options.ts';
import type { CliIo, CommandContext } from '../io.ts';

interface AddOptions extends FetchCommandOptions {
  readonly db?: string;
  readonly name?: string;
  readonly every?: string;
  readonly check: boolean;
  readonly json?: boolean;
}

export interface SourcesDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly resolve?: Resolver;
  readonly now?: () => Date;
}

export function registerSources(
  program: Command,
  context: CommandContext,
  deps: SourcesDeps = { env: process.env },
): void {
  const sources = program
    .command('sources')
    .description('the news sources `marsad watch` follows: add, list, show, remove');
  const add = sources
    .command('add')
    .description("add a feed (RSS, Atom, JSON Feed), a news sitemap or sitemap index, or a site's home page")
    .argument('<url>', 'feed, sitemap or home page URL')
    .option(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--name <name>', 'a display name, e.g. «الوطن»')
    .option('--every <duration>', 'how often to check it: 15m (default), 1h, 1d…')
    .option('--no-check', 'store it without fetching it now (discovered on its first round)')
    .option('--json', 'print the source as JSON');
  addFetchOptions(add, { archive: false }).action(async (url: string, options: AddOptions) => {
    const source = await runSourcesAdd(url, options, deps);
    writeSource(context.io, source, options.json === true);
  });
  sources
    .command('list')
    .description('list sources with their last run and counts')
    .option(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--json', 'one JSON array')
    .action(async (options: { db?: string; json?: boolean }) => {
      const list = await withStore(options.db, deps, (store) => store.listSources());
      if (options.json) return void context.io.stdout.write(JSON.stringify(list) + '\n');
      if (list.length === 0)
        return void context.io.stdout.write('no sources; add one with `marsad sources add <url>`\n');
      for (const s of list) context.io.stdout.write(`${summaryLine(s)}\n`);
    });
  sources
    .command('show')
    .description('one source with its health: last fetch, next run, counts, errors, articles per day')
    .argument('<id>', 'source id or unique prefix')
    .option(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--json', 'as JSON')
    .action(async (id: string, options: { db?: string; json?: boolean }) => {
      const health = await withStore(options.db, deps, async (store) => {
        const found = await store.getSource(id);
        return found ? store.sourceHealth(found.id) : null;
      });
      if (!health) throw new EngineError('store/not-found', `No source ${id}; see \`marsad sources list\`.`);
      if (options.json) return void context.io.stdout.write(JSON.stringify(health) + '\n');
      writeHealth(context.io, health);
    });
  sources
    .command('remove')
    .description('stop following a source (its stored articles stay)')
    .argument('<id>', 'source id or unique prefix')
    .option(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .action(async (id: string, options: { db?: string }) => {
      const removed = await withStore(options.db, deps, async (store) => {
        const found = await store.getSource(id);
        return found && (await store.removeSource(found.id)) ? found : null;
      });
      if (!removed) throw new EngineError('store/not-found', `No source ${id}; see \`marsad sources list\`.`);
      context.io.stdout.write(`removed ${removed.id} ${removed.url}\n`);
    });
}

/** `sources add`: validates, discovers (unless --no-check) and stores. */
export async function runSourcesAdd(url: string, options: AddOptions, deps: SourcesDeps): Promise<SourceSummary> {
  // Loaded on use, like every verb's code, so that `marsad --help` and the other verbs start fast.
  const [{ loadConfig }, { openConfiguredStore }, { openFetchClient }, { addSource }] = await Promise.all([
    import('../../config/load.ts'),
    import('../../app/open-store.ts'),
    import('../../app/fetch-client.ts'),
    import('../../app/sources.ts'),
  ]);
  const config = loadConfig({ db: options.db, allowPrivateNetwork: options.allowPrivateNetwork }, deps.env);
  const everySeconds = options.every === undefined ? undefined : parseEvery(options.every);
  const now = deps.now ?? (() => new Date());
  const store = await openConfiguredStore(config);
  const fetch = options.check
    ? await openFetchClient({
        store,
        allowPrivateNetwork: config.allowPrivateNetwork,
        maxBytes: config.maxPageBytes,
        archiveDir: null,
        resolve: deps.resolve,
        tuning: fetchTuning(options),
        now,
      })
    : null;
  try {
    return await addSource(store, { url, name: options.name, everySeconds, now: now() }, fetch?.client ?? null);
  } finally {
    await fetch?.close();
    await store.close();
  }
}

async function withStore<T>(db: string | undefined, deps: SourcesDeps, fn: (store: Store) => Promise<T>): Promise<T> {
  const [{ loadConfig }, { openConfiguredStore }] = await Promise.all([
    import('../../config/load.ts'),
    import('../../app/open-store.ts'),
  ]);
  const store = await openConfiguredStore(loadConfig({ db }, deps.env), { mustExist: true });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function summaryLine(s: SourceSummary): string {
  const last = s.lastRunAt ? `${s.lastStatus} ${s.lastRunAt}` : 'not run yet';
  return `${s.id}  ${s.kind.padEnd(7)} every ${formatEvery(s.everySeconds).padEnd(4)} ${s.articlesStored} articles, ${s.itemsPending} queued, ${s.itemsFailed} failed  ${last}  ${s.name ?? ''} ${s.url}`.trimEnd();
}

function writeSource(io: CliIo, source: SourceSummary, json: boolean): void {
  if (json) return void io.stdout.write(JSON.stringify(source) + '\n');
  io.stdout.write(`added ${source.id} (${source.kind}, every ${formatEvery(source.everySeconds)}) ${source.url}\n`);
  for (const endpoint of source.endpoints) io.stdout.write(`  ${endpoint.kind}: ${endpoint.url}\n`);
}

function writeHealth(io: CliIo, h: SourceHealth): void {
  const lines = [
    `${h.id}  ${h.name ?? ''} ${h.url}`.replace(/\s+/gu, ' '),
    `kind ${h.kind}, every ${formatEvery(h.everySeconds)}; last run ${h.lastRunAt ?? 'never'} (${h.lastStatus ?? '-'}), next run ${h.nextRunAt}`,
    `links seen ${h.itemsSeen}, queued ${h.itemsPending}, failed ${h.itemsFailed}; articles stored ${h.articlesStored}`,
    ...h.endpoints.map((e) => `  ${e.kind}: ${e.url}`),
    ...(h.articlesPerDay.length > 0
      ? ['articles per day:', ...h.articlesPerDay.map((d) => `  ${d.day}  ${d.articles}`)]
      : []),
    ...(h.errors.length > 0
      ? ['errors (latest first):', ...h.errors.map((e) => `  ${e.at}  [${e.code}] ${e.url ?? ''} ${e.message}`)]
      : []),
  ];
  io.stdout.write(lines.join('\n') + '\n');
}
