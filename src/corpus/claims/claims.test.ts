import { describe, expect, it } from 'vitest';
import type { QuantityMention, QuoteMention } from '../../core/annotation.ts';
import type { ClusterInput } from '../types.ts';
import { claimCategory, findClaims } from './claims.ts';
import { interval, valuesAgree } from './compare.ts';

function quantity(
  body: string,
  surface: string,
  value: number | null,
  qualifier: QuantityMention['qualifier'],
  unit: string | null = null,
): QuantityMention {
  const start = body.indexOf(surface);
  return { text: surface, start, end: start + surface.length, value, qualifier, unit, subject: null };
}

const BODY_1 =
  'تعرضت القوات الأجنبية في البلاد لنحو 151 هجوما منذ بداية العام، وخلّفت إصابة نحو 70 من أفرادها، وفق ما نقلت وكالة رويترز عن وزارة الدفاع.\nوينتشر في البلاد حاليا 2500 جندي.';
const BODY_2 =
  'وسجلت أكثر من 150 هجمة على القواعد الأجنبية، وأصيب العشرات من العسكريين.\nوينتشر في البلاد حاليا نحو 3000 جندي بحسب مسؤولين.';
const QUOTE_1: QuoteMention = {
  text: BODY_1.slice(0, BODY_1.indexOf('\n')),
  start: 0,
  end: BODY_1.indexOf('\n'),
  speaker: 'وزارة الدفاع',
  speakerEntityId: null,
  kind: 'reported',
  via: ['وزارة الدفاع', 'رويترز'],
};
const ARTICLE_1: ClusterInput = {
  id: 'one#0',
  outlet: 'الصحيفة الأولى',
  published: '2024-01-26',
  headline: null,
  body: BODY_1,
  quotes: [QUOTE_1],
  quantities: [
    quantity(BODY_1, 'لنحو 151 هجوما', 151, 'about', 'هجوم'),
    quantity(BODY_1, 'نحو 70 من أفرادها', 70, 'about', 'أفرادها'),
    quantity(BODY_1, '2500 جندي', 2500, 'exact', 'جندي'),
  ],
};
const ARTICLE_2: ClusterInput = {
  id: 'two#0',
  outlet: 'الصحيفة الثانية',
  published: '2024-01-27',
  headline: null,
  body: BODY_2,
  quantities: [
    quantity(BODY_2, 'أكثر من 150 هجمة', 150, 'more-than', 'هجمة'),
    quantity(BODY_2, 'العشرات', null, 'dozens'),
    quantity(BODY_2, 'نحو 3000 جندي', 3000, 'about', 'جندي'),
  ],
};

describe('findClaims', () => {
  const claims = findClaims(0, [ARTICLE_1, ARTICLE_2]);
  const byText = (text: string) => claims.find((c) => c.values.some((v) => v.text === text))!;

  it('finds agreement between «لنحو 151» and «أكثر من 150» attacks across outlets, citing spans and attribution', () => {
    const attacks = byText('لنحو 151 هجوما');
    expect(attacks.verdict).toBe('agree');
    expect(attacks.values.map((v) => [v.article, v.text, v.value, v.qualifier])).toEqual([
      ['one#0', 'لنحو 151 هجوما', 151, 'about'],
      ['two#0', 'أكثر من 150 هجمة', 150, 'more-than'],
    ]);
    expect(attacks.values[0]!.attribution).toBe('وزارة الدفاع via رويترز');
    expect(attacks.values[0]!.outlet).toBe('الصحيفة الأولى');
    for (const v of attacks.values)
      expect((v.article === 'one#0' ? BODY_1 : BODY_2).slice(v.start, v.end)).toBe(v.text);
  });

  it('counts «إصابة نحو 70 من أفرادها» as injured (not troops) and agrees with «العشرات»', () => {
    const injured = byText('نحو 70 من أفرادها');
    expect(injured.values.map((v) => v.text)).toEqual(['نحو 70 من أفرادها', 'العشرات']);
    expect(injured.verdict).toBe('agree');
  });

  it('flags 2500 vs about 3000 troops deployed in the country as a conflict', () => {
    const troops = byText('2500 جندي');
    expect(troops.values.map((v) => v.value)).toEqual([2500, 3000]);
    expect(troops.verdict).toBe('conflict');
  });

  it('marks a figure only one article gives as single-source', () => {
    expect(findClaims(1, [ARTICLE_1]).every((c) => c.verdict === 'single-source')).toBe(true);
  });
});

describe('claimCategory', () => {
  it('reads the action word before the figure, skipping qualifiers', () => {
    const body = 'أسفر الحادث عن مقتل أكثر من 12 شخصا';
    expect(claimCategory(body, quantity(body, '12 شخصا', 12, 'exact', 'شخص'))).toBe('killed');
  });
  it('reads a counted noun with accusative tanween («هجوماً», «استهدافاً») as attacks', () => {
    const body = 'تعرضت القواعد لأكثر من 150 هجوماً ولنحو 151 استهدافاً';
    expect(claimCategory(body, quantity(body, 'أكثر من 150 هجوماً', 150, 'more-than', 'هجوماً'))).toBe('attacks');
    expect(claimCategory(body, quantity(body, 'لنحو 151 استهدافاً', 151, 'about', 'استهدافاً'))).toBe('attacks');
  });
  it('falls back to the counted noun, and to null for a bare number', () => {
    const body = 'يبلغ عدد سكان المدينة 200 ألف نسمة ورقم 7';
    expect(claimCategory(body, quantity(body, '200 ألف نسمة', 200000, 'exact', 'نسمة'))).toBe('unit:نسم');
    expect(claimCategory(body, quantity(body, '7', 7, 'exact'))).toBeNull();
  });
});

describe('valuesAgree', () => {
  it('applies qualifier intervals', () => {
    expect(interval({ value: 150, qualifier: 'about' })).toEqual([135, 165]);
    expect(
      valuesAgree([
        { value: 150, qualifier: 'about' },
        { value: 151, qualifier: 'exact' },
        { value: 150, qualifier: 'more-than' },
      ]),
    ).toBe(true);
    expect(
      valuesAgree([
        { value: 70, qualifier: 'about' },
        { value: null, qualifier: 'dozens' },
      ]),
    ).toBe(true);
    expect(
      valuesAgree([
        { value: 2500, qualifier: 'exact' },
        { value: 3000, qualifier: 'exact' },
      ]),
    ).toBe(false);
    expect(
      valuesAgree([
        { value: 1000, qualifier: 'less-than' },
        { value: 1200, qualifier: 'about' },
      ]),
    ).toBe(false);
    expect(
      valuesAgree([
        { value: 10, qualifier: 'exact', valueMax: 20 },
        { value: 15, qualifier: 'exact' },
      ]),
    ).toBe(true);
  });
});

describe('findClaims on one happening (issue 15)', () => {
  const article = (
    id: string,
    published: string,
    body: string,
    figures: [string, number | null, QuantityMention['qualifier'], string | null][],
  ): ClusterInput => ({
    id,
    outlet: id,
    published,
    headline: null,
    body,
    quantities: figures.map(([surface, value, qualifier, unit]) => quantity(body, surface, value, qualifier, unit)),
  });
  const DAY_1 = article('a#0', '2024-03-01', 'أسفر انقلاب الحافلة عن مقتل 12 شخصا وفقدان 17 شخصا في النهر.', [
    ['12 شخصا', 12, 'exact', 'شخصا'],
    ['17 شخصا', 17, 'exact', 'شخصا'],
  ]);
  const DAY_1B = article('b#0', '2024-03-01', 'وأدى الحادث إلى مقتل 12 شخصا بحسب الدفاع المدني.', [
    ['12 شخصا', 12, 'exact', 'شخصا'],
  ]);
  const DAY_2 = article('c#0', '2024-03-02', 'وارتفعت حصيلة ضحايا الحافلة إلى مقتل 40 شخصا بعد انتشال جثث المفقودين.', [
    ['40 شخصا', 40, 'exact', 'شخصا'],
  ]);

  it('never compares the missing with the killed, and calls a later, higher toll an update', () => {
    const claims = findClaims(0, [DAY_2, DAY_1B, DAY_1], () => 3);
    const killed = claims.find((c) => c.category === 'killed')!;
    expect(killed.values.map((v) => [v.article, v.value])).toEqual([
      ['a#0', 12],
      ['b#0', 12],
      ['c#0', 40],
    ]);
    expect(killed.verdict).toBe('update');
    expect(killed.eventCluster).toBe(3);
    expect(killed.subject).toBe('عدد القتلى');
    const missing = claims.find((c) => c.category === 'missing')!;
    expect(missing.values.map((v) => v.value)).toEqual([17]);
    expect(missing.verdict).toBe('single-source');
  });

  it('never compares differing figures of two happenings in one storyline', () => {
    const claims = findClaims(0, [DAY_1B, DAY_2], (id) => (id === DAY_1B.id ? 0 : 1));
    expect(claims.filter((c) => c.category === 'killed').map((c) => c.verdict)).toEqual([
      'single-source',
      'single-source',
    ]);
  });

  it('keeps a same-day disagreement on one count a conflict, and different counted nouns apart', () => {
    const other = article('d#0', '2024-03-01', 'ولقي 15 شخصا حتفهم في الحادث، كما نفقت 30 رأسا من الماشية.', [
      ['15 شخصا', 15, 'exact', 'شخصا'],
    ]);
    const cattle = article('e#0', '2024-03-01', 'وقتل في الحادث 81 حالة اختناق.', [['81 حالة', 81, 'exact', 'حالة']]);
    const claims = findClaims(0, [DAY_1B, other, cattle]);
    const killed = claims.filter((c) => c.category === 'killed');
    expect(killed.find((c) => c.values.some((v) => v.value === 12))!.verdict).toBe('conflict');
    expect(killed.find((c) => c.values.some((v) => v.value === 81))!.verdict).toBe('single-source');
  });

  it('reads resolved durations («10 أيام» and «عشرة أيام») as one figure in days', () => {
    const body1 = 'ومنحت المحكمة اللجنة مهلة 10 أيام لتقديم تقريرها.';
    const body2 = 'وأمهلت المحكمة اللجنة عشرة أيام.';
    const time = (body: string, text: string) => ({
      text,
      start: body.indexOf(text),
      end: body.indexOf(text) + text.length,
      value: 'P10D',
      precision: 'duration' as const,
      anchor: 'none' as const,
    });
    const claims = findClaims(0, [
      { id: 'x#0', outlet: 'x', published: '2024-03-01', headline: null, body: body1, times: [time(body1, '10 أيام')] },
      {
        id: 'y#0',
        outlet: 'y',
        published: '2024-03-01',
        headline: null,
        body: body2,
        times: [time(body2, 'عشرة أيام')],
      },
    ]);
    expect(claims).toHaveLength(1);
    expect(claims[0]!.category).toBe('duration');
    expect(claims[0]!.values.map((v) => v.text)).toEqual(['10 أيام', 'عشرة أيام']);
    expect(claims[0]!.verdict).toBe('agree');
  });
});

describe('findClaims aligns figures by their frame (issue 15)', () => {
  const report = (
    id: string,
    published: string,
    body: string,
    figures: [string, number | null, QuantityMention['qualifier'], string | null][],
  ): ClusterInput => ({
    id,
    outlet: id,
    published,
    headline: null,
    body,
    quantities: figures.map(([surface, value, qualifier, unit]) => quantity(body, surface, value, qualifier, unit)),
  });
  const EARLY = report(
    'early#0',
    '2024-05-03',
    'أعلن المتحدث باسم وزارة الصحة أن الاشتباكات أسفرت عن إصابة 89 شخصا، من بينهم 41 مصابا أمام مركز شرطة المدينة، و34 مصابا أمام ديوان المحافظة.',
    [
      ['89 شخصا', 89, 'exact', 'شخصا'],
      ['41 مصابا', 41, 'exact', 'مصابا'],
      ['34 مصابا', 34, 'exact', 'مصابا'],
    ],
  );
  const LATE = report(
    'late#0',
    '2024-05-03',
    'أعلن المتحدث باسم وزارة الصحة ارتفاع أعداد المصابين إلى 164 شخصا، من بينهم 63 مصابا أمام مركز شرطة المدينة، و65 مصابا أمام ديوان المحافظة.',
    [
      ['164 شخصا', 164, 'exact', 'شخصا'],
      ['63 مصابا', 63, 'exact', 'مصابا'],
      ['65 مصابا', 65, 'exact', 'مصابا'],
    ],
  );

  it('pairs each part of a breakdown with the same part in the revised statement, as updates', () => {
    const claims = findClaims(0, [EARLY, LATE], () => 0);
    const values = (text: string) => claims.find((c) => c.values.some((v) => v.text === text))!;
    expect(values('41 مصابا').values.map((v) => v.value)).toEqual([41, 63]);
    expect(values('34 مصابا').values.map((v) => v.value)).toEqual([34, 65]);
    expect(values('41 مصابا').verdict).toBe('update');
    expect(values('34 مصابا').verdict).toBe('update');
  });

  it('calls a differing figure in the same frame a conflict when nothing says it was revised', () => {
    const a = report('a#0', '2024-05-03', 'وأضاف أن الحادث أسفر عن إصابة 13 آخرين بجروح متفرقة نقلوا إلى المستشفى.', [
      ['13 آخرين', 13, 'exact', 'آخرين'],
    ]);
    const b = report('b#0', '2024-05-03', 'وقال إن الحادث أسفر عن إصابة 8 آخرين بجروح متفرقة نقلوا إلى المستشفى.', [
      ['8 آخرين', 8, 'exact', 'آخرين'],
    ]);
    const claim = findClaims(0, [a, b], () => 0).find((c) => c.values.length === 2)!;
    expect(claim.values.map((v) => v.value).sort()).toEqual([13, 8]);
    expect(claim.verdict).toBe('conflict');
  });

  it('never pairs two differing figures of one sentence that sit in different slots', () => {
    const a = report(
      'a#0',
      '2024-05-03',
      'لا تتعدى نسبة الموافقة بينهم 33% مقارنة بحوالي 56% بين الحاصلين على تعليم أقل.',
      [
        ['33%', 33, 'exact', 'percent'],
        ['بحوالي 56%', 56, 'about', 'percent'],
      ],
    );
    const b = report(
      'b#0',
      '2024-05-03',
      'لا تتعدى نسبة الموافقة بينهم 33$ مقارنة بحوالي 56% بين الحاصلين على تعليم أقل.',
      [['بحوالي 56%', 56, 'about', 'percent']],
    );
    const claims = findClaims(0, [a, b], () => 0);
    expect(claims.filter((c) => c.verdict === 'conflict')).toEqual([]);
    expect(claims.find((c) => c.values.some((v) => v.text === '33%'))!.values).toHaveLength(1);
  });

  it('does not align figures of two happenings', () => {
    const a = report('a#0', '2024-05-03', 'وأسفر الحادث عن إصابة 13 آخرين بجروح متفرقة.', [
      ['13 آخرين', 13, 'exact', 'آخرين'],
    ]);
    const b = report('b#0', '2024-05-03', 'وأسفر الحادث عن إصابة 8 آخرين بجروح متفرقة.', [
      ['8 آخرين', 8, 'exact', 'آخرين'],
    ]);
    const claims = findClaims(0, [a, b], (id) => (id === 'a#0' ? 0 : 1));
    expect(claims.every((c) => c.verdict === 'single-source')).toBe(true);
  });
});

describe('valuesAgree keeps distinct exact figures apart', () => {
  it('treats non-round exact figures as points and bounds «more than»', () => {
    expect(
      valuesAgree([
        { value: 211, qualifier: 'exact' },
        { value: 216, qualifier: 'exact' },
      ]),
    ).toBe(false);
    expect(
      valuesAgree([
        { value: 150, qualifier: 'exact' },
        { value: 151, qualifier: 'exact' },
      ]),
    ).toBe(true);
    expect(
      valuesAgree([
        { value: 5.3, qualifier: 'exact' },
        { value: 5.4, qualifier: 'exact' },
      ]),
    ).toBe(false);
    expect(
      valuesAgree([
        { value: 165e6, qualifier: 'more-than' },
        { value: 235e6, qualifier: 'more-than' },
      ]),
    ).toBe(false);
    expect(
      valuesAgree([
        { value: 150, qualifier: 'more-than' },
        { value: 151, qualifier: 'about' },
      ]),
    ).toBe(true);
  });
});

describe('findClaims compares differing figures only in one scope (issue 15)', () => {
  const report = (
    id: string,
    body: string,
    figures: [string, number | null, QuantityMention['qualifier'], string | null][],
    places: string[] = [],
    extra: Partial<QuantityMention> = {},
  ): ClusterInput => ({
    id,
    outlet: id,
    published: '2024-05-03',
    headline: null,
    body,
    quantities: figures.map(([surface, value, qualifier, unit]) => ({
      ...quantity(body, surface, value, qualifier, unit),
      ...extra,
    })),
    entities: places.map((place) => {
      const start = body.indexOf(place);
      return { type: 'LOC', text: place, start, end: start + place.length, entityId: place, canonical: place };
    }),
  });
  const pairs = (claims: readonly { values: readonly { article: string }[] }[]): number =>
    claims.filter((c) => new Set(c.values.map((v) => v.article)).size > 1).length;

  it('never compares figures whose sentences name different places', () => {
    const a = report(
      'a#0',
      'وأسفر حادث تصادم على طريق أسيوط عن إصابة 12 آخرين بجروح متفرقة.',
      [['12 آخرين', 12, 'exact', 'آخرين']],
      ['أسيوط'],
    );
    const b = report(
      'b#0',
      'وأسفر حادث تصادم على طريق سوهاج عن إصابة 8 آخرين بجروح متفرقة.',
      [['8 آخرين', 8, 'exact', 'آخرين']],
      ['سوهاج'],
    );
    const claims = findClaims(0, [a, b], () => 0);
    expect(pairs(claims)).toBe(0);
    expect(claims.some((c) => c.verdict === 'conflict')).toBe(false);
  });

  it('never compares a part («منهم») with a total', () => {
    const a = report('a#0', 'وأسفر الحادث عن إصابة 14 شخصا بجروح مختلفة.', [['14 شخصا', 14, 'exact', 'شخصا']]);
    const b = report('b#0', 'وأسفر الحادث عن إصابة عدد من المواطنين، منهم 9 شخصا بجروح خطيرة.', [
      ['9 شخصا', 9, 'exact', 'شخصا'],
    ]);
    const claims = findClaims(0, [a, b], () => 0);
    expect(claims.some((c) => c.verdict === 'conflict')).toBe(false);
  });

  it('calls same-day at-least tolls of one attack an update, not a conflict', () => {
    const a = report('a#0', 'قتل 16 شخصا على الأقل في هجوم انتحاري على مقر الشرطة صباح اليوم.', [
      ['16 شخصا على الأقل', 16, 'at-least', 'شخصا'],
    ]);
    const b = report('b#0', 'قتل 33 شخصا على الأقل في هجوم انتحاري على مقر الشرطة صباح اليوم.', [
      ['33 شخصا على الأقل', 33, 'at-least', 'شخصا'],
    ]);
    const claim = findClaims(0, [a, b], () => 0).find((c) => c.values.length === 2)!;
    expect(claim.verdict).toBe('update');
  });

  it('lets a figure with two readings agree under either, and never oppose it', () => {
    const a = report('a#0', 'وضبطت الحملة 1.800 طن من الدقيق المدعم المهرب.', [['1.800 طن', 1800, 'exact', 'طن']], [], {
      readings: [1.8],
    });
    const b = report('b#0', 'وضبطت الحملة 1.8 طن من الدقيق المدعم المهرب.', [['1.8 طن', 1.8, 'exact', 'طن']]);
    const c = report('c#0', 'وضبطت الحملة 5 طن من الدقيق المدعم المهرب.', [['5 طن', 5, 'exact', 'طن']]);
    const claims = findClaims(0, [a, b, c], () => 0);
    const both = claims.find((x) => x.values.some((v) => v.article === 'a#0'))!;
    expect(both.values.map((v) => v.article).sort()).toEqual(['a#0', 'b#0']);
    expect(both.verdict).toBe('agree');
    expect(claims.some((x) => x.verdict === 'conflict')).toBe(false);
  });
});
