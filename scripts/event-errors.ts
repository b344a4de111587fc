/**
 * Error analysis of event clustering on the development part of the gold sets (scripts/event-gold-sets.ts; the
 * held-out block is never read here). Clusters each whole window with the committed parameters and prints:
 *   - split errors (gold clusters cut into parts) and merge errors (predicted clusters joining gold clusters), by size;
 *   - for the labelled same-event pairs the clustering missed, against those it joined and against different-event
 *     pairs it joined or kept apart: the mean of every pair signal and of candidate evidence not in the model
 *     (headline character n-grams, shared places / people / organisations, cited agencies, time gap);
 *   - whether a missed pair was reachable (the model's probability for the pair, the pair within the date window).
 *
 * Usage: MARSAD_REALDAY_CACHE=<dir> npx tsx scripts/event-errors.ts
 */
import { addToIndex, createEventIndex, type ArticleFeatures } from '../src/corpus/cluster/event-index.ts';
import { eventClusters } from '../src/corpus/cluster/assemble.ts';
import { pairProbability, pairSignals, PAIR_SIGNALS, type PairSide } from '../src/corpus/cluster/pair-features.ts';
import { EVENT_PARAMS } from '../src/corpus/cluster/params.ts';
import type { ClusterInput } from '../src/corpus/types.ts';
import { GOLD_SETS, goldId, loadGoldSet, scoreClusters, type GoldSet } from './event-gold-sets.ts';

const CACHE = process.env.MARSAD_REALDAY_CACHE;
if (!CACHE) throw new Error('set MARSAD_REALDAY_CACHE to the realday eval cache directory');

const side = (f: ArticleFeatures): PairSide => ({
  outlet: f.outlet,
  day: f.day,
  vector: f.vector,
  headlineVector: f.headlineVector,
  evidence: f.evidence!,
});

function grams(text: string, n: number): Set<string> {
  const out = new Set<string>();
  const t = ` ${text.replace(/[\u064B-\u0652\u0640]/gu, '').replace(/\s+/gu, ' ')} `;
  for (let i = 0; i + n <= t.length; i++) out.add(t.slice(i, i + n));
  return out;
}
const jaccard = (a: Set<string>, b: Set<string>): number => {
  let n = 0;
  for (const g of a) if (b.has(g)) n++;
  return a.size + b.size - n === 0 ? 0 : n / (a.size + b.size - n);
};
const ids = (input: ClusterInput, type: string): Set<string> =>
  new Set((input.entities ?? []).filter((e) => e.type === type).map((e) => e.entityId));
const shared = (a: Set<string>, b: Set<string>): number => [...a].filter((x) => b.has(x)).length;

const EXTRA = ['hl3gram', 'lead4gram', 'sharedPlaces', 'sharedPeople', 'sharedOrgs', 'sameAgency', 'prob'] as const;

function extra(a: ClusterInput, b: ClusterInput, fa: ArticleFeatures, fb: ArticleFeatures): number[] {
  const agencies = (x: readonly string[] | undefined): Set<string> => new Set(x ?? []);
  return [
    jaccard(grams(a.headline ?? '', 3), grams(b.headline ?? '', 3)),
    jaccard(grams(a.body.slice(0, 300), 4), grams(b.body.slice(0, 300), 4)),
    shared(ids(a, 'LOC'), ids(b, 'LOC')),
    shared(ids(a, 'PERS'), ids(b, 'PERS')),
    shared(ids(a, 'ORG'), ids(b, 'ORG')),
    shared(agencies(a.citedSources), agencies(b.citedSources)) > 0 ? 1 : 0,
    pairProbability(side(fa), side(fb)),
  ];
}

function analyse(set: GoldSet): void {
  const index = createEventIndex(EVENT_PARAMS);
  addToIndex(index, set.features);
  const clusters = eventClusters(index).map((c) => [...c.articles]);
  const s = scoreClusters(set, clusters, set.dev);
  console.log(
    `\n== ${set.name}: dev ${set.dev.size} ids; B3 ${s.b3.toFixed(3)} (P ${s.p.toFixed(3)} R ${s.r.toFixed(3)}) pair ${s.pair.toFixed(3)} (P ${s.pairP.toFixed(3)} R ${s.pairR.toFixed(3)})`,
  );
  const predOf = new Map<string, number>();
  clusters.forEach((c, k) => c.forEach((ref) => predOf.set(goldId(ref), k)));
  const byRef = new Map(set.inputs.map((i, n) => [goldId(i.id), n] as const));
  const devIds = [...set.dev].filter((id) => byRef.has(id));
  // Split / merge errors by gold size.
  const goldMembers = new Map<number, string[]>();
  for (const id of devIds) goldMembers.set(set.goldOf.get(id)!, [...(goldMembers.get(set.goldOf.get(id)!) ?? []), id]);
  const splitBySize = new Map<string, { clusters: number; split: number; parts: number }>();
  for (const members of goldMembers.values()) {
    if (members.length < 2) continue;
    const bin = members.length === 2 ? '2' : members.length <= 5 ? '3-5' : members.length <= 10 ? '6-10' : '11+';
    const parts = new Set(members.map((m) => predOf.get(m))).size;
    const row = splitBySize.get(bin) ?? { clusters: 0, split: 0, parts: 0 };
    row.clusters++;
    if (parts > 1) row.split++;
    row.parts += parts;
    splitBySize.set(bin, row);
  }
  console.log(
    `  split: ${[...splitBySize].map(([b, r]) => `size ${b}: ${r.split}/${r.clusters} split (${(r.parts / r.clusters).toFixed(2)} parts)`).join(' · ')}`,
  );
  const predMembers = new Map<number, string[]>();
  for (const id of devIds) predMembers.set(predOf.get(id)!, [...(predMembers.get(predOf.get(id)!) ?? []), id]);
  let merged = 0;
  let mergedArticles = 0;
  for (const members of predMembers.values()) {
    const g = new Set(members.map((m) => set.goldOf.get(m)));
    if (g.size > 1) {
      merged++;
      mergedArticles += members.length;
    }
  }
  console.log(`  merge: ${merged} predicted clusters join ≥ 2 gold clusters (${mergedArticles} labelled articles)`);
  // Pair classes.
  const classes = new Map<string, number[][]>();
  const add = (name: string, v: number[]): void => {
    const list = classes.get(name) ?? [];
    list.push(v);
    classes.set(name, list);
  };
  for (let i = 0; i < devIds.length; i++)
    for (let j = i + 1; j < devIds.length; j++) {
      const a = byRef.get(devIds[i]!)!;
      const b = byRef.get(devIds[j]!)!;
      const fa = set.features[a]!;
      const fb = set.features[b]!;
      if (!fa.evidence || !fb.evidence) continue;
      const same = set.goldOf.get(devIds[i]!) === set.goldOf.get(devIds[j]!);
      const together = predOf.get(devIds[i]!) === predOf.get(devIds[j]!);
      const sig = pairSignals(side(fa), side(fb));
      if (!same && !together && sig[0]! < 0.1) continue;
      const v = [...sig, ...extra(set.inputs[a]!, set.inputs[b]!, fa, fb)];
      add(same ? (together ? 'same, joined' : 'same, MISSED') : together ? 'diff, JOINED' : 'diff, apart', v);
      if (process.env.MARSAD_SHOW && same !== together && (i * 7 + j) % 3 === 0)
        console.log(
          `  ${same ? 'MISSED' : 'JOINED'} p=${v[v.length - 1]!.toFixed(2)} body=${sig[0]!.toFixed(2)} gap=${sig[10]} | ${set.inputs[a]!.outlet} ${set.inputs[a]!.headline} || ${set.inputs[b]!.outlet} ${set.inputs[b]!.headline}`,
        );
    }
  const names = [...PAIR_SIGNALS, ...EXTRA];
  const order = ['same, joined', 'same, MISSED', 'diff, JOINED', 'diff, apart'];
  console.log(
    `  ${'signal'.padEnd(16)}${order.map((o) => `${o} (${classes.get(o)?.length ?? 0})`.padStart(22)).join('')}`,
  );
  names.forEach((name, k) => {
    const cells = order.map((o) => {
      const list = classes.get(o) ?? [];
      const mean = list.reduce((sum, v) => sum + v[k]!, 0) / Math.max(1, list.length);
      return mean.toFixed(3).padStart(22);
    });
    console.log(`  ${name.padEnd(16)}${cells.join('')}`);
  });
  const missed = classes.get('same, MISSED') ?? [];
  const prob = names.indexOf('prob');
  const hist = [0.1, 0.2, 0.3, 0.45, 0.6, 1.01].map((hi, i, all) => {
    const lo = i === 0 ? 0 : all[i - 1]!;
    return `${lo}-${hi > 1 ? 1 : hi}: ${missed.filter((v) => v[prob]! >= lo && v[prob]! < hi).length}`;
  });
  console.log(`  missed pairs by model probability: ${hist.join(' · ')}`);
  const gap = names.indexOf('dayGap');
  console.log(
    `  missed pairs by day gap: ${[0, 1, 2, 3].map((g) => `${g}: ${missed.filter((v) => v[gap] === g).length}`).join(' · ')}`,
  );
}

const only = process.env.MARSAD_SETS?.split(',');
for (const g of GOLD_SETS) if (!only || only.includes(g.name)) analyse(loadGoldSet(g.name, g.clusters, CACHE));
