import { describe, expect, it } from 'vitest';
import { splitTerms, toTsVector } from './ts-vector.ts';

describe('toTsVector', () => {
  it('weights headline positions A and leaves a one-position gap before the body', () => {
    expect(toTsVector('وزير نفط', 'وزير زار حقل')).toBe("'وزير':1A,4 'نفط':2A 'زار':5 'حقل':6");
  });

  it('collects every position of a repeated term in order; the body starts after the gap even without a headline', () => {
    expect(toTsVector('', 'قصف غزه قصف')).toBe("'قصف':2,4 'غزه':3");
  });

  it('gives an empty literal for a document without terms', () => {
    expect(toTsVector('', '')).toBe('');
    expect(toTsVector(' ، ', '...')).toBe('');
  });

  it('clamps positions at 16383 and keeps at most 256 per term, as PostgreSQL would silently', () => {
    const body = Array.from({ length: 17_000 }, () => 'سلام').join(' ');
    const vector = toTsVector('', body);
    const positions = vector.split(':')[1]!.split(',');
    expect(positions).toHaveLength(256);
    const long = `${Array.from({ length: 16_400 }, (_, i) => `ك${i}`).join(' ')} اخير`;
    expect(toTsVector('', long)).toContain("'اخير':16383");
  });

  it('drops a term longer than a lexeme may be but keeps the positions after it', () => {
    expect(toTsVector('', `${'ب'.repeat(1_100)} خبر`)).toBe("'خبر':3");
  });
});

describe('splitTerms', () => {
  it('keeps letters, digits and marks together and lower-cases Latin', () => {
    expect(splitTerms('مُؤتمر UN-2024 ٣٠')).toEqual(['مُؤتمر', 'un', '2024', '٣٠']);
  });
});
