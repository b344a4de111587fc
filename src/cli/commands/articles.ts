/** `marsad articles`: lists stored articles (id, date, outlet, headline), newest first; `--json` for one object per line. */
import type { Command } from 'commander';
import type { ArticleSummary } from '../../app/articles.ts';
import type { CommandContext } from '../io.ts';
import { parsePositiveInt } from '../option-parsers.ts';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, openExistingStore } from '../db-option.ts';

interface ArticlesOptions {
  readonly db?: string;
  readonly limit: number;
  readonly offset?: number;
  readonly outlet?: string;
  readonly json?: boolean;
}

/** Default page size: one terminal screen. */
const DEFAULT_LIMIT = 50;
/** Outlet column width in characters; longer names are cut with an ellipsis. */
const OUTLET_WIDTH = 22;

export function registerArticles(program: Command, context: CommandContext): void {
  program
    .command('articles')
    .description('list stored articles: id, date, outlet, headline (newest first)')
    .option(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--limit <n>', 'how many to show', parsePositiveInt, DEFAULT_LIMIT)
    .option('--offset <n>', 'skip this many first', (v: string) => (v === '0' ? 0 : parsePositiveInt(v)))
    .option('--outlet <name>', 'only articles from this outlet')
    .option('--json', 'one JSON object per line')
    .action(async (options: ArticlesOptions) => {
      await runArticles(options, context, process.env);
    });
}

export async function runArticles(
  options: ArticlesOptions,
  context: CommandContext,
  env: Readonly<Record<string, string | undefined>>,
): Promise<void> {
  const store = await openExistingStore(options.db, env);
  try {
    const rows = await store.listArticles({
      limit: options.limit,
      offset: options.offset ?? 0,
      outlet: options.outlet,
    });
    const out = context.io.stdout;
    if (options.json) {
      for (const row of rows) out.write(JSON.stringify(row) + '\n');
      return;
    }
    if (rows.length === 0) {
      out.write(`no articles (${await store.countArticles()} stored)\n`);
      return;
    }
    for (const row of rows) out.write(formatRow(row) + '\n');
  } finally {
    await store.close();
  }
}

/** One table line: `id  date  outlet  headline`; the headline goes last because its length varies most. */
export function formatRow(row: ArticleSummary): string {
  const date = (row.published?.date ?? '—').padEnd(10);
  const outlet = fit(row.outlet ?? '—', OUTLET_WIDTH);
  return `${row.id}  ${date}  ${outlet}  ${row.headline ?? '(no headline)'}`;
}

function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length > width ? chars.slice(0, width - 1).join('') + '…' : text + ' '.repeat(width - chars.length);
}
