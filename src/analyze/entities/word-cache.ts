/**
 * Fast emission scoring for decoding: the word-level feature rows of each distinct token are looked up
 * once and cached (bounded), so only the few sentence-level features are built as strings per token.
 * Must give exactly the scores of `emissionScores(weights, sentenceFeatures(...))` (tested).
 */
import {
  isSportsSentence,
  NEIGHBOUR_OFFSETS,
  neighbourWordFeatures,
  ownWordFeatures,
  sentenceLevelFeatures,
  wordInfo,
  type FeatureResources,
  type WordInfo,
} from './features.ts';
import { gazetteerLabels } from './gazetteer.ts';
import type { TaggerWeights } from './perceptron.ts';

/** Distinct tokens kept (≈ 200 bytes each); the cache restarts when full, so memory stays bounded. */
const MAX_CACHED_WORDS = 100_000;

interface CachedWord {
  readonly info: WordInfo;
  /** Summed tag scores of the word's own features, then of its features as the neighbour at each NEIGHBOUR_OFFSETS entry. */
  readonly partial: Float32Array;
}

/** Adds the emission rows of `features` (unknown ones skipped) into `scores[base…base+T)`. */
function addFeatures(scores: Float32Array, base: number, features: readonly string[], weights: TaggerWeights): void {
  const size = weights.tags.length;
  for (const feature of features) {
    const row = weights.features.get(feature);
    if (row === undefined) continue;
    const offset = row * size;
    for (let t = 0; t < size; t++) scores[base + t]! += weights.emission[offset + t]!;
  }
}

export class WordFeatureCache {
  private readonly words = new Map<string, CachedWord>();

  constructor(
    private readonly weights: TaggerWeights,
    private readonly resources: FeatureResources,
  ) {}

  private word(token: string): CachedWord {
    const hit = this.words.get(token);
    if (hit) return hit;
    if (this.words.size >= MAX_CACHED_WORDS) this.words.clear();
    const info = wordInfo(token, this.resources);
    const size = this.weights.tags.length;
    const partial = new Float32Array((NEIGHBOUR_OFFSETS.length + 1) * size);
    const features: string[] = [];
    ownWordFeatures(info, features);
    addFeatures(partial, 0, features, this.weights);
    NEIGHBOUR_OFFSETS.forEach((d, k) => {
      features.length = 0;
      neighbourWordFeatures(info, d, features);
      addFeatures(partial, (k + 1) * size, features, this.weights);
    });
    const entry = { info, partial };
    this.words.set(token, entry);
    return entry;
  }

  /** Word-level information of a token (forms, cluster, cue classes), from the cache. */
  info(token: string): WordInfo {
    return this.word(token).info;
  }

  /** Core form of a token (clitics resolved with the corpus ranks), from the cache. */
  core(token: string): string {
    return this.word(token).info.forms.core;
  }

  /** Emission scores (tokens × tags) for one sentence. */
  scores(tokens: readonly string[]): Float32Array {
    return this.scoresAndLabels(tokens).scores;
  }

  /**
   * Emission scores and the sentence's gazetteer labels (computed once for both features and back-off);
   * `documentRows` adds each token's document-level features (document-context.ts).
   */
  scoresAndLabels(
    tokens: readonly string[],
    documentRows?: readonly (readonly string[])[],
  ): { scores: Float32Array; labels: string[][]; infos: WordInfo[] } {
    const size = this.weights.tags.length;
    const words = tokens.map((t) => this.word(t));
    const infos = words.map((w) => w.info);
    const gazetteer = gazetteerLabels(
      this.resources.gazetteer,
      infos.map((w) => w.forms),
    );
    const sports = isSportsSentence(infos);
    const scores = new Float32Array(tokens.length * size);
    const sentenceLevel: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const base = i * size;
      const own = words[i]!.partial;
      for (let t = 0; t < size; t++) scores[base + t] = own[t]!;
      for (let k = 0; k < NEIGHBOUR_OFFSETS.length; k++) {
        const neighbour = words[i + NEIGHBOUR_OFFSETS[k]!];
        if (!neighbour) continue;
        const from = (k + 1) * size;
        for (let t = 0; t < size; t++) scores[base + t]! += neighbour.partial[from + t]!;
      }
      sentenceLevel.length = 0;
      sentenceLevelFeatures(infos, gazetteer, sports, i, sentenceLevel);
      addFeatures(scores, base, sentenceLevel, this.weights);
      const documentLevel = documentRows?.[i];
      if (documentLevel && documentLevel.length > 0) addFeatures(scores, base, documentLevel, this.weights);
    }
    return { scores, labels: gazetteer, infos };
  }
}
