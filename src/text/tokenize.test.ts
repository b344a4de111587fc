import { describe, expect, it } from 'vitest';
import { tokenize, wordRunAt, wordRuns } from './tokenize.ts';
import { growsLinearly } from '../core/testing/growth.ts';

describe('tokenize', () => {
  it('splits words and punctuation with exact offsets', () => {
    const text = 'أعلنت وزارة الدفاع، الخميس، أن ٢٬٥٠٠ جندي سيبقون في العراق.';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual([
      'أعلنت',
      'وزارة',
      'الدفاع',
      '،',
      'الخميس',
      '،',
      'أن',
      '٢٬٥٠٠',
      'جندي',
      'سيبقون',
      'في',
      'العراق',
      '.',
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens[7]!.kind).toBe('number');
    expect(tokens[3]!.kind).toBe('punct');
  });

  it('keeps decimal numbers whole and splits a trailing period', () => {
    const text = 'ارتفع النمو إلى 3.5% عام 2024.';
    expect(tokenize(text).map((t) => t.text)).toEqual(['ارتفع', 'النمو', 'إلى', '3.5', '%', 'عام', '2024', '.']);
  });

  it('gives clitic sub-spans inside the token', () => {
    const text = 'التقى الوزير والسفير الأمريكي في بغداد';
    const token = tokenize(text).find((t) => t.text === 'والسفير')!;
    expect(token.clitics.map((c) => [c.kind, text.slice(c.start, c.end)])).toEqual([
      ['conjunction', 'و'],
      ['article', 'ال'],
    ]);
    expect(text.slice(token.stemStart, token.end)).toBe('سفير');
  });

  it('keeps tashkeel, tatweel and ZWNJ inside words and treats RLM as space', () => {
    const text = 'قالَ الـــمتحدث\u200F «نعم»';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['قالَ', 'الـــمتحدث', '«', 'نعم', '»']);
  });

  it('handles mixed Latin and Arabic text', () => {
    const text = 'نقلت وكالة Reuters عن مسؤول في NATO';
    expect(tokenize(text).map((t) => t.text)).toEqual(['نقلت', 'وكالة', 'Reuters', 'عن', 'مسؤول', 'في', 'NATO']);
  });

  it('returns nothing for empty or blank text and stays linear on long input', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\t ')).toEqual([]);
    const long = 'والحكومة، '.repeat(50_000);
    expect(tokenize(long)).toHaveLength(100_000);
    expect(growsLinearly((k) => tokenize('والحكومة، '.repeat(12_500 * k)))).toBe(true);
  });
});

describe('wordRunAt', () => {
  it('gives the word run of wordRuns that holds each code unit, and null between runs', () => {
    const text = 'قالَ الـوزير\u200cالأميركي: «𝐀بc ١٢» - ok\u{1D400}';
    const expected: ({ start: number; end: number } | null)[] = Array.from({ length: text.length }, () => null);
    for (const run of wordRuns(text)) {
      for (let i = run.index; i < run.index + run[0].length; i++)
        expected[i] = { start: run.index, end: run.index + run[0].length };
    }
    expect(Array.from({ length: text.length }, (_, i) => wordRunAt(text, i))).toEqual(expected);
    expect(wordRunAt(text, -1)).toBeNull();
    expect(wordRunAt(text, text.length)).toBeNull();
  });
});
