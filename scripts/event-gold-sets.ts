/**
 * The event-cluster development sets of ../shared/gold/clusters as the event-model scripts read them
 * (scripts/train-event-model.ts, scripts/event-errors.ts): the window's analysed inputs from the realday cache
 * (`MARSAD_REALDAY_CACHE=<dir> npx tsx eval/run.ts realday` fills it), the gold cluster of each labelled id, the
 * development / held-out split and the scorer (score_bcubed.py's definitions).
 *
 * Held-out block: a fifth of the gold clusters of each set, chosen by a seeded hash of the cluster's smallest article
 * id (not by its position, and the same whatever order the file lists clusters in). No fit or choice reads it;
 * `train-event-model.ts --final` scores it once.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { articleFeatures, type ArticleFeatures } from '../src/corpus/cluster/event-index.ts';
import type { ClusterInput } from '../src/corpus/types.ts';

export const SHARED = process.env.MARSAD_SHARED ?? join(import.meta.dirname, '..', '..', 'shared');

export const GOLD_SETS = [
  { name: 'egy', clusters: 'clusters-egy-2013-02-09_10.json' },
  { name: 'snn', clusters: 'clusters-saudinewsnet-2015-08-06_07.json' },
] as const;

/** Seed of the held-out hash (changing it draws another held-out block: do not, once a block has been reported). */
const HELD_OUT_SEED = 'marsad-events-heldout-2026-12';

export interface GoldSet {
  readonly name: string;
  readonly inputs: ClusterInput[];
  readonly features: ArticleFeatures[];
  /** Gold cluster index of each labelled article id. */
  readonly goldOf: Map<string, number>;
  /** Gold cluster index → development fold 0..4 (k-fold by gold cluster within the development part). */
  readonly foldOf: Map<number, number>;
  readonly dev: Set<string>;
  readonly heldOut: Set<string>;
}

export const goldId = (ref: string): string => basename(ref.replace(/#\d*$/u, '')).replace(/\.txt$/u, '');

/** FNV-1a 32-bit hash of a string (seeded by prefixing). */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function loadGoldSet(name: string, clustersFile: string, cacheDir: string): GoldSet {
  const gold = JSON.parse(readFileSync(join(SHARED, 'gold/clusters', clustersFile), 'utf8')) as {
    clusters: { articles: string[] }[];
  };
  const goldOf = new Map<string, number>();
  const foldOf = new Map<number, number>();
  const dev = new Set<string>();
  const heldOut = new Set<string>();
  gold.clusters.forEach((c, k) => {
    const key = [...c.articles].sort()[0] ?? String(k);
    const held = fnv(`${HELD_OUT_SEED}:${key}`) % 5 === 0;
    foldOf.set(k, fnv(`${HELD_OUT_SEED}:fold:${key}`) % 5);
    for (const a of c.articles) {
      goldOf.set(a, k);
      (held ? heldOut : dev).add(a);
    }
  });
  const { inputs } = JSON.parse(readFileSync(join(cacheDir, `${name}-inputs.json`), 'utf8')) as {
    inputs: ClusterInput[];
  };
  return { name, inputs, features: inputs.map(articleFeatures), goldOf, foldOf, dev, heldOut };
}

export interface Scores {
  readonly b3: number;
  readonly p: number;
  readonly r: number;
  readonly pair: number;
  readonly pairP: number;
  readonly pairR: number;
}

/** B-cubed and pairwise scores of a clustering over the gold ids in `ids` (score_bcubed.py's definitions). */
export function scoreClusters(set: GoldSet, clusters: readonly (readonly string[])[], ids: Set<string>): Scores {
  const predOf = new Map<string, number>();
  clusters.forEach((c, k) =>
    c.forEach((ref) => {
      const id = goldId(ref);
      if (ids.has(id) && !predOf.has(id)) predOf.set(id, k);
    }),
  );
  let next = -1;
  for (const id of ids) if (!predOf.has(id)) predOf.set(id, next--);
  const G = new Map<number, string[]>();
  const P = new Map<number, string[]>();
  for (const id of ids) {
    G.set(set.goldOf.get(id)!, [...(G.get(set.goldOf.get(id)!) ?? []), id]);
    P.set(predOf.get(id)!, [...(P.get(predOf.get(id)!) ?? []), id]);
  }
  let bp = 0;
  let br = 0;
  for (const id of ids) {
    const g = G.get(set.goldOf.get(id)!)!;
    const p = P.get(predOf.get(id)!)!;
    const inter = p.filter((a) => set.goldOf.get(a) === set.goldOf.get(id)).length;
    bp += inter / p.length;
    br += inter / g.length;
  }
  bp /= ids.size;
  br /= ids.size;
  const c2 = (n: number): number => (n * (n - 1)) / 2;
  const goldPairs = [...G.values()].reduce((s, g) => s + c2(g.length), 0);
  const predPairs = [...P.values()].reduce((s, p) => s + c2(p.length), 0);
  let tp = 0;
  for (const p of P.values()) {
    const count = new Map<number, number>();
    for (const a of p) count.set(set.goldOf.get(a)!, (count.get(set.goldOf.get(a)!) ?? 0) + 1);
    for (const v of count.values()) tp += c2(v);
  }
  const pp = predPairs ? tp / predPairs : 1;
  const pr = goldPairs ? tp / goldPairs : 1;
  const f = (a: number, b: number): number => (a + b > 0 ? (2 * a * b) / (a + b) : 0);
  return { b3: f(bp, br), pair: f(pp, pr), p: bp, r: br, pairP: pp, pairR: pr };
}
