import { describe, expect, it } from 'vitest';
import { propagateLabels, propagateNameParts } from './consistency.ts';

describe('propagateLabels', () => {
  it('labels untagged recurrences of a name tagged elsewhere in the document, through clitics', () => {
    const sentences = [
      ['التقى', 'الوزير', 'سامي', 'فرح', 'في', 'الرقة'],
      ['وقال', 'فرح', 'إن', 'الوفد', 'غادر', 'والرقة'],
      ['وأكد', 'فرح', 'أن', 'الرقة', 'آمنة'],
      ['وعاد', 'فرح', 'إلى', 'دمشق'],
    ];
    const tags = [
      ['O', 'O', 'B-PERS', 'I-PERS', 'O', 'B-LOC'],
      ['O', 'B-PERS', 'O', 'O', 'O', 'O'],
      ['O', 'B-PERS', 'O', 'B-LOC', 'O'],
      ['O', 'O', 'O', 'O'],
    ];
    // «فرح» was tagged in 2 of its 4 occurrences, «الرقة» in 2 of 3 (the core form ignores «و»).
    expect(propagateLabels(sentences, tags)).toEqual([
      tags[0],
      ['O', 'B-PERS', 'O', 'O', 'O', 'B-LOC'],
      tags[2],
      ['O', 'B-PERS', 'O', 'O'],
    ]);
  });

  it('leaves names alone when most of their occurrences were left untagged, and never overwrites tags', () => {
    const sentences = [
      ['الأمل', 'كبير'],
      ['الأمل', 'باق'],
      ['الأمل', 'يعود'],
      ['فريق', 'الأمل'],
    ];
    const tags = [
      ['O', 'O'],
      ['O', 'O'],
      ['O', 'O'],
      ['B-ORG', 'I-ORG'],
    ];
    expect(propagateLabels(sentences, tags)).toEqual(tags);
    expect(propagateLabels([], [])).toEqual([]);
  });
});

describe('propagateNameParts', () => {
  it('tags a lone surname after the full name, through clitics', () => {
    const sentences = [
      ['وصل', 'المبعوث', 'جمال', 'رضا', 'الكرخي', 'إلى', 'أربيل'],
      ['وأكد', 'الكرخي', 'أن', 'المحادثات', 'مثمرة'],
      ['وقال', 'للكرخي', 'مسؤول', 'محلي'],
    ];
    const tags = [
      ['O', 'O', 'B-PERS', 'I-PERS', 'I-PERS', 'O', 'B-LOC'],
      ['O', 'O', 'O', 'O', 'O'],
      ['O', 'O', 'O', 'O'],
    ];
    expect(propagateNameParts(sentences, tags)).toEqual([
      tags[0],
      ['O', 'B-PERS', 'O', 'O', 'O'],
      ['O', 'B-PERS', 'O', 'O'],
    ]);
  });

  it('leaves adjectives after a definite noun, common words, link words and parts tagged as another type alone', () => {
    const sentences = [
      ['استقبل', 'عبد', 'الله', 'حسن', 'الكرخي', 'الوفد'],
      ['وتناول', 'الوفد', 'الطبق', 'الكرخي', 'الشهير'],
      ['وقال', 'عبد', 'الله', 'إن', 'الله', 'كريم'],
      ['وزار', 'سمير', 'حلب', 'ثم', 'غادر', 'حلب'],
      ['وحضر', 'نبيل', 'الجديد', 'الحفل', 'الجديد'],
    ];
    const tags = [
      ['O', 'B-PERS', 'I-PERS', 'I-PERS', 'I-PERS', 'O'],
      ['O', 'O', 'O', 'O', 'O'],
      ['O', 'B-PERS', 'I-PERS', 'O', 'O', 'O'],
      ['O', 'B-PERS', 'I-PERS', 'O', 'O', 'B-LOC'],
      ['O', 'B-PERS', 'I-PERS', 'O', 'O'],
    ];
    const isCommon = (token: string): boolean => token === 'الجديد';
    expect(propagateNameParts(sentences, tags, undefined, isCommon)).toEqual(tags);
  });

  it('counts only names within the window of sentences (a CoNLL file or a long page is many stories)', () => {
    const filler = Array.from({ length: 12 }, () => ['وارتفعت', 'أسعار', 'النفط']);
    const sentences = [
      ['سجل', 'المهاجم', 'كيفن', 'دين', 'هدفين'],
      ...filler,
      ['وأصدر', 'البنك', 'سندات', 'دين', 'جديدة'],
    ];
    const tags = sentences.map((s, k) => (k === 0 ? ['O', 'O', 'B-PERS', 'I-PERS', 'O'] : s.map(() => 'O')));
    expect(propagateNameParts(sentences, tags, undefined, undefined, 10)).toEqual(tags);
    expect(propagateNameParts(sentences, tags, undefined, undefined, 20).at(-1)).toEqual([
      'O',
      'O',
      'O',
      'B-PERS',
      'O',
    ]);
    const lone = tags.map((t, k) => (k === 0 ? ['O', 'O', 'O', 'B-PERS', 'O'] : t));
    expect(propagateLabels(sentences, lone, undefined, 10).at(-1)).toEqual(['O', 'O', 'O', 'O', 'O']);
    expect(propagateLabels(sentences, lone, undefined, 20).at(-1)).toEqual(['O', 'O', 'O', 'B-PERS', 'O']);
  });
});
