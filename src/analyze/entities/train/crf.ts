/**
 * Linear-chain CRF training (Lafferty et al. 2001) over the same features and BIO-valid transitions as
 * the perceptron: log-space forward–backward, stochastic gradient ascent on the L2-regularised
 * log-likelihood (lazy weight scaling, step η₀ / (1 + t / N)). Produces `TaggerWeights`, so decoding
 * (Viterbi) and the model file are unchanged.
 */
import { seededRandom, shuffleInPlace } from '../../../core/seeded-random.ts';
import { allowedTransitions, type TaggerWeights } from '../perceptron.ts';

export interface CrfOptions {
  readonly epochs: number;
  /** L2 strength over the whole corpus (σ⁻²); each sentence carries 1/N of it. */
  readonly l2: number;
  /** Initial step size. */
  readonly learningRate: number;
  readonly seed: number;
  /** Called after each epoch with the current weights (dev scoring). */
  readonly onEpoch?: (epoch: number, weights: TaggerWeights, logLikelihood: number) => void;
}

export interface CrfSentence {
  /** Feature indices per token (into the dictionary). */
  readonly rows: readonly Int32Array[];
  readonly gold: readonly number[];
}

function logSumExp(values: Float64Array, length: number): number {
  let max = -Infinity;
  for (let i = 0; i < length; i++) if (values[i]! > max) max = values[i]!;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let i = 0; i < length; i++) sum += Math.exp(values[i]! - max);
  return max + Math.log(sum);
}

export function trainCrf(tags: readonly string[], features: ReadonlyMap<string, number>, sentences: readonly CrfSentence[], options: CrfOptions): TaggerWeights {
  const size = tags.length;
  const allowed = allowedTransitions(tags);
  const emission = new Float32Array(features.size * size);
  const transition = new Float32Array((size + 1) * size);
  let scale = 1;
  const n = sentences.length;
  const random = seededRandom(options.seed);
  const order = sentences.map((_, i) => i);
  const buffer = new Float64Array(size + 1);
  let step = 0;
  const snapshot = (): TaggerWeights => {
    const e = new Float32Array(emission.length);
    for (let i = 0; i < e.length; i++) e[i] = emission[i]! * scale;
    const t = new Float32Array(transition.length);
    for (let i = 0; i < t.length; i++) t[i] = allowed[i] ? transition[i]! * scale : 0;
    return { tags, features, emission: e, transition: t };
  };
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffleInPlace(order, random);
    let logLikelihood = 0;
    for (const index of order) {
      const sentence = sentences[index]!;
      const length = sentence.gold.length;
      if (length === 0) continue;
      const eta = options.learningRate / (1 + step / n);
      step++;
      // Emission scores (weights are scale × stored values).
      const scores = new Float64Array(length * size);
      for (let i = 0; i < length; i++) {
        for (const row of sentence.rows[i]!) {
          const offset = row * size;
          for (let t = 0; t < size; t++) scores[i * size + t]! += emission[offset + t]!;
        }
        for (let t = 0; t < size; t++) scores[i * size + t]! *= scale;
      }
      const transScaled = new Float64Array(transition.length);
      for (let k = 0; k < transition.length; k++) transScaled[k] = allowed[k] ? transition[k]! * scale : -Infinity;
      const trans = (from: number, to: number): number => transScaled[from * size + to]!;
      const alpha = new Float64Array(length * size);
      const beta = new Float64Array(length * size);
      for (let t = 0; t < size; t++) alpha[t] = scores[t]! + trans(size, t);
      for (let i = 1; i < length; i++) {
        for (let to = 0; to < size; to++) {
          for (let from = 0; from < size; from++) buffer[from] = alpha[(i - 1) * size + from]! + trans(from, to);
          alpha[i * size + to] = logSumExp(buffer, size) + scores[i * size + to]!;
        }
      }
      for (let i = length - 2; i >= 0; i--) {
        for (let from = 0; from < size; from++) {
          for (let to = 0; to < size; to++) buffer[to] = trans(from, to) + scores[(i + 1) * size + to]! + beta[(i + 1) * size + to]!;
          beta[i * size + from] = logSumExp(buffer, size);
        }
      }
      const logZ = logSumExp(alpha.subarray((length - 1) * size), size);
      let goldScore = 0;
      for (let i = 0; i < length; i++) goldScore += scores[i * size + sentence.gold[i]!]! + trans(i === 0 ? size : sentence.gold[i - 1]!, sentence.gold[i]!);
      logLikelihood += goldScore - logZ;
      // L2 shrink (lazy: all weights at once through the scale), then the likelihood gradient step.
      scale *= 1 - (eta * options.l2) / n;
      if (scale < 1e-6) {
        for (let i = 0; i < emission.length; i++) emission[i]! *= scale;
        for (let i = 0; i < transition.length; i++) transition[i]! *= scale;
        scale = 1;
      }
      const g = eta / scale;
      for (let i = 0; i < length; i++) {
        const gold = sentence.gold[i]!;
        for (let t = 0; t < size; t++) {
          const marginal = Math.exp(alpha[i * size + t]! + beta[i * size + t]! - logZ);
          const delta = ((t === gold ? 1 : 0) - marginal) * g;
          if (Math.abs(delta) < 1e-9 * g) continue;
          for (const row of sentence.rows[i]!) emission[row * size + t]! += delta;
        }
        const goldFrom = i === 0 ? size : sentence.gold[i - 1]!;
        transition[goldFrom * size + gold]! += g;
        if (i === 0) {
          for (let t = 0; t < size; t++) if (allowed[size * size + t]) transition[size * size + t]! -= g * Math.exp(alpha[t]! + beta[t]! - logZ);
          continue;
        }
        for (let from = 0; from < size; from++) {
          const a = alpha[(i - 1) * size + from]!;
          if (a === -Infinity) continue;
          for (let to = 0; to < size; to++) {
            if (!allowed[from * size + to]) continue;
            const pair = Math.exp(a + transScaled[from * size + to]! + scores[i * size + to]! + beta[i * size + to]! - logZ);
            transition[from * size + to]! -= g * pair;
          }
        }
      }
    }
    options.onEpoch?.(epoch, snapshot(), logLikelihood);
  }
  return snapshot();
}
