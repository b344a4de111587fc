import { describe, expect, it } from 'vitest';
import { foldDomain, learnBackoffExclusions, meanWeights, tagAll, trainTagger } from './train.ts';
import { buildResources, createTagger, tagTokens } from '../../src/analyze/entities/tagger.ts';
import { parseModel, serializeModel } from '../../src/analyze/entities/model-file.ts';

describe('meanWeights', () => {
  it('averages emission and transition weights element-wise over one feature dictionary', () => {
    const features = new Map([['w=بغداد', 0]]);
    const tags = ['O', 'B-LOC'];
    const a = {
      tags,
      features,
      emission: Float32Array.from([1, 3]),
      transition: Float32Array.from([0, 2, 4, 6, 8, 10]),
    };
    const b = {
      tags,
      features,
      emission: Float32Array.from([3, -1]),
      transition: Float32Array.from([2, 2, 2, 2, 2, 2]),
    };
    const mean = meanWeights([a, b]);
    expect([...mean.emission]).toEqual([2, 1]);
    expect([...mean.transition]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(mean.features).toBe(features);
    expect([...meanWeights([a]).emission]).toEqual([1, 3]);
  });
});

describe('foldDomain', () => {
  it('sums each shared feature row with its target-domain copy and drops other domains', () => {
    const tags = ['O', 'B-LOC'];
    const features = new Map([
      ['w=حلب', 0],
      ['T§w=حلب', 1],
      ['wiki§w=حلب', 2],
      ['w=زار', 3],
      ['wiki§w=زار', 4],
      ['w=§', 5],
    ]);
    const emission = Float32Array.from([0, 2, 1, 3, -5, 5, 4, 0, 9, 9, 7, 7]);
    const folded = foldDomain({ tags, features, emission, transition: Float32Array.from([1, 2, 3, 4, 5, 6]) }, 'T');
    expect([...folded.features.keys()]).toEqual(['w=حلب', 'w=زار', 'w=§']);
    expect([...folded.emission]).toEqual([1, 5, 4, 0, 7, 7]);
    expect([...folded.transition]).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('trainTagger with feature augmentation', () => {
  const resources = buildResources(new Map(), []);
  const sentence = (tokens: string[], tags: string[], domain?: string) => ({
    tokens,
    tags,
    ...(domain ? { domain } : {}),
  });
  // The extra corpus tags «الخليج» as a place; ANERcorp-style data leaves it untagged: the target's copy must win.
  const target = Array.from({ length: 6 }, () => sentence(['زار', 'الوفد', 'الخليج', 'أمس'], ['O', 'O', 'O', 'O']));
  const extra = Array.from({ length: 6 }, () =>
    sentence(['زار', 'الوفد', 'الخليج', 'أمس'], ['O', 'O', 'B-LOC', 'O'], 'wiki'),
  );
  const options = { epochs: 5, minFeatureCount: 1, seed: 1 };

  it('keeps the target corpus convention where the extra corpus disagrees', () => {
    const adapted = trainTagger([...target, ...extra], [], resources, { ...options, domainAdapt: true });
    expect([...adapted.features.keys()].some((f) => f.includes('§'))).toBe(false);
    expect(tagAll(adapted, [target[0]!], resources)[0]).toEqual(['O', 'O', 'O', 'O']);
    // Without augmentation the same data teaches a compromise the extra corpus can win.
    const pooled = trainTagger([...extra, ...extra, ...target], [], resources, options);
    expect(tagAll(pooled, [target[0]!], resources)[0]).toEqual(['O', 'O', 'B-LOC', 'O']);
  });
});

describe('learned back-off exclusions', () => {
  it('are learned from the training annotations, stored in the model file and honoured by the tagger', () => {
    const resources = buildResources(new Map(), []);
    const untagged = (tokens: string[]) => ({ tokens, tags: tokens.map(() => 'O') });
    const training = [
      untagged(['وافق', 'مجلس', 'الوزراء', 'على', 'الخطة']),
      untagged(['رئيس', 'مجلس', 'الوزراء', 'قال']),
    ];
    const backoffExcluded = learnBackoffExclusions(training, resources);
    expect(backoffExcluded).toEqual(['مجلس الوزراء']);

    const weights = trainTagger(training, [], resources, { epochs: 1, minFeatureCount: 1, seed: 1 });
    const model = parseModel(
      serializeModel({ weights, clusters: new Map(), extraNames: [], backoffExcluded, info: {} }),
    );
    expect(model.backoffExcluded).toEqual(['مجلس الوزراء']);
    const tokens = ['اجتمع', 'مجلس', 'الوزراء', 'في', 'جرف', 'النصر'];
    expect(tagTokens(createTagger(model), tokens)).toEqual(['O', 'O', 'O', 'O', 'B-LOC', 'I-LOC']);
    // A model without the list (older files) still forces every curated name.
    expect(tagTokens(createTagger({ ...model, backoffExcluded: undefined }), tokens)).toEqual([
      'O',
      'B-ORG',
      'I-ORG',
      'O',
      'B-LOC',
      'I-LOC',
    ]);
  });
});
