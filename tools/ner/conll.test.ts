import { describe, expect, it } from 'vitest';
import { parseConll, splitDev } from './conll.ts';

describe('parseConll', () => {
  it('reads token/tag lines, blank-line sentences, tabs, LRM marks and repairs orphan I- tags', () => {
    const text = '\uFEFFزار O\nرئيس\tB-PERS\nالوزراء I-ORG\n\n\u200Eدمشق I-LOC\n. O\n';
    expect(parseConll(text)).toEqual([
      { tokens: ['زار', 'رئيس', 'الوزراء'], tags: ['O', 'B-PERS', 'B-ORG'] },
      { tokens: ['دمشق', '.'], tags: ['B-LOC', 'O'] },
    ]);
  });

  it('maps foreign tags and drops unknown ones to O', () => {
    const text = 'القاهرة B-City\nأمس O';
    expect(parseConll(text, (t) => (t.endsWith('City') ? `${t.slice(0, 2)}LOC` : null))[0]!.tags).toEqual([
      'B-LOC',
      'O',
    ]);
  });
});

describe('splitDev', () => {
  it('takes evenly spaced contiguous blocks totalling the fraction, deterministically', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const { train, dev } = splitDev(items, 0.1, 5);
    expect(dev).toEqual([18, 19, 38, 39, 58, 59, 78, 79, 98, 99]);
    expect(train).toHaveLength(90);
    expect(new Set([...train, ...dev]).size).toBe(100);
  });
});
