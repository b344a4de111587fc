import { describe, expect, it } from 'vitest';
import { findTimes } from './index.ts';

interface Case {
  readonly name: string;
  readonly input: string;
  readonly anchor: string | null;
  readonly surface: string;
  readonly value: string | null;
  readonly precision?: string;
}

const CASES: readonly Case[] = [
  {
    name: 'weekday → most recent on or before the anchor',
    input: 'التقى الوزير نظيره يوم الأربعاء في العاصمة.',
    anchor: '2024-01-26',
    surface: 'يوم الأربعاء',
    value: '2024-01-24',
  },
  {
    name: 'weekday equal to the anchor day is the anchor',
    input: 'عقدت الجولة الأولى يوم السبت في بغداد.',
    anchor: '2024-01-27',
    surface: 'يوم السبت',
    value: '2024-01-27',
  },
  {
    name: 'weekday with a clitic conjunction',
    input: 'والخميس، نشرت صحيفة محلية تقريرا مطولا.',
    anchor: '2024-03-09',
    surface: 'الخميس',
    value: '2024-03-07',
  },
  {
    name: 'weekday with «المقبل» goes forward',
    input: 'تعقد القمة الأحد المقبل في الرياض.',
    anchor: '2024-03-06',
    surface: 'الأحد المقبل',
    value: '2024-03-10',
  },
  {
    name: 'future cue in the sentence makes a weekday forward',
    input: 'ومن المقرر أن يصل الوفد إلى القاهرة الخميس لبحث الهدنة.',
    anchor: '2024-03-06',
    surface: 'الخميس',
    value: '2024-03-07',
  },
  {
    name: 'yesterday plus weekday',
    input: 'أعلنت القيادة يوم أمس الاثنين عن غارات جديدة.',
    anchor: '2024-12-17',
    surface: 'يوم أمس الاثنين',
    value: '2024-12-16',
  },
  {
    name: 'today plus weekday plus explicit date is one expression',
    input: 'أعلن مصدر رسمي، اليوم الأحد (8 أيلول 2024)، أن الجلسة تأجلت.',
    anchor: '2024-09-08',
    surface: 'اليوم الأحد (8 أيلول 2024)',
    value: '2024-09-08',
  },
  {
    name: 'weekday plus date after a comma',
    input: 'وصل المبعوث يوم الأربعاء، 11 ديسمبر 2024 إلى دمشق.',
    anchor: '2024-12-17',
    surface: 'يوم الأربعاء، 11 ديسمبر 2024',
    value: '2024-12-11',
  },
  {
    name: 'أمس',
    input: 'وأكد الناطق أمس أن المفاوضات مستمرة.',
    anchor: '2023-05-01',
    surface: 'أمس',
    value: '2023-04-30',
  },
  {
    name: 'غداً with tashkeel',
    input: 'تبدأ الامتحانات غداً في جميع المدارس.',
    anchor: '2023-12-31',
    surface: 'غداً',
    value: '2024-01-01',
  },
  {
    name: 'مساء اليوم',
    input: 'يلقي الرئيس كلمة مساء اليوم أمام البرلمان.',
    anchor: '2022-07-04',
    surface: 'مساء اليوم',
    value: '2022-07-04',
  },
  {
    name: 'day month الماضي → latest past date',
    input: 'تتواصل الهجمات منذ 17 أكتوبر الماضي على القواعد.',
    anchor: '2024-01-26',
    surface: 'منذ 17 أكتوبر الماضي',
    value: '2023-10-17',
  },
  {
    name: 'Arabic-Indic day and Levantine month',
    input: 'وقعت الحادثة في ٣ آذار الماضي قرب الحدود.',
    anchor: '2024-05-10',
    surface: '٣ آذار الماضي',
    value: '2024-03-03',
  },
  {
    name: 'ordinal day with a month pair and «قبل»',
    input: 'كانت الأوضاع مستقرة قبل السابع من أكتوبر/تشرين الأول في القطاع.',
    anchor: '2024-01-27',
    surface: 'قبل السابع من أكتوبر/تشرين الأول',
    value: '2023-10-07',
  },
  {
    name: 'mid-month with «منذ» → month precision in the past',
    input: 'تعرضت القواعد لهجمات منذ منتصف أكتوبر/تشرين الأول.',
    anchor: '2024-01-27',
    surface: 'منذ منتصف أكتوبر/تشرين الأول',
    value: '2023-10',
    precision: 'month',
  },
  {
    name: 'month after the plural «أشهر»',
    input: 'ازدهرت السياحة طوال أشهر أبريل ومايو ويونيو.',
    anchor: '2015-07-20',
    surface: 'أشهر أبريل',
    value: '2015-04',
    precision: 'month',
  },
  {
    name: 'month المقبل',
    input: 'تجرى الانتخابات في نوفمبر المقبل وفق الجدول.',
    anchor: '2024-01-27',
    surface: 'نوفمبر المقبل',
    value: '2024-11',
    precision: 'month',
  },
  {
    name: 'month pair with a year (absolute)',
    input: 'تولت القوات المحلية القيادة منذ كانون الاول/ديسمبر العام 2021 وحتى الآن.',
    anchor: '2023-08-08',
    surface: 'منذ كانون الاول/ديسمبر العام 2021',
    value: '2021-12',
    precision: 'month',
  },
  {
    name: 'combined month names with a year',
    input: 'اغتيل القائد في يناير/كانون الثاني 2020 قرب المطار.',
    anchor: '2024-01-27',
    surface: 'يناير/كانون الثاني 2020',
    value: '2020-01',
    precision: 'month',
  },
  {
    name: 'Maghrebi month name',
    input: 'انطلقت الحملة يوم 5 جانفي 2023 في العاصمة.',
    anchor: null,
    surface: '5 جانفي 2023',
    value: '2023-01-05',
  },
  {
    name: 'Hijri date converted to Gregorian',
    input: 'صدر المرسوم في 15 رمضان 1445 هـ بعد مشاورات.',
    anchor: null,
    surface: '15 رمضان 1445 هـ',
    value: '2024-03-25',
  },
  {
    name: 'absolute date without an anchor still resolves',
    input: 'جرت الانتخابات في 12 أيار 2018 وسط إقبال ضعيف.',
    anchor: null,
    surface: '12 أيار 2018',
    value: '2018-05-12',
  },
  {
    name: 'العام الماضي',
    input: 'نوقشت المسألة لأول مرة العام الماضي في اجتماع مغلق.',
    anchor: '2024-01-27',
    surface: 'العام الماضي',
    value: '2023',
    precision: 'year',
  },
  {
    name: 'السنة المقبلة',
    input: 'يتوقع البنك نمو الاقتصاد في السنة المقبلة بنسبة محدودة.',
    anchor: '2024-01-27',
    surface: 'السنة المقبلة',
    value: '2025',
    precision: 'year',
  },
  {
    name: 'الشهر الماضي across a year boundary',
    input: 'جددت الفصائل تهديداتها الشهر الماضي بمواصلة الهجمات.',
    anchor: '2024-01-10',
    surface: 'الشهر الماضي',
    value: '2023-12',
    precision: 'month',
  },
  {
    name: 'هذا العام',
    input: 'تراجعت الهجمات هذا العام بشكل ملحوظ.',
    anchor: '2023-08-08',
    surface: 'هذا العام',
    value: '2023',
    precision: 'year',
  },
  {
    name: 'vague duration',
    input: 'ويُرجّح أن تمتد المفاوضات عدة أشهر قبل التوصل إلى تسوية.',
    anchor: '2024-01-26',
    surface: 'عدة أشهر',
    value: 'PXM',
    precision: 'duration',
  },
  {
    name: 'duration with a qualifier',
    input: 'يتواصل القصف منذ أكثر من 100 يوم دون توقف.',
    anchor: '2024-01-26',
    surface: 'أكثر من 100 يوم',
    value: 'P100D',
    precision: 'duration',
  },
  {
    name: 'duration in number words',
    input: 'استمرت المناورات خمسة أيام في الصحراء.',
    anchor: null,
    surface: 'خمسة أيام',
    value: 'P5D',
    precision: 'duration',
  },
  {
    name: 'dual duration with a clitic',
    input: 'وأمهلت الحكومة الشركات لسنتين لتسوية أوضاعها.',
    anchor: null,
    surface: 'سنتين',
    value: 'P2Y',
    precision: 'duration',
  },
  {
    name: 'a year after «في»',
    input: 'غزت القوات البلاد في 2003 وانسحبت بعد ثمانية أعوام.',
    anchor: null,
    surface: '2003',
    value: '2003',
    precision: 'year',
  },
  {
    name: 'a historical year with «العام»',
    input: 'أسس التاجر المتجر في العام 1887 قرب الميناء.',
    anchor: null,
    surface: 'العام 1887',
    value: '1887',
    precision: 'year',
  },
  {
    name: 'a year with the Gregorian marker',
    input: 'وقعت الاتفاقية 1994م بين البلدين.',
    anchor: null,
    surface: '1994م',
    value: '1994',
  },
  {
    name: 'a listed year',
    input: 'أخرج الفيلمين 1949 و1952 على التوالي.',
    anchor: null,
    surface: '1952',
    value: '1952',
  },
  {
    name: 'a year in parentheses',
    input: 'اشتهر بروايته الأولى (1958) التي ترجمت إلى لغات عدة.',
    anchor: null,
    surface: '1958',
    value: '1958',
  },
  {
    name: 'الأمس',
    input: 'تواصلت الاحتجاجات منذ الأمس في الساحات.',
    anchor: '2015-12-24',
    surface: 'الأمس',
    value: '2015-12-23',
  },
  {
    name: 'a definite dual duration',
    input: 'تضاعفت الأسعار خلال العامين الماضيين بشكل كبير.',
    anchor: null,
    surface: 'العامين الماضيين',
    value: 'P2Y',
    precision: 'duration',
  },
  {
    name: 'centuries in years',
    input: 'بني الجسر قبل أكثر من قرنين على ضفاف النهر.',
    anchor: null,
    surface: 'أكثر من قرنين',
    value: 'P200Y',
    precision: 'duration',
  },
  {
    name: 'Egyptian spelling of سنة',
    input: 'قضى في السجن 23 سنه كاملة.',
    anchor: null,
    surface: '23 سنه',
    value: 'P23Y',
    precision: 'duration',
  },
  {
    name: 'hours',
    input: 'انقطعت الكهرباء 48 ساعة عن المدينة.',
    anchor: null,
    surface: '48 ساعة',
    value: 'PT48H',
    precision: 'duration',
  },
];

describe('findTimes', () => {
  for (const testCase of CASES) {
    it(testCase.name, () => {
      const times = findTimes(testCase.input, testCase.anchor);
      const hit = times.find((time) => time.text === testCase.surface);
      expect(hit, JSON.stringify(times)).toBeDefined();
      expect(testCase.input.slice(hit!.start, hit!.end)).toBe(testCase.surface);
      expect(hit!.value).toBe(testCase.value);
      if (testCase.precision) expect(hit!.precision).toBe(testCase.precision);
    });
  }

  it('leaves relative values null when the page has no date, but keeps the anchor kind', () => {
    const [time] = findTimes('استؤنفت المحادثات في البنتاغون يوم الاثنين الماضي.', null);
    expect(time).toMatchObject({ text: 'يوم الاثنين الماضي', value: null, precision: 'day', anchor: 'published-at' });
  });

  it('uses a month-precision anchor for months but not for weekdays', () => {
    const times = findTimes('جرى ذلك الشهر الماضي، ثم يوم الخميس.', '2024-03');
    expect(times.map((time) => time.value)).toEqual(['2024-02', null]);
  });

  it('is deterministic and sorted by start', () => {
    const text = 'وصل الوفد أمس، وسيغادر غداً، بعد زيارة استمرت ثلاثة أيام منذ مطلع مارس الماضي.';
    const first = findTimes(text, '2024-04-02');
    expect(findTimes(text, '2024-04-02')).toEqual(first);
    expect(first.map((time) => time.start)).toEqual([...first.map((time) => time.start)].sort((a, b) => a - b));
    for (const time of first) expect(text.slice(time.start, time.end)).toBe(time.text);
  });
});
