import { describe, expect, it } from 'vitest';
import { findTimes } from './index.ts';
import { growsLinearly } from '../../core/testing/growth.ts';

/** Strings that look temporal but are not time expressions. */
const NEGATIVES: readonly string[] = [
  'مارس الضغط على الحكومة لتغيير موقفها.', // «مارس» the verb "practised"
  'زار الأب ابنه في المستشفى.', // «الأب» is not the month آب
  'اتفق الطرفان الاثنين على مواصلة الحوار.', // «الاثنين» = "the two"
  'لم يحضر أحد من المسؤولين.', // «أحد» = "anyone"
  'احتفلت المدارس باليوم الوطني في أجواء مميزة.', // «اليوم الوطني» national day
  'كان اليوم الأول من المؤتمر حافلا.', // «اليوم الأول» the first day
  'افتتح المعرض العام للكتاب بحضور الوزير.', // «العام» = "general"
  'نشرت صحيفة الغد تحقيقاً مطولاً.', // a newspaper, not tomorrow
  'قال رئيس مؤسسة عدن الغد الإعلامية.', // an organisation, not tomorrow
  'تتوقف الخدمة الساعة الحادية عشرة وتسع وخمسين دقيقة.', // a clock time, not a 69-minute duration
  'اشترى المستثمر 2003 أسهم جديدة.', // a count without a year cue
  'انتشرت الفرق في 1500 موقع.', // «في» + a number below the preposition-year window
];

describe('findTimes negatives', () => {
  for (const input of NEGATIVES) {
    it(`finds nothing in «${input}»`, () => {
      expect(findTimes(input, '2024-01-26')).toEqual([]);
    });
  }

  it('stays fast on pathological input', () => {
    const text = (k: number) => 'يوم '.repeat(1250 * k) + 'منذ منتصف '.repeat(750 * k) + '17 '.repeat(750 * k);
    expect(growsLinearly((k) => findTimes(text(k), '2024-01-26'))).toBe(true);
  });
});
