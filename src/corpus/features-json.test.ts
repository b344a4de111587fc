import { describe, expect, it } from 'vitest';
import { articleFeatures } from './cluster/event-index.ts';
import { featuresFromJson, featuresToJson } from './features-json.ts';
import { FLOOD_A, UNDATED_FLOOD } from './fixtures/articles.ts';

describe('features JSON', () => {
  it('round-trips features, signature included', () => {
    for (const input of [FLOOD_A, UNDATED_FLOOD]) {
      const features = articleFeatures(input);
      expect(featuresFromJson(featuresToJson(features))).toEqual(features);
    }
  });
  it('rejects a row that is not a features document', () => {
    expect(() => featuresFromJson('{"id": 3}')).toThrow();
  });
});
