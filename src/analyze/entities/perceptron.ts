/**
 * First-order structured perceptron over BIO tags: per-feature emission weights, tag-transition
 * weights and a Viterbi decoder that only allows valid BIO sequences (no O → I-X, no B-X → I-Y).
 */

export interface TaggerWeights {
  readonly tags: readonly string[];
  /** Feature string → row index into `emission` (row = tags.length weights). */
  readonly features: ReadonlyMap<string, number>;
  readonly emission: Float32Array;
  /** transition[from * T + to]; row T is the sentence start. */
  readonly transition: Float32Array;
}

/** allowed[from * T + to] for BIO validity; row T is the sentence start. */
export function allowedTransitions(tags: readonly string[]): Uint8Array {
  const size = tags.length;
  const allowed = new Uint8Array((size + 1) * size);
  for (let from = 0; from <= size; from++) {
    for (let to = 0; to < size; to++) {
      const target = tags[to]!;
      if (!target.startsWith('I-')) {
        allowed[from * size + to] = 1;
        continue;
      }
      const source = from < size ? tags[from]! : 'O';
      allowed[from * size + to] = source !== 'O' && source.slice(2) === target.slice(2) ? 1 : 0;
    }
  }
  return allowed;
}

/** Emission scores per token (tokens × tags), from the features each token fires. */
export function emissionScores(weights: TaggerWeights, featureRows: readonly (readonly string[])[]): Float32Array {
  const size = weights.tags.length;
  const scores = new Float32Array(featureRows.length * size);
  for (let i = 0; i < featureRows.length; i++) {
    const base = i * size;
    for (const feature of featureRows[i]!) {
      const row = weights.features.get(feature);
      if (row === undefined) continue;
      const offset = row * size;
      for (let t = 0; t < size; t++) scores[base + t]! += weights.emission[offset + t]!;
    }
  }
  return scores;
}

/** Best BIO-valid tag sequence (tag indices) for the given emission scores. */
export function viterbi(weights: TaggerWeights, scores: Float32Array, allowed: Uint8Array): number[] {
  const size = weights.tags.length;
  const n = scores.length / size;
  if (n === 0) return [];
  const best = new Float64Array(n * size);
  const back = new Int32Array(n * size);
  for (let t = 0; t < size; t++) {
    best[t] = allowed[size * size + t] ? scores[t]! + weights.transition[size * size + t]! : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    for (let to = 0; to < size; to++) {
      let top = -Infinity;
      let arg = 0;
      for (let from = 0; from < size; from++) {
        if (!allowed[from * size + to]) continue;
        const value = best[(i - 1) * size + from]! + weights.transition[from * size + to]!;
        if (value > top) {
          top = value;
          arg = from;
        }
      }
      best[i * size + to] = top + scores[i * size + to]!;
      back[i * size + to] = arg;
    }
  }
  let last = 0;
  for (let t = 1; t < size; t++) if (best[(n - 1) * size + t]! > best[(n - 1) * size + last]!) last = t;
  const path = new Array<number>(n);
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * size + path[i]!]!;
  return path;
}
