import { describe, expect, it } from 'vitest';
import type { EntityMention, QuantityMention } from '../../core/annotation.ts';
import type { ClusterInput } from '../types.ts';
import { articleFeatures } from './event-index.ts';
import { pairProbability, pairSignals, PAIR_SIGNALS, type PairSide } from './pair-features.ts';

// Written for these tests: two outlets word one bus crash differently; a third reports another crash the same day.
function annotated(
  input: Omit<ClusterInput, 'entities' | 'quantities'>,
  names: [string, EntityMention['type'], string][],
  figures: [string, number][],
): ClusterInput {
  const entities = names.map(([name, type, entityId]) => {
    const start = input.body.indexOf(name);
    return { type, text: name, start, end: start + name.length, entityId, canonical: name };
  });
  const quantities = figures.map(([text, value]): QuantityMention => {
    const start = input.body.indexOf(text);
    return { text, start, end: start + text.length, value, unit: 'شخص', qualifier: 'exact', subject: null };
  });
  return { ...input, entities, quantities };
}

const CRASH_A = annotated(
  {
    id: 'south#1',
    outlet: 'صحيفة الصعيد',
    published: '2013-02-09',
    headline: 'مصرع 12 وإصابة 8 في انقلاب حافلة على طريق أسيوط الغربي',
    body: 'لقي 12 شخصا مصرعهم وأصيب 8 آخرون في انقلاب حافلة ركاب على الطريق الصحراوي الغربي بمحافظة أسيوط، وقال مدير أمن أسيوط إن سيارات الإسعاف نقلت المصابين إلى مستشفى أسيوط الجامعي.',
  },
  [
    ['أسيوط', 'LOC', 'e_asyut'],
    ['مستشفى أسيوط الجامعي', 'ORG', 'e_asyut_hospital'],
  ],
  [
    ['12 شخصا', 12],
    ['8 آخرون', 8],
  ],
);

const CRASH_B = annotated(
  {
    id: 'nile#4',
    outlet: 'بوابة النيل',
    published: '2013-02-09',
    headline: 'حادث مروع بالصحراوي الغربي: 12 قتيلا في أسيوط',
    body: 'شهد الطريق الصحراوي الغربي في أسيوط حادثا مروعا إثر انقلاب أتوبيس، أسفر عن سقوط 12 شخصا قتلى و8 مصابين، نقلوا جميعا إلى مستشفى أسيوط الجامعي لتلقي العلاج.',
  },
  [
    ['أسيوط', 'LOC', 'e_asyut'],
    ['مستشفى أسيوط الجامعي', 'ORG', 'e_asyut_hospital'],
  ],
  [
    ['12 شخصا', 12],
    ['8 مصابين', 8],
  ],
);

const OTHER_CRASH = annotated(
  {
    id: 'delta#2',
    outlet: 'أخبار الدلتا',
    published: '2013-02-09',
    headline: 'إصابة 5 في تصادم سيارتين بطريق طنطا المحلة',
    body: 'أصيب 5 أشخاص في حادث تصادم بين سيارتين على طريق طنطا المحلة بمحافظة الغربية، ونقلت سيارات الإسعاف المصابين إلى مستشفى طنطا العام.',
  },
  [
    ['طنطا', 'LOC', 'e_tanta'],
    ['الغربية', 'LOC', 'e_gharbia'],
  ],
  [['5 أشخاص', 5]],
);

const side = (input: ClusterInput): PairSide => {
  const f = articleFeatures(input);
  return { outlet: f.outlet, day: f.day, vector: f.vector, headlineVector: f.headlineVector, evidence: f.evidence! };
};

describe('same-happening pair model', () => {
  it('gives one signal per named signal, the same in both directions', () => {
    const forward = pairSignals(side(CRASH_A), side(CRASH_B));
    expect(forward).toHaveLength(PAIR_SIGNALS.length);
    expect(pairSignals(side(CRASH_B), side(CRASH_A))).toEqual(forward);
  });

  it('reads shared entities and shared figures from the annotation layers', () => {
    const signals = pairSignals(side(CRASH_A), side(CRASH_B));
    expect(signals[PAIR_SIGNALS.indexOf('sharedEntities')]).toBeCloseTo(Math.log1p(2));
    expect(signals[PAIR_SIGNALS.indexOf('sharedFigures')]).toBeCloseTo(Math.log1p(2));
    expect(pairSignals(side(CRASH_A), side(OTHER_CRASH))[PAIR_SIGNALS.indexOf('figureMismatch')]).toBe(1);
  });

  it('puts two differently worded reports of one crash above the link level and another crash far below', () => {
    const same = pairProbability(side(CRASH_A), side(CRASH_B));
    const other = pairProbability(side(CRASH_A), side(OTHER_CRASH));
    expect(same).toBeGreaterThan(0.45);
    expect(other).toBeLessThan(0.2);
  });
});
