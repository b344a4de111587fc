/**
 * Claims development harness (issue 15): clusters a cached realday window ($MARSAD_REALDAY_CACHE, written by
 * `eval/run.ts realday`), scores its claims with ../shared/gold/claims/score_claims.py on the development part of
 * the gold groups (a seeded fifth of the groups is held out) and, with `--misses`, lists why each missed development
 * group was not found. `--heldout` scores the held-out fifth instead (report it once). Reads ../shared at run time.
 *   npx tsx scripts/claims-dev.ts egy|snn [--misses] [--heldout | --whole] [--verdicts] [--requantify]
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { findQuantities } from '../src/analyze/quantities/index.ts';
import { clusterArticles } from '../src/corpus/index.ts';
import { toClusterJson } from '../src/corpus/cluster-json.ts';
import type { ClusterInput } from '../src/corpus/types.ts';
import { findSharedDir } from '../eval/shared-dir.ts';

const FILES: Record<string, string> = {
  egy: 'claims-egy-2013-02-09_10.json',
  snn: 'claims-saudinewsnet-2015-08-06_07.json',
};

interface GoldValue {
  article: string;
  surface: string;
  value: unknown;
  qualifier: string;
  offset: number;
  date: string;
}
interface GoldGroup {
  id: string;
  kind: string;
  verdict: string;
  subject: string;
  values: GoldValue[];
}

/** Held-out fifth: seeded hash of the group id (seed `claims-heldout-s10`; the earlier session used `claims-heldout-2026`). */
export function heldOut(groupId: string): boolean {
  return createHash('sha256').update(`claims-heldout-s10:${groupId}`).digest()[0]! % 5 === 0;
}

const set = process.argv[2] ?? 'egy';
const shared = findSharedDir();
if (!shared) throw new Error('../shared not found');
const cache = process.env.MARSAD_REALDAY_CACHE;
if (!cache) throw new Error('set MARSAD_REALDAY_CACHE');
const cached = JSON.parse(readFileSync(join(cache, `${set}-inputs.json`), 'utf8')) as { inputs: ClusterInput[] };
// `--requantify`: re-run the quantity layer on the cached bodies (after a change to it), times excluded as in annotate.
const inputs = process.argv.includes('--requantify')
  ? cached.inputs.map((i) => ({ ...i, quantities: findQuantities(i.body, { exclude: i.times ?? [] }) }))
  : cached.inputs;
const goldPath = join(shared, 'gold/claims', FILES[set]!);
const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { groups: GoldGroup[]; negatives: unknown[] };
const wantHeld = process.argv.includes('--heldout');
// `--whole`: every group (the whole set, as `eval/run.ts realday` scores it).
const part = process.argv.includes('--whole')
  ? gold
  : { ...gold, groups: gold.groups.filter((g) => heldOut(g.id) === wantHeld) };
const dir = mkdtempSync(join(tmpdir(), 'marsad-claims-dev-'));
const partPath = join(dir, 'gold.json');
writeFileSync(partPath, JSON.stringify(part));
const t0 = process.cpuUsage();
const result = clusterArticles(inputs);
const byId = new Map(inputs.map((i) => [i.id, i] as const));
const json = toClusterJson(result, (id) => byId.get(id)?.outlet ?? null);
const cpu = process.cpuUsage(t0);
const out = join(dir, 'out.json');
writeFileSync(out, JSON.stringify(json));
const run = spawnSync('python3', [join(shared, 'gold/claims/score_claims.py'), partPath, out], { encoding: 'utf8' });
console.log(
  `${set} ${wantHeld ? 'HELD-OUT' : 'dev'} (${part.groups.length} groups; cluster cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s): ${run.stdout.trim()} ${run.stderr.trim()}`,
);
console.log(`out: ${out}`);

const goldIdOf = (ref: string): string => basename(ref.replace(/#\d*$/u, '')).replace(/\.txt$/u, '');
const inputOf = new Map(inputs.map((i) => [goldIdOf(i.id), i] as const));
const clusterOf = new Map<string, number>();
json.eventClusters.forEach((c, i) => c.articles.forEach((a) => clusterOf.set(goldIdOf(a), i)));
type PClaim = {
  category: string;
  subject: string;
  verdict: string;
  eventCluster?: number;
  values: { article: string; text: string; value: number | null; qualifier: string }[];
};
const claims = json.claims as PClaim[];
const norm = (s: string): string =>
  s
    .replace(/[\u064B-\u065F\u0640\u200b-\u200f\u202a-\u202e]/gu, '')
    .replace(/[أإآٱ]/gu, 'ا')
    .replace(/ى/gu, 'ي')
    .replace(/ة/gu, 'ه')
    .replace(/[٠-٩]/gu, (d) => String(d.charCodeAt(0) - 0x660));
const numsOf = (s: string): string[] => norm(s).match(/\d+(?:\.\d+)?/gu) ?? [];
/** Rough local copy of the scorer's match (shared digits, or containment). */
const loose = (p: string, g: string): boolean => {
  const a = norm(p),
    b = norm(g);
  if (a.includes(b) || b.includes(a)) return true;
  const na = numsOf(a),
    nb = numsOf(b);
  return na.some((n) => nb.includes(n));
};
if (process.argv.includes('--misses') || process.argv.includes('--verdicts')) {
  for (const g of part.groups) {
    if (g.verdict === 'unclear') continue;
    // Which claims hold each gold value?
    const hits = g.values.map((v) =>
      claims.flatMap((c, ci) =>
        c.values.some((pv) => goldIdOf(pv.article) === v.article && loose(pv.text, v.surface)) ? [ci] : [],
      ),
    );
    const counts = new Map<number, Set<string>>();
    hits.forEach((cs, i) => cs.forEach((c) => counts.set(c, (counts.get(c) ?? new Set()).add(g.values[i]!.article))));
    const best = [...counts].sort((a, b) => b[1].size - a[1].size)[0];
    const found = best && best[1].size >= 2;
    if (process.argv.includes('--misses') && found) continue;
    if (process.argv.includes('--verdicts') && (!found || claims[best![0]]!.verdict === g.verdict)) continue;
    console.log(
      `\n## ${g.id} kind=${g.kind} gold=${g.verdict} ${found ? `pred=${claims[best![0]]!.verdict} claim#${best![0]}` : 'MISSED'} subj=${g.subject}`,
    );
    for (const [i, v] of g.values.entries()) {
      const input = inputOf.get(v.article);
      const body = input?.body ?? '';
      const headline = input?.headline ?? '';
      // gold offset is into title + "\n" + text; find the surface in body
      const pos = body.indexOf(v.surface);
      const q = (input?.quantities ?? []).filter(
        (qq) => loose(qq.text, v.surface) && (pos < 0 || Math.abs(qq.start - pos) < 40),
      );
      const cs = hits[i]!.map(
        (c) => `#${c}:${claims[c]!.category}/${claims[c]!.verdict}/${claims[c]!.values.length}`,
      ).join(' ');
      console.log(
        `  ${v.date.slice(5, 16)} ev${clusterOf.get(v.article) ?? '-'} ${v.surface} [${v.qualifier} ${String(v.value)}] inBody=${pos >= 0}${pos < 0 && headline.includes(v.surface) ? '(headline)' : ''} q=${q.map((qq) => `«${qq.text}» ${qq.value}/${qq.unit}/${qq.qualifier}`).join(';') || 'NONE'} claims=${cs || '-'}`,
      );
      if (pos >= 0)
        console.log(`      …${body.slice(Math.max(0, pos - 60), pos + v.surface.length + 30).replace(/\n/gu, ' ')}…`);
    }
    if (found) {
      const c = claims[best![0]]!;
      console.log(
        `  pred values: ${c.values.map((pv) => `${pv.text}[${pv.value}/${pv.qualifier}]`).join(' | ')} cat=${c.category} subj=${c.subject}`,
      );
    }
  }
}
if (process.argv.includes('--conflicts')) {
  const examined = new Set((gold as unknown as { articles_examined: string[] }).articles_examined);
  for (const [ci, c] of claims.entries()) {
    if (c.verdict !== 'conflict') continue;
    const vs = c.values.filter((v) => examined.has(goldIdOf(v.article)));
    if (vs.length < 2 && !process.argv.includes('--all')) continue;
    console.log(`\n## conflict #${ci} ${c.category} subj=${c.subject} ev${c.eventCluster}`);
    for (const v of c.values) {
      const input = byId.get(v.article)!;
      const q = input.quantities?.find((qq) => qq.text === v.text);
      const at = q ? q.start : input.body.indexOf(v.text);
      console.log(
        `  ${input.published} ${goldIdOf(v.article).slice(6, 14)} «${v.text}» ${v.value}/${v.qualifier} …${input.body.slice(Math.max(0, at - 70), at + v.text.length + 40).replace(/\n/gu, ' ')}…`,
      );
    }
  }
}
