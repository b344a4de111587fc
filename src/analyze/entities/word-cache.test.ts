import { describe, expect, it } from 'vitest';
import { documentFeatures, sentenceFeatures } from './features.ts';
import { emissionScores } from './perceptron.ts';
import { loadTagger } from './recognize.ts';
import { documentContextRows } from './tagger.ts';

describe('WordFeatureCache', () => {
  it('scores exactly like the string features used in training', () => {
    const tagger = loadTagger();
    const sentences = [
      'وقال وزير الخارجية الأمريكي أنتوني بلينكن في مؤتمر صحفي بالقاهرة إن الولايات المتحدة ستواصل دعمها .'.split(' '),
      'فاز نادي الزمالك على ضيفه الإسماعيلي بهدفين نظيفين في الدوري المصري'.split(' '),
      ['.'],
    ];
    for (let round = 0; round < 2; round++) {
      for (const tokens of sentences) {
        const fast = tagger.cache.scores(tokens);
        const reference = emissionScores(tagger.weights, sentenceFeatures(tokens, tagger.resources));
        expect(fast.length).toBe(reference.length);
        for (let i = 0; i < fast.length; i++) expect(fast[i]).toBeCloseTo(reference[i]!, 3);
      }
    }
  });

  it('adds the document rows (context aggregation) exactly like documentFeatures', () => {
    const base = loadTagger();
    const tagger = { ...base, resources: { ...base.resources, documentWindow: 5 } };
    const sentences = [
      'وسجل مهاجم فريق كاليدو هدفين في الشوط الأول'.split(' '),
      'وقال مدرب كاليدو إن الفوز مستحق'.split(' '),
    ];
    const rows = documentContextRows(tagger, sentences);
    expect(rows[1]![2]).toContain('A-1w=فريق');
    const reference = documentFeatures(sentences, tagger.resources).map((r) => emissionScores(tagger.weights, r));
    sentences.forEach((tokens, s) => {
      const fast = tagger.cache.scoresAndLabels(tokens, rows[s]).scores;
      for (let i = 0; i < fast.length; i++) expect(fast[i]).toBeCloseTo(reference[s]![i]!, 3);
    });
  });
});
