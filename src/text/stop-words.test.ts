import { describe, expect, it } from 'vitest';
import { stopWords } from './stop-words.ts';

describe('stopWords', () => {
  it('folds each subset with its profile', () => {
    expect(stopWords('prose').has('الي')).toBe(true); // «إلى»
    expect(stopWords('cluster').has('الجمعه')).toBe(true); // «الجمعة», ة folded
    expect(stopWords('prose').has('الجمعة')).toBe(false);
  });

  it('keeps the subsets apart: reporting verbs only for clustering, English only for search', () => {
    expect(stopWords('cluster').has('وقال')).toBe(true);
    expect(stopWords('search').has('وقال')).toBe(false);
    expect(stopWords('search').has('the')).toBe(true);
    expect(stopWords('prose').has('the')).toBe(false);
    for (const subset of ['search', 'cluster', 'prose'] as const) expect(stopWords(subset).has('في')).toBe(true);
  });
});
