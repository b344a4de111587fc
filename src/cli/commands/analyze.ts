/**
 * `marsad analyze <files...>`: stores nothing; prints one JSON object per input page, one per line
 * (`{"file", "articles": [...]}`, or `{"file", "error": {"code", "message"}}` with exit code 1).
 */
import type { Command } from 'commander';
import type { AnalyzeOptions } from '../../app/analyze.ts';
import { EXIT, type CommandContext } from '../io.ts';
import { parsePositiveInt } from '../option-parsers.ts';

export interface AnalyzeCommandOptions {
  readonly annotate: boolean;
  readonly maxBytes?: number;
}

export function registerAnalyze(program: Command, context: CommandContext): void {
  program
    .command('analyze')
    .description(
      'extract the articles of pages (files, directories, .jsonl, - for stdin) and print one JSON line per page; stores nothing',
    )
    .argument('<files...>', 'page files or directories; "-" reads one page from stdin')
    .option('--no-annotate', 'extraction only: skip entities, quantities, quotes and times')
    .option('--max-bytes <n>', 'largest page accepted, in bytes', parsePositiveInt)
    .action(async (files: string[], options: AnalyzeCommandOptions) => {
      await runAnalyze(files, options, context);
    });
}

/** The command body (in-process testable): streams pages, one output line each; failures set exit code 1. */
export async function runAnalyze(
  files: readonly string[],
  options: AnalyzeCommandOptions,
  context: CommandContext,
  analyzeOptions: AnalyzeOptions = {},
): Promise<void> {
  // Loaded on use (here and in every verb), so that `marsad --help` and the other verbs start fast.
  const [{ loadConfig }, { analyzeFiles }] = await Promise.all([
    import('../../config/load.ts'),
    import('../../app/analyze.ts'),
  ]);
  const config = loadConfig({ maxPageBytes: options.maxBytes }, process.env);
  for await (const line of analyzeFiles(files, {
    ...analyzeOptions,
    annotate: options.annotate,
    maxBytes: config.maxPageBytes,
  })) {
    if ('error' in line) context.setExitCode(EXIT.failed);
    context.io.stdout.write(`${JSON.stringify(line)}\n`);
  }
}
