import { describe, expect, it } from 'vitest';
import { findQuotes } from './index.ts';
import { growsLinearly } from '../../core/testing/growth.ts';

/** Text that looks like speech or attribution but is not a quote. */
const NEGATIVES: readonly string[] = [
  'نشر الكاتب مقالا أن فيه الكثير من المغالطات.', // «مقال» contains «قال»
  'أدلت المرأة بصوتها يوم الانتخاب وفقاً لإرادة حرة ونزيهة.', // «وفقاً ل» + an abstract noun, not a source
  'حضر الحفل “نجوم الفن” في المدينة.', // a two-word quoted name
  'وقّعت الشركة مع «الهيئة العامة للموانئ» عقداً جديداً.', // a quoted organisation name, no verb of saying
  'تبنّت “جبهة الإنقاذ في الشمال” الهجوم.', // a four-word quoted name
  'وقال إن.', // a cue with no content
  'انتهى اللقاء" ، إلا أن الوفد غادر القاعة مبكراً" بعد ذلك.', // between a stray closing mark and the next one
  'تحدث الخبراء بحسب الأصول المرعية في المؤتمر.', // «بحسب الأصول» = "properly"
];

describe('findQuotes negatives', () => {
  for (const input of NEGATIVES) {
    it(`finds nothing in «${input}»`, () => {
      expect(findQuotes(input)).toEqual([]);
    });
  }

  it('does not take a manner adverb or an addressee for the speaker', () => {
    const body = 'وقال الوزير إن الخطة جاهزة. وأضاف ساخراً: «لن ننتظر أحداً بعد اليوم». وقال للصحيفة إن الموعد ثابت.';
    expect(findQuotes(body).map((quote) => quote.speaker)).toEqual(['الوزير', 'الوزير', 'الوزير']);
  });

  it('does not split a word to find «أن»', () => {
    const body = 'قال: "عار على الإخوان استخدام القوة" ثم غادر.';
    const quotes = findQuotes(body);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ kind: 'direct', text: 'عار على الإخوان استخدام القوة' });
  });

  it('stays fast on pathological input', () => {
    const text = (k: number) => 'وقال '.repeat(1000 * k) + '“'.repeat(500 * k) + 'بحسب '.repeat(750 * k);
    expect(growsLinearly((k) => findQuotes(text(k)))).toBe(true);
  });
});
