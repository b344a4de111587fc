import { describe, expect, it } from 'vitest';
import { allowedTransitions, viterbi, emissionScores } from '../perceptron.ts';
import { trainCrf } from './crf.ts';

const TAGS = ['O', 'B-PERS', 'I-PERS', 'B-LOC', 'I-LOC'];

describe('trainCrf', () => {
  it('learns a person after a title and a place after a preposition, with BIO-valid decoding', () => {
    const dictionary = new Map([['w=الرئيس', 0], ['w=في', 1], ['prev=الرئيس', 2], ['prev=في', 3], ['bias', 4], ['w=حسن', 5]]);
    const rows = (features: string[][]) => features.map((row) => Int32Array.from(row.map((f) => dictionary.get(f)!)));
    const sentence = {
      rows: rows([['w=الرئيس', 'bias'], ['prev=الرئيس', 'bias'], ['bias'], ['w=في', 'bias'], ['prev=في', 'bias']]),
      gold: [0, 1, 2, 0, 3],
    };
    const weights = trainCrf(TAGS, dictionary, [sentence, sentence, sentence], { epochs: 30, l2: 0.1, learningRate: 0.5, seed: 1 });
    const scores = emissionScores(weights, [['w=الرئيس', 'bias'], ['prev=الرئيس', 'bias'], ['bias'], ['w=في', 'bias'], ['prev=في', 'bias']]);
    expect(viterbi(weights, scores, allowedTransitions(TAGS))).toEqual([0, 1, 2, 0, 3]);
    // Disallowed transitions (O → I-PERS) carry no weight in the result.
    expect(weights.transition[0 * TAGS.length + 2]).toBe(0);
  });
});
