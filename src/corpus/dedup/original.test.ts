import { describe, expect, it } from 'vitest';
import { clusterArticles } from '../index.ts';
import type { ClusterInput } from '../types.ts';
import { pickOriginal } from './original.ts';

const WIRE =
  'الرياض - واس\nأعلنت هيئة الأرصاد الجوية أن موجة حارة ستضرب المنطقة الشرقية اعتبارا من يوم غد وتستمر حتى نهاية الأسبوع، وتوقعت أن تتجاوز درجات الحرارة 48 درجة مئوية في الأحساء والدمام، داعية المواطنين والمقيمين إلى تجنب التعرض لأشعة الشمس في ساعات الظهيرة وشرب كميات كافية من الماء، وأكدت الهيئة أنها تتابع الحالة على مدار الساعة.';
const REPOST = `${WIRE}\nوكانت المنطقة قد شهدت موجة مماثلة في الصيف الماضي.\nشارك الخبر عبر مواقع التواصل`;

const input = (id: string, outlet: string, body: string): ClusterInput => ({
  id,
  outlet,
  published: '2015-08-03',
  headline: 'الأرصاد: موجة حارة على المنطقة الشرقية حتى نهاية الأسبوع',
  body,
  citedSources: ['واس'],
});

describe('originals and copies', () => {
  it("makes the agency's own page the original of its re-posts, even when a re-post is longer", () => {
    const result = clusterArticles([
      input('a-okaz', 'عكاظ', REPOST),
      input('b-spa', 'واس', WIRE),
      input('c-riyadh', 'الرياض', `${WIRE}\nتابعونا`),
    ]);
    const uncredited = clusterArticles(
      [input('a-okaz', 'عكاظ', REPOST), input('b-spa', 'واس', WIRE)].map((i) => ({
        ...i,
        body: i.body.replace('الرياض - واس\n', ''),
        citedSources: [],
      })),
    );
    expect(uncredited.duplicates[0]).toMatchObject({ original: 'b-spa', agency: 'واس', wire: true });
    expect(result.duplicates).toHaveLength(1);
    expect(result.duplicates[0]).toMatchObject({ original: 'b-spa', copies: ['a-okaz', 'c-riyadh'], agency: 'واس' });
  });

  it('without an agency page, the earliest full text is the original', () => {
    const base = { outlet: null, bodyLength: 100 };
    expect(
      pickOriginal([
        { ...base, id: 'late', day: 3 },
        { ...base, id: 'short', day: 1, bodyLength: 80 },
        { ...base, id: 'full', day: 1 },
      ]).id,
    ).toBe('full');
    expect(
      pickOriginal([
        { ...base, id: 'repost', day: 1, outlet: 'الوطن', bodyLength: 300 },
        { ...base, id: 'agency', day: 2, outlet: 'وكالة الأنباء السعودية' },
      ]).id,
    ).toBe('agency');
  });
});
