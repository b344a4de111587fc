import { describe, expect, it } from 'vitest';
import { ownWordFeatures, wordInfo, type FeatureResources } from './features.ts';
import { buildGazetteer } from './gazetteer.ts';

const resources: FeatureResources = { clusters: new Map([['رومانوفسكي', '1234']]), rank: new Map(), gazetteer: buildGazetteer() };
const features = (token: string): string[] => { const out: string[] = []; ownWordFeatures(wordInfo(token, resources), out); return out; };

describe('ownWordFeatures', () => {
  it('adds boundary-marked character 3-grams of the stem (foreign-name endings such as «سكي»)', () => {
    const grams = features('رومانوفسكي').filter((f) => f.startsWith('n='));
    expect(grams[0]).toBe('n=^رو');
    expect(grams).toContain('n=فسك');
    expect(grams.at(-1)).toBe('n=كي$');
    expect(grams).toHaveLength('رومانوفسكي'.length);
  });

  it('takes the n-grams from the clitic-free stem and keeps word, cluster and affix features', () => {
    const out = features('والعراقيون');
    expect(out).toContain('n=^عر');
    expect(out).not.toContain('n=^وا');
    expect(out).toContain('sf3=يون');
    expect(features('رومانوفسكي')).toEqual(expect.arrayContaining(['k1=1', 'k4=1234', 'w=رومانوفسكي']));
  });
});
