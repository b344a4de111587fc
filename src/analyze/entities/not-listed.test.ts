import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../core/annotation.ts';
import { annotateArticle } from '../index.ts';
import type { RawMention } from './link.ts';

/** Hand-made tagger output: every occurrence of each (type, text) in the body, as a trained tagger might give. */
function tagger(items: readonly [EntityType, string][]): (body: string) => RawMention[] {
  return (body) =>
    items
      .flatMap(([type, text]) =>
        [...body.matchAll(new RegExp(text, 'gu'))].map((m) => ({
          type,
          text,
          start: m.index,
          end: m.index + text.length,
        })),
      )
      .sort((a, b) => a.start - b.start);
}

const annotate = (body: string, items: readonly [EntityType, string][]) =>
  annotateArticle({ body, published: '2013-02-05', outlet: null }, { recognize: tagger(items) });

describe('entities worth listing', () => {
  it('drops currency and unit words, in an amount or alone, and keeps the amounts', () => {
    const body = 'وبلغت قيمة الصفقة 20 مليون دولار، فيما ارتفع سعر الجنيه المصري أمام الدولار وفق البنك المركزي.';
    const result = annotate(body, [
      ['MISC', 'دولار'],
      ['MISC', 'الجنيه المصري'],
      ['MISC', 'الدولار'],
      ['ORG', 'البنك المركزي'],
    ]);
    expect(result.entities.map((e) => e.text)).toEqual(['البنك المركزي']);
    expect(result.quantities.map((q) => [q.value, q.unit])).toContainEqual([20_000_000, 'دولار']);
  });

  it('drops the counted noun of an amount («17 شخصاً») but not a name beside it', () => {
    const body = 'وقتل 17 شخصاً في حادث بمحافظة أسيوط.';
    const result = annotate(body, [
      ['MISC', 'شخصاً'],
      ['LOC', 'أسيوط'],
    ]);
    expect(result.entities.map((e) => e.text)).toEqual(['أسيوط']);
  });

  it('drops «الله» in set formulae, keeps names that contain it', () => {
    const body =
      'وقال عبد الله سالم إن شاء الله تنتهي الأزمة، والحمد لله على السلامة، وإن حزب الله لم يعلق، رحمه الله، صلى الله عليه وسلم.';
    const result = annotate(body, [
      ['PERS', 'عبد الله سالم'],
      ['MISC', 'الله'],
      ['ORG', 'حزب الله'],
    ]);
    expect(result.entities.map((e) => e.canonical)).toEqual(['عبد الله سالم', 'حزب الله']);
  });
});
