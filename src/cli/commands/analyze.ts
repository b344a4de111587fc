/**
 * `marsad analyze <files...>`: stores nothing; prints one JSON object per input page, one per line
 * (`{"file", "articles": [...]}`, or `{"file", "error": {"code", "message"}}` with exit code 1).
 */
import type { Command } from 'commander';
import { isEngineError } from '../../core/errors.ts';
import { loadConfig } from '../../config/load.ts';
import { readPages, type PageResult } from '../../ingest/read-pages.ts';
import { analyzePage, toAnalyzeJson, type AnalyzeOptions } from '../../pipeline/analyze-page.ts';
import { EXIT, type CommandContext } from '../io.ts';
import { readFileSync } from 'node:fs';
import { loadOutletDomains } from '../../extract/lexicons/news-domains.ts';
import { parsePositiveInt } from './ingest.ts';

export interface AnalyzeCommandOptions {
  readonly annotate: boolean;
  readonly maxBytes?: number;
}

export function registerAnalyze(program: Command, context: CommandContext): void {
  program
    .command('analyze')
    .description('extract the articles of pages (files, directories, .jsonl, - for stdin) and print one JSON line per page; stores nothing')
    .argument('<files...>', 'page files or directories; "-" reads one page from stdin')
    .option('--no-annotate', 'extraction only: skip entities, quantities, quotes and times')
    .option('--max-bytes <n>', 'largest page accepted, in bytes', parsePositiveInt)
    .action(async (files: string[], options: AnalyzeCommandOptions) => {
      await runAnalyze(files, options, context);
    });
}

/** The command body (in-process testable): streams pages, one output line each; failures set exit code 1. */
export async function runAnalyze(files: readonly string[], options: AnalyzeCommandOptions, context: CommandContext, analyzeOptions: AnalyzeOptions = {}): Promise<void> {
  const config = loadConfig({ maxPageBytes: options.maxBytes }, process.env);
  // More «host → outlet name» entries for pages that do not name their site (docs/extract.md).
  if (process.env.MARSAD_OUTLET_DOMAINS) loadOutletDomains(readFileSync(process.env.MARSAD_OUTLET_DOMAINS, 'utf8'));
  for await (const result of readPages(files, { maxBytes: config.maxPageBytes })) {
    const line = analyzeResult(result, { ...analyzeOptions, annotate: options.annotate });
    if ('error' in line) context.setExitCode(EXIT.failed);
    context.io.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

type ErrorLine = { readonly file: string; readonly error: { readonly code: string; readonly message: string } };

/** One page's output line; a page that cannot be read or analysed becomes an error line, never a crash. */
function analyzeResult(result: PageResult, options: AnalyzeOptions): ReturnType<typeof toAnalyzeJson> | ErrorLine {
  if (!result.ok) return { file: result.source, error: { code: result.error.code, message: result.error.message } };
  try {
    return toAnalyzeJson(result.source, analyzePage(result.page, options));
  } catch (error) {
    // Boundary handler: one bad page is reported on its own line and the batch goes on.
    const code = isEngineError(error) ? error.code : 'analyze/failed';
    return { file: result.source, error: { code, message: error instanceof Error ? error.message : String(error) } };
  }
}
