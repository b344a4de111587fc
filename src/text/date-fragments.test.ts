import { describe, expect, it } from 'vitest';
import { MONTH_PAIR, ORDINAL_DAY, ordinalDayOf } from './date-fragments.ts';
import { normalizeText } from './normalize.ts';

describe('date fragments', () => {
  it('match every ordinal day word of the lexicon, the longest first', () => {
    const re = new RegExp(`^${ORDINAL_DAY}`, 'u');
    expect(re.exec(normalizeText('الحادي والعشرين من'))?.[0]).toBe('الحادي والعشرين');
    expect(re.exec(normalizeText('الثاني عشر من'))?.[0]).toBe('الثاني عشر');
    expect(ordinalDayOf('الخامس  والعشرين')).toBe(25);
    expect(ordinalDayOf('السابع')).toBe(7);
    expect(ordinalDayOf('الخميس')).toBeNull();
  });

  it('read a month glossed by its twin in the other naming system', () => {
    const match = new RegExp(MONTH_PAIR, 'u').exec(normalizeText('في تشرين الأول (أكتوبر) الماضي'));
    expect(match?.groups?.month).toBe('تشرين الاول');
    expect(match?.groups?.pair).toContain('اكتوبر');
  });
});
