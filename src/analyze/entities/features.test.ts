import { describe, expect, it } from 'vitest';
import { ownWordFeatures, sentenceFeatures, wordInfo, type FeatureResources } from './features.ts';
import { buildGazetteer } from './gazetteer.ts';

const resources: FeatureResources = {
  clusters: new Map([['كوفالسكي', '1234']]),
  rank: new Map(),
  gazetteer: buildGazetteer(),
};
const features = (token: string): string[] => {
  const out: string[] = [];
  ownWordFeatures(wordInfo(token, resources), out);
  return out;
};

describe('ownWordFeatures', () => {
  it('adds boundary-marked character 3-grams of the stem (foreign-name endings such as «سكي»)', () => {
    const grams = features('كوفالسكي').filter((f) => f.startsWith('n='));
    expect(grams[0]).toBe('n=^كو');
    expect(grams).toContain('n=لسك');
    expect(grams.at(-1)).toBe('n=كي$');
    expect(grams).toHaveLength('كوفالسكي'.length);
  });

  it('takes the n-grams from the clitic-free stem and keeps word, cluster and affix features', () => {
    const out = features('والعراقيون');
    expect(out).toContain('n=^عر');
    expect(out).not.toContain('n=^وا');
    expect(out).toContain('sf3=يون');
    expect(features('كوفالسكي')).toEqual(expect.arrayContaining(['k1=1', 'k4=1234', 'w=كوفالسكي']));
  });
});

describe('sentence-level features', () => {
  it('marks cities and countries in a sports sentence (clubs and teams) but not in other sentences', () => {
    const sport = sentenceFeatures('تعادل ليون مع ضيفه في الدوري'.split(' '), resources);
    const politics = sentenceFeatures('زار الوزير ليون أمس'.split(' '), resources);
    expect(sport[1]).toContain('sp|g=CITY-B');
    expect(politics[2]!.some((f) => f.startsWith('sp|'))).toBe(false);
    expect(politics[2]).toContain('g=CITY-B');
  });
});
