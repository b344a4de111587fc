import { describe, expect, it } from 'vitest';
import { sentenceFeatures } from './features.ts';
import { emissionScores } from './perceptron.ts';
import { loadTagger } from './recognize.ts';

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
});
