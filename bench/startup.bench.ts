/**
 * `npm run bench -- startup`: wall time of whole `./marsad` processes, start to exit: `marsad --help` and a one-page
 * `marsad analyze --no-annotate`. Target (issue 13): under 0.25 s each on the 2-core development machine. Runs each
 * command a few times after one warm-up run (file cache) and prints the median and the fastest run.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../eval/shared-dir.ts';

const RUNS = 7;
const TARGET_SECONDS = 0.25;
const MARSAD = join(REPO_ROOT, 'marsad');
const ONE_PAGE = join(REPO_ROOT, 'examples', 'pages', '01-sahil-desalination.txt');

interface Case {
  readonly name: string;
  readonly args: readonly string[];
}

const CASES: readonly Case[] = [
  { name: 'marsad --help', args: ['--help'] },
  { name: 'marsad analyze --no-annotate <one page>', args: ['analyze', '--no-annotate', ONE_PAGE] },
];

function timeOnce(args: readonly string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [MARSAD, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`marsad ${args.join(' ')} exited with ${run.status}: ${run.stderr}`);
  return seconds;
}

export async function bench(): Promise<void> {
  // Wall time depends on what else runs: print the load so a figure can be read against it.
  console.log(`load average (1 min) at start: ${loadavg()[0]!.toFixed(2)}`);
  for (const { name, args } of CASES) {
    timeOnce(args);
    const times = Array.from({ length: RUNS }, () => timeOnce(args)).sort((a, b) => a - b);
    const median = times[Math.floor(RUNS / 2)]!;
    const verdict = median < TARGET_SECONDS ? 'ok' : 'ABOVE TARGET';
    console.log(
      `${name}: median ${median.toFixed(3)} s, fastest ${times[0]!.toFixed(3)} s over ${RUNS} runs (target < ${TARGET_SECONDS} s: ${verdict})`,
    );
  }
}
