/**
 * `marsad cluster <files...>`: analyses the pages (with annotation), clusters their articles into event
 * clusters and storylines with timeline and claims, and prints one JSON object. Stores nothing.
 */
import type { Command } from 'commander';
import { loadPageAnalyzer } from '../../app/analyzer.ts';
import type { PageAnalyzer } from '../../app/ingest.ts';
import { loadConfig } from '../../config/load.ts';
import { clusterArticles } from '../../corpus/index.ts';
import { toClusterJson } from '../../corpus/cluster-json.ts';
import { toClusterInput } from '../../corpus/input.ts';
import type { ClusterInput } from '../../corpus/types.ts';
import { readPages } from '../../ingest/read-pages.ts';
import { EXIT, type CommandContext } from '../io.ts';
import { parsePositiveInt } from './ingest.ts';

export interface ClusterDeps {
  readonly loadAnalyzer: (options: { annotate: boolean }) => Promise<PageAnalyzer>;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function registerCluster(program: Command, context: CommandContext): void {
  program
    .command('cluster')
    .description('cluster the articles of the given pages into events and storylines (timeline, claims); prints JSON, stores nothing')
    .argument('<files...>', 'page files or directories')
    .option('--max-bytes <n>', 'largest page accepted, in bytes', parsePositiveInt)
    .action(async (files: string[], options: { maxBytes?: number }) => {
      await runCluster(files, options, context, { loadAnalyzer: loadPageAnalyzer, env: process.env });
    });
}

/** The command body, dependencies injectable for in-process tests. Article ids are `<file>#<index>`. */
export async function runCluster(files: readonly string[], options: { maxBytes?: number }, context: CommandContext, deps: ClusterDeps): Promise<void> {
  const config = loadConfig({ maxPageBytes: options.maxBytes }, deps.env);
  const analyze = await deps.loadAnalyzer({ annotate: true });
  const inputs: ClusterInput[] = [];
  for await (const result of readPages(files, { maxBytes: config.maxPageBytes })) {
    if (!result.ok) {
      context.io.stderr.write(`marsad cluster: ${result.source}: ${result.error.message}\n`);
      context.setExitCode(EXIT.failed);
      continue;
    }
    try {
      analyze(result.page).articles.forEach((article, index) => inputs.push(toClusterInput(`${result.source}#${index}`, article)));
    } catch (error) {
      // Batch boundary: one page that cannot be analysed is reported and the others are clustered.
      context.io.stderr.write(`marsad cluster: ${result.source}: ${error instanceof Error ? error.message : String(error)}\n`);
      context.setExitCode(EXIT.failed);
    }
  }
  const outlets = new Map(inputs.map((input) => [input.id, input.outlet] as const));
  const json = toClusterJson(clusterArticles(inputs), (id) => outlets.get(id) ?? null);
  context.io.stdout.write(`${JSON.stringify(json)}\n`);
}
