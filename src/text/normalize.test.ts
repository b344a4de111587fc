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

describe('fold profiles', () => {
  it('drops the same invisible marks in every profile', () => {
    const word = 'ال\u200cمُ\u200fسـتشفى\u200b';
    for (const profile of ['display', 'link', 'token', 'cluster', 'search'] as const) {
      expect(normalizeText(word, profile)).toMatch(/^المستشف[يى]$/u);
    }
  });

  it('folds ta marbuta in every key profile but not in the display view', () => {
    expect(normalizeText('الوزارة', 'display')).toBe('الوزارة');
    for (const profile of ['link', 'token', 'cluster', 'search'] as const)
      expect(normalizeText('الوزارة', profile)).toBe('الوزاره');
  });

  it('folds hamza seats, Persian letters and «يرك» for search only', () => {
    expect(normalizeText('المسؤول', 'search')).toBe(normalizeText('المسئول', 'search'));
    expect(normalizeText('المسؤول', 'cluster')).toBe('المسؤول');
    expect(normalizeText('ڤيينا', 'search')).toBe('فيينا');
    expect(normalizeText('ڤيينا', 'token')).toBe('ڤيينا');
    expect(normalizeText('الأميركية', 'search')).toBe('الامريكيه');
    expect(normalizeText('الأميركية', 'cluster')).toBe('الاميركيه');
  });

  it('rewrites only «اميرك» in link keys, so other names keep their ids', () => {
    expect(normalizeKey('الولايات المتحدة الأميركية')).toBe('الولايات المتحده الامريكيه');
    expect(normalizeKey('أنغيلا ميركل')).toBe('انغيلا ميركل');
  });
});
