import { describe, expect, it } from 'vitest';
import { splitProclitics } from './clitics.ts';

function parts(word: string, isKnownStem?: (s: string) => boolean): string[] {
  const split = splitProclitics(word, { isKnownStem });
  return [
    ...split.clitics.map((c) => `${c.kind}:${word.slice(c.start, c.end)}`),
    `stem:${word.slice(split.stemStart)}`,
  ];
}

describe('splitProclitics', () => {
  it('splits conjunction + article and preposition + article', () => {
    expect(parts('والعراق')).toEqual(['conjunction:و', 'article:ال', 'stem:عراق']);
    expect(parts('بالقاهرة')).toEqual(['preposition:ب', 'article:ال', 'stem:قاهرة']);
    expect(parts('وبالتالي')).toEqual(['conjunction:و', 'preposition:ب', 'article:ال', 'stem:تالي']);
    expect(parts('فالحكومة')).toEqual(['conjunction:ف', 'article:ال', 'stem:حكومة']);
  });

  it('reads لل as the preposition ل plus the article with its alef elided', () => {
    expect(parts('للولايات')).toEqual(['preposition:ل', 'article:ل', 'stem:ولايات']);
    expect(parts('وللمرة')).toEqual(['conjunction:و', 'preposition:ل', 'article:ل', 'stem:مرة']);
  });

  it('splits the bare article', () => {
    expect(parts('الرئيس')).toEqual(['article:ال', 'stem:رئيس']);
  });

  it('splits و before a hamza alef or another و, which no stem starts with', () => {
    expect(parts('وأكد')).toEqual(['conjunction:و', 'stem:أكد']);
    expect(parts('ووزير')).toEqual(['conjunction:و', 'stem:وزير']);
  });

  it('keeps root letters that look like clitics', () => {
    for (const word of [
      'وزير',
      'واشنطن',
      'بغداد',
      'لبنان',
      'كركوك',
      'فوائد',
      'والده',
      'بالغة',
      'والي',
      'سيارة',
      'الي',
    ]) {
      expect(parts(word)).toEqual([`stem:${word}`]);
    }
  });

  it('uses the known-stem callback for ambiguous prefixes', () => {
    const known = new Set(['قال', 'بغداد', 'يقوم']);
    const isKnown = (s: string) => known.has(s);
    expect(parts('وقال', isKnown)).toEqual(['conjunction:و', 'stem:قال']);
    expect(parts('ببغداد', isKnown)).toEqual(['preposition:ب', 'stem:بغداد']);
    expect(parts('وسيقوم', isKnown)).toEqual(['conjunction:و', 'future:س', 'stem:يقوم']);
    expect(parts('وزير', isKnown)).toEqual(['stem:وزير']);
  });

  it('skips tashkeel and tatweel between clitic letters, keeping source offsets', () => {
    const word = 'وَالْعِراق';
    const split = splitProclitics(word);
    expect(split.clitics.map((c) => word.slice(c.start, c.end))).toEqual(['وَ', 'الْ']);
    expect(word.slice(split.stemStart)).toBe('عِراق');
  });
});
