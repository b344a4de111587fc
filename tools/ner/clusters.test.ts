import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/seeded-random.ts';
import { buildClusters } from './clusters.ts';

describe('buildClusters', () => {
  it.each([
    ['ppmi', { vectors: 'ppmi' as const }],
    ['sgns', { vectors: 'sgns' as const, embedding: { sample: 1, epochs: 10 } }],
  ])('puts words that share contexts in the same cluster, deterministically (%s vectors)', (_name, vectorOptions) => {
    const cities = ['بغداد', 'دمشق', 'عمان', 'بيروت'];
    const verbs = ['قال', 'أكد', 'أضاف', 'أوضح'];
    const random = seededRandom(3);
    const sentences: string[][] = [];
    for (let i = 0; i < 400; i++) {
      const city = cities[Math.floor(random() * 4)]!;
      const verb = verbs[Math.floor(random() * 4)]!;
      sentences.push(['وصل', 'الوفد', 'إلى', city, 'أمس'], ['و', verb, 'المسؤول', 'إن', 'الوضع']);
    }
    const options = {
      vocabSize: 100,
      minCount: 5,
      contextSize: 20,
      offsets: [-2, -1, 1, 2],
      dims: 32,
      branching: [4, 4],
      iterations: 10,
      seed: 5,
      ...vectorOptions,
    };
    const clusters = buildClusters(() => sentences, options);
    // Top-level cluster: near-identical skip-gram vectors may still be split by the finer level.
    const cityPaths = new Set(cities.map((c) => clusters.get(c)!.slice(0, 1)));
    const verbPaths = new Set(verbs.map((v) => clusters.get(v)!.slice(0, 1)));
    expect(cityPaths.size).toBe(1);
    expect(verbPaths.size).toBe(1);
    expect([...cityPaths][0]).not.toBe([...verbPaths][0]);
    expect(buildClusters(() => sentences, options)).toEqual(clusters);
  });
});
