import { describe, expect, it } from 'vitest';
import { buildGazetteer, coreName, gazetteerLabels } from './gazetteer.ts';
import { tokenForms } from './token-forms.ts';

const gazetteer = buildGazetteer([{ name: coreName('زيلينسكي'), cls: 'EXTRA_PERS' }]);
const labels = (sentence: string) =>
  gazetteerLabels(
    gazetteer,
    sentence.split(' ').map((t) => tokenForms(t)),
  );

describe('gazetteerLabels', () => {
  it('matches multi-word names through clitics, longest first', () => {
    expect(labels('وصل الوفد إلى الولايات المتحدة الأمريكية وللمملكة المتحدة')).toEqual([
      [],
      [],
      [],
      ['COUNTRY-B'],
      ['COUNTRY-I'],
      ['COUNTRY-I'],
      ['COUNTRY-B'],
      ['COUNTRY-I'],
    ]);
  });

  it('finds ISO country names, cities, organisations, first names and extra names', () => {
    expect(labels('الأرجنتين')).toEqual([['COUNTRY-B']]);
    expect(labels('ببيروت')).toEqual([['CITY-B']]);
    expect(labels('وقال صندوق النقد الدولي')).toEqual([[], ['ORG-B'], ['ORG-I'], ['ORG-I']]);
    expect(labels('التقى زيلينسكي')).toEqual([[], ['EXTRA_PERS-B']]);
  });

  it('knows regional provinces, bases, armed groups, media and institutions', () => {
    expect(labels('في محافظة الأنبار قرب قاعدة عين الأسد')).toEqual([
      [],
      [],
      ['CITY-B'],
      [],
      [],
      ['CITY-B'],
      ['CITY-I'],
    ]);
    expect(labels('واتهمت عصائب أهل الحق')).toEqual([[], ['ORG-B'], ['ORG-I'], ['ORG-I']]);
    expect(labels('ونقلت إذاعة صوت أمريكا عن وكالة الأنباء العراقية')).toEqual([
      [],
      ['ORG-B'],
      ['ORG-I'],
      ['ORG-I'],
      [],
      ['ORG-B'],
      ['ORG-I'],
      ['ORG-I'],
    ]);
    expect(labels('أعلنت الوكالة الدولية للطاقة الذرية')).toEqual([[], ['ORG-B'], ['ORG-I'], ['ORG-I'], ['ORG-I']]);
  });

  it('knows league clubs, club names that are words, companies and products, each in its own class', () => {
    expect(labels('تعادل الوداد البيضاوي مع حسنية أكادير')).toEqual([
      [],
      ['CLUB-B'],
      ['CLUB-I'],
      [],
      ['CLUB-B'],
      ['CLUB-I'],
    ]);
    expect(labels('وفاز التعاون أمام الشعلة')).toEqual([[], ['CLUB_WORD-B'], [], ['CLUB_WORD-B']]);
    expect(labels('الخليج')).toEqual([['COUNTRY-B', 'CLUB_WORD-B']]);
    expect(labels('طرحت أوبل الطراز فرونتيرا ثم لاند كروزر')).toEqual([
      [],
      ['COMPANY-B'],
      [],
      ['PRODUCT-B'],
      [],
      ['PRODUCT-B'],
      ['PRODUCT-I'],
    ]);
    expect(labels('ويعمل بنظام ويندوز')).toEqual([[], [], ['PRODUCT-B']]);
    // An ordinary word that only shares letters with a product is left alone.
    expect(labels('في رياضة الغولف')).toEqual([[], [], []]);
  });

  it('indexes cue words by stem', () => {
    expect(gazetteer.cues.get(tokenForms('والوزير').stem)).toContain('TITLE');
    expect(gazetteer.cues.get(tokenForms('بوزارة').stem)).toBeUndefined();
    expect(gazetteer.cues.get(tokenForms('وزارة').stem)).toContain('ORGHEAD');
  });
});
