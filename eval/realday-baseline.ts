/**
 * The reference baseline of the realday eval: plain TF-IDF single-link clustering of titles and leads. IDF from
 * the clustered window itself, cosine over unit vectors, every pair at or above the threshold joined (union-find).
 * Not used by Marsad; printed beside its scores.
 */
import { clusterTerms } from '../src/corpus/text/terms.ts';
import type { ClusterInput } from '../src/corpus/types.ts';

/** Body terms read as the lead. */
const LEAD_TERMS = 60;
/** Cosine from which two articles are linked (a common single-link setting for titles + leads). */
export const BASELINE_THRESHOLD = 0.5;

/** Clusters of article ids (single link over TF-IDF cosine of title + lead). */
export function tfidfSingleLink(inputs: readonly ClusterInput[], threshold = BASELINE_THRESHOLD): string[][] {
  const docs = inputs.map((input) => [
    ...clusterTerms(input.headline ?? ''),
    ...clusterTerms(input.body).slice(0, LEAD_TERMS),
  ]);
  const df = new Map<string, number>();
  for (const terms of docs) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const vectors = docs.map((terms) => {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    const weighted = [...tf].map(
      ([t, n]) => [t, (1 + Math.log(n)) * Math.log((docs.length + 1) / (df.get(t)! + 1))] as const,
    );
    const norm = Math.sqrt(weighted.reduce((s, [, w]) => s + w * w, 0)) || 1;
    return new Map(weighted.map(([t, w]) => [t, w / norm]));
  });
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    for (const t of v.keys()) postings.set(t, [...(postings.get(t) ?? []), i]);
  });
  const parent = inputs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  vectors.forEach((v, i) => {
    const dots = new Map<number, number>();
    for (const [t, w] of v)
      for (const j of postings.get(t)!) if (j > i) dots.set(j, (dots.get(j) ?? 0) + w * vectors[j]!.get(t)!);
    for (const [j, dot] of dots) if (dot >= threshold) parent[find(j)] = find(i);
  });
  const groups = new Map<number, string[]>();
  inputs.forEach((input, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), input.id]));
  return [...groups.values()];
}
