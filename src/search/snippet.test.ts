import { describe, expect, it } from 'vitest';
import { parseQuery, highlightTerms } from './query.ts';
import fc from 'fast-check';
import { buildSnippet, findHighlights, findHighlightsByTokens } from './snippet.ts';

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

describe('findHighlights equals analysing every token', () => {
  // Letters that fold together, the «يرك/ريك» variant, tashkeel, tatweel, zero-width marks, digits of three scripts,
  // Latin in both cases, an astral letter and punctuation: the cases where a raw-text pattern could miss a word.
  const UNITS = [...'اأإآٱبتثجحخدذرزسشصضطظعغفقكلمنهوىيةؤئءیکگپچژڤ', 'يرك', 'ريك', 'ال', 'وال', 'ين', 'ات'];
  const MARKS = ['\u064e', '\u064f', '\u0650', '\u0651', '\u0652', '\u064b', '\u0640', '\u200c', '\u200f', '\u0670'];
  const OTHER = ['1', '١', '۱', 'A', 'b', 'Q', '𝐀', '\u{1D400}', '-', '،', '"'];
  const word = fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...UNITS) },
        fc.constantFrom(...MARKS),
        fc.constantFrom(...OTHER),
      ),
      {
        minLength: 1,
        maxLength: 9,
      },
    )
    .map((parts) => parts.join(''));
  const text = fc.array(word, { minLength: 1, maxLength: 40 }).map((words) => words.join(' '));

  it('on generated text, for queries made of its own words and of other words', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        word,
        fc.boolean(),
        (body, picks, extra, star) => {
          const words = body.split(' ');
          const query = [...picks.map((i) => words[i % words.length]!), extra].join(' ') + (star ? '*' : '');
          const highlight = terms(query);
          expect(findHighlights(body, highlight)).toEqual(findHighlightsByTokens(body, highlight));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('on news text with spelling variants, prefixes and phrases', () => {
    const texts = [
      BODY,
      'قالت الخارجيّة الأمريكيّة إنّ واشنطن تتابع «عن كثب» مفاوضات الأمم المتحدة، فيما أكد مسئول أمريكي أن الإدارة الأميركيـة لن تغيّر موقفها.',
      'ارتفعت أسعار النفط ٣٪ في تعاملات الثلاثاء، وسجّل خام برنت 84.5 دولاراً للبرميل بعد قرار «أوبك+» خفض الإنتاج.',
    ];
    const queries = [
      'الأمريكية',
      'امريك*',
      '"الأمم المتحدة"',
      'مسؤول',
      'النفط برنت',
      'الإدارة -واشنطن',
      'أوبك 84.5',
      'ثلاث*',
    ];
    for (const body of texts) {
      for (const query of queries) {
        const highlight = terms(query);
        expect(findHighlights(body, highlight), `${query} in ${body.slice(0, 20)}`).toEqual(
          findHighlightsByTokens(body, highlight),
        );
      }
    }
    expect(findHighlights(texts[1]!, terms('المسؤول الأمريكي')).map((s) => texts[1]!.slice(s.start, s.end))).toEqual([
      'الأمريكيّة',
      'مسئول',
      'أمريكي',
      'الأميركيـة',
    ]);
  });
});
