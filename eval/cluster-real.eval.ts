/**
 * `marsad cluster` on the real development sets in ../shared/gold/clusters/ (hand-labelled event clusters and
 * storylines of real Arabic news): each set's articles are written as pages by the set's own `make_pages.py`,
 * clustered exactly as `marsad cluster` does (app/cluster.ts with the production analyzer), and scored by the set's
 * `score_bcubed.py` (event B-cubed) and `score_storylines.py` (storyline B-cubed). Needs python3; skipped without it.
 * Metrics per set: `<set>.events.bcubed_f1`, `<set>.events.pair_f1`, `<set>.storylines.bcubed_f1` (and P/R).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadPageAnalyzer } from '../src/app/analyzer.ts';
import { clusterPages } from '../src/app/cluster.ts';
import { noteGoldInput } from './gold-inputs.ts';

/** `marsad cluster`'s default page size limit. */
const MAX_PAGE_BYTES = 5_000_000;

function python(script: string, args: readonly string[]): string {
  const run = spawnSync('python3', [script, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`python3 ${basename(script)} failed: ${run.stderr || run.error?.message}`);
  return run.stdout;
}

/** `key=value key=value` (the scorers' output line) → numbers. */
function keyValues(line: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pair of line.trim().split(/\s+/u)) {
    const [key, value] = pair.split('=');
    if (key && value !== undefined && !Number.isNaN(Number(value))) out[key] = Number(value);
  }
  return out;
}

export async function evaluate(sharedDir: string): Promise<{ metrics: Record<string, number> }> {
  const dir = join(sharedDir, 'gold', 'clusters');
  if (!existsSync(dir)) return { metrics: {} };
  if (spawnSync('python3', ['--version']).status !== 0) {
    console.log('  python3 not found: the real cluster sets are not scored');
    return { metrics: {} };
  }
  const tools = ['make_pages.py', 'score_bcubed.py', 'score_storylines.py'].map((f) => join(dir, f));
  for (const tool of tools) noteGoldInput(tool);
  const [makePages, scoreEvents, scoreStorylines] = tools as [string, string, string];
  const analyze = await loadPageAnalyzer({ annotate: true });
  const metrics: Record<string, number> = {};
  for (const file of readdirSync(dir)
    .filter((f) => /^clusters-.*\.json$/u.test(f))
    .sort()) {
    const gold = join(dir, file);
    noteGoldInput(gold);
    // make_pages.py reads the articles from the set's source corpus under shared/data.
    const { source_file: source } = JSON.parse(readFileSync(gold, 'utf8')) as { source_file: string };
    noteGoldInput(join(sharedDir, 'data', source));
    const set = file.replace(/^clusters-/u, '').replace(/\.json$/u, '');
    const work = mkdtempSync(join(tmpdir(), 'marsad-cluster-real-'));
    try {
      const pages = join(work, 'pages');
      python(makePages, [gold, pages]);
      let failed = 0;
      const started = performance.now();
      const json = await clusterPages([pages], {
        maxBytes: MAX_PAGE_BYTES,
        analyze,
        onPageError: () => {
          failed++;
        },
      });
      const seconds = (performance.now() - started) / 1000;
      const predicted = join(work, 'predicted.json');
      writeFileSync(predicted, JSON.stringify(json));
      const events = keyValues(python(scoreEvents, [gold, predicted]));
      const stories = keyValues(python(scoreStorylines, [gold, predicted]));
      Object.assign(metrics, {
        [`${set}.events.bcubed_p`]: events.bcubed_p,
        [`${set}.events.bcubed_r`]: events.bcubed_r,
        [`${set}.events.bcubed_f1`]: events.bcubed_f1,
        [`${set}.events.pair_f1`]: events.pair_f1,
        [`${set}.storylines.bcubed_p`]: stories.storyline_bcubed_p,
        [`${set}.storylines.bcubed_r`]: stories.storyline_bcubed_r,
        [`${set}.storylines.bcubed_f1`]: stories.storyline_bcubed_f1,
      });
      console.log(
        `  ${set}: ${events.n} articles (${failed} pages failed) clustered in ${seconds.toFixed(1)} s; events B-cubed F1 ${events.bcubed_f1?.toFixed(4)} (P ${events.bcubed_p?.toFixed(4)} R ${events.bcubed_r?.toFixed(4)}), storylines B-cubed F1 ${stories.storyline_bcubed_f1?.toFixed(4)}`,
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return { metrics };
}
