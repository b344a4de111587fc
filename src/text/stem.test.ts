import { describe, expect, it } from 'vitest';
import { foldWord, lightStem, searchTerms, searchTokens } from './stem.ts';

describe('lightStem', () => {
  it('gives every spelling and inflection of «American» the same stem', () => {
    const forms = [
      'الأمريكية',
      'الأميركية',
      'والأمريكية',
      'الامريكي',
      'الأمريكيين',
      'الأميركيون',
      'أمريكي',
      'أميركية',
      'بالأمريكية',
      'للأميركيين',
    ];
    const stems = new Set(forms.map(lightStem));
    expect([...stems]).toEqual(['امريك']);
  });

  it('folds the «مير/مري» loanword variant for the country name too', () => {
    expect(lightStem('أميركا')).toBe(lightStem('أمريكا'));
    expect(lightStem('وأميركا')).toBe('امريكا');
  });

  it('strips the definite article after the conjunction and prepositions', () => {
    expect(lightStem('والحكومة')).toBe('حكوم');
    expect(lightStem('بالحكومات')).toBe('حكوم');
    expect(lightStem('للحكومة')).toBe('حكوم');
    expect(lightStem('فالعراق')).toBe('عراق');
    expect(lightStem('العراقيين')).toBe('عراق');
  });

  it('keeps the root و of «وزير», «وكالة» and «واشنطن» so they match their definite forms', () => {
    expect(lightStem('وزير')).toBe(lightStem('الوزير'));
    expect(lightStem('والوزير')).toBe(lightStem('وزير'));
    expect(lightStem('وكالة')).toBe(lightStem('الوكالة'));
    expect(lightStem('واشنطن')).toBe('واشنطن');
    expect(lightStem('ووزير')).toBe('وزير');
  });

  it('strips the conjunction و from ordinary words', () => {
    expect(lightStem('وبغداد')).toBe('بغداد');
    expect(lightStem('والقوات')).toBe(lightStem('قوات'));
  });

  it('respects minimum-length guards on short words', () => {
    expect(lightStem('وهم')).toBe('وهم'); // و kept: only 2 letters would remain
    expect(lightStem('ال')).toBe('ال'); // article kept: nothing would remain
    expect(lightStem('سنة')).toBe('سن'); // suffix stripped: 2 letters remain
    expect(lightStem('ات')).toBe('ات');
  });

  it('ignores tashkeel, tatweel, alef forms and alef maqsura', () => {
    expect(lightStem('الـمُسْتَشْفَى')).toBe(lightStem('المستشفي'));
    expect(lightStem('إيران')).toBe(lightStem('ايران'));
  });

  it('folds hamza seats so «مسؤول» and «مسئول» match', () => {
    expect(lightStem('المسؤولين')).toBe(lightStem('مسئول'));
    expect(foldWord('مسؤول')).toBe('مسءول');
  });

  it('leaves Latin words folded but unstemmed and digits as ASCII', () => {
    expect(lightStem('NATO')).toBe('nato');
    expect(lightStem('٢٠٢٤')).toBe('2024');
  });
});

describe('searchTerms', () => {
  it('tokenises Arabic news text, drops function words and stems the rest', () => {
    const text = 'وقال مسؤول في وزارة الخارجية الأميركية إن المحادثات مع الحكومة العراقية ستستمر.';
    expect(searchTerms(text)).toEqual(['قال', 'مسءول', 'وزار', 'خارج', 'امريك', 'محادث', 'حكوم', 'عراق', 'ستستمر']);
  });

  it('drops function words after a conjunction («وفي», «ومن»)', () => {
    expect(searchTerms('وفي بغداد ومن أربيل')).toEqual(['بغداد', 'اربيل']);
  });

  it('returns no terms for punctuation or empty input', () => {
    expect(searchTerms('')).toEqual([]);
    expect(searchTerms(' ... ، ؛ !')).toEqual([]);
  });

  it('keeps numbers with Arabic-Indic digits as ASCII terms', () => {
    expect(searchTerms('نحو ٢٥٠٠ جندي')).toEqual(['2500', 'جند']);
  });
});

describe('searchTokens', () => {
  it('reports the source span of every token, even with tashkeel and tatweel', () => {
    const text = 'أعلنَتْ الـحكومةُ العراقيةُ، اليوم';
    const tokens = searchTokens(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['أعلنَتْ', 'الـحكومةُ', 'العراقيةُ', 'اليوم']);
    expect(tokens.map((t) => t.term)).toEqual(['اعلنت', 'حكوم', 'عراق', 'يوم']);
  });

  it('is deterministic', () => {
    const text = 'انسحاب القوات الأمريكية من قاعدة عين الأسد بحلول سبتمبر';
    expect(searchTokens(text)).toEqual(searchTokens(text));
  });
});
