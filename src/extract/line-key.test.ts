import { describe, expect, it } from 'vitest';
import { lineKey } from './line-key.ts';

describe('lineKey', () => {
  it('folds, drops punctuation and maps key offsets back to the line', () => {
    const line = 'إقرأ أيضاً: «مفاوضات» جديدة!';
    const { key, toSource, base } = lineKey(line);
    expect(key).toBe('اقرا ايضا مفاوضات جديدة');
    const at = key.indexOf('مفاوضات');
    expect(line.slice(toSource[at]! - base, toSource[at + 'مفاوضات'.length - 1]! - base + 1)).toBe('مفاوضات');
    expect(toSource.length).toBe(key.length + 1);
  });
});
