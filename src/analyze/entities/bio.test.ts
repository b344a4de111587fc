import { describe, expect, it } from 'vitest';
import { chunksOf, evaluateChunks } from './bio.ts';

describe('chunksOf', () => {
  it('reads B/I runs as chunks and an orphan I- as a new chunk (conlleval)', () => {
    expect(chunksOf(['B-PERS', 'I-PERS', 'O', 'I-LOC', 'B-ORG', 'I-LOC'])).toEqual([
      { type: 'PERS', start: 0, end: 2 },
      { type: 'LOC', start: 3, end: 4 },
      { type: 'ORG', start: 4, end: 5 },
      { type: 'LOC', start: 5, end: 6 },
    ]);
  });

  it('splits adjacent B- chunks of the same type', () => {
    expect(chunksOf(['B-LOC', 'B-LOC', 'I-LOC'])).toEqual([
      { type: 'LOC', start: 0, end: 1 },
      { type: 'LOC', start: 1, end: 3 },
    ]);
  });
});

describe('evaluateChunks', () => {
  it('counts exact span and type matches only', () => {
    const gold = [
      ['B-PERS', 'I-PERS', 'O', 'B-LOC'],
      ['B-ORG', 'I-ORG'],
    ];
    const predicted = [
      ['B-PERS', 'O', 'O', 'B-LOC'],
      ['B-ORG', 'I-ORG'],
    ];
    const { micro, byType } = evaluateChunks(gold, predicted);
    expect(micro.correct).toBe(2);
    expect(micro.gold).toBe(3);
    expect(micro.predicted).toBe(3);
    expect(micro.f1).toBeCloseTo(2 / 3, 6);
    expect(byType.PERS!.f1).toBe(0);
    expect(byType.LOC!.f1).toBe(1);
  });
});
