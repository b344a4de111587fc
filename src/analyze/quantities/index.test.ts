import { describe, expect, it } from 'vitest';
import type { QuantityMention } from '../../core/annotation.ts';
import { findQuantities } from './index.ts';

interface Case {
  readonly name: string;
  readonly input: string;
  readonly expected: Partial<QuantityMention> & { readonly text: string };
}

const CASES: readonly Case[] = [
  {
    name: 'a noun with postposed «واحد» counts one',
    input: 'وأشار إلى أن التجمهر تسبب في تأخير قطار واحد عن موعده.',
    expected: { text: 'قطار واحد', value: 1, unit: 'قطار', qualifier: 'exact' },
  },
  {
    name: '«لقي … مصرعه» is one death, the dual pronoun two',
    input: 'لقي شخصان مصرعهما في حادث تصادم على الطريق الصحراوي.',
    expected: { text: 'لقي شخصان مصرعهما', value: 2, unit: 'شخصان' },
  },
  {
    name: 'a bracketed amount keeps its brackets and its noun',
    input: 'ضبطت القوات ثلاث عربات محملة بإجمالي (9000) علبة مختلفة الأنواع.',
    expected: { text: '(9000) علبة', value: 9000, unit: 'علبة' },
  },
  {
    name: 'a bare number right after a casualty noun is its count',
    input: 'وأسفرت الاشتباكات في المحافظة عن إصابة 164، من بينهم ضابطان.',
    expected: { text: '164', value: 164, unit: null },
  },
  {
    name: 'about with a clitic and a count cue: subject is the preceding noun phrase',
    input: 'تتوزع القوات الفرنسية التي يقدر عددها بنحو 1800 جندي على ثلاث قواعد.',
    expected: { text: 'بنحو 1800 جندي', value: 1800, unit: 'جندي', qualifier: 'about', subject: 'القوات الفرنسية' },
  },
  {
    name: 'لنحو with a tanween counted noun',
    input: 'تعرضت المواقع لنحو 151 استهدافاً منذ بدء التصعيد.',
    expected: { text: 'لنحو 151 استهدافاً', value: 151, unit: 'استهدافاً', qualifier: 'about' },
  },
  {
    name: 'حوالي',
    input: 'يعمل في المصنع حوالي 800 عامل من المدينة.',
    expected: { text: 'حوالي 800 عامل', value: 800, unit: 'عامل', qualifier: 'about' },
  },
  {
    name: 'قرابة',
    input: 'وصل إلى الميناء قرابة 40 سفينة تجارية.',
    expected: { text: 'قرابة 40 سفينة', value: 40, qualifier: 'about', subject: 'سفينة تجارية' },
  },
  {
    name: 'N من noun',
    input: 'أدى القصف إلى إصابة نحو 70 من عناصرها بجروح.',
    expected: { text: 'نحو 70 من عناصرها', value: 70, unit: 'عناصرها', qualifier: 'about' },
  },
  {
    name: 'more than with a scale word',
    input: 'قتل في الحرب أكثر من 39 ألف مدني منذ اندلاعها.',
    expected: { text: 'أكثر من 39 ألف مدني', value: 39000, unit: 'مدني', qualifier: 'more-than' },
  },
  {
    name: 'ما يزيد على',
    input: 'شارك في المسيرة ما يزيد على 5000 متظاهر.',
    expected: { text: 'ما يزيد على 5000 متظاهر', value: 5000, qualifier: 'more-than' },
  },
  {
    name: 'less than in words',
    input: 'يقول الجيش إنه لم يتبق سوى أقل من ألف مسلح في الجبال.',
    expected: { text: 'أقل من ألف مسلح', value: 1000, unit: 'مسلح', qualifier: 'less-than' },
  },
  {
    name: 'at least, prefix',
    input: 'أسفر الانفجار عن مقتل ما لا يقل عن 12 شخصاً في السوق.',
    expected: { text: 'ما لا يقل عن 12 شخصاً', value: 12, qualifier: 'at-least' },
  },
  {
    name: 'at least, suffix',
    input: 'سقط 30 قتيلاً على الأقل في الاشتباكات.',
    expected: { text: '30 قتيلاً على الأقل', value: 30, qualifier: 'at-least' },
  },
  {
    name: 'percent sign with a cue: subject before بنسبة',
    input: 'تراجعت الهجمات الإرهابية بنسبة 64٪ خلال الفصل الأول.',
    expected: { text: '64٪', value: 64, unit: 'percent', subject: 'الهجمات الإرهابية' },
  },
  {
    name: 'percent in words',
    input: 'ارتفع معدل التضخم إلى 7.5 في المئة في أيار.',
    expected: { text: '7.5 في المئة', value: 7.5, unit: 'percent' },
  },
  {
    name: 'Arabic-Indic digits with the Arabic thousands separator',
    input: 'صدّرت الشركة ١٬٢٥٠ طناً من القمح.',
    expected: { text: '١٬٢٥٠ طناً', value: 1250, unit: 'طن' },
  },
  {
    name: 'comma thousands separator',
    input: 'بلغت كلفة المشروع 3,400,000 دولار أمريكي.',
    expected: { text: '3,400,000 دولار', value: 3400000, unit: 'دولار' },
  },
  {
    name: 'Arabic comma thousands separator',
    input: 'سجلت الوزارة 12،500 إصابة جديدة.',
    expected: { text: '12،500 إصابة', value: 12500 },
  },
  {
    name: 'decimal with a scale',
    input: 'خصصت الحكومة 2.5 مليار دولار لإعادة الإعمار.',
    expected: { text: '2.5 مليار دولار', value: 2.5e9, unit: 'دولار' },
  },
  {
    name: 'number words with a conjunction',
    input: 'اعتقلت الشرطة خمسة وعشرين متهماً في المداهمات.',
    expected: { text: 'خمسة وعشرين متهماً', value: 25 },
  },
  {
    name: 'a million in words with a currency',
    input: 'رصدت البلدية مليون دولار لترميم السوق القديم.',
    expected: { text: 'مليون دولار', value: 1e6, unit: 'دولار' },
  },
  {
    name: 'thousands in words',
    input: 'نزح ثلاثة آلاف وخمسمئة شخص عن القرى الحدودية.',
    expected: { text: 'ثلاثة آلاف وخمسمئة شخص', value: 3500, unit: 'شخص' },
  },
  {
    name: 'a range with بين',
    input: 'تراوحت الخسائر بين 10 و20 مليون دولار.',
    expected: { text: 'بين 10 و20 مليون دولار', value: 10, valueMax: 20_000_000 },
  },
  {
    name: 'a range with من ... إلى',
    input: 'ينتشر من 300 إلى 500 مقاتل على الحدود.',
    expected: { text: 'من 300 إلى 500 مقاتل', value: 300, valueMax: 500, unit: 'مقاتل' },
  },
  {
    name: 'vague dozens, definite',
    input: 'وأصيب العشرات جراء القصف العنيف.',
    expected: { text: 'العشرات', value: null, qualifier: 'dozens' },
  },
  {
    name: 'vague hundreds with a counted definite plural',
    input: 'خرج مئات الطلاب إلى الشوارع.',
    expected: { text: 'مئات الطلاب', value: null, qualifier: 'hundreds', unit: 'الطلاب' },
  },
  {
    name: 'vague thousands',
    input: 'عادت آلاف الأسر إلى منازلها.',
    expected: { text: 'آلاف الأسر', value: null, qualifier: 'thousands' },
  },
  {
    name: 'tens of thousands',
    input: 'شارك عشرات الآلاف في التظاهرة.',
    expected: { text: 'عشرات الآلاف', value: null, qualifier: 'thousands' },
  },
  {
    name: 'a second amount after «و» starts after the conjunction',
    input: 'تبرع بأربعة عشر ألف جنيه وتسعة آلاف دولار للجمعية.',
    expected: { text: 'تسعة آلاف دولار', value: 9000, unit: 'دولار' },
  },
  {
    name: 'teens with a clitic preposition',
    input: 'تبرع بأربعة عشر ألف جنيه للجمعية.',
    expected: { text: 'أربعة عشر ألف جنيه', value: 14000, unit: 'جنيه' },
  },
  {
    name: 'dot as a thousands separator',
    input: 'جمع المتبرعون 150.000 دولار للمستشفى.',
    expected: { text: '150.000 دولار', value: 150000 },
  },
  {
    name: 'dot as a decimal point before a scale word',
    input: 'بلغت الأرباح 1.500 مليار ريال.',
    expected: { text: '1.500 مليار ريال', value: 1.5e9 },
  },
  {
    name: 'a dual of a noun with a broken plural counts two',
    input: 'أسفر الحادث عن سقوط قتيلين وإصابة ثلاثة آخرين.',
    expected: { text: 'قتيلين', value: 2, unit: 'قتيلين' },
  },
  {
    name: 'a dual with a conjunction clitic',
    input: 'وأصيب في الانفجار طفلان وشخصان من المارة.',
    expected: { text: 'شخصان', value: 2 },
  },
  {
    name: 'the agency style «260ر11 مليار» writes the fraction first',
    input: 'بلغت الصادرات نحو 260ر11 مليار جنيه خلال الشهر الماضي.',
    expected: { text: 'نحو 260ر11 مليار جنيه', value: 11.26e9, unit: 'جنيه', qualifier: 'about' },
  },
  {
    name: '«5ر18» with a counted unit',
    input: 'وضبطت الحملة بحوزتهم 5ر18 كيلو جرام من مخدر البانجو.',
    expected: { text: '5ر18 كيلو', value: 18.5 },
  },
  {
    name: 'a lone dot group on a page that groups thousands with commas is a decimal',
    input: 'وضبطت الحملة 1.800 طن من الدقيق المدعم، وحررت 1,250 محضرا للمخابز.',
    expected: { text: '1.800 طن', value: 1.8, readings: [1800] },
  },
  {
    name: 'a lone dot group on a page with no comma groups stays a thousands group, the decimal kept as a reading',
    input: 'وضبطت الحملة 1.800 طن من الدقيق المدعم في المحافظة.',
    expected: { text: '1.800 طن', value: 1800, readings: [1.8] },
  },
  {
    name: 'one comma group is a thousands group with the decimal kept as a reading',
    input: 'نجحت مباحث التموين في ضبط 5,500 طن دقيق قبل بيعه.',
    expected: { text: '5,500 طن', value: 5500, readings: [5.5] },
  },
  {
    name: 'a decimal comma may be written in reversed digit order',
    input: 'ويبلغ عدد المسلمين نحو 5,1 مليار مسلم في العالم.',
    expected: { text: 'نحو 5,1 مليار مسلم', value: 5.1e9, readings: [1.5e9] },
  },

  {
    name: 'a bare number after a count cue',
    input: 'ارتفع عدد الضحايا إلى 30 مساء الأحد.',
    expected: { text: '30', value: 30, unit: null },
  },
  {
    name: 'year-like count with a counted noun',
    input: 'أرسلت الوزارة 2000 جندي إضافي.',
    expected: { text: '2000 جندي', value: 2000, unit: 'جندي' },
  },
];

describe('findQuantities', () => {
  for (const testCase of CASES) {
    it(testCase.name, () => {
      const found = findQuantities(testCase.input);
      const hit = found.find((quantity) => quantity.text === testCase.expected.text);
      expect(hit, JSON.stringify(found)).toBeDefined();
      expect(testCase.input.slice(hit!.start, hit!.end)).toBe(testCase.expected.text);
      expect(hit).toMatchObject(testCase.expected);
    });
  }

  it('skips spans the caller excludes (time expressions)', () => {
    const text = 'استمر الحصار 100 يوم وقتل 20 شخصاً.';
    const start = text.indexOf('100 يوم');
    const found = findQuantities(text, { exclude: [{ start, end: start + '100 يوم'.length }] });
    expect(found.map((quantity) => quantity.text)).toEqual(['20 شخصاً']);
  });

  it('is deterministic and sorted', () => {
    const text = 'قتل 5 أشخاص وأصيب 12 آخرون، وتضرر نحو 40 منزلاً.';
    const first = findQuantities(text);
    expect(findQuantities(text)).toEqual(first);
    expect(first.map((quantity) => quantity.value)).toEqual([5, 12, 40]);
  });
});
