/** Averaged structured-perceptron training (used by scripts/train-ner.ts only; the tagger that decodes is src/analyze/entities/perceptron.ts). */
import type { TaggerWeights } from '../../src/analyze/entities/perceptron.ts';

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

  constructor(
    readonly tags: readonly string[],
    readonly features: ReadonlyMap<string, number>,
  ) {
    this.emission = new Float32Array(features.size * tags.length);
    this.emissionTotal = new Float64Array(this.emission.length);
    this.transition = new Float32Array((tags.length + 1) * tags.length);
    this.transitionTotal = new Float64Array(this.transition.length);
  }

  get weights(): TaggerWeights {
    return { tags: this.tags, features: this.features, emission: this.emission, transition: this.transition };
  }

  /** One perceptron update of size `rate`: reward the gold path, penalise the predicted one where they differ. */
  update(
    featureRows: readonly (readonly string[])[],
    gold: readonly number[],
    predicted: readonly number[],
    rate = 1,
  ): void {
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
    return {
      tags: this.tags,
      features: this.features,
      emission: average(this.emission, this.emissionTotal),
      transition: average(this.transition, this.transitionTotal),
    };
  }
}
