import { describe, expect, it } from 'vitest';
import { biasedScores } from './tagger.ts';

describe('decoding bias', () => {
  const tags = ['O', 'B-ORG', 'I-ORG', 'B-PERS', 'I-PERS'];
  it('adds bias × unit to the biased type’s B- and I- columns of every token, leaving O and other types alone', () => {
    const scores = Float32Array.from([1, 0, 0, 0.5, 0, /* token 2 */ 0, 2, 1, 0, 0]);
    const out = biasedScores(scores, tags, { ORG: 0.5 }, 2);
    expect([...out]).toEqual([1, 1, 1, 0.5, 0, 0, 3, 2, 0, 0]);
    expect([...scores]).toEqual([1, 0, 0, 0.5, 0, 0, 2, 1, 0, 0]); // the input is not modified
  });
  it('can lower a type (negative bias) and ignores types without an entry', () => {
    const out = biasedScores(Float32Array.from([0, 1, 1, 1, 1]), tags, { PERS: -1 }, 1);
    expect([...out]).toEqual([0, 1, 1, 0, 0]);
  });
});
