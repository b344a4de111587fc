/**
 * Training loop for the NER tagger: builds the feature dictionary from the gold sentences, then runs
 * averaged structured-perceptron epochs in a seeded shuffle order, scoring a dev set after each epoch.
 */
import { evaluateChunks, type Scores } from '../../src/analyze/entities/bio.ts';
import { propagateLabels } from '../../src/analyze/entities/consistency.ts';
import { gazetteerLabels } from '../../src/analyze/entities/gazetteer.ts';
import { unannotatedCuratedNames } from '../../src/analyze/entities/gazetteer-backoff.ts';
import { documentFeatures, wordInfo, type FeatureResources } from '../../src/analyze/entities/features.ts';
import {
  allowedTransitions,
  emissionScores,
  viterbi,
  type TaggerWeights,
} from '../../src/analyze/entities/perceptron.ts';
import { seededRandom, shuffleInPlace } from '../../src/core/seeded-random.ts';
import type { TaggedSentence } from './conll.ts';
import { PerceptronTrainer } from './perceptron-trainer.ts';

/** Dev split: 10% of ANERcorp train sentences, in 10 evenly spaced contiguous blocks (see splitDev). */
export const DEV_FRACTION = 0.1;

export const TAGS = ['O', 'B-PERS', 'I-PERS', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;

export interface TrainOptions {
  readonly epochs: number;
  /** Features seen fewer times in the training data are not learned (noise, model size). */
  readonly minFeatureCount: number;
  readonly seed: number;
  /** Models trained on different shuffles (seeds seed, seed+1, …) and averaged into one weight set. */
  readonly ensemble?: number;
  /**
   * Extra corpora (sentences with a `domain`) by feature augmentation (Daumé 2007, "frustratingly easy"): every
   * feature fires once shared and once as a copy for its corpus (ANERcorp: `T§`); after training the shared and
   * ANERcorp weights are summed into one model, so the extra corpora's own conventions stay in their copies.
   */
  readonly domainAdapt?: boolean;
  /** Feature resources per extra corpus (e.g. a gazetteer without that corpus's own names, which would leak its labels). */
  readonly domainResources?: ReadonlyMap<string, FeatureResources>;
  readonly log?: (line: string) => void;
}

interface Prepared {
  readonly features: readonly (readonly string[])[];
  readonly gold: readonly number[];
}

function featureDictionary(prepared: readonly Prepared[], minCount: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of prepared) for (const row of p.features) for (const f of row) counts.set(f, (counts.get(f) ?? 0) + 1);
  const dictionary = new Map<string, number>();
  for (const [f, c] of counts) if (c >= minCount) dictionary.set(f, dictionary.size);
  return dictionary;
}

/** Domain of ANERcorp sentences under feature augmentation (`domainAdapt`). */
const TARGET_DOMAIN = 'T';
/** Separates a domain name from the feature it copies («T§w=بغداد»). */
const DOMAIN_MARK = '§';
/** A domain copy: a corpus name (letters only) and the mark; no feature name starts that way («w=§» is a word). */
const DOMAIN_COPY = /^[A-Za-z]+§/u;

/** A feature row under feature augmentation: each feature shared, and again as its domain's copy. */
function augment(row: readonly string[], domain: string): string[] {
  const out = row.slice();
  for (const f of row) out.push(`${domain}${DOMAIN_MARK}${f}`);
  return out;
}

/**
 * Folds an augmented model into a plain one for `domain`: each shared feature's row plus its domain copy's row;
 * every other domain's copies are dropped.
 */
export function foldDomain(weights: TaggerWeights, domain: string): TaggerWeights {
  const size = weights.tags.length;
  const prefix = `${domain}${DOMAIN_MARK}`;
  const features = new Map<string, number>();
  for (const f of weights.features.keys()) if (!DOMAIN_COPY.test(f)) features.set(f, features.size);
  const emission = new Float32Array(features.size * size);
  for (const [f, row] of features) {
    const shared = weights.features.get(f)!;
    const copy = weights.features.get(`${prefix}${f}`);
    for (let t = 0; t < size; t++) {
      emission[row * size + t] =
        weights.emission[shared * size + t]! + (copy === undefined ? 0 : weights.emission[copy * size + t]!);
    }
  }
  return { tags: weights.tags, features, emission, transition: weights.transition };
}

/** Tags sentences with the given weights (for dev scoring during training). */
export function tagAll(
  weights: TaggerWeights,
  sentences: readonly TaggedSentence[],
  resources: FeatureResources,
): string[][] {
  const allowed = allowedTransitions(weights.tags);
  const rows = documentFeatures(
    sentences.map((s) => s.tokens),
    resources,
  );
  return rows.map((row) => viterbi(weights, emissionScores(weights, row), allowed).map((t) => weights.tags[t]!));
}

/**
 * Dev scores of the tagger alone (scored after each training epoch), or with the document-level consistency pass
 * (`consistent`). The whole shipped pipeline is scored through the model file and recognize.ts `tagConll`
 * (scripts/train-ner.ts, scripts/ner-dev-check.ts).
 */
export function devScores(
  weights: TaggerWeights,
  dev: readonly TaggedSentence[],
  resources: FeatureResources,
  consistent = false,
): { micro: Scores; byType: Record<string, Scores> } {
  const allowed = allowedTransitions(weights.tags);
  const tagged = documentFeatures(
    dev.map((s) => s.tokens),
    resources,
  ).map((rows) => viterbi(weights, emissionScores(weights, rows), allowed).map((t) => weights.tags[t]!));
  const coreOf = (token: string): string => wordInfo(token, resources).forms.core;
  const sentences = dev.map((s) => s.tokens);
  return evaluateChunks(
    dev.map((s) => s.tags),
    consistent ? propagateLabels(sentences, tagged, coreOf) : tagged,
  );
}

/** A model's score unit (span-refiners.ts thresholds): its mean |emission score| over `sentences` (its training text). */
export function scoreUnitOf(
  weights: TaggerWeights,
  sentences: readonly (readonly string[])[],
  resources: FeatureResources,
): number {
  return meanAbsoluteScore(documentFeatures(sentences, resources).map((rows) => emissionScores(weights, rows)));
}

/** The score unit of a model (span-refiners.ts): its mean |emission score| over the given sentences' scores. */
export function meanAbsoluteScore(scores: readonly Float32Array[]): number {
  let sum = 0;
  let count = 0;
  for (const matrix of scores)
    for (const v of matrix) {
      sum += Math.abs(v);
      count++;
    }
  return count === 0 ? 1 : sum / count;
}

/**
 * Curated names the gazetteer back-off must not force, learned from labelled sentences (gazetteer-backoff.ts
 * unannotatedCuratedNames); stored in the model file.
 */
export function learnBackoffExclusions(sentences: readonly TaggedSentence[], resources: FeatureResources): string[] {
  return unannotatedCuratedNames(
    sentences.map((s) => {
      const forms = s.tokens.map((t) => wordInfo(t, resources).forms);
      return { tags: s.tags, forms, labels: gazetteerLabels(resources.gazetteer, forms) };
    }),
  );
}

/** Mean of weight sets over one feature dictionary (an ensemble at the cost of one model at run time). */
export function meanWeights(models: readonly TaggerWeights[]): TaggerWeights {
  const first = models[0]!;
  const mean = (pick: (w: TaggerWeights) => Float32Array): Float32Array => {
    const out = new Float32Array(pick(first).length);
    for (const model of models) {
      const w = pick(model);
      for (let i = 0; i < out.length; i++) out[i]! += w[i]! / models.length;
    }
    return out;
  };
  return {
    tags: first.tags,
    features: first.features,
    emission: mean((w) => w.emission),
    transition: mean((w) => w.transition),
  };
}

/** One averaged model trained in the shuffle order of `seed`. */
function trainOne(
  prepared: readonly Prepared[],
  dictionary: Map<string, number>,
  dev: readonly TaggedSentence[],
  resources: FeatureResources,
  options: TrainOptions,
  seed: number,
): TaggerWeights {
  const finish = (w: TaggerWeights): TaggerWeights => (options.domainAdapt ? foldDomain(w, TARGET_DOMAIN) : w);
  const trainer = new PerceptronTrainer(TAGS, dictionary);
  const allowed = allowedTransitions(TAGS);
  const random = seededRandom(seed);
  const order = prepared.map((_, i) => i);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffleInPlace(order, random);
    let mistakes = 0;
    for (const index of order) {
      const p = prepared[index]!;
      const predicted = viterbi(trainer.weights, emissionScores(trainer.weights, p.features), allowed);
      if (!predicted.some((t, k) => t !== p.gold[k])) continue;
      mistakes++;
      trainer.update(p.features, p.gold, predicted);
    }
    const devLine =
      dev.length > 0 ? ` dev F1 ${devScores(finish(trainer.averaged()), dev, resources).micro.f1.toFixed(4)}` : '';
    options.log?.(`seed ${seed} epoch ${epoch}: ${mistakes}/${order.length} sentences wrong;${devLine}`);
  }
  return finish(trainer.averaged());
}

/** Trains averaged weights on `train` (the mean of `ensemble` shuffles); logs dev micro F1 per epoch when `dev` is non-empty. */
export function trainTagger(
  train: readonly TaggedSentence[],
  dev: readonly TaggedSentence[],
  resources: FeatureResources,
  options: TrainOptions,
): TaggerWeights {
  const tagIndex = new Map<string, number>(TAGS.map((t, i) => [t, i]));
  // Feature rows per run of consecutive sentences from one corpus (a document for context aggregation).
  const rows: string[][][] = [];
  for (let from = 0; from < train.length; ) {
    let to = from + 1;
    while (to < train.length && train[to]!.domain === train[from]!.domain) to++;
    const domain = train[from]!.domain;
    rows.push(
      ...documentFeatures(
        train.slice(from, to).map((s) => s.tokens),
        (domain ? options.domainResources?.get(domain) : undefined) ?? resources,
      ),
    );
    from = to;
  }
  const prepared: Prepared[] = train.map((s, index) => {
    const plain = rows[index]!;
    const features = options.domainAdapt ? plain.map((row) => augment(row, s.domain ?? TARGET_DOMAIN)) : plain;
    const gold = s.tags.map((t) => tagIndex.get(t) ?? 0);
    return { features, gold };
  });
  const dictionary = featureDictionary(prepared, options.minFeatureCount);
  const models: TaggerWeights[] = [];
  for (let k = 0; k < (options.ensemble ?? 1); k++) {
    models.push(trainOne(prepared, dictionary, dev, resources, options, options.seed + k));
    if (k > 0 && dev.length > 0)
      options.log?.(
        `ensemble of ${k + 1}: dev F1 ${devScores(meanWeights(models), dev, resources).micro.f1.toFixed(4)}`,
      );
  }
  return models.length === 1 ? models[0]! : meanWeights(models);
}
