import { describe, expect, it } from 'vitest';
import { attachClitics, entityNames, mapAqmarTag, mapFaneTag, readAnetac } from './external-corpora.ts';

describe('external corpora', () => {
  it('maps FANE and AQMAR tags onto ANERcorp types', () => {
    expect(mapFaneTag('B-Population-Center')).toBe('B-LOC');
    expect(mapFaneTag('I-Politician')).toBe('I-PERS');
    expect(mapFaneTag('B-Media')).toBe('B-ORG');
    expect(mapFaneTag('B-Group')).toBeNull();
    expect(mapAqmarTag('B-PER')).toBe('B-PERS');
    expect(mapAqmarTag('I--ORG')).toBe('I-ORG');
    expect(mapAqmarTag('B-MIS1')).toBeNull();
  });

  it('re-attaches split clitics the way ANERcorp writes them', () => {
    const sentence = {
      tokens: ['زار', 'و', 'ل', 'المدينة', 'عاصمة', 'ها', 'و', 'بيروت'],
      tags: ['O', 'O', 'O', 'O', 'O', 'O', 'O', 'B-LOC'],
    };
    expect(attachClitics(sentence)).toEqual({
      tokens: ['زار', 'وللمدينة', 'عاصمتها', 'وبيروت'],
      tags: ['O', 'O', 'O', 'B-LOC'],
    });
  });

  it('lists distinct names with gazetteer classes', () => {
    const names = entityNames([
      {
        tokens: ['التقى', 'سامي', 'فرح', 'في', 'حلب', 'و', 'حلب'],
        tags: ['O', 'B-PERS', 'I-PERS', 'O', 'B-LOC', 'O', 'B-LOC'],
      },
    ]);
    expect(names).toEqual([
      { name: 'سامي فرح', cls: 'EXTRA_PERS' },
      { name: 'حلب', cls: 'EXTRA_LOC' },
    ]);
    expect(readAnetac('PERSON Villalon فيلالون\nLOCATION Nampa نامبا\nbad line')).toEqual([
      { name: 'فيلالون', cls: 'EXTRA_PERS' },
      { name: 'نامبا', cls: 'EXTRA_LOC' },
    ]);
  });
});
