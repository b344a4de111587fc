import { describe, expect, it } from 'vitest';
import { notBeforeMonth } from '../cluster/not-before.ts';
import { sentenceAround, sentenceSpans } from './sentences.ts';
import { clusterTerms, foldText, stemWord } from './terms.ts';

describe('clusterTerms', () => {
  it('folds, drops stop words and strips article/proclitic prefixes and plural/nisba suffixes', () => {
    expect(foldText('أعلنتْ الوزارةُ ١٢ قراراً')).toBe('اعلنت الوزاره 12 قرارا');
    expect(clusterTerms('وقال إن القوات العراقية والأمريكية في بغداد')).toEqual(['قوات', 'عراق', 'امريك', 'بغداد']);
    expect(stemWord('وزير')).toBe('وزير');
    expect(stemWord('وواشنطن')).toBe('واشنطن');
  });
});

describe('sentenceSpans', () => {
  it('splits at line breaks and sentence marks but not inside decimals', () => {
    const text = 'ارتفع المؤشر 2.5 بالمئة. وتراجع النفط؟\nوقال محلل: الأسواق مستقرة';
    const spans = sentenceSpans(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'ارتفع المؤشر 2.5 بالمئة.',
      'وتراجع النفط؟',
      'وقال محلل: الأسواق مستقرة',
    ]);
    const at = text.indexOf('النفط');
    expect(text.slice(...(Object.values(sentenceAround(spans, at, at + 5)) as [number, number]))).toBe('وتراجع النفط؟');
  });
});

describe('notBeforeMonth', () => {
  it('places year-less months after the latest explicit date', () => {
    const body = 'انطلق الحوار في آب/أغسطس 2023، وفي أبريل/نيسان زار رئيس الوزراء واشنطن، ثم استؤنفت المحادثات.';
    expect(notBeforeMonth(body)).toBe(2024 * 12 + 3);
    expect(notBeforeMonth('قال الوزير إن المحادثات مستمرة')).toBeNull();
    expect(notBeforeMonth('منذ عام 2019 وحتى نوفمبر')).toBe(2019 * 12 + 10);
  });
  it('does not read «أب» (father) as the month August without a year or slash', () => {
    expect(notBeforeMonth('زار الأب ابنه في عام 2020')).toBe(2020 * 12);
  });
});
