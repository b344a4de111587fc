import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../core/seeded-random.ts';
import { buildClusters } from './clusters.ts';

describe('buildClusters', () => {
  it('puts words that share contexts in the same cluster, deterministically', () => {
    const cities = ['بغداد', 'دمشق', 'عمان', 'بيروت'];
    const verbs = ['قال', 'أكد', 'أضاف', 'أوضح'];
    const random = seededRandom(3);
    const sentences: string[][] = [];
    for (let i = 0; i < 400; i++) {
      const city = cities[Math.floor(random() * 4)]!;
      const verb = verbs[Math.floor(random() * 4)]!;
      sentences.push(['وصل', 'الوفد', 'إلى', city, 'أمس'], ['و', verb, 'المسؤول', 'إن', 'الوضع']);
    }
    const options = { vocabSize: 100, minCount: 5, contextSize: 20, offsets: [-2, -1, 1, 2], dims: 32, branching: [4, 4], iterations: 10, seed: 5 };
    const clusters = buildClusters(() => sentences, options);
    const cityPaths = new Set(cities.map((c) => clusters.get(c)));
    const verbPaths = new Set(verbs.map((v) => clusters.get(v)));
    expect(cityPaths.size).toBe(1);
    expect(verbPaths.size).toBe(1);
    expect([...cityPaths][0]).not.toBe([...verbPaths][0]);
    expect(buildClusters(() => sentences, options)).toEqual(clusters);
  });
});
