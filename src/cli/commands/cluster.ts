/**
 * `marsad cluster <files...>`: analyses the pages (with annotation), clusters their articles into event
 * clusters and storylines with timeline and claims, and prints one JSON object. Stores nothing.
 */
import type { Command } from 'commander';
import type { PageAnalyzer } from '../../app/ingest.ts';
import { EXIT, type CommandContext } from '../io.ts';
import { parsePositiveInt } from '../option-parsers.ts';

export interface ClusterDeps {
  readonly loadAnalyzer: (options: { annotate: boolean }) => Promise<PageAnalyzer>;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function registerCluster(program: Command, context: CommandContext): void {
  program
    .command('cluster')
    .description(
      'cluster the articles of the given pages into events and storylines (timeline, claims); prints JSON, stores nothing',
    )
    .argument('<files...>', 'page files or directories')
    .option('--max-bytes <n>', 'largest page accepted, in bytes', parsePositiveInt)
    .action(async (files: string[], options: { maxBytes?: number }) => {
      const { loadPageAnalyzer } = await import('../../app/analyzer.ts');
      await runCluster(files, options, context, { loadAnalyzer: loadPageAnalyzer, env: process.env });
    });
}

/** The command body, dependencies injectable for in-process tests. Article ids are `<file>#<index>`. */
export async function runCluster(
  files: readonly string[],
  options: { maxBytes?: number },
  context: CommandContext,
  deps: ClusterDeps,
): Promise<void> {
  const [{ loadConfig }, { clusterPages }] = await Promise.all([
    import('../../config/load.ts'),
    import('../../app/cluster.ts'),
  ]);
  const config = loadConfig({ maxPageBytes: options.maxBytes }, deps.env);
  const json = await clusterPages(files, {
    maxBytes: config.maxPageBytes,
    analyze: await deps.loadAnalyzer({ annotate: true }),
    onPageError: (source, message) => {
      context.io.stderr.write(`marsad cluster: ${source}: ${message}\n`);
      context.setExitCode(EXIT.failed);
    },
  });
  context.io.stdout.write(`${JSON.stringify(json)}\n`);
}
