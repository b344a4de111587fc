/**
 * Sparse TF-IDF vectors of articles over clustering terms (text/terms.ts) plus linked-entity features,
 * weighted by a committed background IDF so that vectors never depend on what else was clustered.
 */
import idfTable from '../data/idf.json' with { type: 'json' };
import { clusterTerms } from '../text/terms.ts';
import type { ClusterInput } from '../types.ts';

/** A unit-length sparse vector, terms sorted by weight (descending), ties by term. */
export interface SparseVector {
  readonly terms: readonly string[];
  readonly weights: readonly number[];
}

const BACKGROUND_DOCS: number = idfTable.documents;
/** Background document frequencies (a Map: term lookups on the large JSON object cost a string internalisation each). */
const BACKGROUND_DF: ReadonlyMap<string, number> = new Map(Object.entries(idfTable.df as Record<string, number>));
/** Terms missing from the table had df < minDf in the background corpus: treat them as df = minDf / 2. */
const UNSEEN_DF = idfTable.minDf / 2;
/** Headline words say what the article is about: counted this many times. Chosen on the seed + SaudiNewsNet runs (docs/stories.md). */
const HEADLINE_BOOST = 3;
/** Only the first this-many body terms count: leads carry the event, tails drift to background and boilerplate. */
const MAX_BODY_TERMS = 400;
/** Vector length cap: the top weighted terms are enough to find and score neighbours (bench: memory at 100k articles). */
export const VECTOR_TERMS = 60;
/** An entity feature weighs like a fairly rare term (IDF ≈ 7, df ≈ 60 in 68k documents). */
const ENTITY_IDF = 7;
/** Terms shorter than this many characters that are all digits are dropped (days, small counts); years and figures stay. */
const MIN_NUMBER_LENGTH = 3;

/**
 * IDF of the terms read so far: terms come from text/terms.ts's per-word cache as the same strings again and again,
 * so this lookup is cheaper than the table's (whose keys are other strings) and a logarithm. Bounded like that cache.
 */
const IDF_OF_TERM = new Map<string, number>();
const CACHED_TERMS = 400_000;

/** Background inverse document frequency of a clustering term. */
export function termIdf(term: string): number {
  let idf = IDF_OF_TERM.get(term);
  if (idf === undefined) {
    const df = BACKGROUND_DF.get(term) ?? UNSEEN_DF;
    idf = Math.log((BACKGROUND_DOCS + 1) / (df + 1));
    if (IDF_OF_TERM.size >= CACHED_TERMS) IDF_OF_TERM.clear();
    IDF_OF_TERM.set(term, idf);
  }
  return idf;
}

function isSmallNumber(term: string): boolean {
  return term.length < MIN_NUMBER_LENGTH && /^\d+$/u.test(term);
}

/** Unit TF-IDF vector of a headline alone (empty when there is none): the event's own words. */
export function headlineVector(headline: string | null): SparseVector {
  const counts = new Map<string, number>();
  for (const term of clusterTerms(headline ?? ''))
    if (!isSmallNumber(term)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return normalizeTop(
    [...counts].map(([term, count]) => [term, count * termIdf(term)]),
    VECTOR_TERMS,
  );
}

/** Raw term counts of an article: headline terms boosted, body truncated, entity ids as `@id` features. */
export function termCounts(input: Pick<ClusterInput, 'headline' | 'body' | 'entities'>): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string, by: number): void => {
    if (!isSmallNumber(term)) counts.set(term, (counts.get(term) ?? 0) + by);
  };
  for (const term of clusterTerms(input.headline ?? '')) add(term, HEADLINE_BOOST);
  for (const term of clusterTerms(input.body, undefined, MAX_BODY_TERMS)) add(term, 1);
  for (const entity of input.entities ?? []) {
    if (entity.entityId) counts.set(`@${entity.entityId}`, (counts.get(`@${entity.entityId}`) ?? 0) + 1);
  }
  return counts;
}

/** Unit-length TF-IDF vector (sublinear tf) of an article, cut to its top `VECTOR_TERMS` terms. */
export function articleVector(input: Pick<ClusterInput, 'headline' | 'body' | 'entities'>): SparseVector {
  const weighted: [string, number][] = [];
  for (const [term, count] of termCounts(input)) {
    const idf = term.startsWith('@') ? ENTITY_IDF : termIdf(term);
    weighted.push([term, (1 + Math.log(count)) * idf]);
  }
  return normalizeTop(weighted, VECTOR_TERMS);
}

/** Sorts (term, weight) pairs by weight desc then term, keeps `limit`, scales to unit length. */
export function normalizeTop(pairs: [string, number][], limit: number): SparseVector {
  pairs.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const top = pairs.slice(0, limit);
  const norm = Math.sqrt(top.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
  return { terms: top.map(([t]) => t), weights: top.map(([, w]) => w / norm) };
}

/** Dot product of a sparse vector with a term → weight map. */
export function dotWithMap(vector: SparseVector, weights: ReadonlyMap<string, number>): number {
  let dot = 0;
  for (let i = 0; i < vector.terms.length; i++) dot += vector.weights[i]! * (weights.get(vector.terms[i]!) ?? 0);
  return dot;
}

/** Cosine of two unit sparse vectors. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const map = new Map<string, number>();
  for (let i = 0; i < b.terms.length; i++) map.set(b.terms[i]!, b.weights[i]!);
  return dotWithMap(a, map);
}
