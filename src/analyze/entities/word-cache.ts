/**
 * Fast emission scoring for decoding: the word-level feature rows of each distinct token are looked up
 * once and cached (bounded), so only the few sentence-level features are built as strings per token.
 * Must give exactly the scores of `emissionScores(weights, sentenceFeatures(...))` (tested).
 */
import {
  NEIGHBOUR_OFFSETS, neighbourWordFeatures, ownWordFeatures, sentenceLevelFeatures, wordInfo,
  type FeatureResources, type WordInfo,
} from './features.ts';
import { gazetteerLabels } from './gazetteer.ts';
import type { TaggerWeights } from './perceptron.ts';

/** Distinct tokens kept; news vocabulary per process rarely exceeds this, and the cache restarts when full. */
const MAX_CACHED_WORDS = 200_000;

interface CachedWord {
  readonly info: WordInfo;
  /** Weight rows of the word's own features. */
  readonly own: Int32Array;
  /** Weight rows of its features as the neighbour at each NEIGHBOUR_OFFSETS entry (same order). */
  readonly asNeighbour: readonly Int32Array[];
}

function rowsOf(features: readonly string[], index: ReadonlyMap<string, number>): Int32Array {
  const rows: number[] = [];
  for (const f of features) {
    const row = index.get(f);
    if (row !== undefined) rows.push(row);
  }
  return Int32Array.from(rows);
}

function addRows(scores: Float32Array, base: number, rows: Int32Array, weights: TaggerWeights): void {
  const size = weights.tags.length;
  for (let r = 0; r < rows.length; r++) {
    const offset = rows[r]! * size;
    for (let t = 0; t < size; t++) scores[base + t]! += weights.emission[offset + t]!;
  }
}

export class WordFeatureCache {
  private readonly words = new Map<string, CachedWord>();

  constructor(private readonly weights: TaggerWeights, private readonly resources: FeatureResources) {}

  private word(token: string): CachedWord {
    const hit = this.words.get(token);
    if (hit) return hit;
    if (this.words.size >= MAX_CACHED_WORDS) this.words.clear();
    const info = wordInfo(token, this.resources);
    const own: string[] = [];
    ownWordFeatures(info, own);
    const asNeighbour = NEIGHBOUR_OFFSETS.map((d) => {
      const out: string[] = [];
      neighbourWordFeatures(info, d, out);
      return rowsOf(out, this.weights.features);
    });
    const entry = { info, own: rowsOf(own, this.weights.features), asNeighbour };
    this.words.set(token, entry);
    return entry;
  }

  /** Emission scores (tokens × tags) for one sentence. */
  scores(tokens: readonly string[]): Float32Array {
    const size = this.weights.tags.length;
    const words = tokens.map((t) => this.word(t));
    const infos = words.map((w) => w.info);
    const gazetteer = gazetteerLabels(this.resources.gazetteer, infos.map((w) => w.forms));
    const scores = new Float32Array(tokens.length * size);
    const sentenceLevel: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const base = i * size;
      addRows(scores, base, words[i]!.own, this.weights);
      NEIGHBOUR_OFFSETS.forEach((d, k) => {
        const neighbour = words[i + d];
        if (neighbour) addRows(scores, base, neighbour.asNeighbour[k]!, this.weights);
      });
      sentenceLevel.length = 0;
      sentenceLevelFeatures(infos, gazetteer, i, sentenceLevel);
      addRows(scores, base, rowsOf(sentenceLevel, this.weights.features), this.weights);
    }
    return scores;
  }
}
