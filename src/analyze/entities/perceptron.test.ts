import { describe, expect, it } from 'vitest';
import { allowedTransitions } from './perceptron.ts';

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
});
