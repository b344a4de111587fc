import { describe, expect, it } from 'vitest';
import { meanWeights } from './train.ts';

describe('meanWeights', () => {
  it('averages emission and transition weights element-wise over one feature dictionary', () => {
    const features = new Map([['w=بغداد', 0]]);
    const tags = ['O', 'B-LOC'];
    const a = { tags, features, emission: Float32Array.from([1, 3]), transition: Float32Array.from([0, 2, 4, 6, 8, 10]) };
    const b = { tags, features, emission: Float32Array.from([3, -1]), transition: Float32Array.from([2, 2, 2, 2, 2, 2]) };
    const mean = meanWeights([a, b]);
    expect([...mean.emission]).toEqual([2, 1]);
    expect([...mean.transition]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(mean.features).toBe(features);
    expect([...meanWeights([a]).emission]).toEqual([1, 3]);
  });
});
