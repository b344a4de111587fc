import { describe, expect, it } from 'vitest';
import { agencyForms } from './agencies.ts';

describe('agencyForms', () => {
  it('folds credit forms and full names in the given profile', () => {
    const forms = agencyForms('cluster', { fullNames: true, alsoAWord: true });
    expect(forms.get('ا ف ب')).toBe('فرانس برس');
    expect(forms.get('وكاله الانباء السعوديه')).toBe('واس');
    expect(forms.get('afp')).toBe('فرانس برس');
  });

  it('leaves out names that are also everyday words unless asked («قنا» is also the city of Qena)', () => {
    expect(agencyForms('display', { fullNames: false, alsoAWord: false }).has('قنا')).toBe(false);
    expect(agencyForms('display', { fullNames: false, alsoAWord: true }).get('قنا')).toBe('قنا');
    expect(agencyForms('display', { fullNames: false, alsoAWord: false }).has('وكالة الانباء القطرية')).toBe(false);
  });
});
