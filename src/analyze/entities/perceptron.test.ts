import { describe, expect, it } from 'vitest';
import { allowedTransitions, emissionScores, PerceptronTrainer, viterbi } from './perceptron.ts';

const TAGS = ['O', 'B-PERS', 'I-PERS', 'B-LOC', 'I-LOC'];

describe('perceptron tagger', () => {
  it('forbids O → I-X and B-X → I-Y transitions and a sentence-initial I-', () => {
    const allowed = allowedTransitions(TAGS);
    const size = TAGS.length;
    expect(allowed[0 * size + 2]).toBe(0);
    expect(allowed[1 * size + 2]).toBe(1);
    expect(allowed[1 * size + 4]).toBe(0);
    expect(allowed[size * size + 2]).toBe(0);
  });

  it('learns a toy task and decodes only valid BIO sequences', () => {
    const data = [
      { tokens: ['زار', 'سامي', 'فرح', 'حلب'], tags: [0, 1, 2, 3] },
      { tokens: ['زار', 'ليلى', 'حمص'], tags: [0, 1, 3] },
      { tokens: ['سامي', 'فرح', 'في', 'حمص'], tags: [1, 2, 0, 3] },
    ];
    const featureRows = (tokens: string[]) => tokens.map((t, i) => [`w=${t}`, `p=${tokens[i - 1] ?? '<s>'}`]);
    const names = new Set(data.flatMap((d) => featureRows(d.tokens).flat()));
    const trainer = new PerceptronTrainer(TAGS, new Map([...names].map((f, i) => [f, i])));
    const allowed = allowedTransitions(TAGS);
    for (let epoch = 0; epoch < 10; epoch++) {
      for (const d of data) {
        const rows = featureRows(d.tokens);
        trainer.update(rows, d.tags, viterbi(trainer.weights, emissionScores(trainer.weights, rows), allowed));
      }
    }
    const weights = trainer.averaged();
    for (const d of data) {
      const rows = featureRows(d.tokens);
      expect(viterbi(weights, emissionScores(weights, rows), allowed)).toEqual(d.tags);
    }
    const unseen = featureRows(['فرح', 'ليلى']);
    const path = viterbi(weights, emissionScores(weights, unseen), allowed);
    expect(path[0]).not.toBe(2);
    expect(viterbi(weights, new Float32Array(0), allowed)).toEqual([]);
  });

  it('passive-aggressive steps grow with the margin violation and stop at the cap', () => {
    const trainer = new PerceptronTrainer(TAGS, new Map([['w=سامي', 0], ['w=حلب', 1]]));
    const rows = [['w=سامي'], ['w=حلب']];
    // Zero weights: margin 0, loss 2 (both tokens wrong), ‖Δφ‖² = 2 emission pairs × 2 + 2 transition pairs × 2 = 8.
    expect(trainer.passiveAggressiveStep(rows, [1, 3], [0, 0], 10)).toBeCloseTo(2 / 8, 6);
    expect(trainer.passiveAggressiveStep(rows, [1, 3], [0, 0], 0.1)).toBeCloseTo(0.1, 6);
    expect(trainer.passiveAggressiveStep(rows, [1, 3], [1, 3], 10)).toBe(0);
    trainer.update(rows, [1, 3], [0, 0], 0.25);
    const weights = trainer.weights;
    expect(weights.emission[0 * TAGS.length + 1]).toBeCloseTo(0.25, 6);
    expect(weights.emission[0 * TAGS.length + 0]).toBeCloseTo(-0.25, 6);
  });
});
