/**
 * article-extraction-benchmark (`../shared/data/article-extraction-benchmark`, 181 real pages from many sites):
 * loads the gzipped pages and ground truth, splits them deterministically into a development part and a held-out
 * block (by a hash of the file name, never by site or content), and scores bodies with the benchmark's own metric
 * (evaluate.py: F1 over 4-token shingles per page, each page weighing the same), re-implemented here.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface BenchmarkPage {
  /** File name without `.html.gz` (the ground-truth key). */
  readonly key: string;
  readonly html: string;
  readonly truth: string;
  readonly url: string;
  /** In the held-out block (about one page in five), scored once at the end of a change, never inspected. */
  readonly heldOut: boolean;
}

/** Published F1 on this set and metric (the benchmark's README, latest run). */
export const PUBLISHED_F1: readonly (readonly [string, number])[] = [
  ['rs_trafilatura', 0.97],
  ['trafilatura 2.0.0', 0.958],
  ['newspaper4k', 0.949],
  ['news-please', 0.948],
  ['Readability.js', 0.947],
  ['readability-lxml', 0.922],
  ['goose3', 0.896],
  ['jusText', 0.804],
];

/** One page in five is held out: the first byte of sha256("marsad-holdout:" + key) modulo 5 is 0. */
export function isHeldOut(key: string): boolean {
  return createHash('sha256').update(`marsad-holdout:${key}`).digest()[0]! % 5 === 0;
}

/** The benchmark's pages, or null when the data set is absent. Pages are decoded as UTF-8 (as the benchmark does). */
export function loadBenchmark(sharedDir: string): BenchmarkPage[] | null {
  const dir = join(sharedDir, 'data', 'article-extraction-benchmark');
  if (!existsSync(join(dir, 'ground-truth.json'))) return null;
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody?: string; url?: string }
  >;
  return readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((file) => {
      const key = file.replace(/\.html\.gz$/u, '');
      return {
        key,
        html: gunzipSync(readFileSync(join(dir, 'html', file))).toString('utf8'),
        truth: truth[key]?.articleBody ?? '',
        url: truth[key]?.url ?? '',
        heldOut: isHeldOut(key),
      };
    });
}

/** evaluate.py's tokens: `\w+` (letters, digits, underscore). */
const WORD_RE = /[\p{L}\p{N}_]+/gu;

function shingles(text: string): Map<string, number> {
  const tokens = text.match(WORD_RE) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - 3); i++) {
    const shingle = tokens.slice(i, i + 4);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface ShingleCounts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

/** Normalised TP/FP/FN over 4-token shingles of one page (evaluate.py `string_shingle_matching`). */
export function shingleMatch(truth: string, predicted: string): ShingleCounts {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(key) ?? 0;
    const b = p.get(key) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precisionOf({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1;
  return tp === 0 && fp === 0 ? 0 : tp / (tp + fp);
}

function recallOf({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1;
  return tp === 0 && fn === 0 ? 0 : tp / (tp + fn);
}

/** Page F1 (for listing the weakest pages); the set figure is evaluate.py's F1 of mean precision and mean recall. */
export function pageF1(counts: ShingleCounts): number {
  const p = precisionOf(counts);
  const r = recallOf(counts);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** evaluate.py `metrics_from_tp_fp_fns`: mean precision over pages that predicted something, mean recall over pages with truth. */
export function setMetrics(pages: readonly ShingleCounts[]): { f1: number; precision: number; recall: number } {
  const ps = pages.filter((c) => c.tp + c.fp > 0).map(precisionOf);
  const rs = pages.filter((c) => c.tp + c.fn > 0).map(recallOf);
  const precision = ps.length === 0 ? 0 : ps.reduce((a, b) => a + b, 0) / ps.length;
  const recall = rs.length === 0 ? 0 : rs.reduce((a, b) => a + b, 0) / rs.length;
  return { f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), precision, recall };
}
