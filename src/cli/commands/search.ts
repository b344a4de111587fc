/** `marsad search "<query>"`: full-text search over stored articles with filters; `--json` prints the response object. */
import { isCalendarDay } from '../../core/calendar.ts';
import type { Command } from 'commander';
import type { SearchHit, SearchResponse } from '../../app/search.ts';
import type { Span } from '../../core/span.ts';
import { EngineError } from '../../core/errors.ts';
import type { CommandContext } from '../io.ts';
import { parsePositiveInt } from '../option-parsers.ts';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, openExistingStore } from '../db-option.ts';

interface SearchCommandOptions {
  readonly db?: string;
  readonly json?: boolean;
  readonly outlet?: string;
  readonly from?: string;
  readonly to?: string;
  readonly entity?: string;
  readonly storyline?: string;
  readonly page?: number;
  readonly pageSize?: number;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/u;

export function registerSearch(program: Command, context: CommandContext): void {
  program
    .command('search')
    .description(
      'search stored articles: words, "phrases", -exclusions, prefix*; spelling variants match (الأمريكية ~ الأميركية)',
    )
    .argument('<query...>', 'the query (quote it in the shell)')
    .option(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--outlet <name>', 'only articles from this outlet')
    .option('--from <date>', 'published on or after YYYY-MM-DD')
    .option('--to <date>', 'published on or before YYYY-MM-DD')
    .option('--entity <id>', 'only articles mentioning this entity id')
    .option('--storyline <id>', 'only articles of this storyline')
    .option('--page <n>', '1-based results page', parsePositiveInt)
    .option('--page-size <n>', 'hits per page (at most 100)', parsePositiveInt)
    .option('--json', 'print the whole response as one JSON object')
    .action(async (words: string[], options: SearchCommandOptions) => {
      await runSearch(words.join(' '), options, context, process.env);
    });
}

export async function runSearch(
  query: string,
  options: SearchCommandOptions,
  context: CommandContext,
  env: Readonly<Record<string, string | undefined>>,
): Promise<void> {
  for (const [name, value] of [
    ['--from', options.from],
    ['--to', options.to],
  ] as const) {
    if (value !== undefined && (!ISO_DAY.test(value) || !isCalendarDay(value)))
      throw new EngineError('usage/invalid', `${name} must be a real calendar date YYYY-MM-DD, got «${value}».`);
  }
  const store = await openExistingStore(options.db, env);
  try {
    const { searchStoredArticles } = await import('../../app/search.ts');
    const response = await searchStoredArticles(store, {
      query,
      outlet: options.outlet,
      from: options.from,
      to: options.to,
      entityId: options.entity,
      storylineId: options.storyline,
      page: options.page,
      pageSize: options.pageSize,
    });
    const out = context.io.stdout;
    if (options.json) out.write(JSON.stringify(response) + '\n');
    else out.write(formatResponse(response, out.isTTY === true));
  } finally {
    await store.close();
  }
}

/** Marks highlighted spans: bold on a terminal, [brackets] otherwise. */
export function markHighlights(text: string, spans: readonly Span[], isTty: boolean): string {
  const [open, close] = isTty ? ['\u001b[1;33m', '\u001b[0m'] : ['[', ']'];
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + open + text.slice(span.start, span.end) + close;
    at = span.end;
  }
  return out + text.slice(at);
}

function formatHit(hit: SearchHit, rank: number, isTty: boolean): string {
  const headline = hit.headline ? markHighlights(hit.headline, hit.headlineHighlights, isTty) : '(no headline)';
  const snippet = `${hit.snippet.truncatedStart ? '… ' : ''}${markHighlights(hit.snippet.text, hit.snippet.highlights, isTty).replace(/\n/gu, ' ')}${hit.snippet.truncatedEnd ? ' …' : ''}`;
  const meta = `${hit.articleId}  ${hit.published ?? '—'}  ${hit.outlet ?? '—'}  score ${hit.score.toFixed(2)}`;
  return `${rank}. ${headline}\n   ${meta}\n   ${snippet}\n`;
}

/** The human-readable results page. */
export function formatResponse(response: SearchResponse, isTty: boolean): string {
  if (response.clauses.length === 0)
    return `nothing to search for in «${response.query}» (only stop words or exclusions)\n`;
  const pages = Math.max(1, Math.ceil(response.total / response.pageSize));
  const head = `${response.total} result${response.total === 1 ? '' : 's'} for «${response.query}» (page ${response.page}/${pages})\n`;
  const first = (response.page - 1) * response.pageSize;
  return head + response.hits.map((hit, i) => formatHit(hit, first + i + 1, isTty)).join('');
}
