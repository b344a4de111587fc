import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.ts';
import { growsLinearly } from '../core/testing/growth.ts';

function sentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it('splits on Arabic and Latin terminators and line breaks', () => {
    const text = 'هل انتهت المحادثات؟ قال المسؤول: لا! وأضاف أن الجولة المقبلة في بغداد.\nعنوان آخر';
    expect(sentences(text)).toEqual([
      'هل انتهت المحادثات؟',
      'قال المسؤول: لا!',
      'وأضاف أن الجولة المقبلة في بغداد.',
      'عنوان آخر',
    ]);
  });

  it('keeps decimals, initials and abbreviations inside the sentence', () => {
    const text = 'بيروت (أ.ف.ب) - قال د. أحمد سالم إن النمو بلغ 3.5 في المئة. وأكد أن U.S. officials agree.';
    expect(sentences(text)).toEqual([
      'بيروت (أ.ف.ب) - قال د. أحمد سالم إن النمو بلغ 3.5 في المئة.',
      'وأكد أن U.S. officials agree.',
    ]);
  });

  it('keeps closing quotes with their sentence and handles ellipses', () => {
    const text = 'وقال: «سننسحب قريباً.» ثم صمت... وانتهى اللقاء';
    expect(sentences(text)).toEqual(['وقال: «سننسحب قريباً.»', 'ثم صمت...', 'وانتهى اللقاء']);
  });

  it('splits a period glued to the next word but not glued initials', () => {
    expect(sentences('انتهى الاجتماع.وقال الوزير')).toEqual(['انتهى الاجتماع.', 'وقال الوزير']);
  });

  it('returns trimmed non-empty spans only', () => {
    expect(splitSentences('  \n\n  ')).toEqual([]);
    const text = '  جملة أولى.   جملة ثانية  ';
    expect(sentences(text)).toEqual(['جملة أولى.', 'جملة ثانية']);
  });

  it('stays linear on pathological input (long initials chains, no terminators)', () => {
    expect(splitSentences('أ.'.repeat(100_000)).length).toBeGreaterThan(0);
    expect(splitSentences('كلمة '.repeat(100_000))).toHaveLength(1);
    expect(splitSentences('!'.repeat(100_000))).toHaveLength(1);
    for (const unit of ['أ.', 'كلمة ', '!']) {
      expect(growsLinearly((k) => splitSentences(unit.repeat(25_000 * k)))).toBe(true);
    }
  });
});
