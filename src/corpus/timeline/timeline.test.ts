import { describe, expect, it } from 'vitest';
import type { TimeMention } from '../../core/annotation.ts';
import type { ClusterInput } from '../types.ts';
import { buildTimeline, timelineDate } from './timeline.ts';

function time(
  body: string,
  surface: string,
  value: string | null,
  precision: TimeMention['precision'],
  from = 0,
): TimeMention {
  const start = body.indexOf(surface, from);
  return { text: surface, start, end: start + surface.length, value, precision, anchor: 'none' };
}

const BODY_A =
  'اندلعت الاحتجاجات في العاصمة يوم 12 مارس 2019 بعد قرار رفع الأسعار.\nوفي عام 2011 شهدت البلاد موجة مماثلة.\nوقال مسؤول إن الحكومة ستراجع القرار قريبا.';
const BODY_B =
  'بدأت الاحتجاجات في العاصمة في 12 مارس 2019 احتجاجا على رفع الأسعار.\nوأعلنت الحكومة في أبريل تعديل القرار.';
const A: ClusterInput = {
  id: 'a#0',
  outlet: 'صحيفة أ',
  published: '2019-03-14',
  headline: null,
  body: BODY_A,
  times: [
    time(BODY_A, '12 مارس 2019', '2019-03-12', 'day'),
    time(BODY_A, 'عام 2011', '2011', 'year'),
    time(BODY_A, 'قريبا', null, 'duration'),
  ],
};
const B: ClusterInput = {
  id: 'b#0',
  outlet: 'صحيفة ب',
  published: '2019-03-15',
  headline: null,
  body: BODY_B,
  times: [time(BODY_B, '12 مارس 2019', '2019-03-12', 'day'), time(BODY_B, 'أبريل', null, 'month')],
};

describe('buildTimeline', () => {
  const entries = buildTimeline(3, [A, B]);

  it('merges the same dated happening reported by two articles, citing each sentence span', () => {
    const merged = entries.find((e) => e.date === '2019-03-12')!;
    expect(merged.precision).toBe('day');
    expect(merged.sources.map((s) => s.article)).toEqual(['a#0', 'b#0']);
    for (const source of merged.sources) {
      const body = source.article === 'a#0' ? BODY_A : BODY_B;
      expect(body.slice(source.start, source.end)).toMatch(/^(اندلعت|بدأت) الاحتجاجات .*الأسعار\.$/u);
    }
    expect(merged.text).toBe(BODY_A.slice(merged.sources[0]!.start, merged.sources[0]!.end));
  });

  it('sorts dated entries by date and lists unresolved mentions apart with date null, never durations', () => {
    expect(entries.map((e) => [e.storyline, e.date, e.precision])).toEqual([
      [3, '2011', 'year'],
      [3, '2019-03-12', 'day'],
      [3, null, null],
    ]);
    const undated = entries[2]!;
    expect(BODY_B.slice(undated.sources[0]!.start, undated.sources[0]!.end)).toBe(
      'وأعلنت الحكومة في أبريل تعديل القرار.',
    );
  });

  it('keeps two different same-day sentences of one article as two entries', () => {
    const body =
      'سلم السفير رسالة إلى وزير الخارجية يوم الأربعاء.\nوفي يوم الأربعاء نشرت مجلة أمريكية تقريرا عن الانسحاب من سوريا.';
    const article: ClusterInput = {
      id: 'c#0',
      outlet: null,
      published: '2024-01-26',
      headline: null,
      body,
      times: [time(body, 'يوم الأربعاء', '2024-01-24', 'day'), time(body, 'يوم الأربعاء', '2024-01-24', 'day', 40)],
    };
    expect(buildTimeline(0, [article]).map((e) => e.date)).toEqual(['2024-01-24', '2024-01-24']);
  });
});

describe('timelineDate', () => {
  it('cuts the value to its precision and treats minutes as days', () => {
    expect(
      timelineDate({ text: 'x', start: 0, end: 1, value: '2023-10-07T06:30', precision: 'minute', anchor: 'none' }),
    ).toEqual({ date: '2023-10-07', precision: 'day' });
    expect(timelineDate({ text: 'x', start: 0, end: 1, value: '2021-12', precision: 'month', anchor: 'none' })).toEqual(
      { date: '2021-12', precision: 'month' },
    );
    expect(
      timelineDate({ text: 'x', start: 0, end: 1, value: 'P3M', precision: 'duration', anchor: 'none' }),
    ).toBeNull();
  });
});
