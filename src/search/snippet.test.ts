import { describe, expect, it } from 'vitest';
import { parseQuery, highlightTerms } from './query.ts';
import { buildSnippet, findHighlights } from './snippet.ts';

const BODY = [
  'أعلنت وزارة الدفاع في بغداد، صباح الثلاثاء، عن جولة جديدة من الاجتماعات الفنية مع وفد عسكري زائر.',
  'وقال متحدث باسم الوزارة إن الجولة تبحث جدولاً زمنياً لتقليص عدد المستشارين العسكريين الأميركيين في القواعد.',
  'وأضاف أن الجانبين اتفقا على مواصلة التنسيق الأمني، مشيراً إلى أن القوات الأميركية ستبقى في إقليم كردستان حتى نهاية العام المقبل.',
].join('\n');

function terms(query: string) {
  return highlightTerms(parseQuery(query));
}

describe('findHighlights', () => {
  it('maps a query spelled «الأمريكية» to every «الأميركيين/الأميركية» in the original text', () => {
    const spans = findHighlights(BODY, terms('الأمريكية'));
    expect(spans.map((s) => BODY.slice(s.start, s.end))).toEqual(['الأميركيين', 'الأميركية']);
  });

  it('keeps tashkeel inside the highlighted surface', () => {
    const text = 'زارَ الوفدُ العراقيُّ واشنطن';
    const spans = findHighlights(text, terms('العراقي'));
    const start = text.indexOf('العراقيُّ');
    expect(spans).toEqual([{ start, end: start + 'العراقيُّ'.length }]);
  });
});

describe('buildSnippet', () => {
  it('cuts the densest window of matches and gives highlights relative to the snippet', () => {
    const snippet = buildSnippet(BODY, terms('الأمريكية كردستان إقليم'), 120);
    expect(snippet.text.length).toBeLessThanOrEqual(120);
    expect(BODY.slice(snippet.start, snippet.end)).toBe(snippet.text);
    const surfaces = snippet.highlights.map((h) => snippet.text.slice(h.start, h.end));
    expect(surfaces).toEqual(['الأميركية', 'إقليم', 'كردستان']);
    expect(snippet.truncatedStart).toBe(true);
  });

  it('starts at the beginning of the text when nothing matches', () => {
    const snippet = buildSnippet(BODY, terms('طهران'), 80);
    expect(snippet.start).toBe(0);
    expect(snippet.highlights).toEqual([]);
    expect(snippet.truncatedEnd).toBe(true);
    expect(BODY.startsWith(snippet.text)).toBe(true);
  });

  it('never cuts a word in half', () => {
    const snippet = buildSnippet(BODY, terms('التنسيق'), 60);
    const before = BODY[snippet.start - 1];
    const after = BODY[snippet.end];
    expect(before === undefined || /\s/u.test(before)).toBe(true);
    expect(after === undefined || /[\s،.]/u.test(after)).toBe(true);
  });

  it('returns the whole text when it is short', () => {
    const text = 'وصل وفد أمريكي إلى أربيل.';
    const snippet = buildSnippet(text, terms('أميركي'));
    expect(snippet.text).toBe(text);
    expect(snippet.highlights.map((h) => text.slice(h.start, h.end))).toEqual(['أمريكي']);
    expect(snippet.truncatedStart || snippet.truncatedEnd).toBe(false);
  });
});
