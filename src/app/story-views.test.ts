import { describe, expect, it } from 'vitest';
import type { ClusterInput, ClusterResult } from '../corpus/types.ts';
import { buildStoryViews, summaryOf } from './story-views.ts';

const BODY_A = 'أعلنت الحكومة الأربعاء بدء محادثات مع الوفد الزائر.\nوقال المتحدث إن نحو 2500 جندي سيغادرون.';
const BODY_C = 'قالت مصادر إن المحادثات بدأت الأربعاء.\nوأكدت أن 2500 جندي سيغادرون البلاد.';
const inputs: ClusterInput[] = [
  { id: 'a', outlet: 'صحيفة النهار', published: '2024-01-24', headline: 'بدء المحادثات', body: BODY_A },
  { id: 'b', outlet: 'موقع الضفة', published: '2024-01-24', headline: 'بدء المحادثات', body: BODY_A },
  { id: 'c', outlet: 'صحيفة النهار', published: '2024-01-25', headline: 'المحادثات تنطلق', body: BODY_C },
  { id: 'd', outlet: 'وكالة السهل', published: '2024-02-01', headline: 'مهرجان التمور', body: 'افتتح مهرجان التمور.' },
];
const troopsA = BODY_A.indexOf('نحو 2500 جندي');
const troopsC = BODY_C.indexOf('2500 جندي');
const result: ClusterResult = {
  duplicates: [{ original: 'a', copies: ['b'], wire: true, agency: 'رويترز' }],
  eventClusters: [
    { id: 'ec1', label: 'بدء المحادثات', articles: ['a', 'b', 'c'], firstDate: '2024-01-24', lastDate: '2024-01-25' },
    { id: 'ec2', label: 'مهرجان التمور', articles: ['d'], firstDate: '2024-02-01', lastDate: '2024-02-01' },
  ],
  storylines: [
    { id: 's1', label: 'المحادثات', eventClusters: [0], firstDate: '2024-01-24', lastDate: '2024-01-25' },
    { id: 's2', label: 'التمور', eventClusters: [1], firstDate: '2024-02-01', lastDate: '2024-02-01' },
  ],
  timeline: [
    {
      storyline: 0,
      date: '2024-01-24',
      precision: 'day',
      text: 'بدء المحادثات',
      sources: [
        { article: 'a', start: 0, end: BODY_A.indexOf('\n') },
        { article: 'c', start: 0, end: BODY_C.indexOf('\n') },
      ],
    },
  ],
  undated: [],
  claims: [
    {
      storyline: 0,
      subject: 'جندي',
      verdict: 'agree',
      values: [
        {
          article: 'a',
          outlet: 'صحيفة النهار',
          text: 'نحو 2500 جندي',
          start: troopsA,
          end: troopsA + 'نحو 2500 جندي'.length,
          value: 2500,
          qualifier: 'about',
          attribution: null,
        },
        {
          article: 'c',
          outlet: 'صحيفة النهار',
          text: '2500 جندي',
          start: troopsC,
          end: troopsC + '2500 جندي'.length,
          value: 2500,
          qualifier: 'exact',
          attribution: 'مصادر',
        },
      ],
    },
  ],
};

describe('buildStoryViews', () => {
  const views = buildStoryViews(result, inputs);

  it('orders storylines largest first and lists their outlets by article count', () => {
    expect(views.storylines.map(summaryOf).map((s) => [s.id, s.articleCount, s.outlets])).toEqual([
      ['s1', 3, ['صحيفة النهار', 'موقع الضفة']],
      ['s2', 1, ['وكالة السهل']],
    ]);
  });

  it('folds duplicates under their original and groups articles by outlet', () => {
    const byOutlet = views.storylines[0]!.articlesByOutlet;
    expect(byOutlet.map((g) => [g.outlet, g.articles.map((a) => [a.id, a.copies.map((c) => c.id), a.wire])])).toEqual([
      [
        'صحيفة النهار',
        [
          ['a', ['b'], true],
          ['c', [], false],
        ],
      ],
    ]);
  });

  it('cuts timeline source text and keeps claims with their sources per storyline', () => {
    const story = views.storylines[0]!;
    expect(story.timeline[0]!.sources.map((s) => s.text)).toEqual([BODY_A.split('\n')[0], BODY_C.split('\n')[0]]);
    expect(story.claims[0]!.values.map((v) => [v.articleId, v.text, v.attribution])).toEqual([
      ['a', 'نحو 2500 جندي', null],
      ['c', '2500 جندي', 'مصادر'],
    ]);
    expect(views.storylines[1]!.claims).toEqual([]);
  });

  it('maps every clustered article to its storyline and clusters to theirs', () => {
    expect([...views.storylineOfArticle.entries()].sort()).toEqual([
      ['a', 's1'],
      ['b', 's1'],
      ['c', 's1'],
      ['d', 's2'],
    ]);
    expect(views.clusters.map((c) => [c.id, c.storylineId])).toEqual([
      ['ec1', 's1'],
      ['ec2', 's2'],
    ]);
  });
});
