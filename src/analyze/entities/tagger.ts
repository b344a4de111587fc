/**
 * The runnable NER tagger: a loaded model plus its feature resources; tags one tokenised sentence
 * with BIO tags (ANERcorp scheme: B-PERS, I-ORG, …, O).
 */
import type { FeatureResources } from './features.ts';
import { buildGazetteer } from './gazetteer.ts';
import { applyGazetteerBackoff } from './gazetteer-backoff.ts';
import type { NerModel } from './model-file.ts';
import { allowedTransitions, viterbi, type TaggerWeights } from './perceptron.ts';
import { WordFeatureCache } from './word-cache.ts';

export interface Tagger {
  readonly weights: TaggerWeights;
  readonly allowed: Uint8Array;
  readonly resources: FeatureResources;
  /** Per-token partial scores, bounded; the only state a tagger keeps. */
  readonly cache: WordFeatureCache;
  /** Provenance stored with the model (training data, options, whether the dev split was trained on). */
  readonly info: Readonly<Record<string, unknown>>;
}

/** Feature resources from clusters (in frequency order) and extra gazetteer names. */
export function buildResources(clusters: ReadonlyMap<string, string>, extraNames: NerModel['extraNames']): FeatureResources {
  const rank = new Map<string, number>();
  let i = 0;
  for (const word of clusters.keys()) rank.set(word, i++);
  return { clusters, rank, gazetteer: buildGazetteer(extraNames) };
}

export function createTagger(model: NerModel): Tagger {
  const resources = buildResources(model.clusters, model.extraNames);
  return {
    weights: model.weights, allowed: allowedTransitions(model.weights.tags), resources,
    cache: new WordFeatureCache(model.weights, resources), info: model.info,
  };
}

/** BIO tags for one sentence of tokens (empty in, empty out), with the gazetteer back-off (gazetteer-backoff.ts). */
export function tagTokens(tagger: Tagger, tokens: readonly string[]): string[] {
  if (tokens.length === 0) return [];
  const { scores, labels } = tagger.cache.scoresAndLabels(tokens);
  const path = viterbi(tagger.weights, scores, tagger.allowed);
  return applyGazetteerBackoff(path.map((t) => tagger.weights.tags[t]!), labels);
}
