/**
 * `marsad cluster` as a use case: analyses pages (with annotation) and clusters their articles into event clusters and
 * storylines with timeline and claims (the public cluster JSON). Article ids are `<file>#<index>`. Stores nothing:
 * events that leave the clustering window are spilled to a temporary file, deleted at the end (issue 18).
 */
import { toClusterJson, type ClusterJson } from '../corpus/cluster-json.ts';
import { clusterArticles } from '../corpus/index.ts';
import { toClusterInput } from '../corpus/input.ts';
import type { ClusterInput } from '../corpus/types.ts';
import { readPages } from '../ingest/read-pages.ts';
import { openEventArchiveFile } from '../store/sqlite/event-archive-file.ts';
import type { PageAnalyzer } from './ingest.ts';

export type { ClusterJson } from '../corpus/cluster-json.ts';

export interface ClusterPagesOptions {
  readonly maxBytes: number;
  readonly analyze: PageAnalyzer;
  /** Called for each page that cannot be read or analysed; the others are clustered. */
  readonly onPageError: (source: string, message: string) => void;
}

export async function clusterPages(files: readonly string[], options: ClusterPagesOptions): Promise<ClusterJson> {
  const inputs: ClusterInput[] = [];
  for await (const result of readPages(files, { maxBytes: options.maxBytes })) {
    if (!result.ok) {
      options.onPageError(result.source, result.error.message);
      continue;
    }
    try {
      options
        .analyze(result.page)
        .articles.forEach((article, index) => inputs.push(toClusterInput(`${result.source}#${index}`, article)));
    } catch (error) {
      // Batch boundary: one page that cannot be analysed is reported and the others are clustered.
      options.onPageError(result.source, error instanceof Error ? error.message : String(error));
    }
  }
  const outlets = new Map(inputs.map((input) => [input.id, input.outlet] as const));
  const archive = openEventArchiveFile();
  try {
    return toClusterJson(clusterArticles(inputs, { archive }), (id) => outlets.get(id) ?? null);
  } finally {
    archive.close();
  }
}
