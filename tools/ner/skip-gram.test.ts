import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/seeded-random.ts';
import { trainEmbeddings } from './skip-gram.ts';

describe('trainEmbeddings', () => {
  it('gives words used in the same contexts closer vectors than words used in different ones, deterministically', () => {
    // ids: 0 الوفد, 1 وصل, 2 إلى, 3–5 cities, 6 قال, 7–9 speakers, 10 إن
    const random = seededRandom(9);
    const sentences: Int32Array[] = [];
    for (let i = 0; i < 600; i++) {
      sentences.push(Int32Array.from([1, 0, 2, 3 + Math.floor(random() * 3)]));
      sentences.push(Int32Array.from([6, 7 + Math.floor(random() * 3), 10]));
    }
    const counts = Array.from({ length: 11 }, (_, w) =>
      sentences.reduce((n, s) => n + s.filter((x) => x === w).length, 0),
    );
    const options = { dims: 16, window: 2, negatives: 3, epochs: 5, learningRate: 0.05, sample: 1, seed: 4 };
    const vectors = trainEmbeddings(sentences, counts, options);
    const cosine = (a: number, b: number): number => {
      let dot = 0;
      for (let d = 0; d < 16; d++) dot += vectors[a * 16 + d]! * vectors[b * 16 + d]!;
      return dot;
    };
    expect(cosine(3, 4)).toBeGreaterThan(cosine(3, 7) + 0.3);
    expect(cosine(7, 8)).toBeGreaterThan(cosine(8, 5) + 0.3);
    expect(trainEmbeddings(sentences, counts, options)).toEqual(vectors);
  });
});
