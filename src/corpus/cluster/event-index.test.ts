import { describe, expect, it } from 'vitest';
import { clusterArticles } from '../index.ts';
import type { ClusterInput } from '../types.ts';
import { articleFeatures, createEventIndex, stretchesSpan, type ClusterState } from './event-index.ts';
import { EVENT_PARAMS } from './params.ts';

// Written for these tests: two outlets report a port fire on its day and the next; a third outlet runs the
// investigation's findings two days later (same vocabulary, new happening); a fourth re-reports the fire itself late.
const FIRE_DAY1: ClusterInput = {
  id: 'harbour-news#1',
  outlet: 'أخبار المرفأ',
  published: '2019-03-10',
  headline: 'حريق ضخم في مستودعات ميناء الدمام والدفاع المدني يسيطر عليه',
  body: [
    'اندلع حريق ضخم مساء السبت في مستودعات ميناء الدمام التجاري، وتصاعدت سحب الدخان الكثيف فوق أرصفة الميناء لساعات.',
    'وقال المتحدث باسم الدفاع المدني إن فرق الإطفاء سيطرت على الحريق بعد أربع ساعات من العمل المتواصل، دون تسجيل إصابات بشرية.',
    'وأوضح أن النيران التهمت ثلاثة مستودعات تضم بضائع وحاويات، وأن فرق التبريد ما زالت في الموقع لمنع تجدد الاشتعال.',
  ].join('\n'),
};

const FIRE_DAY2: ClusterInput = {
  id: 'eastern-daily#4',
  outlet: 'الشرقية اليوم',
  published: '2019-03-11',
  headline: 'السيطرة على حريق مستودعات ميناء الدمام دون إصابات',
  body: [
    'تمكنت فرق الدفاع المدني من السيطرة على حريق شب في مستودعات ميناء الدمام التجاري مساء أمس، بعد ساعات من تصاعد الدخان الكثيف.',
    'وذكر المتحدث باسم الدفاع المدني أن النيران أتت على ثلاثة مستودعات للبضائع والحاويات، ولم تسجل أي إصابات بشرية.',
    'وأضاف أن فرق التبريد تواصل عملها في أرصفة الميناء خشية تجدد الاشتعال.',
  ].join('\n'),
};

/** Day 3, another headline: the investigation committee's findings, told with the fire's vocabulary. */
const INQUIRY_DAY3: ClusterInput = {
  id: 'gulf-voice#8',
  outlet: 'صوت الخليج',
  published: '2019-03-12',
  headline: 'لجنة التحقيق: ماس كهربائي وراء الكارثة',
  body: [
    'أعلنت لجنة التحقيق أن ماسا كهربائيا وراء حريق مستودعات ميناء الدمام التجاري الذي سيطرت عليه فرق الدفاع المدني بعد أربع ساعات.',
    'وقال المتحدث باسم الدفاع المدني إن النيران التهمت ثلاثة مستودعات تضم بضائع وحاويات، وإن الدخان الكثيف غطى أرصفة الميناء، دون إصابات بشرية.',
    'وأشار إلى أن فرق التبريد بقيت في الموقع لمنع تجدد الاشتعال قبل تسليمه للجنة.',
  ].join('\n'),
};

/** Day 3, the fire's own headline words: a late report of the same happening. */
const LATE_REPORT_DAY3: ClusterInput = {
  ...INQUIRY_DAY3,
  id: 'weekly-port#2',
  outlet: 'أسبوعية الموانئ',
  headline: 'حريق مستودعات ميناء الدمام: ثلاثة مستودعات احترقت دون إصابات',
};

const clustersOf = (inputs: readonly ClusterInput[], params = {}): string[][] =>
  clusterArticles(inputs, { eventParams: params }).eventClusters.map((c) => [...c.articles]);

describe('late members need headline support', () => {
  it('keeps a day-3 article with another headline out of a fire cluster, even on a strong body match', () => {
    // Without the rule (late headline threshold 0) the body match alone admits it: the rule is what splits.
    expect(clustersOf([FIRE_DAY1, FIRE_DAY2, INQUIRY_DAY3], { lateHeadlineThreshold: 0 })).toEqual([
      [FIRE_DAY1.id, FIRE_DAY2.id, INQUIRY_DAY3.id],
    ]);
    expect(clustersOf([FIRE_DAY1, FIRE_DAY2, INQUIRY_DAY3])).toEqual([[FIRE_DAY1.id, FIRE_DAY2.id], [INQUIRY_DAY3.id]]);
  });

  it('still admits a day-3 report whose headline names the same fire', () => {
    expect(clustersOf([FIRE_DAY1, FIRE_DAY2, LATE_REPORT_DAY3])).toEqual([
      [FIRE_DAY1.id, FIRE_DAY2.id, LATE_REPORT_DAY3.id],
    ]);
  });

  it('does not apply to the next day (online day 1, print day 2)', () => {
    expect(clustersOf([FIRE_DAY1, { ...INQUIRY_DAY3, published: '2019-03-11' }])).toEqual([
      [FIRE_DAY1.id, INQUIRY_DAY3.id],
    ]);
  });
});

describe('stretchesSpan', () => {
  const state = (firstDay: number | null, lastDay: number | null): ClusterState => ({
    members: [],
    centroid: new Map(),
    norm: 0,
    firstDay,
    lastDay,
    outlets: new Set(),
    headlines: new Map(),
    headlineNorm: 0,
  });
  const dated = articleFeatures(FIRE_DAY1);
  const day = dated.day!;

  it('is true only when the joined span would exceed one day', () => {
    expect(stretchesSpan(EVENT_PARAMS, dated, state(day - 1, day - 1))).toBe(false);
    expect(stretchesSpan(EVENT_PARAMS, dated, state(day - 2, day - 1))).toBe(true);
    expect(stretchesSpan(EVENT_PARAMS, dated, state(day + 1, day + 2))).toBe(true);
    expect(stretchesSpan(EVENT_PARAMS, dated, state(day, day + 1))).toBe(false);
  });

  it('never applies to undated articles or clusters', () => {
    expect(stretchesSpan(EVENT_PARAMS, articleFeatures({ ...FIRE_DAY1, published: null }), state(day - 2, day))).toBe(
      false,
    );
    expect(stretchesSpan(EVENT_PARAMS, dated, state(null, null))).toBe(false);
    expect(createEventIndex().params.lateSpanDays).toBe(1);
  });
});
