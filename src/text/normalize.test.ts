import { describe, expect, it } from 'vitest';
import { normalizeKey, normalizeText, normalizeView, viewToSource } from './normalize.ts';

describe('normalizeView', () => {
  it('folds alef forms, alef maqsura, Persian letters and digits, and drops tashkeel and tatweel', () => {
    expect(normalizeText('أعلنَ إبراهيمُ آخرَ مستشفى ٱلمدينة')).toBe('اعلن ابراهيم اخر مستشفي المدينة');
    expect(normalizeText('کتاب فی ٢٠٢٤ و۱۹')).toBe('كتاب في 2024 و19');
    expect(normalizeText('الـــعراق')).toBe('العراق');
  });

  it('maps every view offset back to the source, including ends after a trailing tanween', () => {
    const source = 'تعرضت القوات لنحو 151 استهدافاً أمس';
    const view = normalizeView(source);
    const start = view.text.indexOf('استهدافا');
    const span = viewToSource(view, start, start + 'استهدافا'.length);
    expect(source.slice(span.start, span.end)).toBe('استهدافاً');
    expect(view.toSource.length).toBe(view.text.length + 1);
  });

  it('keeps the source text untouched', () => {
    const source = 'قالَ الوزيرُ';
    expect(normalizeView(source).source).toBe(source);
  });

  it('folds ta marbuta only for linking keys', () => {
    expect(normalizeText('الحكومة العراقية')).toBe('الحكومة العراقية');
    expect(normalizeKey('  الحكومة   العراقية ')).toBe('الحكومه العراقيه');
  });
});
