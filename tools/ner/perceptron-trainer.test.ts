import { describe, expect, it } from 'vitest';
import { allowedTransitions, emissionScores, viterbi } from '../../src/analyze/entities/perceptron.ts';
import { PerceptronTrainer } from './perceptron-trainer.ts';

const TAGS = ['O', 'B-PERS', 'I-PERS', 'B-LOC', 'I-LOC'];

describe('perceptron training', () => {
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

  it('updates by the given rate: rewards the gold tag and penalises the predicted one', () => {
    const trainer = new PerceptronTrainer(
      TAGS,
      new Map([
        ['w=سامي', 0],
        ['w=حلب', 1],
      ]),
    );
    const rows = [['w=سامي'], ['w=حلب']];
    trainer.update(rows, [1, 3], [0, 0], 0.25);
    const weights = trainer.weights;
    expect(weights.emission[0 * TAGS.length + 1]).toBeCloseTo(0.25, 6);
    expect(weights.emission[0 * TAGS.length + 0]).toBeCloseTo(-0.25, 6);
  });
});
