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
      if (!target.startsWith('I-')) { allowed[from * size + to] = 1; continue; }
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
        if (value > top) { top = value; arg = from; }
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

/**
 * Averaged-perceptron trainer state (Collins 2002, with the lazy-averaging trick): `total` holds
 * Σ step × update so the average is `weights − total / steps` at the end.
 */
export class PerceptronTrainer {
  readonly emission: Float32Array;
  readonly transition: Float32Array;
  private readonly emissionTotal: Float64Array;
  private readonly transitionTotal: Float64Array;
  private step = 1;

  constructor(readonly tags: readonly string[], readonly features: ReadonlyMap<string, number>) {
    this.emission = new Float32Array(features.size * tags.length);
    this.emissionTotal = new Float64Array(this.emission.length);
    this.transition = new Float32Array((tags.length + 1) * tags.length);
    this.transitionTotal = new Float64Array(this.transition.length);
  }

  get weights(): TaggerWeights {
    return { tags: this.tags, features: this.features, emission: this.emission, transition: this.transition };
  }

  /**
   * Step size of a passive-aggressive (PA-I, Crammer et al. 2006) update: the smallest step that makes the
   * gold path beat the prediction by its Hamming loss, capped at `cap`. ‖Δφ‖² counts each differing
   * (feature, tag) pair once (collisions between positions are ignored, a slight over-estimate).
   */
  passiveAggressiveStep(featureRows: readonly (readonly string[])[], gold: readonly number[], predicted: readonly number[], cap: number): number {
    const size = this.tags.length;
    let margin = 0;
    let loss = 0;
    let norm = 0;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i]!;
      const p = predicted[i]!;
      const gFrom = i === 0 ? size : gold[i - 1]!;
      const pFrom = i === 0 ? size : predicted[i - 1]!;
      if (g !== p || gFrom !== pFrom) { margin += this.transition[pFrom * size + p]! - this.transition[gFrom * size + g]!; norm += 2; }
      if (g === p) continue;
      loss++;
      for (const feature of featureRows[i]!) {
        const row = this.features.get(feature);
        if (row === undefined) continue;
        margin += this.emission[row * size + p]! - this.emission[row * size + g]!;
        norm += 2;
      }
    }
    return norm === 0 ? 0 : Math.min(cap, (margin + loss) / norm);
  }

  /** One perceptron update of size `rate`: reward the gold path, penalise the predicted one where they differ. */
  update(featureRows: readonly (readonly string[])[], gold: readonly number[], predicted: readonly number[], rate = 1): void {
    const size = this.tags.length;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i]!;
      const p = predicted[i]!;
      const gFrom = i === 0 ? size : gold[i - 1]!;
      const pFrom = i === 0 ? size : predicted[i - 1]!;
      if (g !== p || gFrom !== pFrom) {
        this.bump(this.transition, this.transitionTotal, gFrom * size + g, rate);
        this.bump(this.transition, this.transitionTotal, pFrom * size + p, -rate);
      }
      if (g === p) continue;
      for (const feature of featureRows[i]!) {
        const row = this.features.get(feature);
        if (row === undefined) continue;
        this.bump(this.emission, this.emissionTotal, row * size + g, rate);
        this.bump(this.emission, this.emissionTotal, row * size + p, -rate);
      }
    }
    this.step++;
  }

  private bump(weights: Float32Array, total: Float64Array, index: number, delta: number): void {
    weights[index]! += delta;
    total[index]! += this.step * delta;
  }

  /** Averaged weights (a fresh copy; the trainer keeps its raw weights). */
  averaged(): TaggerWeights {
    const average = (w: Float32Array, total: Float64Array): Float32Array => {
      const out = new Float32Array(w.length);
      for (let i = 0; i < w.length; i++) out[i] = w[i]! - total[i]! / this.step;
      return out;
    };
    return { tags: this.tags, features: this.features, emission: average(this.emission, this.emissionTotal), transition: average(this.transition, this.transitionTotal) };
  }
}
