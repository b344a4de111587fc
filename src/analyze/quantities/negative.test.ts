import { describe, expect, it } from 'vitest';
import { findQuantities } from './index.ts';
import { growsLinearly } from '../../core/testing/growth.ts';

/** Numbers that are not quantities. */
const NEGATIVES: readonly string[] = [
  'وقعت الحرب في 2011 بعد الاحتجاجات.', // a bare year
  'للاستفسار اتصلوا على 0791234567 خلال الدوام.', // phone number
  'اتصلوا على الرقم 5566 للحجز.', // identifier after «الرقم»
  'صوّت المجلس على القرار 2334 بالإجماع.', // resolution number
  'احتل المنتخب المرتبة الـ5 عالمياً.', // ordinal «الـ5»
  'يبدأ الاجتماع الساعة 10:30 صباحاً.', // clock time
  'حلقت طائرات F-16 فوق المدينة.', // model name
  'حضرت ست البيت الاجتماع.', // «ست» = lady, not six
  'وهو أحد أبرز القادة.', // «أحد» = one of
  'انتهت المادة 5 من الدستور إلى ذلك.', // article number
  'قضت المحكمة في الدعوى رقم 1234 لسنة 66 قضائية بعدم الاختصاص.', // case number and judicial year
  'وفقا لأحكام القانون 10 لسنة 2013 بشأن التظاهر.', // law number
  'استمعت النيابة إلى أقوال المتهمين والمصابين.', // sound plurals, not duals
  'وتم تحرير محضر بالواقعة برقم 232 إداري مركز نصر النوبة.', // police report number
  'وتحفظت القوة على المتهمين وحررت المحضر (665) إداري.', // police report number in brackets
  'أحيلت القضية 250 لسنة 2012 جنايات إلى المحكمة.', // case number
  'فاز الفريق في مهرجان صيف طيبة 36 بالمركز الأول.', // a bare number is an edition label
  'تعد المدينة واحدة من أجمل المدن.', // «واحدة من» = one of
  'صوّت الأعضاء بصوت واحد ووصلوا في وقت واحد.', // «بصوت واحد», «في وقت واحد»: adverbials, not counts
  'وقف الشعب المصري صفا واحدا.', // «صفا واحدا» after a definite noun phrase: one line, said of a people
];

describe('findQuantities negatives', () => {
  for (const input of NEGATIVES) {
    it(`finds nothing in «${input}»`, () => {
      expect(findQuantities(input)).toEqual([]);
    });
  }

  it('stays fast on pathological input', () => {
    const text = (k: number) => 'نحو '.repeat(1250 * k) + '1,'.repeat(1250 * k) + 'خمسة و'.repeat(750 * k);
    expect(growsLinearly((k) => findQuantities(text(k)))).toBe(true);
  });
});
