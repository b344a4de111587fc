import { describe, expect, it } from 'vitest';
import { normalizeToken, tokenForms } from './token-forms.ts';

describe('tokenForms', () => {
  it('normalises alef forms, ta marbuta, tashkeel, tatweel and digits', () => {
    expect(normalizeToken('إدارةُ')).toBe('اداره');
    expect(normalizeToken('الـمُستشفى')).toBe('المستشفي');
    expect(normalizeToken('٢٠٢٤')).toBe('2024');
    expect(normalizeToken('NATO')).toBe('nato');
  });

  it('keeps the article in the core form and drops it in the stem', () => {
    expect(tokenForms('والعراق')).toEqual({ norm: 'والعراق', core: 'العراق', stem: 'عراق', prefix: 'وال' });
    expect(tokenForms('للحكومة')).toEqual({ norm: 'للحكومه', core: 'الحكومه', stem: 'حكومه', prefix: 'لل' });
    expect(tokenForms('واشنطن')).toEqual({ norm: 'واشنطن', core: 'واشنطن', stem: 'واشنطن', prefix: '' });
  });

  it('splits ambiguous clitics only when the known-stem test allows it', () => {
    expect(tokenForms('وبيروت', (s) => s === 'بيروت').core).toBe('بيروت');
    expect(tokenForms('وبيروت').core).toBe('وبيروت');
  });
});
