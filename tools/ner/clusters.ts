/**
 * Distributional word clusters from unlabelled text (training time only): word vectors, either
 * skip-gram embeddings (skip-gram.ts, the default) or neighbour (±1, ±2) counts → PPMI → random
 * projection, then hierarchical spherical k-means. Each word gets a path like "3a7" (one base-36
 * digit per level), so prefixes act like Brown-cluster prefixes in the NER features.
 */
import { seededRandom } from '../../src/core/seeded-random.ts';
import { DEFAULT_EMBEDDING_OPTIONS, normalizeRows, trainEmbeddings, type EmbeddingOptions } from './skip-gram.ts';

export interface ClusterOptions {
  /** Most frequent words that get a cluster. */
  readonly vocabSize: number;
  /** Words seen fewer times get none: their context counts are too noisy. */
  readonly minCount: number;
  /** Most frequent words used as context dimensions. */
  readonly contextSize: number;
  /** Neighbour positions counted as contexts, e.g. [-2, -1, 1, 2]. */
  readonly offsets: readonly number[];
  /** Dimensions of the random projection. */
  readonly dims: number;
  /** Clusters per level (each ≤ 36: one base-36 digit), e.g. [16, 16, 16] → up to 4,096 leaves. */
  readonly branching: readonly number[];
  readonly iterations: number;
  readonly seed: number;
  /** Word vectors: skip-gram embeddings (`dims` long) or PPMI counts with a random projection. */
  readonly vectors?: 'sgns' | 'ppmi';
  /** Skip-gram settings when `vectors` is 'sgns' (dims comes from `dims`). */
  readonly embedding?: Partial<Omit<EmbeddingOptions, 'dims' | 'seed'>>;
  readonly log?: (line: string) => void;
}

function topWords(counts: ReadonlyMap<string, number>, limit: number, minCount: number): string[] {
  return [...counts.entries()]
    .filter(([, c]) => c >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([w]) => w);
}

/** Neighbour co-occurrence counts: one dense row of offsets × contextSize per vocabulary word. */
function cooccurrences(
  corpus: () => Iterable<readonly string[]>,
  vocab: Map<string, number>,
  context: Map<string, number>,
  offsets: readonly number[],
): Float32Array {
  const width = offsets.length * context.size;
  const matrix = new Float32Array(vocab.size * width);
  for (const sentence of corpus()) {
    for (let i = 0; i < sentence.length; i++) {
      const row = vocab.get(sentence[i]!);
      if (row === undefined) continue;
      offsets.forEach((offset, slot) => {
        const neighbour = sentence[i + offset];
        const column = neighbour === undefined ? undefined : context.get(neighbour);
        if (column !== undefined) matrix[row * width + slot * context.size + column]! += 1;
      });
    }
  }
  return matrix;
}

/** PPMI with context-distribution smoothing (α = 0.75, Levy et al. 2015), then random projection and L2 norm. */
function projectRows(matrix: Float32Array, rows: number, width: number, options: ClusterOptions): Float32Array {
  const rowSums = new Float64Array(rows);
  const colSums = new Float64Array(width);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < width; c++) {
      const v = matrix[r * width + c]!;
      rowSums[r]! += v;
      colSums[c]! += v;
    }
  }
  let smoothedTotal = 0;
  for (let c = 0; c < width; c++) {
    colSums[c] = Math.pow(colSums[c]!, 0.75);
    smoothedTotal += colSums[c]!;
  }
  const random = seededRandom(options.seed);
  const projection = new Float32Array(width * options.dims);
  // Sum of three ±1 draws: cheap, roughly Gaussian, and deterministic under the seed.
  for (let i = 0; i < projection.length; i++)
    projection[i] = (random() < 0.5 ? -1 : 1) + (random() < 0.5 ? -1 : 1) + (random() < 0.5 ? -1 : 1);
  const out = new Float32Array(rows * options.dims);
  for (let r = 0; r < rows; r++) {
    const o = r * options.dims;
    for (let c = 0; c < width; c++) {
      const count = matrix[r * width + c]!;
      if (count === 0) continue;
      const pmi = Math.log((count * smoothedTotal) / (rowSums[r]! * colSums[c]!));
      if (pmi <= 0) continue;
      const p = c * options.dims;
      for (let d = 0; d < options.dims; d++) out[o + d]! += pmi * projection[p + d]!;
    }
    let norm = 0;
    for (let d = 0; d < options.dims; d++) norm += out[o + d]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < options.dims; d++) out[o + d]! /= norm;
  }
  return out;
}

/** Spherical k-means over the given rows; returns a cluster index per member. */
function kMeans(
  vectors: Float32Array,
  dims: number,
  members: readonly number[],
  k: number,
  options: ClusterOptions,
): Int32Array {
  const assignment = new Int32Array(members.length);
  if (members.length <= k) {
    for (let i = 0; i < members.length; i++) assignment[i] = i;
    return assignment;
  }
  const random = seededRandom(options.seed + members.length);
  const centroids = new Float32Array(k * dims);
  for (let j = 0; j < k; j++) {
    const pick = members[Math.floor(random() * members.length)]!;
    centroids.set(vectors.subarray(pick * dims, pick * dims + dims), j * dims);
  }
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    for (let i = 0; i < members.length; i++) {
      const v = members[i]! * dims;
      let best = 0;
      let bestScore = -Infinity;
      for (let j = 0; j < k; j++) {
        let score = 0;
        for (let d = 0; d < dims; d++) score += vectors[v + d]! * centroids[j * dims + d]!;
        if (score > bestScore) {
          bestScore = score;
          best = j;
        }
      }
      assignment[i] = best;
    }
    centroids.fill(0);
    for (let i = 0; i < members.length; i++) {
      const v = members[i]! * dims;
      const c = assignment[i]! * dims;
      for (let d = 0; d < dims; d++) centroids[c + d]! += vectors[v + d]!;
    }
    normalizeRows(centroids, dims);
  }
  return assignment;
}

/** Word vectors (one row per vocabulary word, L2-normalised) and the vocabulary in frequency order. */
export interface WordVectors {
  readonly words: readonly string[];
  readonly dims: number;
  readonly vectors: Float32Array;
}

/**
 * Vectors for the `vocabSize` most frequent words of sentences of (normalised) words: skip-gram
 * embeddings or PPMI counts with a random projection (`options.vectors`). `corpus` may be called
 * more than once, so it can stream.
 */
export function buildWordVectors(corpus: () => Iterable<readonly string[]>, options: ClusterOptions): WordVectors {
  const counts = new Map<string, number>();
  for (const sentence of corpus()) for (const w of sentence) counts.set(w, (counts.get(w) ?? 0) + 1);
  const vocabList = topWords(counts, options.vocabSize, options.minCount);
  const vocab = new Map(vocabList.map((w, i) => [w, i]));
  if (options.vectors === 'ppmi') {
    const context = new Map(vocabList.slice(0, options.contextSize).map((w, i) => [w, i]));
    const matrix = cooccurrences(corpus, vocab, context, options.offsets);
    return {
      words: vocabList,
      dims: options.dims,
      vectors: projectRows(matrix, vocab.size, options.offsets.length * context.size, options),
    };
  }
  const sentences: Int32Array[] = [];
  for (const sentence of corpus()) sentences.push(Int32Array.from(sentence, (w) => vocab.get(w) ?? -1));
  const vectors = trainEmbeddings(
    sentences,
    vocabList.map((w) => counts.get(w)!),
    {
      ...DEFAULT_EMBEDDING_OPTIONS,
      ...options.embedding,
      dims: options.dims,
      seed: options.seed,
      log: options.log,
    },
  );
  return { words: vocabList, dims: options.dims, vectors };
}

/** Hierarchical spherical k-means over word vectors: word → path of one base-36 digit per level. */
export function clusterWordVectors(wordVectors: WordVectors, options: ClusterOptions): Map<string, string> {
  const { words, dims, vectors } = wordVectors;
  const paths = new Array<string>(words.length).fill('');
  let groups: number[][] = [words.map((_, i) => i)];
  for (const k of options.branching) {
    const next: number[][] = [];
    for (const members of groups) {
      const assignment = kMeans(vectors, dims, members, k, options);
      const children: number[][] = Array.from({ length: k }, () => []);
      members.forEach((m, i) => {
        children[assignment[i]!]!.push(m);
        paths[m] += assignment[i]!.toString(36);
      });
      next.push(...children.filter((c) => c.length > 0));
    }
    groups = next;
  }
  return new Map(words.map((w, i) => [w, paths[i]!]));
}

/** Builds word → cluster path from sentences of (normalised) words (vectors, then clusters). */
export function buildClusters(corpus: () => Iterable<readonly string[]>, options: ClusterOptions): Map<string, string> {
  return clusterWordVectors(buildWordVectors(corpus, options), options);
}
