/**
 * Identity check of clustering changes that must not change results (issue 18): prints the SHA-256 of the full
 * `clusterArticles` JSON for each real corpus in ../shared (egy-news-2013, SaudiNewsNet; unbounded and through the
 * spill file with a 2-day window) and, with IDENTITY_ANNOTATED=<file,...>, for cached annotated window inputs
 * (the `<name>-inputs.json` files that `eval/run.ts realday` writes under $MARSAD_REALDAY_CACHE).
 * Run before and after a change and compare the lines: `npx tsx bench/cluster-identity.ts`.
 * IDENTITY_CASES=egy,snn,annotated,bounded selects parts. Skips without ../shared.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { findSharedDir } from '../eval/shared-dir.ts';
import { clusterArticles, type ClusterInput } from '../src/corpus/index.ts';
import { openEventArchiveFile } from '../src/store/sqlite/event-archive-file.ts';
import { readNewsCorpus, recordToInput } from '../scripts/news-corpus.ts';

const cases = (process.env.IDENTITY_CASES ?? 'egy,snn,annotated,bounded').split(',');

function digest(name: string, inputs: readonly ClusterInput[], bounded: boolean): void {
  const cpu = process.cpuUsage();
  const archive = bounded ? openEventArchiveFile() : undefined;
  const result = clusterArticles(inputs, archive ? { archive } : {});
  archive?.close();
  const used = process.cpuUsage(cpu);
  const hash = createHash('sha256').update(JSON.stringify(result)).digest('hex');
  console.log(
    `${name.padEnd(36)} ${String(inputs.length).padStart(6)} articles  ${hash}  (CPU ${((used.user + used.system) / 1e6).toFixed(1)} s)`,
  );
}

const shared = findSharedDir();
if (!shared) console.log('cluster identity: ../shared not found; skipped.');
else {
  for (const name of ['egy-news-2013', 'saudinewsnet'] as const) {
    if (!cases.includes(name === 'egy-news-2013' ? 'egy' : 'snn')) continue;
    const inputs = (await readNewsCorpus(shared, name)).records.map(recordToInput);
    digest(name, inputs, false);
    if (cases.includes('bounded')) digest(`${name} (spill file, 2-day window)`, inputs, true);
  }
  if (cases.includes('annotated'))
    for (const file of (process.env.IDENTITY_ANNOTATED ?? '').split(',').filter(Boolean)) {
      const { inputs } = JSON.parse(readFileSync(file, 'utf8')) as { inputs: ClusterInput[] };
      digest(`annotated ${basename(file)}`, inputs, false);
      if (cases.includes('bounded')) digest(`annotated ${basename(file)} (spill file)`, inputs, true);
    }
}
