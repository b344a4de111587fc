import { describe, expect, it } from 'vitest';
import { growsLinearly, isLinearGrowth, measureGrowth } from './growth.ts';

describe('measureGrowth', () => {
  it('tells linear work from quadratic work', () => {
    const linear = measureGrowth((k) => {
      let sum = 0;
      for (let i = 0; i < 400_000 * k; i++) sum += i % 7;
      return sum;
    });
    const quadratic = measureGrowth((k) => {
      let sum = 0;
      const n = 1_500 * k;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sum += (i ^ j) & 1;
      return sum;
    });
    expect(isLinearGrowth(linear)).toBe(true);
    expect(quadratic.ratio).toBeGreaterThan(8);
    expect(isLinearGrowth(quadratic)).toBe(false);
  });

  it('does not judge runs too short to time', () => {
    expect(isLinearGrowth({ ratio: 30, largeMs: 3 })).toBe(true);
    expect(isLinearGrowth({ ratio: 30, largeMs: 300 })).toBe(false);
  });
});

describe('growsLinearly', () => {
  it('passes linear work and fails quadratic work', () => {
    expect(growsLinearly((k) => 'ab'.repeat(200_000 * k).split('b').length)).toBe(true);
    expect(
      growsLinearly((k) => {
        let sum = 0;
        const n = 1_500 * k;
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sum += (i ^ j) & 1;
        return sum;
      }),
    ).toBe(false);
  });
});
