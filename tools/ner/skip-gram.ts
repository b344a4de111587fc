/**
 * Word embeddings from unlabelled text (training time only): skip-gram with negative sampling
 * (Mikolov et al. 2013), single-threaded and seeded so a rebuild gives the same vectors. The NER
 * model uses them through clusters (clusters.ts); they are not shipped themselves.
 */
import { seededRandom } from '../../src/core/seeded-random.ts';

export interface EmbeddingOptions {
  /** Vector length. */
  readonly dims: number;
  /** Largest distance of a context word (each centre word draws its own window in 1..window). */
  readonly window: number;
  /** Noise words per (centre, context) pair. */
  readonly negatives: number;
  /** Passes over the corpus. */
  readonly epochs: number;
  /** Starting learning rate, decayed linearly to ~0. */
  readonly learningRate: number;
  /** Frequent-word subsampling threshold (word2vec's `sample`). */
  readonly sample: number;
  readonly seed: number;
  readonly log?: (line: string) => void;
}

export const DEFAULT_EMBEDDING_OPTIONS: Omit<EmbeddingOptions, 'seed'> = {
  dims: 100,
  window: 5,
  negatives: 5,
  epochs: 3,
  learningRate: 0.025,
  sample: 1e-4,
};

/** Size of the unigram^0.75 table negatives are drawn from. */
const NOISE_TABLE_SIZE = 10_000_000;

/**
 * Trains vectors for `vocab` (index = row) over sentences of word ids (−1 or unknown ids are gaps that
 * break no window: they are simply skipped). `counts[i]` is the corpus frequency of word i.
 * Returns L2-normalised input vectors, row-major (vocab.length × dims).
 */
export function trainEmbeddings(
  sentences: readonly Int32Array[],
  counts: readonly number[],
  options: EmbeddingOptions,
): Float32Array {
  const { dims, window, negatives, epochs, learningRate, sample } = options;
  const size = counts.length;
  const random = seededRandom(options.seed);
  const input = new Float32Array(size * dims);
  for (let i = 0; i < input.length; i++) input[i] = (random() - 0.5) / dims;
  const output = new Float32Array(size * dims);

  const table = new Int32Array(NOISE_TABLE_SIZE);
  let powerTotal = 0;
  for (const c of counts) powerTotal += Math.pow(c, 0.75);
  let word = 0;
  let cumulative = Math.pow(counts[0] ?? 0, 0.75) / powerTotal;
  for (let a = 0; a < NOISE_TABLE_SIZE; a++) {
    table[a] = word;
    if (a / NOISE_TABLE_SIZE > cumulative && word < size - 1) {
      word++;
      cumulative += Math.pow(counts[word]!, 0.75) / powerTotal;
    }
  }

  let total = 0;
  for (const c of counts) total += c;
  const keep = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const f = counts[i]! / total;
    keep[i] = Math.min(1, (Math.sqrt(f / sample) + 1) * (sample / f));
  }

  const corpusTokens = sentences.reduce((n, s) => n + s.length, 0);
  const plannedSteps = corpusTokens * epochs;
  let seen = 0;
  const gradient = new Float32Array(dims);
  const kept = new Int32Array(4096);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const started = Date.now();
    for (const sentence of sentences) {
      seen += sentence.length;
      const rate = Math.max(learningRate * 1e-4, learningRate * (1 - seen / (plannedSteps + 1)));
      let n = 0;
      for (let i = 0; i < sentence.length && n < kept.length; i++) {
        const w = sentence[i]!;
        if (w >= 0 && random() < keep[w]!) kept[n++] = w;
      }
      for (let i = 0; i < n; i++) {
        const centre = kept[i]!;
        const b = 1 + Math.floor(random() * window);
        for (let j = Math.max(0, i - b); j <= Math.min(n - 1, i + b); j++) {
          if (j === i) continue;
          const context = kept[j]! * dims;
          gradient.fill(0);
          for (let d = 0; d <= negatives; d++) {
            let target: number;
            let label: number;
            if (d === 0) {
              target = centre;
              label = 1;
            } else {
              target = table[Math.floor(random() * NOISE_TABLE_SIZE)]!;
              if (target === centre) continue;
              label = 0;
            }
            const o = target * dims;
            let dot = 0;
            for (let k = 0; k < dims; k++) dot += input[context + k]! * output[o + k]!;
            const sigmoid = dot > 6 ? 1 : dot < -6 ? 0 : 1 / (1 + Math.exp(-dot));
            const g = (label - sigmoid) * rate;
            for (let k = 0; k < dims; k++) {
              gradient[k]! += g * output[o + k]!;
              output[o + k]! += g * input[context + k]!;
            }
          }
          for (let k = 0; k < dims; k++) input[context + k]! += gradient[k]!;
        }
      }
    }
    options.log?.(`embeddings: epoch ${epoch + 1}/${epochs} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  normalizeRows(input, dims);
  return input;
}

/** Scales every row of a row-major matrix (`dims` columns) to unit L2 length, in place (zero rows stay zero). */
export function normalizeRows(matrix: Float32Array, dims: number): void {
  for (let o = 0; o < matrix.length; o += dims) {
    let norm = 0;
    for (let k = 0; k < dims; k++) norm += matrix[o + k]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < dims; k++) matrix[o + k]! /= norm;
  }
}
