import { describe, expect, it } from 'vitest';
import { normalizeView } from '../text/normalize.ts';
import { foldView } from './fold.ts';
import { lineKey } from './line-key.ts';

const SAMPLES = [
  'أعلنَ وزيرُ الخارجيةِ إبراهيم آلِ سعود، في ٢٦ يناير ٢٠٢٤، أنّ المفاوضاتِ مستمرةٌ.',
  'الـــعراق یستعد لانتخابات ۱۴۰۳ فی کربلاء — Reuters said: "Talks RESUME".',
  'مستشفى\u200fالمدينة\u200c ٱلكبرى 𝔸 😀',
  '',
];

describe('foldView', () => {
  it.each(SAMPLES)('builds the same view as normalizeView for «%s»', (text) => {
    const fast = foldView(text);
    const reference = normalizeView(text);
    expect(fast.text).toBe(reference.text);
    expect([...fast.toSource]).toEqual([...reference.toSource]);
  });
});

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
