/** `marsad stories`: lists stored stories (storylines of ≥ 2 articles): id, dates, size, outlets, label; latest first. */
import type { Command } from 'commander';
import type { StorySummary } from '../../app/stories.ts';
import type { CommandContext } from '../io.ts';
import { parsePositiveInt } from '../option-parsers.ts';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, openExistingStore } from '../db-option.ts';

interface StoriesOptions {
  readonly db?: string;
  readonly limit: number;
  readonly offset?: number;
  readonly json?: boolean;
}

/** Default page size: one terminal screen. */
const DEFAULT_LIMIT = 30;
/** Outlets named per line before «+N». */
const OUTLETS_SHOWN = 3;

export function registerStories(program: Command, context: CommandContext): void {
  program
    .command('stories')
    .description('list stored stories: label, dates, outlets, size (latest first)')
    .option(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--limit <n>', 'how many to show', parsePositiveInt, DEFAULT_LIMIT)
    .option('--offset <n>', 'skip this many first', (v: string) => (v === '0' ? 0 : parsePositiveInt(v)))
    .option('--json', 'one JSON object per line')
    .action(async (options: StoriesOptions) => {
      await runStories(options, context, process.env);
    });
}

export async function runStories(
  options: StoriesOptions,
  context: CommandContext,
  env: Readonly<Record<string, string | undefined>>,
): Promise<void> {
  const store = await openExistingStore(options.db, env);
  try {
    const rows = await store.listStories({ limit: options.limit, offset: options.offset ?? 0 });
    const out = context.io.stdout;
    if (options.json) {
      for (const row of rows) out.write(`${JSON.stringify(row)}\n`);
    } else if (rows.length === 0) {
      out.write('no stories yet (a story needs two related articles; run `marsad ingest`)\n');
    } else {
      for (const row of rows) out.write(`${formatStory(row)}\n`);
    }
  } finally {
    await store.close();
  }
}

/** `id  first…last  N articles/M events  outlets  label`. */
export function formatStory(row: StorySummary): string {
  const dates =
    row.firstDate === row.lastDate ? (row.firstDate ?? '—') : `${row.firstDate ?? '—'}…${row.lastDate ?? '—'}`;
  const extra = row.outlets.length > OUTLETS_SHOWN ? ` +${row.outlets.length - OUTLETS_SHOWN}` : '';
  const outlets = row.outlets.length === 0 ? '—' : `${row.outlets.slice(0, OUTLETS_SHOWN).join('، ')}${extra}`;
  return `${row.id}  ${dates.padEnd(21)}  ${`${count(row.articleCount, 'article')}/${count(row.eventCount, 'event')}`.padEnd(22)}  ${outlets}  ${row.label}`;
}

/** «1 event», «6 events». */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
