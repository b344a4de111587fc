/**
 * The runnable NER tagger: a loaded model plus its feature resources; tags one tokenised sentence
 * with BIO tags (ANERcorp scheme: B-PERS, I-ORG, …, O).
 */
import type { FeatureResources } from './features.ts';
import { documentContextFeatures } from './document-context.ts';
import { buildGazetteer } from './gazetteer.ts';
import { applyGazetteerBackoff } from './gazetteer-backoff.ts';
import type { NerModel } from './model-file.ts';
import { allowedTransitions, viterbi, type TaggerWeights } from './perceptron.ts';
import { REFERENCE_SCORE_UNIT, REFINERS, refineSpans, type RefinerName } from './span-refiners.ts';
import { WordFeatureCache } from './word-cache.ts';

export interface Tagger {
  readonly weights: TaggerWeights;
  readonly allowed: Uint8Array;
  readonly resources: FeatureResources;
  /** Per-token partial scores, bounded; the only state a tagger keeps. */
  readonly cache: WordFeatureCache;
  /** Provenance stored with the model (training data, options, whether the dev split was trained on). */
  readonly info: Readonly<Record<string, unknown>>;
  /** The model's mean |emission score| (recorded at training): the unit of the span refiners' score thresholds. */
  readonly scoreUnit: number;
  /** Curated names the gazetteer back-off leaves alone (learned from the training annotations; empty in older models). */
  readonly backoffExcluded: ReadonlySet<string>;
}

/** Feature resources from clusters (in frequency order) and extra gazetteer names. */
export function buildResources(
  clusters: ReadonlyMap<string, string>,
  extraNames: NerModel['extraNames'],
  documentWindow = 0,
): FeatureResources {
  const rank = new Map<string, number>();
  let i = 0;
  for (const word of clusters.keys()) rank.set(word, i++);
  return { clusters, rank, gazetteer: buildGazetteer(extraNames), ...(documentWindow > 0 ? { documentWindow } : {}) };
}

export function createTagger(model: NerModel): Tagger {
  const window = typeof model.info.documentWindow === 'number' ? model.info.documentWindow : 0;
  const resources = buildResources(model.clusters, model.extraNames, window);
  return {
    weights: model.weights,
    allowed: allowedTransitions(model.weights.tags),
    resources,
    cache: new WordFeatureCache(model.weights, resources),
    info: model.info,
    scoreUnit: typeof model.info.scoreUnit === 'number' ? model.info.scoreUnit : REFERENCE_SCORE_UNIT,
    backoffExcluded: new Set(model.backoffExcluded ?? []),
  };
}

/** Post-processing steps after decoding (all on in the shipped pipeline; the dev check turns them off one by one). */
export interface TagSteps {
  /** Curated multi-word names left untagged get their list's type (gazetteer-backoff.ts). */
  readonly backoff: boolean;
  /** Span refiners to run (span-refiners.ts). */
  readonly refiners: ReadonlySet<RefinerName>;
  /** Document-level label consistency (consistency.ts; used by recognizeEntities/tagConll). */
  readonly consistency: boolean;
  /** Document-level name-part propagation (consistency.ts; used by recognizeEntities/tagConll). */
  readonly nameParts: boolean;
}

export const SHIPPED_STEPS: TagSteps = {
  backoff: true,
  refiners: new Set(REFINERS.map(([name]) => name)),
  consistency: true,
  nameParts: true,
};

/**
 * BIO tags for one sentence of tokens (empty in, empty out), with the gazetteer back-off (gazetteer-backoff.ts)
 * and the span refiners (span-refiners.ts). `documentRows`: the tokens' aggregated-context features
 * (documentContextRows), when the model uses them and the sentence is part of a document.
 */
export function tagTokens(
  tagger: Tagger,
  tokens: readonly string[],
  steps: TagSteps = SHIPPED_STEPS,
  documentRows?: readonly (readonly string[])[],
): string[] {
  if (tokens.length === 0) return [];
  const { scores, labels, infos } = tagger.cache.scoresAndLabels(tokens, documentRows);
  const path = viterbi(tagger.weights, scores, tagger.allowed);
  const tags = path.map((t) => tagger.weights.tags[t]!);
  const forms = infos.map((w) => w.forms);
  const backedOff = steps.backoff
    ? applyGazetteerBackoff(tags, labels, { forms, names: tagger.backoffExcluded })
    : tags;
  if (steps.refiners.size === 0) return backedOff;
  return refineSpans(
    backedOff,
    {
      tokens,
      forms,
      cues: infos.map((w) => w.cues),
      labels,
      rank: tagger.resources.rank,
      gazetteer: tagger.resources.gazetteer,
      emission: { scores, tags: tagger.weights.tags, unit: tagger.scoreUnit },
    },
    steps.refiners,
  );
}

/** Aggregated-context feature rows (document-context.ts) for a document's sentences; empty rows when the model has none. */
export function documentContextRows(tagger: Tagger, sentences: readonly (readonly string[])[]): string[][][] {
  const window = tagger.resources.documentWindow ?? 0;
  if (window <= 0) return sentences.map((tokens) => tokens.map(() => []));
  return documentContextFeatures(
    sentences.map((tokens) => tokens.map((t) => tagger.cache.info(t))),
    { window, rank: tagger.resources.rank },
  );
}
